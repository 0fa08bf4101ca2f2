import type { HistoryChange } from './model/register.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Field-level differences between two versions of a record, as paths such as
 * `dataCategories[1].label`. Lists are compared position by position; a list that grows or shrinks
 * reports the added or removed entries whole.
 */
export function diffRecords(before: unknown, after: unknown, path = ''): HistoryChange[] {
  if (Object.is(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => diffRecords(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: HistoryChange[] = [];
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}[${i}]`;
      if (i >= before.length) changes.push({ path: p, before: null, after: after[i] });
      else if (i >= after.length) changes.push({ path: p, before: before[i], after: null });
      else changes.push(...diffRecords(before[i], after[i], p));
    }
    return changes;
  }
  if (empty(before) && empty(after)) return [];
  return [{ path, before: before ?? null, after: after ?? null }];
}

/** Changes for a record created (or deleted): one entry per non-empty top-level field. */
export function recordFields(record: Record<string, unknown>, side: 'after' | 'before'): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const path of Object.keys(record)) {
    const v = record[path];
    if (!empty(v)) changes.push(side === 'after' ? { path, before: null, after: v } : { path, before: v, after: null });
  }
  return changes;
}
