/**
 * Every word an export prints, in French (the CNIL template's wording) or English. Vocabulary
 * labels (legal bases, recipient types, safeguards…) and country names come from the register's
 * reference tables, so a DPO who rewords a term sees the new wording in the next export.
 */
import type { Audience } from './audience.js';
import type { AdequacyStatus, VocabularyKind } from '../model/codes.js';
import type { Country, VocabularyTerm } from '../model/register.js';
import type { Register } from '../register.js';
import { hasKey, t as translate, type MessageParams } from '../i18n/i18n.js';
import { foldKey } from '../text.js';
import { inLang } from '../i18n/localized.js';
import type { en as docWords } from '../i18n/locales/doc.js';

export type ExportLang = 'fr' | 'en';
export const EXPORT_LANGS = ['fr', 'en'] as const;

/**
 * Export words are keys of the `doc` area of the one catalogue (core/i18n/locales/doc.ts), written
 * without their prefix (`name` for `doc.name`), or keys of the `legal` area.
 */
export type TextKey = (keyof typeof docWords extends infer K ? (K extends `doc.${infer W}` ? W : never) : never) | `legal.${string}` | `purposes.${string}`;

/** Where a parameter goes in a template of `Labels.format`. */
const MARKER = /\uE000(\w+)\uE000/g;

/** `name` → `doc.name`; a key of another area (`legal.tiaRef`, `purposes.served`) or already prefixed stays as it is. */
function fullKey(key: string): string {
  return /^(doc|legal|purposes)\./.test(key) ? key : `doc.${key}`;
}

/** Labels for one language, resolved against one register's reference tables. */
export class Labels {
  /** Words an export asked for that the catalogue lacks (printed as their key): tests assert there are none. */
  static readonly missing = new Set<string>();
  /** Each word looked up once per export: a 10,000-activity XLSX asks for the same labels again and again. */
  private readonly cache = new Map<string, string>();
  private readonly templates = new Map<string, string>();
  /** Who the export is for (issue 12): set by the export run; writers read it through `showsReview`/`showsInternal`. */
  audience: Audience = 'authority';
  private readonly terms = new Map<string, VocabularyTerm>();
  private readonly countryMap: Map<string, Country>;
  /** "Données de référence au 28/11/2026": the date of the adequacy statuses printed. */
  referenceAsOf = '';

  constructor(
    readonly lang: ExportLang,
    terms: VocabularyTerm[],
    countries: Map<string, Country>,
    /** Folded names of the directory's recipients certified under the EU-US Data Privacy Framework. */
    readonly dpfCertified: ReadonlySet<string> = new Set(),
  ) {
    for (const t of terms) this.terms.set(`${t.kind}:${t.code}`, t);
    this.countryMap = countries;
  }

  static forRegister(reg: Register, lang: ExportLang): Labels {
    // Destinations: countries and international organisations.
    const labels = new Labels(lang, reg.reference.terms(), reg.reference.destinations(), new Set(reg.reference.dpfCertifiedRecipients().map(foldKey)));
    const dataset = reg.reference.currentDataset();
    if (dataset) labels.referenceAsOf = translate(lang, 'legal.dataset.asOf', { date: labels.date(dataset.asOf) });
    return labels;
  }

  /** A word of the `doc` area (`name`), or any catalogue key with its area (`legal.…`). */
  t(key: TextKey | `doc.${string}`): string {
    let text = this.cache.get(key);
    if (text === undefined) {
      const full = fullKey(key);
      if (!hasKey(full)) Labels.missing.add(full);
      text = translate(this.lang, full);
      this.cache.set(key, text);
    }
    return text;
  }

  /** Whether a word exists (a label key rather than a text already in words). */
  has(key: string): boolean {
    return !/\s/.test(key) && hasKey(fullKey(key));
  }

  /**
   * A key of the `doc` area with parameters. The translation is looked up once per key (and count:
   * the plural form) with markers in place of the other parameters, then filled in: i18next's own
   * interpolation, at each of the hundreds of thousands of dates and "label: value" pairs of a
   * large export, cost a third of the XLSX export's time.
   */
  format(key: string, params: MessageParams): string {
    const count = params.count;
    const templateKey = count === undefined ? key : `${key}#${String(count)}`;
    let template = this.templates.get(templateKey);
    if (template === undefined) {
      if (!hasKey(`doc.${key}`)) Labels.missing.add(`doc.${key}`);
      const markers: MessageParams = {};
      for (const name of Object.keys(params)) markers[name] = name === 'count' ? count : `\uE000${name}\uE000`;
      template = translate(this.lang, `doc.${key}`, markers);
      this.templates.set(templateKey, template);
    }
    return template.includes('\uE000') ? template.replace(MARKER, (_, name: string) => String(params[name] ?? '')) : template;
  }

