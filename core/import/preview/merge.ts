/**
 * Updating an existing activity from a file never erases: a field the row does not give stays as it
 * is; a list field the row gives is merged — items already there are kept with their details
 * (justifications, volumes, retention rules, precisions), items of the file that the activity lacks
 * are added, and empty details of kept items are filled from the file. Only when the DPO chooses
 * "replace" for a field of a row (after seeing the values in the preview) does the file's list take
 * the place of the activity's, removing what the file does not name.
 */
import type { ActivityFields } from '../../model/schemas.js';
import { fold } from '../fold.js';

export type ListField =
  | 'subPurposes'
  | 'legalBases'
  | 'art9Conditions'
  | 'dataSubjects'
  | 'dataCategories'
  | 'dataSources'
  | 'recipients'
  | 'transfers'
  | 'retention'
  | 'securityMeasures'
  | 'jointControllers'
  | 'clients'
  | 'systems';

type Item = Record<string, unknown> | string;
const f = (v: unknown) => fold(String(v ?? ''));

/** How two items of a list are recognised as the same item. */
const ITEM_KEY: Record<ListField, (i: Item) => string> = {
  subPurposes: (i) => f(i),
  dataSources: (i) => f(i),
  // A basis per purpose (issue 25): the same code may serve several purposes.
  legalBases: (i) => `${f((i as { code: string }).code)}|${(i as { purpose?: number }).purpose ?? 0}`,
  art9Conditions: (i) => `${f((i as { code: string }).code)}|${(i as { purpose?: number }).purpose ?? 0}`,
  dataSubjects: (i) => f((i as { label: string }).label),
  dataCategories: (i) => f((i as { label: string }).label),
  recipients: (i) => f((i as { name: string }).name),
  transfers: (i) => `${f((i as { country: string }).country)}|${f((i as { recipient: string }).recipient)}`,
  retention: (i) => `${f((i as { dataCategory: string }).dataCategory)}|${f((i as { text: string }).text)}`,
  securityMeasures: (i) => `${f((i as { type: string }).type)}|${f((i as { precision: string }).precision)}`,
  jointControllers: (i) => `${f((i as { name: string }).name)}|${f((i as { company: string }).company)}`,
  clients: (i) => `${f((i as { name: string }).name)}|${f((i as { company: string }).company)}`,
  systems: (i) => f((i as { name: string }).name),
};

export const LIST_FIELDS = Object.keys(ITEM_KEY) as ListField[];
export const isListField = (k: string): k is ListField => k in ITEM_KEY;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** An existing item that the file's item designates, looser than equality where the file says less. */
function findSame(field: ListField, list: Item[], item: Item, taken: Set<number>): number {
  const key = ITEM_KEY[field](item);
  let i = list.findIndex((x, k) => !taken.has(k) && ITEM_KEY[field](x) === key);
  if (i >= 0) return i;
  if (typeof item === 'object') {
    const o = item as Record<string, unknown>;
    // A transfer without a recipient, a measure without a precision: the same country, the same type.
    if (field === 'transfers' && !o.recipient) i = list.findIndex((x, k) => !taken.has(k) && f((x as { country: string }).country) === f(o.country));
    if (field === 'securityMeasures' && !o.precision) i = list.findIndex((x, k) => !taken.has(k) && f((x as { type: string }).type) === f(o.type));
    // A basis the file gives its main purpose (a column of bases) that the activity already has for another purpose.
    if ((field === 'legalBases' || field === 'art9Conditions') && !o.purpose) i = list.findIndex((x, k) => !taken.has(k) && f((x as { code: string }).code) === f(o.code));
    if (field === 'retention' && o.dataCategory)
      i = list.findIndex((x, k) => !taken.has(k) && f((x as { dataCategory: string }).dataCategory) === f(o.dataCategory) && f((x as { text: string }).text) === f(o.text));
  }
  return i;
}

/** Keeps the existing item, filling its empty details from the file's. */
function fillItem(existing: Item, incoming: Item): Item {
  if (typeof existing !== 'object' || typeof incoming !== 'object') return existing;
  const out: Record<string, unknown> = { ...existing };
  for (const [k, v] of Object.entries(incoming)) {
    if (k === 'recipientId' || k === 'type') continue;
    if (isEmpty(out[k]) && !isEmpty(v)) out[k] = v;
  }
  return out;
}

