/**
 * Retention text → ISO 8601 duration and trigger, keeping the original words:
 * "3 ans" → P3Y; "1 mois" → P1M; "10 years after contract end" → P10Y + "contract end";
 * "5 ans à compter du versement de la paie" → P5Y + "versement de la paie";
 * "jusqu'à la suppression du compte" → no duration, trigger "suppression du compte".
 */
import { foldKey, WORD_END, WORD_START } from '../../text.js';
import type { RetentionFinalFate } from '../../model/codes.js';
import { DURATION_FROM, DURATION_JOINS, durationUnitWords } from '../vocabulary/index.js';

export interface ParsedRetention {
  text: string;
  duration: string;
  trigger: string;
  activePeriod: string;
  archivePeriod: string;
  finalFate: RetentionFinalFate | null;
  /** False when neither a duration nor a trigger could be read. */
  understood: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  one: 1,
  a: 1,
  an: 1,
  deux: 2,
  two: 2,
  trois: 3,
  three: 3,
  quatre: 4,
  four: 4,
  cinq: 5,
  five: 5,
  six: 6,
  sept: 7,
  seven: 7,
  huit: 8,
  eight: 8,
  neuf: 9,
  nine: 9,
  dix: 10,
  ten: 10,
  onze: 11,
  eleven: 11,
  douze: 12,
  twelve: 12,
  quinze: 15,
  fifteen: 15,
  vingt: 20,
  twenty: 20,
  trente: 30,
  thirty: 30,
  cinquante: 50,
  fifty: 50,
  cent: 100,
  hundred: 100,
};
const UNITS: [RegExp, 'Y' | 'M' | 'W' | 'D'][] = [
  // School and business terms: a school year, a financial year, a fiscal year count as years.
  [
    /^(ans?|annees?|years?|yrs?|a|annees? scolaires?|annees? universitaires?|school years?|academic years?|exercices?(?: comptables?| fiscaux| fiscal)?|financial years?|fiscal years?|jahre?n?|anos?|anni|anno|jaa?r|jaren)$/,
    'Y',
  ],
  [/^(mois|months?|mths?|m|monate?n?|mes|meses|mesi|mese|maand|maanden|mnd)$/, 'M'],
  [/^(semaines?|weeks?|sem|wks?|wochen?|semanas?|settimane|settimana|weken)$/, 'W'],
  [/^(jours?|days?|j|d|tage?n?|dias?|giorni|giorno|dagen|dag)$/, 'D'],
];
// The units of the other languages are data (vocabulary/*.json, "durationUnits"): "år", "lata", "vuotta", "dní".
const MORE_UNITS = durationUnitWords();
const MORE_UNIT = new Map(MORE_UNITS);

const AMOUNT = String.raw`(\d+(?:[.,]\d+)?|${Object.keys(NUMBER_WORDS).join('|')})\s*(annees? scolaires?|annees? universitaires?|school years?|academic years?|exercices?(?: comptables?| fiscaux)?|financial years?|fiscal years?|jahre?n?|ans?|annees?|years?|yrs?|anos?|anni|anno|jaren|jaar|mois|months?|mths?|monate?n?|meses|mesi|mese|mes|maanden|maand|mnd|semaines?|weeks?|sem|wks?|wochen?|semanas?|settimane|settimana|weken|jours?|days?|tage?n?|dias?|giorni|giorno|dagen|dag|j${MORE_UNITS.map(([w]) => `|${w}`).join('')})${WORD_END}`;

const AMOUNT_RE = new RegExp(AMOUNT, 'g');

function amount(num: string, unit: string): { n: number; u: 'Y' | 'M' | 'W' | 'D' } | null {
  let n = /^\d/.test(num) ? Number(num.replace(',', '.')) : NUMBER_WORDS[num];
  let u = UNITS.find(([re]) => re.test(unit))?.[1] ?? MORE_UNIT.get(unit);
  if (!u || !Number.isFinite(n) || n <= 0) return null;
  if (!Number.isInteger(n)) {
    if (u === 'Y') [n, u] = [Math.round(n * 12), 'M'];
    else if (u === 'M') [n, u] = [Math.round(n * 30), 'D'];
    else n = Math.round(n);
  }
  return { n, u };
}

function iso(parts: { n: number; u: 'Y' | 'M' | 'W' | 'D' }[]): string {
  const sum = { Y: 0, M: 0, W: 0, D: 0 };
  for (const p of parts) sum[p.u] += p.n;
  if (sum.W && (sum.Y || sum.M || sum.D)) [sum.D, sum.W] = [sum.D + sum.W * 7, 0];
  const s = `P${sum.Y ? `${sum.Y}Y` : ''}${sum.M ? `${sum.M}M` : ''}${sum.W ? `${sum.W}W` : ''}${sum.D ? `${sum.D}D` : ''}`;
  return s === 'P' ? '' : s;
}