  /** Whether a transfer's recipient is certified under the Data Privacy Framework (directory). */
  isDpfCertified(recipient: string): boolean {
    return this.dpfCertified.has(foldKey(recipient));
  }

  /** Items of one line joined: " ; " in French typography, "; " in English. */
  joinItems(items: readonly string[]): string {
    return items.join(this.lang === 'fr' ? ' ; ' : '; ');
  }

  /** "Label : value" in French typography, "Label: value" in English. */
  kv(label: string, value: string): string {
    return value ? this.format('kv', { label, value }) : label;
  }

  yesNo(v: boolean): string {
    return v ? this.t('yes') : this.t('no');
  }

  /** A vocabulary label; an unknown code prints as itself. */
  term(kind: VocabularyKind, code: string | null | undefined): string {
    if (!code) return '';
    const t = this.terms.get(`${kind}:${code}`);
    return t ? inLang(t, 'label', this.lang) : code;
  }

  /** The legal reference of a vocabulary entry, e.g. "Art. 6(1)(a)". */
  article(kind: VocabularyKind, code: string | null | undefined): string {
    return code ? (this.terms.get(`${kind}:${code}`)?.article ?? '') : '';
  }

  isLegacy(kind: VocabularyKind, code: string | null | undefined): boolean {
    return code ? Boolean(this.terms.get(`${kind}:${code}`)?.legacy) : false;
  }

  role(code: string): string {
    return this.coded('role', code);
  }

  status(code: string): string {
    return this.coded('status', code);
  }

  dpiaStatus(code: string): string {
    return this.coded('dpiaStatus', code);
  }

  finalFate(code: string | null): string {
    return code ? this.coded('finalFate', code) : '';
  }

  /** The word for a code of a closed list (`doc.role.processor`); an unknown code prints as itself. */
  private coded(list: string, code: string): string {
    const key = `doc.${list}.${code}` as const;
    let text = this.cache.get(key);
    if (text === undefined) {
      text = this.has(key) ? this.t(key) : code;
      this.cache.set(key, text);
    }
    return text;
  }

  /** Every country of the register's reference data (for the points to review). */
  get countries(): Map<string, Country> {
    return this.countryMap;
  }

  countryInfo(code: string): Country | undefined {
    return code ? this.countryMap.get(code.toUpperCase()) : undefined;
  }

  country(code: string): string {
    const c = this.countryInfo(code);
    return c ? inLang(c, 'name', this.lang) : code;
  }

  adequacy(status: AdequacyStatus, code?: string): string {
    // An international organisation is "adequate", not an "adequate country".
    if (status === 'adequate' && code && this.countryInfo(code)?.kind === 'organisation') return this.t('legal.adequacy.organisation');
    return this.t(`adequacy.${status}`);
  }

  /** The adequacy decision of a country: "2023-07-10 — EU-US DPF certified organisations only". */
  adequacyDecision(code: string): string {
    const c = this.countryInfo(code);
    if (!c || !c.adequacyDecisionDate) return '';
    const scope = inLang(c, 'adequacyScope', this.lang);
    return [this.date(c.adequacyDecisionDate), scope].filter(Boolean).join(' — ');
  }

  /** "P5Y" → "5 ans" / "5 years"; "P1Y6M" → "1 an 6 mois". */
  duration(iso: string): string {
    const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso ?? '');
    if (!m) return iso ?? '';
    const parts: string[] = [];
    (['Y', 'M', 'W', 'D'] as const).forEach((unit, k) => {
      const n = m[k + 1];
      if (n !== undefined) parts.push(this.format(`unit.${unit}`, { count: Number(n) }));
    });
    return parts.join(' ');
  }

  /** An ISO date or timestamp as the reader expects it: 14/05/2019, or 2019-05-14 in English. */
  date(iso: string): string {
    if (!iso) return '';
    const d = iso.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return iso;
    return this.format('date', { y: d.slice(0, 4), m: d.slice(5, 7), d: d.slice(8, 10) });
  }

  /** Spreadsheet date format. */
  get dateFormat(): string {
    return this.t('sheetDateFormat');
  }
}

/** A date (YYYY-MM-DD or ISO timestamp) as a spreadsheet date: midnight UTC of that day. */
export function toSheetDate(iso: string): Date | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const d = new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}
