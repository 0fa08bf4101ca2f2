/**
 * Cell values for the workbook, safe by construction:
 * - every text is written as an inline string (`t="inlineStr"`), never as a formula, whatever it
 *   starts with (`=`, `+`, `-`, `@`, tab, carriage return) — and its text is kept intact;
 * - Excel's `_xHHHH_` escapes in user text are themselves escaped, so they read back unchanged;
 * - a text longer than a cell can hold (32,767 characters) is cut with a visible note.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../fields.js';

export const MAX_CELL_CHARS = 32_767;

/** Text a spreadsheet application would read as a formula if it were typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** A text cell: an inline rich-text string, the one cell type that can never be a formula. */
export function textCell(text: string, truncatedNote = '…'): ExcelJS.CellRichTextValue | null {
  if (!text) return null;
  let t = text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_') : text;
  if (t.length > MAX_CELL_CHARS) t = `${t.slice(0, MAX_CELL_CHARS - truncatedNote.length - 2)}\n${truncatedNote}`;
  return { richText: [{ text: t }] };
}

/** Any export value as a cell value: dates stay dates, texts become safe text cells. */
export function cell(v: CellValue | number | undefined, truncatedNote?: string): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date || typeof v === 'number') return v;
  return textCell(v, truncatedNote);
}

/** The text of a cell read back with exceljs (tests, checks). */
export function cellText(c: ExcelJS.Cell): string {
  const v = c.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
