/**
 * The import's words, as data: one file per language (fr, en, de, es, it, nl, pt, sv, da, pl, cs, fi, ro, hu, sk, hr, sl, bg,
 * el, lt, lv, et, nb, ca) of the words a department
 * writes for rows that are not activities and for ticks, and of the words, abbreviations and
 * acronyms it writes for each field (see `fields` in each file). Merged here, folded, for the stages.
 */
import { foldKey, WORD_END, WORD_START } from '../../text.js';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import it from './it.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };
// Portuguese, Swedish, Danish, Polish, Czech, Finnish: Art. 30 and Art. 6(1), 46, 49 in the GDPR's official wording, plus department words.
import pt from './pt.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };
import da from './da.json' with { type: 'json' };
import pl from './pl.json' with { type: 'json' };
import cs from './cs.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
// The other EU/EEA languages, the same way: Romanian, Hungarian, Slovak, Croatian, Slovenian, Bulgarian, Greek, Lithuanian,
// Latvian, Estonian, Norwegian Bokmål, Catalan (Greek and Bulgarian words are folded like the others: tonos dropped, ς = σ).
import ro from './ro.json' with { type: 'json' };
import hu from './hu.json' with { type: 'json' };
import sk from './sk.json' with { type: 'json' };
import hr from './hr.json' with { type: 'json' };
import sl from './sl.json' with { type: 'json' };
import bg from './bg.json' with { type: 'json' };
import el from './el.json' with { type: 'json' };
import lt from './lt.json' with { type: 'json' };
import lv from './lv.json' with { type: 'json' };
import et from './et.json' with { type: 'json' };
import nb from './nb.json' with { type: 'json' };
import ca from './ca.json' with { type: 'json' };

export type RowMarkerKind = 'example' | 'instruction' | 'total' | 'notes';

interface LanguageFile {
  language: string;
  rows: Record<RowMarkerKind, string[]>;
  ticks: string[];
  untick: string[];
  /** Function words (articles, prepositions, conjunctions) that say nothing about a field: "των", "на", "și". */
  fillerWords?: string[];
  /** Headers departments write for each field (compared folded). */
  fields?: Record<string, string[]>;
  /** Stems and short phrases that say a header is about a field ("~" marks a weak word). */
  keywords?: Record<string, string[]>;
  abbreviations?: Record<string, string>;
  questions?: [string, string][];
  registerWords?: string[];
  legalBases?: Record<string, string[]>;
  /** Words that point to a special category when a row says it holds sensitive data without naming one. */
  specialHints?: Record<string, string[]>;
  /** Short names of countries the platform's ICU names do not hold ("SUA", "ΗΠΑ", "САЩ", "ZDA"): alias → ISO code. */
  countryAliases?: Record<string, string>;
  /** Places that are not one country ("EU", "worldwide", "Asia"): a location column's values, never a transfer by themselves. */
  regions?: string[];
  /** Words that open a statement of nothing ("Aucun tiers n'a accès…", "Sans objet — …"). */
  nothing?: string[];
  /** Words for "date": a header that opens with one asks for a date ("Fecha inicio tratamiento"). */
  dateWords?: string[];
  /** Labels that make a line of a cell a note for the reader ("Achtung: …", "NB : …"), not a value. */
  alerts?: string[];
  /** Transfer safeguards (and Art. 49 derogations) in the language's own words, by code (French and English: normalise/safeguard.ts). */
  safeguards?: Record<string, string[]>;
  /** Words that say a safeguard or a document is not there ("SCC FEHLT", "clauses à signer", "pending"). */
  missing?: string[];
  derogations?: Record<string, string[]>;
  /** Words for a year, month, week and day after a number ("5 år", "3 lata", "10 vuotta"), every inflection written out. */
  durationUnits?: Partial<Record<DurationUnit, string[]>>;
  /** Words between two amounts that add up ("1 år och 6 månader"). */
  durationJoins?: string[];
  /** Words after a duration that open the event it runs from ("5 år efter udstedelse", "3 lata od zakończenia umowy"). */
  durationFrom?: string[];
  /**
   * A cell's words for the coded values of a field, by code: the activity's role, its status, its DPIA's status
   * ("Auftragsverarbeiter", "en producción", "non richiesta"). A word ending in "*" also stands for the words it opens.
   */
  values?: Partial<Record<ValueKind, Record<string, string[]>>>;
}

