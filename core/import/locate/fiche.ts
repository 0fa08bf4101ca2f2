/**
 * Vertical "fiche" layouts in any workbook, not only the CNIL's: one activity per sheet, written as
 * a column of labels with each value to its right ("Finalité : | Gestion de la paie"), lists
 * continued on the rows below their label, and small sub-tables under a label row. Labels are read
 * by the same header understanding as table columns (mapping.ts), so any wording it understands works.
 */
import { cleanText } from '../normalise/empty.js';
import type { ImportContext } from '../values/context.js';
import { buildRow, type BuiltRow, type RowCells } from '../values/build-row.js';
import { FIELD_BY_KEY } from '../assign/fields.js';
import { matchHeader } from '../assign/mapping.js';
import { cellName, type SheetData } from '../read/workbook.js';

interface Label {
  r: number;
  c: number;
  field: string;
}

const LABEL_MAX = 90;

/** The labels of a fiche: rows whose first filled cell reads as a field, or null when the sheet is not one. */
export function ficheLabels(sheet: SheetData): Label[] | null {
  const labels: Label[] = [];
  // A fiche is a page or two of labels: the first 150 rows (a table of 10,000 rows is not read as one).
  const limit = Math.min(sheet.rows.length, 400);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r] ?? [];
    const c = row.findIndex((v) => v.trim());
    if (c < 0 || c > 4) continue;
    const text = row[c].trim().replace(/\s*[:：]\s*$/, '');
    if (!text || text.length > LABEL_MAX) continue;
    const m = matchHeader(text);
    if (!m.field || m.confidence < 0.7) continue;
    // A label has its value to its right, or a list / sub-table below it.
    const right = row.slice(c + 1, c + 7).some((v) => cleanText(v));
    const below = (sheet.rows[r + 1] ?? []).slice(c, c + 7).some((v) => cleanText(v)) && !(sheet.rows[r + 1]?.[c] ?? '').trim();
    if (right || below) labels.push({ r, c, field: m.field });
  }
  const fields = new Set(labels.map((l) => l.field));
  if (fields.size < 3 || !(fields.has('name') || fields.has('purpose'))) return null;
  // A row of table headers is not a fiche: labels stand in one column, one field each.
  const column = labels[0].c;
  if (labels.filter((l) => l.c === column).length < labels.length * 0.7) return null;
  return labels;
}

export interface GenericFiche {
  sheet: SheetData;
  /** 0-based row of the activity's first label. */
  row: number;
  built: BuiltRow;
  source: { field: string; cell: string; text: string }[];
}

/** Reads one fiche sheet into one activity. */
export function readGenericFiche(sheet: SheetData, labels: Label[], ctx: ImportContext): GenericFiche {
  const cells: RowCells = new Map();
  const source: GenericFiche['source'] = [];
  const put = (field: string, r: number, c: number) => {
    const text = sheet.rows[r]?.[c] ?? '';
    if (!cleanText(text)) return;
    const list = cells.get(field) ?? [];
    // A single-value field keeps its first value (a second one is a continuation of the text).
    if (list.length && !FIELD_BY_KEY.get(field)?.multi) list[0] = { ...list[0], text: `${list[0].text}\n${text}` };
    else list.push({ cell: cellName(r, c), text, formula: sheet.formulas.has(`${r}:${c}`) });
    cells.set(field, list);
    source.push({ field, cell: cellName(r, c), text });
  };
  labels.forEach((l, i) => {
    const end = i + 1 < labels.length ? labels[i + 1].r : Math.min(sheet.rows.length, l.r + 60);
    const row = sheet.rows[l.r] ?? [];
    const valueCol = row.findIndex((v, c) => c > l.c && cleanText(v));
    if (valueCol > 0) put(l.field, l.r, valueCol);
    // The rows below, until the next label: a list continued, or a sub-table (its first filled cell per row).
    for (let r = l.r + 1; r < end; r++) {
      const next = sheet.rows[r] ?? [];
      if ((next[l.c] ?? '').trim()) break;
      const c = next.findIndex((v, k) => k > l.c && cleanText(v));
      if (c > 0) put(l.field, r, c);
    }
  });
  return { sheet, row: labels[0].r, built: buildRow(cells, ctx), source };
}
