/**
 * Columns written once per group of rows: the client of a processor's register, a department or its contact
 * named on the first of its rows and left blank on the rows below ("same as above"), as a sheet whose merged
 * cells were saved as CSV writes them, or as a department groups its rows by hand. A blank cell of such a
 * column takes the value above it; the preview says so for each row.
 *
 * A column is read so only when its shape says it: its first activity row names a value, most of its values
 * have blank rows below them, and no value is ever written twice in a row — a column that repeats its value on
 * consecutive rows is filled on every row, and its blanks mean nothing is known.
 */
import type { RowClass } from '../classify/rows.js';

/** Fields a group of rows shares: who the rows are for (the client), where they sit (the department), who answers for them. */
const GROUPING_FIELDS = new Set(['clients', 'department', 'owner']);

/** For each grouped column, the rows whose blank cell takes the value above: row → the row that names it. */
export function groupedColumns(
  rows: string[][],
  plan: RowClass[],
  fields: Map<number, string | null>,
  valueAt: (r: number, c: number) => string,
): Map<number, Map<number, number>> {
  const activities = plan.filter((p) => p.kind === 'activity').map((p) => p.r);
  const out = new Map<number, Map<number, number>>();
  if (activities.length < 3) return out;
  for (const [c, field] of fields) {
    if (!field || !GROUPING_FIELDS.has(field)) continue;
    const values = activities.map((r) => (rows[r]?.[c] || valueAt(r, c)).trim());
    if (!values[0]) continue;
    const filled = values.filter(Boolean);
    if (filled.length < 2 || filled.length === values.length) continue;
    if (filled.some((v, i) => i > 0 && v === filled[i - 1])) continue;
    // Groups, not a cell left blank here and there: most values head rows below them.
    const heads = values.filter((v, i) => v && i + 1 < values.length && !values[i + 1]).length;
    if (heads * 2 < filled.length) continue;
    const from = new Map<number, number>();
    let last = activities[0];
    values.forEach((v, i) => {
      if (v) last = activities[i];
      else from.set(activities[i], last);
    });
    out.set(c, from);
  }
  return out;
}