export type ValueKind = 'role' | 'status' | 'dpiaStatus';

export type DurationUnit = 'Y' | 'M' | 'W' | 'D';

export const LANGUAGES: LanguageFile[] = [fr, en, de, es, it, nl, pt, sv, da, pl, cs, fi, ro, hu, sk, hr, sl, bg, el, lt, lv, et, nb, ca] as unknown as LanguageFile[];

const merged = (pick: (l: LanguageFile) => string[]): string[] => [...new Set(LANGUAGES.flatMap(pick).map((w) => foldKey(w)))];

/** Folded words that open a row of each kind, every language together, longest first. */
export const ROW_MARKERS: Record<RowMarkerKind, string[]> = {
  example: merged((l) => l.rows.example).sort((a, b) => b.length - a.length),
  instruction: merged((l) => l.rows.instruction).sort((a, b) => b.length - a.length),
  total: merged((l) => l.rows.total).sort((a, b) => b.length - a.length),
  notes: merged((l) => l.rows.notes).sort((a, b) => b.length - a.length),
};

/** Cell texts that tick a box, and those that leave it unticked (folded; symbols kept as written). */
export const TICKS = new Set(LANGUAGES.flatMap((l) => l.ticks).map((w) => foldKey(w) || w));
export const UNTICKS = new Set(LANGUAGES.flatMap((l) => l.untick).map((w) => foldKey(w)));

const REGISTER_WORDS = merged((l) => l.registerWords ?? []);

/** Folded function words of every language file: a header's words the field scoring passes over. */
export const FILLER_WORDS = merged((l) => l.fillerWords ?? []);

/** Folded words for "date", every language together. */
export const DATE_WORDS = new Set(merged((l) => l.dateWords ?? []));

/** A sheet or table name made of register words ("Registre RH" is, "Marketing" is not): no department. */
export function isRegisterWord(name: string): boolean {
  const k = ` ${foldKey(name)} `;
  // Excel's default sheet names in each language ("Munka1", "Foaie1", "Φύλλο1", "Лист1", "Ark1"…) name no department.
  return (
    /^ (sheet|feuil|tabelle|hoja|foglio|blatt|blad|folha|ark|arkusz|list|harok|taulukko|foaie|munka|lapas|lapa|leht|full|φυλλο|лист)\s*\d* $/.test(k) ||
    REGISTER_WORDS.some((w) => k.includes(` ${w} `) || k.includes(` ${w}s `))
  );
}

/** A field's header words, every language together (the file order: fr, en, de, es, it). */
export function fieldWords(key: string): string[] {
  return [...new Set(LANGUAGES.flatMap((l) => l.fields?.[key] ?? []))];
}

/** Every field's keywords, every language together. */
export function fieldKeywords(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of LANGUAGES) for (const [k, ws] of Object.entries(l.keywords ?? {})) out[k] = [...new Set([...(out[k] ?? []), ...ws])];
  return out;
}

/** Legal-basis wordings of every language: code → folded phrases. */
export function legalBasisWords(): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const l of LANGUAGES) for (const [code, ws] of Object.entries(l.legalBases ?? {})) out.set(code, [...(out.get(code) ?? []), ...ws.map((w) => foldKey(w))]);
  return [...out];
}

/**
 * The coded values of a field as expressions on folded text, in the order of the codes (the first that matches wins:
 * "responsabile del trattamento" is the processor in Italian before "responsable" is the controller elsewhere).
 * `whole`: the cell is the word itself (a status), else the cell contains it as words (a role, a DPIA's status).
 */
export function valueReaders<C extends string>(kind: ValueKind, codes: readonly C[], whole: boolean): [RegExp, C][] {
  return codes.map((code) => {
    const words = [...new Set(LANGUAGES.flatMap((l) => l.values?.[kind]?.[code] ?? []))]
      .map((w) => ({ k: foldKey(w), open: w.endsWith('*') }))
      .sort((a, b) => b.k.length - a.k.length)
      .map(({ k, open }) => `${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${open ? '' : WORD_END}`);
    const body = `(?:${words.join('|') || '(?!)'})`;
    return [new RegExp(whole ? `^${body}$` : `${WORD_START}${body}`), code];
  });
}

