/**
 * The second signal of the mapping: what a column's cells hold, read independently of its header.
 * A column of country names, legal-basis wordings, durations, yes/no, dates, e-mail addresses,
 * transfer safeguards or organisations (vendor names, legal-entity suffixes) says what it is even
 * under a cryptic or missing header. Read on a sample of the column (at most 40 cells), with the
 * same normalisers the import uses for the values themselves.
 */
import { fold as foldKey } from '../fold.js';
import { parseDate } from '../normalise/date.js';
import { isEmptyEquivalent } from '../normalise/empty.js';
import { parseLegalBasis } from '../normalise/legal-basis.js';
import { parseRetention } from '../normalise/retention.js';
import { parseSafeguard } from '../normalise/safeguard.js';
import { parseYesNo } from '../normalise/yes-no.js';
import { icuNames } from '../normalise/country.js';
import { isRegion } from '../vocabulary/index.js';

export type ContentKind = 'country' | 'legalBasis' | 'duration' | 'yesno' | 'date' | 'email' | 'organisation' | 'safeguard' | 'code';

export interface ColumnContent {
  kind: ContentKind;
  /** The field the content alone points to (null when the kind fits several: dates, yes/no). */
  field: string | null;
  /** Share of the sampled values of that kind (0–1). */
  share: number;
  /** Specific enough to override a weak header reading. */
  strong: boolean;
}

export interface ContentTools {
  /** A country name or code → its ISO code (the register's own table when there is one). */
  country?: (text: string) => string | undefined;
}

const FIELD_OF: Record<ContentKind, string | null> = {
  country: 'transferCountries',
  legalBasis: 'legalBases',
  duration: 'retention',
  yesno: null,
  date: null,
  email: 'owner',
  organisation: 'processors',
  safeguard: 'transferSafeguard',
  code: 'ref',
};

/** Which content kinds confirm a field the header points to. */
const AGREES: Record<string, ContentKind[]> = {
  transferCountries: ['country'],
  legalBases: ['legalBasis'],
  retention: ['duration'],
  lastReviewedAt: ['date'],
  nextReviewAt: ['date'],
  createdAt: ['date'],
  updatedAt: ['date'],
  hasSpecialData: ['yesno'],
  dpiaStatus: ['yesno'],
  automatedDecision: ['yesno'],
  owner: ['email'],
  processors: ['organisation'],
  recipients: ['organisation'],
  transferRecipients: ['organisation'],
  clients: ['organisation'],
  jointControllers: ['organisation'],
  transferSafeguard: ['safeguard'],
  ref: ['code'],
};

export function contentAgrees(field: string, content: ColumnContent): boolean {
  return (AGREES[field] ?? []).includes(content.kind) && content.share >= 0.5;
}

// Countries from the platform's own ICU data (every ISO 3166-1 region, in every language of the vocabularies).
let regionNames: Map<string, string> | null = null;
function icuCountry(text: string): string | undefined {
  if (!regionNames) {
    regionNames = new Map();
    for (const [code, names] of icuNames()) for (const name of names) regionNames.set(foldKey(name), code);
    for (const [k, v] of Object.entries({
      usa: 'US',
      uk: 'GB',
      'royaume uni': 'GB',
      'etats unis': 'US',
      'united states': 'US',
      'coree du sud': 'KR',
      'south korea': 'KR',
      russie: 'RU',
      russia: 'RU',
    }))
      regionNames.set(k, v);
  }
  const t = text.trim();
  if (/^[A-Z]{2}$/.test(t)) return [...regionNames.values()].includes(t) ? t : undefined;
  return regionNames.get(foldKey(t.replace(/\(.*\)\s*$/, '')));
}

/** Organisations: legal-entity forms, and vendors every DPO meets. */
// The form follows the name ("Acme SAS", "Sundara Tech Pvt Ltd"): "company" alone is a data category.
const LEGAL_FORM =
  /\S\s+(sas|sasu|sarl|sa|sca|eurl|sci|scop|gie|ltd|limited|inc|llc|llp|plc|corp|corporation|co|company|gmbh|ag|kg|bv|nv|spa|srl|sl|pvt|pty|ab|as|oy|group|groupe|holding)\.?$/;
const VENDORS =
  /\b(microsoft|google|amazon|aws|azure|salesforce|sap|oracle|workday|hubspot|mailchimp|zoom|slack|atlassian|jira|dropbox|docusign|adobe|stripe|paypal|ovh|ovhcloud|scaleway|cegid|sage|adp|lucca|payfit|zendesk|intercom|twilio|sendgrid|brevo|sendinblue|meta|facebook|linkedin|qonto|pennylane|alan|swile|doctolib|pronote|index education|ecoledirecte|cloudflare|apple|ibm|cisco|okta|servicenow|shopify|typeform|surveymonkey|calendly|notion|trello|asana|monday|mailjet|orange|sfr|bouygues|docaposte|yousign|welcome to the jungle|indeed|talentsoft|cornerstone|teams|gmail|office 365|microsoft 365|google workspace)\b/;

