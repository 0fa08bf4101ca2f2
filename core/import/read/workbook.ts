/** What every reader (XLSX, ODS, CSV) produces: sheets of text cells, with what was hidden or merged. */

export type SourceFormat = 'xlsx' | 'ods' | 'csv';

export interface CellRange {
  /** 0-based, inclusive. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetData {
  name: string;
  /** 0-based position in the workbook. */
  index: number;
  /** The sheet itself is hidden (often the lists behind dropdowns). */
  hidden: boolean;
  /** Dense rows of cell text ('' for an empty cell); rows[0] is row 1 of the sheet. */
  rows: string[][];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  merges: CellRange[];
  /**
   * Cells that held a formula, keyed `row:col`: the value imported is the result last saved by the
   * spreadsheet program (never recomputed); when there is none, the formula's text.
   */
  formulas: Map<string, string>;
  /** Read with rows and columns swapped (a table whose activities stand in columns): cell names are swapped back. */
  transposed?: boolean;
}

/** The sheet with its rows and columns swapped: a table of fields as rows and activities as columns, read as any table. */
export function transposeSheet(sheet: SheetData): SheetData {
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  const rows = Array.from({ length: width }, (_, c) => sheet.rows.map((r) => r[c] ?? ''));
  const formulas = new Map([...sheet.formulas].map(([k, v]) => [k.split(':').reverse().join(':'), v]));
  return {
    ...sheet,
    rows,
    hiddenRows: sheet.hiddenCols,
    hiddenCols: sheet.hiddenRows,
    merges: sheet.merges.map((m) => ({ r1: m.c1, c1: m.r1, r2: m.c2, c2: m.r2 })),
    formulas,
    transposed: !sheet.transposed,
  };
}

export interface WorkbookData {
  format: SourceFormat;
  sheets: SheetData[];
  /** CSV only: what was detected. */
  encoding?: string;
  delimiter?: string;
}

export function emptySheet(name: string, index: number): SheetData {
  return { name, index, hidden: false, rows: [], hiddenRows: new Set(), hiddenCols: new Set(), merges: [], formulas: new Map() };
}

/** "B12" → {r: 11, c: 1} */
export function parseA1(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** 0 → "A", 27 → "AB" */
export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellName(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}