const TRIGGER_WORDS = String.raw`a compter d(?:u|e la|e l|es|e)|a partir d(?:u|e la|e l|es|e)|apres(?: la| le| l| les)?|suivant(?: la| le| l)?|des la fin d(?:u|e la|e l|es)|from(?: the)?|after(?: the)?|following(?: the)?|since(?: the)?|counted from(?: the)?`;
// Other languages' words are data (vocabulary/*.json, "durationFrom"): "efter", "po", "após".
const TRIGGER = new RegExp(String.raw`${WORD_START}(?:${TRIGGER_WORDS}${DURATION_FROM.map((w) => `|${w}`).join('')})\s+(.+)$`);
const UNTIL = /\b(?:jusqu a|jusqu au|jusqu aux|until|till|pendant|pour la duree d|for the duration of|during|le temps d|duree d|duree de la|duree du|tant que)\s+(.+)$/;

export function parseRetention(text: string): ParsedRetention {
  const original = text.trim();
  const k = foldKey(original);
  const result: ParsedRetention = { text: original, duration: '', trigger: '', activePeriod: '', archivePeriod: '', finalFate: null, understood: false };
  if (/\b(anonymis|anonymiz|anonymous)/.test(k)) result.finalFate = 'anonymise';
  // Public bodies: deposit in the public archives ("versement"), sorting with the archives ("tri").
  else if (/\b(versement (aux|aux services d|au service d|en|dans les) archives|verse(es)? aux archives|deposit(ed)? (in|with) the (public )?archives)/.test(k))
    result.finalFate = 'deposit';
  else if (/\b(tri|triage|sorting|tri selectif)\b/.test(k) && !/\b(tri(mestre|mestriel))/.test(k)) result.finalFate = 'sort';
  else if (/\b(archives? (definitive|historique|publique)|archivage definitif|permanent archiv|versement aux archives)/.test(k)) result.finalFate = 'archive';
  else if (/\b(suppression|supprime|effac|destruction|detruit|deleted?|erased?|destroyed?|purge)/.test(k) && !UNTIL.test(k)) result.finalFate = 'delete';

  const re = AMOUNT_RE;
  re.lastIndex = 0;
  const found: { n: number; u: 'Y' | 'M' | 'W' | 'D'; index: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(k))) {
    const a = amount(m[1], m[2]);
    if (a) found.push({ ...a, index: m.index, end: m.index + m[0].length });
  }
  // "3 ans en base active puis 5 ans en archivage intermédiaire"
  if (found.length >= 2 && /\b(actif|active|courante|base active|active use)\b/.test(k) && /\b(archiv)/.test(k)) {
    result.activePeriod = iso([found[0]]);
    result.archivePeriod = iso([found[1]]);
    result.duration = iso([found[0], found[1]]);
  } else if (found.length) {
    // "1 an et 6 mois", "1 year 6 months": consecutive amounts add up.
    const group = [found[0]];
    for (let i = 1; i < found.length; i++) {
      const gap = k.slice(found[i - 1].end, found[i].index).trim();
      // Only a smaller unit adds to a larger one: "30 days (90 days for incidents)" is not 120 days.
      const smaller = 'YMWD'.indexOf(found[i].u) > 'YMWD'.indexOf(group[group.length - 1].u);
      if (smaller && (gap === '' || gap === 'et' || gap === 'and' || gap === 'plus' || gap === 'und' || gap === 'y' || gap === 'e' || gap === 'en' || DURATION_JOINS.has(gap)))
        group.push(found[i]);
      else break;
    }
    result.duration = iso(group);
  }
  const t = TRIGGER.exec(
    original
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’]/g, ' '),
  );
  const u = UNTIL.exec(
    original
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’]/g, ' '),
  );
  const clause = t?.[1] ?? (found.length ? undefined : u?.[1]);
  if (clause) result.trigger = originalSlice(original, clause);
  else if (/\b(fin du contrat|fin de contrat|fin de la relation|end of (the )?contract|contract end)\b/.test(k)) {
    result.trigger = /\b(end of (the )?contract|contract end)\b/.test(k) ? 'contract end' : 'fin du contrat';
  } else {
    // "Fin de scolarité + 1 an", "end of employment", "départ de l'agent": an event that starts the period.
    const folded = original
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’]/g, ' ');
    const event =
      /\b((?:fin|sortie|depart|cloture|terminaison) (?:de la|du|de l|des|de|d) [a-z ]{3,40}?|end of (?:the )?[a-z ]{3,40}?|(?:depart|departure|leaving|graduation|closure|sortie))(?=$|[\s,;.+(])/.exec(
        folded,
      );
    if (event) result.trigger = originalSlice(original.slice(0, event.index + event[0].length).trim(), event[1]);
  }
  result.understood = Boolean(result.duration || result.trigger);
  return result;
}

/** The words of the original text that correspond to a clause found in its folded form. */
function originalSlice(original: string, foldedClause: string): string {
  const words = foldedClause.trim().split(/\s+/).length;
  const tokens = original.trim().split(/\s+/);
  return tokens
    .slice(-words)
    .join(' ')
    .replace(/^(l['’]|d['’])/i, '')
    .replace(/^(la|le|les|the|du|de la|des)\s+/i, '')
    .replace(/[.;]+$/, '')
    .trim();
}
