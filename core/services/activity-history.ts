/**
 * The history entry of a created activity, written compactly: an import writes ten thousand of them
 * in one transaction, and an entry holding every empty default (the DPIA screening left as it
 * comes, empty precisions…) took twice the bytes of the activity's own facts, one 4 KB page each.
 *
 * The entry keeps one change per top-level field, as before (`{path, before: null, after}`), but
 * leaves out the fields equal to a new activity's default, and in the items of the lists below the
 * properties that are empty ('' / null / false) where that is the item's default. Nothing is lost:
 * `activityFromCreation` gives the whole activity back (its tests check the round trip).
 */
import type { HistoryChange } from '../model/register.js';
import { activityFieldsSchema } from '../model/schemas.js';

/** For each list whose items are shortened: each empty property its items may leave out, with that empty value. */
const ITEM_EMPTIES = new Map<string, Record<string, '' | null | false>>(
  Object.entries<Record<string, '' | null | false>>({
    legalBases: { justification: '' },
    art9Conditions: { justification: '' },
    dataSubjects: { code: '', precision: '', volume: '' },
    dataCategories: { code: '', description: '', special: false },
    recipients: { role: '', precision: '' },
    transfers: { recipient: '', safeguard: null, derogation: null, documentation: '', tiaRef: '' },
    retention: { dataCategory: '', duration: '', trigger: '', activePeriod: '', archivePeriod: '', finalFate: null },
    securityMeasures: { precision: '' },
    systems: { hosting: '', country: '' },
  }),
);

let defaults: Record<string, unknown> | undefined;
/** A new activity's fields as the schema completes them (name and purpose, required, are never left out). */
export function activityDefaults(): Record<string, unknown> {
  if (!defaults) {
    const { name: _n, purpose: _p, ...rest } = activityFieldsSchema.parse({ name: 'x', purpose: 'x' });
    defaults = rest;
  }
  return defaults;
}

/** Equality of JSON values (what the entry stores). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => same(x, bb[i]));
  }
  const ka = Object.keys(a);
  const ob = b as Record<string, unknown>;
  return ka.length === Object.keys(ob).length && ka.every((k) => k in ob && same((a as Record<string, unknown>)[k], ob[k]));
}

function shorten(items: unknown[], empties: Record<string, unknown>): unknown[] {
  const out = new Array<unknown>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item || typeof item !== 'object') {
      out[i] = item;
      continue;
    }
    const short: Record<string, unknown> = {};
    for (const k in item) {
      const v = (item as Record<string, unknown>)[k];
      if (v !== empties[k] || !Object.hasOwn(empties, k)) short[k] = v;
    }
    out[i] = short;
  }
  return out;
}

/** The changes of a creation entry for an activity as stored: the fields that differ from the defaults, list items shortened. */
export function creationChanges(activity: Record<string, unknown>): HistoryChange[] {
  const d = activityDefaults();
  const changes: HistoryChange[] = [];
  for (const path in activity) {
    const v = activity[path];
    if (v === undefined || (Object.hasOwn(d, path) && same(v, d[path]))) continue;
    const empties = ITEM_EMPTIES.get(path);
    changes.push({ path, before: null, after: empties !== undefined && Array.isArray(v) ? shorten(v, empties) : v });
  }
  return changes;
}

/**
 * The activity a creation entry describes, whole: every field the entry leaves out at its default,
 * every list item with its empty properties. Reads entries written before the compact form too.
 */
export function activityFromCreation(changes: HistoryChange[]): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(activityDefaults());
  for (const c of withFullItems(changes)) out[c.path] = c.after ?? c.before;
  return out;
}

/**
 * A creation entry as readers take it: the same changes, each list item with its empty properties
 * back (what the history shows and prints reads every property of an item). Other entries unchanged.
 */
export function withFullItems(changes: HistoryChange[]): HistoryChange[] {
  return changes.map((c) => {
    const empties = ITEM_EMPTIES.get(c.path);
    if (!empties || !Array.isArray(c.after)) return c;
    return { ...c, after: c.after.map((item: unknown) => (item && typeof item === 'object' ? { ...empties, ...item } : item)) };
  });
}
