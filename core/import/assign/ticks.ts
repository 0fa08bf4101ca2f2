/**
 * Stage "assign columns", runs of ticks: a run of adjacent columns whose cells are ticks ("X", "✓",
 * "Oui", "1") or empty, and whose headers are values of one list field (legal bases, data categories,
 * data subjects, security measures, destinations), often under a merged group header ("Base légale"
 * over "Consentement | Contrat | Obligation légale"). Each column of the run goes to that field, and a
 * ticked cell gives the column's header as the field's value.
 */
import type { Message } from '../../i18n/i18n.js';
import { FIELD_BY_KEY } from './fields.js';
import { matchHeader, type ColumnMapping } from './mapping.js';
import { isEmptyEquivalent } from '../normalise/empty.js';
import { parseLegalBases } from '../normalise/legal-basis.js';
import { parseYesNo } from '../normalise/yes-no.js';
import type { SheetData } from '../read/workbook.js';

/** The list fields whose values departments lay out as a run of ticked columns, most specific first. */
export const TICK_FIELDS = ['legalBases', 'specialCategories', 'art9Conditions', 'dataSubjects', 'dataCategories', 'securityMeasures', 'transferCountries'] as const;
export type TickField = (typeof TICK_FIELDS)[number];

/** Whether a header names a value of a field (a legal basis, a data category…). */
export type ValueOf = (field: TickField, header: string) => boolean;

export interface TickColumn {
  column: number;
  /** '' when the column is a tick under a group that gives it no field (left unmapped). */
  field: string;
  /** The value a ticked cell gives: the column's header (without the group label). */
  value: string;
}

/** How many cells of a column tick; -1 when one holds anything but a tick or a blank. */
function ticksIn(values: string[]): number {
  let ticks = 0;
  for (const v of values) {
    const t = v.trim();
    if (!t || isEmptyEquivalent(t)) continue;
    const yes = parseYesNo(t);
    if (yes === undefined) return -1;
    if (yes) ticks++;
  }
  return ticks;
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
  // A column of ticks and blanks; one never ticked (no row has that value) belongs to a run all the same.
  const ticks = Array.from({ length: width }, (_, c) => ((cells[c] ?? '').trim() ? ticksIn(rows.map((r) => sheet.rows[r]?.[c] ?? '')) : -1));
  const out: TickColumn[] = [];
  for (let start = 0; start < width;) {
    if (ticks[start] < 0) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < width && ticks[end + 1] >= 0) end++;
    if (ticks.slice(start, end + 1).some((n) => n > 0)) out.push(...runField(sheet, headerRow, start, end, valueOf));
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
    if (!field || under.length < 2) continue;
    const kind = FIELD_BY_KEY.get(field)?.kind;
    // A list field takes the ticked headers as items; a question ("AIPD nécessaire ?" over "Oui | Non") the ticked answer.
    const answers = under.every((c) => parseYesNo(header(c)) !== undefined);
    // "litra a" under "Behandlingsgrundlag (art. 6, stk. 1)": a basis read with its group's citation.
    const tickValue = (c: number) => {
      const h = header(c);
      if (field !== 'legalBases' || parseLegalBases(h).length) return h;
      // "litra a", "letter a", "a)", "(a)", "στοιχ. β'", "буква б" under a group citing Art. 6(1): that letter of Art. 6(1)
      // (Greek α–στ and Cyrillic а–е letters are read by parseLegalBases).
      const letter = /^(?:[\p{L}.]+\s*)?[(„“"']?(στ|[a-fα-εа-е])[)“”"'΄ʹ’]?$/iu.exec(h.normalize('NFD').replace(/\p{M}/gu, ''))?.[1];
      if (letter && /(?<![0-9])6/.test(label)) return `Art. 6(1)(${letter.toLowerCase()}) — ${h}`;
      return parseLegalBases(`${label} ${h}`).length ? `${label} ${h}` : h;
    };
    if (kind === 'list' || ((kind === 'yesno' || kind === 'code') && answers)) out.push(...under.map((column) => ({ column, field, value: tickValue(column) })));
    // Ticks under a question whose headers are not its answers (the DPIA criteria under "AIPD nécessaire ?"):
    // no field of their own ("Données sensibles" there is a criterion, not the activity's data). Left unmapped, said.
    else out.push(...under.map((column) => ({ column, field: '', value: label })));
  }
  if (out.length) return out;
  // Else each column goes to the field its header is a value of, for every field with two columns or more in
  // the run (legal bases ticked beside data categories); a column whose header names no value joins the field of
  // the column before it when its header says nothing by itself (a free value such as "Nom"). A run of one
  // column is a yes/no question, not a list.
  if (columns.length < 2) return [];
  // A header may be a value of several fields ("Données de santé": a data category, and a special one): it goes
  // to the one most of the run's headers are values of.
  const candidates = columns.map((c) => TICK_FIELDS.filter((field) => valueOf(field, header(c))));
  const counts = new Map<string, number>();
  for (const fs of candidates) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const fieldOf = candidates.map((fs) => fs.reduce<string | null>((best, f) => (!best || (counts.get(f) ?? 0) > (counts.get(best) ?? 0) ? f : best), null));
  let previous: string | null = null;
  for (const [i, column] of columns.entries()) {
    const own = fieldOf[i];
    if (own && (counts.get(own) ?? 0) >= 2) {
      out.push({ column, field: own, value: header(column) });
      previous = own;
    } else if (!own && previous && matchHeader(header(column)).confidence < 0.5) out.push({ column, field: previous, value: header(column) });
    else previous = null;
  }
  return out;
}

/** The mapping of a tick column: its field, and a reason naming the value its ticks give. */
export function tickMapping(m: ColumnMapping, tick: TickColumn): ColumnMapping {
  if (!tick.field) return { ...m, field: null, confidence: 0, why: { key: 'mapping.why.tickGroup', params: { group: tick.value } } };
  const why: Message = { key: 'mapping.why.ticks', params: { value: tick.value } };
  return { ...m, field: tick.field, confidence: 0.85, why, alternatives: m.field && m.field !== tick.field ? [{ field: m.field, confidence: m.confidence }] : m.alternatives };
}
