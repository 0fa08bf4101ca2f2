/**
 * One worksheet of the streaming workbook: columns, styles, and rows committed as soon as they
 * are written, so a sheet of any length never sits in memory. A `recorder` (bench only) keeps a
 * copy of every row so that the same cells can be written again by raw exceljs for comparison.
 */
import type ExcelJS from 'exceljs';

export interface ColumnSpec {
  width: number;
  date?: boolean;
}

export type RowStyle = 'title' | 'subtitle' | 'section' | 'header' | 'label' | 'plain';

export interface SheetOptions {
  /** Frozen rows and columns. */
  freeze?: { rows: number; columns: number };
  /** Autofilter over the header row (row `freeze.rows`). */
  autoFilter?: boolean;
  landscape?: boolean;
  dateFormat: string;
  /** Repeat the first `printTitleRows` rows on every printed page. */
  printTitleRows?: number;
  tabColor?: string;
}

/** What a sheet wrote, for the benchmark's raw-exceljs baseline. */
export interface RecordedSheet {
  name: string;
  columns: Partial<ExcelJS.Column>[];
  options: Partial<ExcelJS.AddWorksheetOptions>;
  autoFilter?: string;
  rows: { values: ExcelJS.CellValue[]; style: RowStyle }[];
}

const BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF7F7F7F' } } };

export const ROW_STYLES: Record<RowStyle, { font?: Partial<ExcelJS.Font>; fill?: ExcelJS.Fill; border?: Partial<ExcelJS.Borders>; height?: number }> = {
  title: { font: { bold: true, size: 14, color: { argb: 'FF1F3864' } }, height: 22 },
  subtitle: { font: { italic: true, color: { argb: 'FF404040' } } },
  section: { font: { bold: true, size: 12, color: { argb: 'FFFFFFFF' } }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } } },
  header: { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }, border: BORDER },
  label: { font: { bold: true } },
  plain: {},
};

export class SheetWriter {
  private readonly ws: ExcelJS.Worksheet;
  private readonly record?: RecordedSheet;
  private readonly width: number;
  private readonly dateColumns: boolean[];
  private readonly columnStyles: Partial<ExcelJS.Style>[];
  private rowCount = 0;

  constructor(
    wb: ExcelJS.stream.xlsx.WorkbookWriter,
    readonly name: string,
    columns: ColumnSpec[],
    private readonly options: SheetOptions,
    recorder?: RecordedSheet[],
  ) {
    const wsOptions: Partial<ExcelJS.AddWorksheetOptions> = {
      views: options.freeze ? [{ state: 'frozen', xSplit: options.freeze.columns, ySplit: options.freeze.rows }] : [],
      pageSetup: {
        paperSize: 9,
        orientation: options.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: options.printTitleRows ? `1:${options.printTitleRows}` : undefined,
      },
      properties: options.tabColor ? { tabColor: { argb: options.tabColor } } : {},
    };
    this.ws = wb.addWorksheet(name, wsOptions);
    const cols: Partial<ExcelJS.Column>[] = columns.map((c) => ({
      width: c.width,
      style: { alignment: { wrapText: true, vertical: 'top' }, ...(c.date ? { numFmt: options.dateFormat } : {}) },
    }));
    this.ws.columns = cols;
    this.columnStyles = cols.map((c) => c.style ?? {});
    this.width = columns.length;
    this.dateColumns = columns.map((c) => Boolean(c.date));
    if (recorder) {
      this.record = { name, columns: cols, options: wsOptions, rows: [] };
      recorder.push(this.record);
    }
  }

  /**
   * Writes one row and commits it. `merges` are column ranges [from, to] (1-based) merged on this
   * row; `height` (points) is needed for merged wrapped text, which spreadsheets do not auto-fit.
   */
  row(values: ExcelJS.CellValue[], style: RowStyle = 'plain', layout: { merges?: [number, number][]; height?: number } = {}): void {
    const row = this.ws.addRow(values);
    this.rowCount++;
    if (style !== 'plain') applyRowStyle(row, style, style === 'section' || style === 'header' ? this.width : values.length);
    else {
      // A text cell of a plain row is styled exactly as its column: give it the column's own style
      // object. exceljs remembers the style objects it has serialised and skips them, where it would
      // serialise a fresh copy for every cell (the most expensive step of a large sheet).
      for (let k = 0; k < values.length && k < this.width; k++) {
        const v = values[k];
        if (v !== null && typeof v === 'object' && 'richText' in v) row.getCell(k + 1).style = this.columnStyles[k];
      }
    }
    for (const [from, to] of layout.merges ?? []) if (to > from) this.ws.mergeCells(this.rowCount, from, this.rowCount, to);
    if (layout.height) row.height = layout.height;
    values.forEach((v, k) => {
      if (v instanceof Date && !this.dateColumns[k]) row.getCell(k + 1).numFmt = this.options.dateFormat;
    });
    if (this.record) this.record.rows.push({ values, style });
    row.commit();
  }

  blank(): void {
    this.row([]);
  }

  get rows(): number {
    return this.rowCount;
  }

  /** Finishes the sheet: autofilter over the header row, then the sheet is flushed to the file. */
  async commit(): Promise<void> {
    if (this.options.autoFilter && this.options.freeze) {
      const headerRow = this.options.freeze.rows;
      this.ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, this.rowCount), column: this.width } };
      if (this.record) this.record.autoFilter = JSON.stringify(this.ws.autoFilter);
    }
    await this.ws.commit();
  }
}

export function applyRowStyle(row: ExcelJS.Row, style: RowStyle, width: number): void {
  const s = ROW_STYLES[style];
  if (s.height) row.height = s.height;
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    if (s.font) cell.font = s.font;
    if (s.fill) cell.fill = s.fill;
    if (s.border) cell.border = s.border;
  }
}

/** A worksheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}