/** Questions a header asks, rewritten into the word of what they ask for: [folded pattern, concept]. */
export function questionForms(): [RegExp, string][] {
  // Word edges of any script: a Greek or Bulgarian question is not made of `\w` letters.
  return LANGUAGES.flatMap((l) => (l.questions ?? []).map(([re, concept]) => [new RegExp(`${WORD_START}(${re})${WORD_END}`, 'g'), ` ${concept} `] as [RegExp, string]));
}

/** Abbreviations and acronyms of every language (folded): "dcp" → "donnees a caractere personnel". */
export const ABBREVIATIONS: Map<string, string> = new Map(
  LANGUAGES.flatMap((l) => Object.entries(l.abbreviations ?? {}).map(([k, v]) => [foldKey(k), foldKey(v)] as [string, string])),
);

/** Special-category hints of every language: code → folded words ("arret maladie" → health). */
export function specialHints(): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const l of LANGUAGES) for (const [code, ws] of Object.entries(l.specialHints ?? {})) out.set(code, [...(out.get(code) ?? []), ...ws.map((w) => foldKey(w))]);
  return [...out];
}

const REGIONS = new Set(merged((l) => l.regions ?? []));
/** "EU", "Union européenne", "worldwide": a place that is not one country. */
export function isRegion(text: string): boolean {
  return REGIONS.has(foldKey(text));
}

/** Each safeguard's (or derogation's) words of every language, folded, as one whole-word expression per code. */
export function safeguardPhrases(which: 'safeguards' | 'derogations'): Map<string, RegExp> {
  const words = new Map<string, string[]>();
  for (const l of LANGUAGES) for (const [code, ws] of Object.entries(l[which] ?? {})) words.set(code, [...(words.get(code) ?? []), ...ws.map((w) => foldKey(w))]);
  return new Map([...words].map(([code, ws]) => [code, new RegExp(`(^| )(${ws.join('|')})( |$)`)]));
}

/** Folded words that say a safeguard or a document is missing or not in place yet ("fehlt", "a signer", "pending"), every language file together. */
export function missingWords(): string[] {
  return merged((l) => l.missing ?? []).sort((a, b) => b.length - a.length);
}

let KNOWN: Set<string> | null = null;
/** Every word of every language file (folded, four letters or more): the words a register is written with. */
export function knownWords(): Set<string> {
  if (KNOWN) return KNOWN;
  KNOWN = new Set();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const w of foldKey(v).split(' ')) if (w.length >= 4) KNOWN!.add(w);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  LANGUAGES.forEach(visit);
  return KNOWN;
}

const ALERTS = new Set(merged((l) => l.alerts ?? []));
/** "Achtung", "NB", "Attenzione": a label that opens a note, not a value (the whole label, folded). */
export function isAlertWord(label: string): boolean {
  return ALERTS.has(foldKey(label));
}

const NOTHING = merged((l) => l.nothing ?? []).sort((a, b) => b.length - a.length);
/** "Aucun tiers n'a accès aux données.", "Sans objet — aucun transfert", "Nessuno": a cell that says there is none. */
export function isNoneStatement(text: string): boolean {
  // An acronym is a name ("NAV", the Norwegian agency), even when a language's word for none is spelt alike (Latvian "nav").
  if (/^\p{Lu}{2,4}$/u.test(text.trim())) return false;
  const k = foldKey(text);
  if (NOTHING.some((w) => k === w || k.startsWith(`${w} `))) return true;
  // "Données sensibles : aucune", "Oplysninger, der er tillagt en højere grad af beskyttelse: Ingen": a label, then nothing.
  const labelled = /^[^:\n]{2,120}:\s*([^:\n]{1,60})$/.exec(text.trim());
  return labelled !== null && isNoneStatement(labelled[1]);
}

/** Folded words that join two amounts of a duration, and those that open its starting event, every language file together. */
export const DURATION_JOINS = new Set(merged((l) => l.durationJoins ?? []));
export const DURATION_FROM = merged((l) => l.durationFrom ?? []).sort((a, b) => b.length - a.length);

/** Folded duration-unit words of every language file, longest first, with their unit (normalise/retention.ts adds them to its own). */
export function durationUnitWords(): [string, DurationUnit][] {
  const out = new Map<string, DurationUnit>();
  for (const l of LANGUAGES) for (const [unit, ws] of Object.entries(l.durationUnits ?? {})) for (const w of ws) out.set(foldKey(w), unit as DurationUnit);
  return [...out].sort((a, b) => b[0].length - a[0].length);
}
