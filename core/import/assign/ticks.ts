/**
 * Stage "assign columns", runs of ticks: a run of adjacent columns whose cells are ticks ("X", "✓",
 * "Oui", "1") or empty, and whose headers are values of one list field (legal bases, data categories,
 * data subjects, security measures, destinations), often under a merged group header ("Base légale"
 * over "Consentement | Contrat | Obligation légale"). Each column of the run goes to that field, and a
 * ticked cell gives the column's header as the field's value.
 */
import type { Message } from '../../i18n/i18n.js';
import { FIELD_BY_KEY } from '../fields.js';
import { matchHeader, type ColumnMapping } from '../mapping.js';
import { isEmptyEquivalent } from '../normalise/empty.js';
import { parseYesNo } from '../normalise/yes-no.js';
import type { SheetData } from '../workbook.js';

/** The list fields whose values departments lay out as a run of ticked columns, most specific first. */
export const TICK_FIELDS = ['legalBases', 'specialCategories', 'art9Conditions', 'dataSubjects', 'dataCategories', 'securityMeasures', 'transferCountries'] as const;
export type TickField = (typeof TICK_FIELDS)[number];

/** Whether a header names a value of a field (a legal basis, a data category…). */
export type ValueOf = (field: TickField, header: string) => boolean;

export interface TickColumn {
  column: number;
  field: string;
  /** The value a ticked cell gives: the column's header (without the group label). */
  value: string;
}

/** A column whose cells are ticks or blanks, with at least one tick. */
function tickLike(values: string[]): boolean {
  let ticks = 0;
  for (const v of values) {
    const t = v.trim();
    if (!t || isEmptyEquivalent(t)) continue;
    const yes = parseYesNo(t);
    if (yes === undefined) return false;
    if (yes) ticks++;
  }
  return ticks > 0;
}

/** The label of a merged (or sparse) row above the header that spans column c. */
function groupAbove(sheet: SheetData, headerRow: number, c: number): string {
  if (headerRow === 0) return '';
  for (const m of sheet.merges) if (m.r2 === headerRow - 1 && m.c1 <= c && m.c2 >= c) return sheet.rows[m.r1]?.[m.c1] ?? '';
  return '';
}

/**
 * Finds the runs of ticked columns of a table and the field of each. `headers` are the table's own
 * header cells (row `headerRow`), `rows` the data rows.
 */
export function findTickRuns(sheet: SheetData, headerRow: number, rows: number[], valueOf: ValueOf): TickColumn[] {
  const cells = sheet.rows[headerRow] ?? [];
  const width = Math.max(cells.length, ...rows.map((r) => sheet.rows[r]?.length ?? 0));
  const isTick = Array.from({ length: width }, (_, c) => Boolean((cells[c] ?? '').trim()) && tickLike(rows.map((r) => sheet.rows[r]?.[c] ?? '')));
  const out: TickColumn[] = [];
  for (let start = 0; start < width;) {
    if (!isTick[start]) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < width && isTick[end + 1]) end++;
    out.push(...runField(sheet, headerRow, start, end, valueOf));
    start = end + 1;
  }
  return out;
}

function runField(sheet: SheetData, headerRow: number, start: number, end: number, valueOf: ValueOf): TickColumn[] {
  const header = (c: number) => (sheet.rows[headerRow]?.[c] ?? '').trim();
  const columns = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  // A group label over the run that names a list field decides (every column is one of its values).
  const out: TickColumn[] = [];
  for (const label of new Set(columns.map((c) => groupAbove(sheet, headerRow, c)).filter(Boolean))) {
    const field = matchHeader(label).field;
    const under = columns.filter((c) => groupAbove(sheet, headerRow, c) === label);
    if (field && (TICK_FIELDS as readonly string[]).includes(field) && under.length >= 2) out.push(...under.map((column) => ({ column, field, value: header(column) })));
  }
  if (out.length) return out;
  // Else the field most headers are values of; a run of one column is a yes/no question, not a list.
  if (columns.length < 2) return [];
  let best: { field: TickField; hits: number[] } | null = null;
  for (const field of TICK_FIELDS) {
    const hits = columns.filter((c) => valueOf(field, header(c)));
    if (hits.length > (best?.hits.length ?? 0)) best = { field, hits };
  }
  if (!best || best.hits.length < 2 || best.hits.length * 2 < columns.length) return [];
  // Columns of the run that are not values of the field keep their own reading (a "DPIA" tick beside the bases)
  // unless their header says nothing (a free value such as "Nom" in a run of data categories).
  const field = best.field;
  const hits = new Set(best.hits);
  return columns
    .filter((c) => hits.has(c) || (matchHeader(header(c)).confidence < 0.5 && FIELD_BY_KEY.get(field)?.multi))
    .map((column) => ({ column, field, value: header(column) }));
}

/** The mapping of a tick column: its field, and a reason naming the value its ticks give. */
export function tickMapping(m: ColumnMapping, tick: TickColumn): ColumnMapping {
  const why: Message = { key: 'mapping.why.ticks', params: { value: tick.value } };
  return { ...m, field: tick.field, confidence: 0.85, why, alternatives: m.field && m.field !== tick.field ? [{ field: m.field, confidence: m.confidence }] : m.alternatives };
}