export function mergeList(field: ListField, existing: Item[], incoming: Item[]): Item[] {
  const out = [...existing];
  const taken = new Set<number>();
  for (const item of incoming) {
    const i = findSame(field, out, item, taken);
    if (i >= 0) {
      taken.add(i);
      out[i] = fillItem(out[i], item);
    } else {
      out.push(item);
      taken.add(out.length - 1);
    }
  }
  return out;
}

/** "Replace": the file's items only; those already there keep their details all the same. */
export function replaceList(field: ListField, existing: Item[], incoming: Item[]): Item[] {
  const gone = new Set(removedBy(field, existing, incoming));
  return mergeList(field, existing, incoming).filter((_x, i) => i >= existing.length || !gone.has(existing[i]));
}

/** Items of `existing` that replacing it by `incoming` would remove. */
export function removedBy(field: ListField, existing: Item[], incoming: Item[]): Item[] {
  const taken = new Set<number>();
  for (const item of incoming) {
    const i = findSame(field, existing, item, taken);
    if (i >= 0) taken.add(i);
  }
  return existing.filter((_x, i) => !taken.has(i));
}

/**
 * The activity after the row: `base` with the row's `present` fields merged in (lists), or replaced
 * (lists the DPO chose to replace, and every single value the row gives).
 */
export function mergeActivity(base: ActivityFields, row: Partial<ActivityFields>, present: Iterable<keyof ActivityFields>, replace: ReadonlySet<string>): Record<string, unknown> {
  ({ base, row } = withPurposesOf(base, row, present, replace));
  const merged: Record<string, unknown> = { ...base };
  for (const k of present) {
    const v = row[k];
    if (isListField(k) && !replace.has(k)) merged[k] = mergeList(k, (base[k] ?? []) as Item[], (v ?? []) as Item[]);
    else if (k === 'dpia' && !replace.has(k)) {
      const b = base.dpia;
      const r = v as ActivityFields['dpia'];
      merged.dpia = {
        ...b,
        status: r.status !== 'not_assessed' ? r.status : b.status,
        link: r.link || b.link,
        date: r.date || b.date,
        criteria: [...new Set([...b.criteria, ...r.criteria])],
        art35Cases: [...new Set([...b.art35Cases, ...r.art35Cases])],
        override: r.override ?? b.override,
      };
    } else if (k === 'automatedDecision' && !replace.has(k)) {
      const r = v as ActivityFields['automatedDecision'];
      merged.automatedDecision = { exists: r.exists, description: r.description || base.automatedDecision.description };
    } else if (isListField(k)) merged[k] = replaceList(k, (base[k] ?? []) as Item[], (v ?? []) as Item[]);
    else merged[k] = v;
  }
  return merged;
}

/**
 * The bases with their purposes numbered as in the merged activity (issue 25): the file's
 * sub-purposes are merged with the activity's, so "sub-purpose 2 of the file" may be the 4th; a
 * sub-purpose the DPO chose to replace away leaves its bases to the main purpose (nothing lost).
 */
function withPurposesOf(
  base: ActivityFields,
  row: Partial<ActivityFields>,
  present: Iterable<keyof ActivityFields>,
  replace: ReadonlySet<string>,
): { base: ActivityFields; row: Partial<ActivityFields> } {
  const keys = new Set(present);
  if (!keys.has('subPurposes')) return { base, row };
  const baseSubs = base.subPurposes ?? [];
  const fileSubs = row.subPurposes ?? [];
  const folded = ((replace.has('subPurposes') ? replaceList : mergeList)('subPurposes', baseSubs, fileSubs) as string[]).map(f);
  const renumber =
    (subs: string[]) =>
    <T extends { purpose: number }>(b: T): T => {
      if (!b.purpose) return b;
      const at = folded.indexOf(f(subs[b.purpose - 1]));
      return at + 1 === b.purpose ? b : { ...b, purpose: at >= 0 ? at + 1 : 0 };
    };
  return {
    base: { ...base, legalBases: base.legalBases.map(renumber(baseSubs)), art9Conditions: base.art9Conditions.map(renumber(baseSubs)) },
    row: { ...row, legalBases: row.legalBases?.map(renumber(fileSubs)), art9Conditions: row.art9Conditions?.map(renumber(fileSubs)) },
  };
}
