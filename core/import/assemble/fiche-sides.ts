/**
 * One activity written over several sheets: a fiche, and beside it sheets named after one of its lists
 * ("Titulares", "Dados pessoais", "Conservação", "Medidas técnicas", "Empfänger"), each a small table whose
 * rows are that list's items. Each such sheet gives the fiche's activity its rows, and the columns of the
 * sheet that read as legal bases (the basis of each group of people) give the activity's bases.
 */
import { FIELD_BY_KEY } from '../assign/fields.js';
import { matchHeader } from '../assign/mapping.js';
import { cleanText } from '../normalise/empty.js';
import { parseRetention } from '../normalise/retention.js';
import { cellName, type SheetData } from '../read/workbook.js';
import type { SheetTable } from '../locate/find-table.js';
import type { RowCells } from '../values/build-row.js';

export interface FicheSide {
  /** Sheet index of the side sheet. */
  sheet: number;
  /** The list it gives. */
  field: string;
}

/** The sheets beside a workbook's only fiche that hold one of its lists (none when the workbook is not so laid out). */
export function findFicheSides(tables: SheetTable[], ficheSheet: number): FicheSide[] {
  const out: FicheSide[] = [];
  for (const t of tables) {
    if (t.sheet.index === ficheSheet || t.sheet.hidden) continue;
    const m = matchHeader(t.sheet.name);
    if (!m.field || m.confidence < 0.6 || !FIELD_BY_KEY.get(m.field)?.multi) continue;
    // A sheet naming activities of its own (a column headed as such) is a register, not a list.
    if (t.status === 'table' && t.mapping.some((x) => (x.field === 'name' || x.field === 'purpose') && x.confidence >= 0.9)) continue;
    if (!itemRows(t).length) continue;
    out.push({ sheet: t.sheet.index, field: m.field });
  }
  return out;
}

/** A side sheet's header: its first row of two cells or more (the table finder may have taken a data row for one). */
function headerOf(sheet: SheetData): number {
  return sheet.rows.findIndex((r) => r.filter((v) => v.trim()).length >= 2);
}

/** The rows below the side sheet's header. */
function itemRows(t: SheetTable): number[] {
  const rows = t.sheet.rows;
  const header = headerOf(t.sheet);
  const out: number[] = [];
  // The list ends at its first blank row (footnotes below it are the sheet's, not items).
  for (let r = header + 1; r < rows.length; r++) {
    if (cleanText(rows[r]?.[firstColumn(t.sheet, header)] ?? '')) out.push(r);
    else if (out.length) break;
  }
  return out;
}

function firstColumn(sheet: SheetData, header: number): number {
  const row = sheet.rows[header] ?? [];
  const c = row.findIndex((v) => v.trim());
  return c < 0 ? 0 : c;
}

/** The cells each side sheet gives the fiche, by field, with their cell names (`Sheet!A2`). */
export function ficheSideCells(tables: SheetTable[], sides: FicheSide[]): RowCells {
  const cells: RowCells = new Map();
  const add = (field: string, cell: string, text: string) => cells.set(field, [...(cells.get(field) ?? []), { cell, text }]);
  for (const side of sides) {
    const t = tables[side.sheet];
    const header = headerOf(t.sheet);
    const own = t.mapping.find((m) => m.field === side.field)?.column;
    const column = own ?? firstColumn(t.sheet, header);
    // A column of legal bases beside the items (the basis of each group of people, of each use) gives the activity's bases.
    const others = t.mapping.filter((m) => (m.field === 'legalBases' || m.field === 'art9Conditions') && m.field !== side.field && m.column !== column && m.confidence >= 0.7);
    for (const r of itemRows(t)) {
      const row = t.sheet.rows[r] ?? [];
      const name = (c: number) => `${t.sheet.name}!${cellName(r, c)}`;
      let text = row[column] ?? '';
      // A retention sheet: the data and, in another column, its period ("Logs de sistema | 1 ano").
      if (side.field === 'retention') {
        const period = parseRetention(text).duration ? column : row.findIndex((v) => parseRetention(v).duration);
        const data = row.findIndex((v, c) => c !== period && cleanText(v));
        if (period >= 0 && data >= 0 && data < period) text = `${row[data]}: ${row[period]}`;
        else if (period >= 0) text = row[period];
      }
      add(side.field, name(column), text);
      for (const m of others) if (cleanText(row[m.column] ?? '')) add(m.field!, name(m.column), row[m.column]);
    }
  }
  return cells;
}
