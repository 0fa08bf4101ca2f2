/**
 * Composite cells: one item that says several facts. "Sundara Tech (Indien) — SCC" is a recipient, its
 * country and the safeguard of the transfer there; "Salariés : nom, prénom, RIB" is a group of data
 * subjects and the data categories kept about them. Each part is read by the reader of its kind; what no
 * reader recognises is the name.
 */
import { parseSafeguard, safeguardMissing, saysMissing } from './safeguard.js';

export interface CompositeRecipient {
  name: string;
  /** The first country named; `countries` has every one ("TikTok (China/Singapur)"). */
  country?: string;
  countries?: string[];
  safeguard?: ReturnType<typeof parseSafeguard>;
  /** The kind of recipient a part names ("ADP (processor)", "Trésor public — autorité"). */
  type?: string;
  /** A safeguard named as missing ("SCC FEHLT"): the transfer has none. */
  safeguardMissing?: boolean;
}

/**
 * Splits "Name (Country, SCC) — safeguard" into its parts; undefined when the item is a plain name.
 * `places`: the countries a part names when it names nothing but places ("Indien", "China/Singapur").
 */
export function readRecipientItem(
  text: string,
  places: (part: string) => string[] | undefined,
  kind: (part: string) => string | undefined = () => undefined,
): CompositeRecipient | undefined {
  const parts = text
    .split(/\s+[—–-]\s+|\s*[()[\]]\s*|,\s+|\s+\|\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const name: string[] = [];
  const out: CompositeRecipient = { name: '' };
  for (const p of parts) {
    const codes = !out.country ? places(p) : undefined;
    if (codes?.length) {
      [out.country] = codes;
      out.countries = codes;
      continue;
    }
    // "SCC FEHLT": the safeguard is said to be missing, a part of the cell, not of the name.
    if ((p.length <= 60 && safeguardMissing(p)) || (out.safeguard && saysMissing(p))) {
      out.safeguardMissing = true;
      delete out.safeguard;
      continue;
    }
    const sg = !out.safeguard && p.length <= 60 ? parseSafeguard(p) : undefined;
    if (sg) {
      out.safeguard = sg;
      continue;
    }
    // A part naming the kind of recipient, after its name (never the name itself).
    const type = !out.type && name.length ? kind(p) : undefined;
    if (type) {
      out.type = type;
      continue;
    }
    name.push(p);
  }
  if (!out.country && !out.safeguard && !out.type && !out.safeguardMissing) return undefined;
  // The name is what is left, in the order written ("Sundara Tech"); nothing left: not a recipient.
  out.name = name.join(' ').trim();
  return out.name ? out : undefined;
}

/** "Salariés : nom, prénom, RIB" → the group and its items, when the label before the colon is a group of people. */
export function readGroupedItems(text: string, isGroup: (label: string) => boolean): { group: string; items: string[] } | undefined {
  const m = /^([^:]{2,60}?)\s*:\s*(.+)$/s.exec(text.trim());
  if (!m || !isGroup(m[1])) return undefined;
  const items = m[2]
    .split(/,\s*(?![^()]*\))|\s+(?:et|and|und|y|e)\s+/)
    .map((s) => s.trim().replace(/[.;]+$/, ''))
    .filter(Boolean);
  return items.length ? { group: m[1].trim(), items } : undefined;
}

/** A web domain written as a name ("Flexybox.com", "mail.example.eu"), not part of an e-mail address or a longer word. */
const DOMAIN = /(?<![\p{L}\d@./-])[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,6}(?![\p{L}\d@-])/gu;

/**
 * The organisation a sentence names as the recipient by its web domain ("Data videresendes og behandles af
 * Flexybox.com"): its one domain. Undefined when it names none or several, or when the text is not a sentence
 * (fewer than five words, or mostly capitalised words: a name, or a list of names). A capitalised word alone
 * says too little ("Produits et sociétés du groupe Dialogra" is a group of recipients, not Dialogra).
 */
export function organisationIn(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length < 5 || words.filter((w) => /^\p{Ll}/u.test(w)).length < words.length * 0.5) return undefined;
  const domains = [...new Set(text.match(DOMAIN) ?? [])];
  return domains.length === 1 ? domains[0] : undefined;
}
