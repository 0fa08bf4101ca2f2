/**
 * How Art30 writes a list item of an activity in its detailed sheet and CSV so that a person reads
 * it and Art30 reads it back exactly: a head (the item's name) then its details as labelled parts,
 * "Prestataire paie (Sous-traitant) — Rôle pour ce traitement : paie — Pays : Inde", each part only
 * when it has a value. Codes are written as the register's own labels and read back through them.
 * A part whose label is not known (a " — " inside a value) is read as the rest of the previous one.
 */
import type { ActivityFields } from '../../model/schemas.js';
import type { Labels, TextKey } from '../../export/labels.js';

export const SEP = ' — ';
/** A line break inside an item is written as a line starting with two no-break spaces. */
export const CONTINUATION = '\u00a0\u00a0';

/** A list cell: one item per line; a line break inside an item continues on an indented line. */
export function writeLines(items: string[]): string {
  return items
    .filter(Boolean)
    .map((i) => i.replace(/\r?\n/g, `\n${CONTINUATION}`))
    .join('\n');
}

export function readLines(cell: string): string[] {
  const out: string[] = [];
  for (const line of cell ? cell.split(/\r?\n/) : []) {
    if (line.startsWith(CONTINUATION) && out.length) out[out.length - 1] += `\n${line.slice(CONTINUATION.length)}`;
    else if (line !== '') out.push(line);
  }
  return out;
}

type Part = [TextKey, string | null | undefined];

function item(L: Labels, head: string, parts: Part[]): string {
  return [head, ...parts.filter(([, v]) => v).map(([k, v]) => L.kv(L.t(k), v!))].filter(Boolean).join(SEP);
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The term label of a code, written only when the item's own label does not already say it. */
function codePart(L: Labels, kind: 'data_subject_category' | 'data_category', code: string, label: string): string {
  if (!code) return '';
  const term = L.term(kind, code);
  return sameText(term, label) ? '' : term;
}

export function encodeDataSubject(L: Labels, s: ActivityFields['dataSubjects'][number]): string {
  return item(L, s.label, [
    ['precisions', s.precision],
    ['volume', s.volume],
    ['personCategory', codePart(L, 'data_subject_category', s.code, s.label)],
  ]);
}

export function encodeDataCategory(L: Labels, c: ActivityFields['dataCategories'][number]): string {
  return item(L, c.label, [
    ['description', c.description],
    ['category', codePart(L, 'data_category', c.code, c.label)],
    ['special', c.special ? L.yesNo(true) : ''],
  ]);
}

export function encodeRecipient(L: Labels, r: { name: string; type?: string; role: string; precision: string; countries?: string[] }): string {
  return item(L, r.type ? `${r.name} (${L.term('recipient_type', r.type)})` : r.name, [
    ['recipientRole', r.role],
    ['precisions', r.precision],
    ['countries', (r.countries ?? []).map((c) => L.country(c)).join(', ')],
  ]);
}

export function encodeTransfer(L: Labels, t: ActivityFields['transfers'][number], alert: string): string {
  const info = L.countryInfo(t.country);
  return item(L, `${t.recipient ? `${t.recipient} ` : ''}→ ${L.country(t.country)}`, [
    ['countryStatus', info ? L.adequacy(info.adequacy) : ''],
    ['safeguard', L.term('transfer_safeguard', t.safeguard)],
    ['derogation', L.term('art49_derogation', t.derogation)],
    ['documentation', t.documentation],
    ['alert', alert],
  ]);
}

export function encodeRetention(L: Labels, r: ActivityFields['retention'][number]): string {
  return item(L, r.text, [
    ['appliesTo', r.dataCategory],
    ['duration', r.duration ? L.duration(r.duration) : ''],
    ['trigger', r.trigger],
    ['activePeriod', r.activePeriod ? L.duration(r.activePeriod) : ''],
    ['archivePeriod', r.archivePeriod ? L.duration(r.archivePeriod) : ''],
    ['finalFate', L.finalFate(r.finalFate)],
  ]);
}

export function encodeSecurityMeasure(L: Labels, m: ActivityFields['securityMeasures'][number]): string {
  return item(L, L.term('security_measure_type', m.type), [['precisions', m.precision]]);
}

const CONTACT_PARTS = (c: ActivityFields['jointControllers'][number] | ActivityFields['clients'][number]): Part[] => [
  ['lastName', c.name],
  ['firstName', c.firstName],
  ['companyShort', c.company],
  ['address', c.address],
  ['postalCode', c.postalCode],
  ['city', c.city],
  ['country', c.country],
  ['phone', c.phone],
  ['email', c.email],
];

export function encodeJointController(L: Labels, j: ActivityFields['jointControllers'][number]): string {
  return item(L, '', [...CONTACT_PARTS(j), ['responsibilities', j.responsibilities]]);
}

export function encodeClient(L: Labels, c: ActivityFields['clients'][number]): string {
  return item(L, '', [...CONTACT_PARTS(c), ['clientRepresentative', c.representative], ['clientDpo', c.dpo], ['processingCategories', c.processingCategories.join(' ; ')]]);
}

export function encodeSystem(L: Labels, s: ActivityFields['systems'][number]): string {
  return item(L, s.name, [
    ['hosting', s.hosting],
    ['country', s.country ? L.country(s.country) : ''],
  ]);
}

/** Every label a part may carry, in both languages, longest first (so that "Pays" never hides "Pays tiers"). */
export const PART_KEYS: TextKey[] = [
  'precisions',
  'volume',
  'personCategory',
  'description',
  'category',
  'special',
  'recipientRole',
  'countries',
  'countryStatus',
  'safeguard',
  'derogation',
  'documentation',
  'alert',
  'appliesTo',
  'duration',
  'trigger',
  'activePeriod',
  'archivePeriod',
  'finalFate',
  'lastName',
  'firstName',
  'companyShort',
  'address',
  'postalCode',
  'city',
  'country',
  'phone',
  'email',
  'responsibilities',
  'clientRepresentative',
  'clientDpo',
  'processingCategories',
  'hosting',
];

export interface DecodedItem {
  head: string;
  /** By label text: two parts may share a label in one language ("Pays"), each item type uses one. */
  parts: Map<string, string>;
}

/** Splits an item written by `item()` into its head and labelled parts (labels of either language). */
export function decodeItem(text: string, labels: { key: TextKey; label: string }[], hasHead = true): DecodedItem {
  const segs = text.split(SEP);
  const out: DecodedItem = { head: '', parts: new Map() };
  let last: string | null = null;
  segs.forEach((seg, i) => {
    const hit = i === 0 && hasHead ? undefined : labels.find((l) => seg.startsWith(`${l.label} : `) || seg.startsWith(`${l.label}: `));
    if (hit) {
      const value = seg.slice(hit.label.length).replace(/^ ?: /, '');
      out.parts.set(hit.label, value);
      last = hit.label;
    } else if (i === 0) out.head = seg;
    else if (last) out.parts.set(last, `${out.parts.get(last)}${SEP}${seg}`);
    else out.head = `${out.head}${SEP}${seg}`;
  });
  return out;
}
