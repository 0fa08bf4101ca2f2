/**
 * Lines of a list cell that are not items. Departments qualify an item on the lines (or the
 * semicolon-separated parts) after it: "Google — USA; Server-Standort: USA; Rechtsgrundlage: EU-US Data
 * Privacy Framework" is one recipient, where it is and under which safeguard; "ACHTUNG: Kein
 * Angemessenheitsbeschluss!" is a note for the DPO. And they label an item with its kind:
 * "Hosting-Provider: Render.com (USA)" is Render.com, a host. Decided from the shape "Label: value",
 * what the label reads as (a field's header, an alert word of any language) and what the value is
 * (only places, only a safeguard), never from the texts of one file.
 */
import { isAlertWord, isRegion } from '../vocabulary/index.js';
import { parseSafeguard } from './safeguard.js';
import { commaParts } from './split.js';

export type ItemReading =
  /** A note for the DPO ("Achtung: …", "NB : …"), kept with the activity, not a value. */
  | { kind: 'note'; text: string }
  /** Where the item before it is ("Server-Standort: USA", "Hébergement : France / Irlande"). */
  | { kind: 'place'; countries: string[]; text: string }
  /** The transfer safeguard of the item before it ("Rechtsgrundlage: EU-US Data Privacy Framework"). */
  | { kind: 'safeguard'; safeguard: NonNullable<ReturnType<typeof parseSafeguard>>; text: string }
  /** Another field's fact about the item before it, kept as its precision ("Contrat : DPA signé"). */
  | { kind: 'precision'; text: string }
  /** An item; `name` without the label naming its kind or the web address describing it. */
  | { kind: 'item'; name: string; label: string; detail: string };

export interface AnnotationTools {
  /** A country name or code → its ISO code. */
  country: (text: string) => string | undefined;
  /** The fields a label could be the header of, best first ("Rechtsgrundlage" → legalBases 1, "Server-Standort" → transferCountries 0.25). */
  fieldsOf: (label: string) => { field: string; confidence: number }[];
  /** Whether a label names a kind of recipient ("Hosting-Provider", "Sous-traitant", "Autorité"). */
  isKind: (label: string) => boolean;
}

const LABELLED = /^([^:]{2,50}?)\s*:\s*(.*)$/s;
const URL = /\{?\s*(?:https?:\/\/|www\.)[^\s{}]+\s*\}?/gi;
/** Fields whose values are the recipient itself: a label reading as one of them names the item's kind. */
const RECIPIENT_FIELDS = new Set(['recipients', 'processors', 'recipientType', 'transferRecipients', 'jointControllers', 'clients']);
/** Fields that say something about a recipient: a label reading as one of them qualifies the item before. */
const QUALIFIERS = new Set(['transferCountries', 'transferSafeguard', 'transferDocumentation', 'transferTia', 'legalBases', 'systems']);

/** The countries a text names when it names nothing but places ("USA", "USA & EU", "France / Irlande", "Weltweit verteilt"). */
export function onlyPlaces(text: string, country: (t: string) => string | undefined): string[] | undefined {
  const pieces = text
    .replace(/[.!]+$/, '')
    .split(/\s*(?:[/,&;+]|\s(?:und|and|et|y|e|en|o|or|ou|oder)\s)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!pieces.length) return undefined;
  const codes: string[] = [];
  for (const p of pieces) {
    const code = country(p);
    if (code) codes.push(code);
    else if (!isRegion(p) && !isRegion(p.split(/\s+/)[0])) return undefined;
  }
  return codes;
}

/**
 * What one item of a list cell is (see the module's comment). `recipientList`: the cell lists recipients;
 * `follows`: the item continues the line of the item before it ("Google — USA; Server-Standort: USA").
 */
export function readItem(text: string, tools: AnnotationTools, recipientList: boolean, follows: boolean): ItemReading {
  const m = LABELLED.exec(text.trim());
  if (m && isAlertWord(m[1])) return { kind: 'note', text };
  if (!recipientList || !m) return { kind: 'item', name: text, label: '', detail: '' };
  const label = m[1].trim();
  let value = m[2].trim();
  // "Buffer: {https://buffer.com} - Social Media Management": a web address after the colon describes the name before it.
  if (/^\{?\s*(?:https?:\/\/|www\.)/i.test(value)) {
    const detail = value
      .replace(URL, ' ')
      .replace(/^[\s\-–—|,;]+/, '')
      .trim();
    return { kind: 'item', name: label, label: '', detail };
  }
  value = value
    .replace(URL, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (!value) return { kind: 'item', name: label, label: '', detail: '' };
  const candidates = tools.fieldsOf(label);
  const field = candidates[0] && candidates[0].confidence >= 0.6 ? candidates[0].field : null;
  const qualifier = field !== null && QUALIFIERS.has(field);
  // "Salesforce : États-Unis" on a line of its own is a recipient and its country; after an item, or under a
  // label that could head a column of places ("Pays", "Server-Standort"), only places say where the item before it is.
  const places = onlyPlaces(value, tools.country);
  if (places && (follows || candidates.some((c) => c.field === 'transferCountries'))) return { kind: 'place', countries: places, text };
  if (places && !field) return { kind: 'item', name: label, label: '', detail: value };
  if (tools.isKind(label) || (field && RECIPIENT_FIELDS.has(field))) return { kind: 'item', name: value, label, detail: '' };
  if (qualifier) {
    const sg = value.length <= 80 ? parseSafeguard(value) : undefined;
    return sg ? { kind: 'safeguard', safeguard: sg, text } : { kind: 'precision', text };
  }
  // "Social Media Plattformen: TikTok (China), Meta (USA), Pinterest": a heading, then names (each capitalised, a few
  // words); "Buffer: social media management, posting" stays a name and what it does.
  const names = commaParts(value);
  if (
    names.length >= 2 &&
    names.every(
      (n) =>
        /^\p{Lu}|^\d/u.test(n) &&
        n
          .replace(/\([^)]*\)/g, '')
          .trim()
          .split(/\s+/).length <= 4,
    )
  )
    return { kind: 'item', name: value, label, detail: '' };
  // "Buffer: posting, scheduling": a name, then what it does (in lower case, not a name).
  if (/^\p{Ll}/u.test(value) && label.split(/\s+/).length <= 4) return { kind: 'item', name: label, label: '', detail: value };
  return { kind: 'item', name: text, label: '', detail: '' };
}