/**
 * The share of texts that name a company by its legal form ("CloudSuite Ireland Ltd.", "MainRack GmbH"): activities
 * are never named so, vendors and sub-processors always are.
 */
export function legalEntityShare(values: string[]): number {
  const cells = values.map((v) => foldKey(v)).filter(Boolean);
  return cells.length ? cells.filter((k) => LEGAL_FORM.test(k)).length / cells.length : 0;
}

function isOrganisation(k: string): boolean {
  return LEGAL_FORM.test(k) || VENDORS.test(k);
}

/** A reference: one short token holding a digit ("PA-001", "VT-01", "RH.3", "12"), not a date. */
const CODE = /^[\p{L}]{0,8}[-_./ ]?\d[\p{L}\d]*(?:[-_./]\p{L}*\d*)*$/u;

/** Items of a cell: lines, semicolons and " / " (commas too for short items). */
function itemsOf(text: string): string[] {
  return text
    .split(/[\n;]|,\s(?=\S)|\s\/\s/)
    .map((s) => s.replace(/^\s*[•\-*–]\s*/, '').trim())
    .filter((s) => s && !isEmptyEquivalent(s));
}

/** What the column's cells hold, or null when no kind dominates. */
export function readColumnContent(values: string[], tools: ContentTools = {}): ColumnContent | null {
  const cells = values
    .map((v) => v.trim())
    .filter((v) => v && !isEmptyEquivalent(v))
    .slice(0, 40);
  if (cells.length < 2) return null;
  const country = tools.country ?? icuCountry;
  const counts: Record<ContentKind, number> = { country: 0, legalBasis: 0, duration: 0, yesno: 0, date: 0, email: 0, organisation: 0, safeguard: 0, code: 0 };
  let longText = 0;
  let realCountries = 0;
  for (const cell of cells) {
    if (cell.length > 160) {
      longText++;
      continue;
    }
    const items = itemsOf(cell);
    if (!items.length) continue;
    const all = (test: (s: string) => boolean) => items.every(test);
    // A yes or a no, not a yes followed by what it says ("JA - USA (siehe Empfänger)", "Oui : Maroc").
    if (parseYesNo(cell) !== undefined && cell.split(/\s+/).length <= 3) counts.yesno++;
    else if (parseDate(cell)) counts.date++;
    else if (cell.length <= 16 && CODE.test(cell) && (/\p{L}/u.test(cell) || cell.length <= 3)) counts.code++;
    if (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(cell)) counts.email++;
    // A place column may name regions beside countries ("EU / US", "EU"); regions alone do not make one.
    if (all((s) => Boolean(country(s)) || isRegion(s))) {
      counts.country++;
      if (items.some((s) => Boolean(country(s)))) realCountries++;
    }
    if (all((s) => Boolean(parseLegalBasis(s)))) counts.legalBasis++;
    if (all((s) => Boolean(parseRetention(s).duration))) counts.duration++;
    if (all((s) => Boolean(parseSafeguard(s)))) counts.safeguard++;
    if (items.some((s) => isOrganisation(foldKey(s)))) counts.organisation++;
  }
  if (longText > cells.length / 2) return null;
  if (realCountries === 0) counts.country = 0;
  // References name one activity each: a column repeating its codes is something else (a category, a level).
  if (counts.code && new Set(cells).size < cells.length * 0.9) counts.code = 0;
  // "Non" / "No" in a column of countries or vendors says "none": judged on the other cells.
  const informative = Math.max(1, cells.length - counts.yesno);
  const shareOf = (k: ContentKind) => (k === 'yesno' || k === 'date' ? counts[k] / cells.length : counts[k] >= 2 || cells.length - counts.yesno <= 2 ? counts[k] / informative : 0);
  let best: ContentKind | null = null;
  let bestShare = 0;
  // Specific kinds first: a duration column is not read as dates, nor countries as organisations.
  for (const k of ['country', 'legalBasis', 'duration', 'safeguard', 'email', 'date', 'code', 'yesno', 'organisation'] as ContentKind[]) {
    const sh = shareOf(k);
    if (counts[k] && sh > bestShare + 0.1) [best, bestShare] = [k, sh];
  }
  if (!best || bestShare < 0.5) return null;
  const strong = best !== 'yesno' && best !== 'date' && best !== 'email';
  return { kind: best, field: FIELD_OF[best], share: Math.min(1, bestShare), strong };
}
