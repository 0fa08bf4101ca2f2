/**
 * One worksheet of the streaming workbook: columns, styles, and rows committed as soon as they
 * are written, so a sheet of any length never sits in memory. A `recorder` (bench only) keeps a
 * copy of every row so that the same cells can be written again by raw exceljs for comparison.
 */
import type ExcelJS from 'exceljs';
import { CELL_FONT, columnTextWidth, rowHeight, wrappedLines } from './text-metrics.js';

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
  /** Running header (left): the organisation(s); the sheet's name is printed on the right, "page X / Y" in the footer. */
  header?: string;
  /** Footer (left), e.g. the export date. */
  footer?: string;
  /** "Page &P / &N" in the document's language. */
  pageLabel?: string;
  /** Print each sheet on one page where it fits at a readable size (fiche sheets). */
  onePage?: boolean;
}

/** Page geometry of A4 in points, and the margins used (inches, as the file stores them). */
const A4 = { short: 595.3, long: 841.9 };
const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Cells are printed at 10 pt; a page is never scaled below this, so text stays at 8 pt or more. */
export const MIN_PRINT_SCALE = 0.85;
const pt = (chars: number) => chars * 7 * 0.75;

/**
 * How a sheet prints: portrait when its columns fit a portrait page at a readable scale, landscape
 * otherwise; fitted to as many pages wide as needed for the scale to stay ≥ MIN_PRINT_SCALE (the
 * columns packed page by page as a spreadsheet breaks them), any number of pages high.
 */
export function printLayout(widths: number[]): { landscape: boolean; pagesWide: number } {
  const usable = (landscape: boolean) => (landscape ? A4.long : A4.short) - (MARGINS.left + MARGINS.right) * 72;
  const pagesAt = (landscape: boolean) => {
    const page = usable(landscape) / MIN_PRINT_SCALE;
    let pages = 1;
    let used = 0;
    for (const w of widths) {
      const p = pt(w);
      if (used > 0 && used + p > page) {
        pages++;
        used = 0;
      }
      used += p;
    }
    return pages;
  };
  if (pagesAt(false) === 1) return { landscape: false, pagesWide: 1 };
  return { landscape: true, pagesWide: pagesAt(true) };
}

/** Escapes `&` for a header/footer field. */
const hf = (text: string) => text.replace(/&/g, '&&');

/** What a sheet wrote, for the benchmark's raw-exceljs baseline. */
export interface RecordedSheet {
  name: string;
  columns: Partial<ExcelJS.Column>[];
  options: Partial<ExcelJS.AddWorksheetOptions>;
  autoFilter?: string;
  rows: { values: ExcelJS.CellValue[]; style: RowStyle; height?: number }[];
}

const BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF7F7F7F' } } };

export const ROW_STYLES: Record<RowStyle, { font?: Partial<ExcelJS.Font>; fill?: ExcelJS.Fill; border?: Partial<ExcelJS.Borders>; height?: number }> = {
  title: { font: { ...CELL_FONT, bold: true, size: 14, color: { argb: 'FF1F3864' } }, height: 22 },
  subtitle: { font: { ...CELL_FONT, italic: true, color: { argb: 'FF404040' } } },
  section: { font: { ...CELL_FONT, bold: true, size: 12, color: { argb: 'FFFFFFFF' } }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } } },
  header: { font: { ...CELL_FONT, bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }, border: BORDER },
  label: { font: { ...CELL_FONT, bold: true } },
  plain: {},
};

/** The text a cell shows, for measuring (dates and numbers are short: never wrapped). */
function measuredText(v: ExcelJS.CellValue): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && 'richText' in v) {
    const runs = (v as ExcelJS.CellRichTextValue).richText;
    return runs.length === 1 ? runs[0].text : runs.map((r) => r.text).join('');
  }
  return '';
}

export class SheetWriter {
  private readonly ws: ExcelJS.Worksheet;
  private readonly record?: RecordedSheet;
  private readonly width: number;
  private readonly dateColumns: boolean[];
  private readonly columnStyles: Partial<ExcelJS.Style>[];
  private readonly textWidths: number[];
  private readonly pageHeight: number;
  private readonly fitScale: number;
  private rowCount = 0;
  /** Printed height of the rows so far, in points (for `onePage`). */
  private totalHeight = 0;

  constructor(
    wb: ExcelJS.stream.xlsx.WorkbookWriter,
    readonly name: string,
    columns: ColumnSpec[],
    private readonly options: SheetOptions,
    recorder?: RecordedSheet[],
  ) {
    const layout = printLayout(columns.map((c) => c.width));
    const landscape = layout.landscape || (Boolean(options.landscape) && layout.pagesWide > 1);
    const footerLeft = options.footer ? `&L&8${hf(options.footer)}` : '';
    const wsOptions: Partial<ExcelJS.AddWorksheetOptions> = {
      views: options.freeze ? [{ state: 'frozen', xSplit: options.freeze.columns, ySplit: options.freeze.rows }] : [],
      pageSetup: {
        paperSize: 9,
        orientation: landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: layout.pagesWide,
        fitToHeight: 0,
        margins: MARGINS,
        printTitlesRow: options.printTitleRows ? `1:${options.printTitleRows}` : undefined,
      },
      headerFooter: {
        oddHeader: `${options.header ? `&L&8${hf(options.header)}` : ''}&R&8${hf(name)}`,
        oddFooter: `${footerLeft}&R&8${options.pageLabel ?? 'Page &P / &N'}`,
      },
      properties: options.tabColor ? { tabColor: { argb: options.tabColor } } : {},
    };
    const usableWidth = (landscape ? A4.long : A4.short) - (MARGINS.left + MARGINS.right) * 72;
    this.pageHeight = (landscape ? A4.short : A4.long) - (MARGINS.top + MARGINS.bottom) * 72;
    this.fitScale = Math.min(
      1,
      usableWidth /
        Math.max(
          1,
          columns.reduce((w, c) => w + pt(c.width), 0),
        ),
    );
    this.ws = wb.addWorksheet(name, wsOptions);
    const cols: Partial<ExcelJS.Column>[] = columns.map((c) => ({
      width: c.width,
      style: { font: CELL_FONT, alignment: { wrapText: true, vertical: 'top' }, ...(c.date ? { numFmt: options.dateFormat } : {}) },
    }));
    this.ws.columns = cols;
    this.columnStyles = cols.map((c) => c.style ?? {});
    this.width = columns.length;
    this.dateColumns = columns.map((c) => Boolean(c.date));
    this.textWidths = columns.map((c) => columnTextWidth(c.width));
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
    const height = layout.height ?? this.heightOf(values, style, layout.merges);
    if (height) row.height = height;
    this.totalHeight += height ?? 15;
    values.forEach((v, k) => {
      if (v instanceof Date && !this.dateColumns[k]) row.getCell(k + 1).numFmt = this.options.dateFormat;
    });
    if (this.record) this.record.rows.push({ values, style, height });
    row.commit();
  }

  /**
   * The height a row needs for its text, wrapped in its column (or merged columns) with the font
   * of its style; undefined when one line of the default size fits (the sheet's default height).
   */
  private heightOf(values: ExcelJS.CellValue[], style: RowStyle, merges?: [number, number][]): number | undefined {
    const font = ROW_STYLES[style].font;
    const size = font?.size ?? CELL_FONT.size;
    const bold = Boolean(font?.bold);
    let lines = 1;
    for (let k = 0; k < values.length && k < this.width; k++) {
      const text = measuredText(values[k]);
      if (!text) continue;
      let width = this.textWidths[k];
      const merge = merges?.find(([from]) => from === k + 1);
      if (merge) for (let c = merge[0]; c < merge[1] && c < this.width; c++) width += this.textWidths[c] + 5;
      // A short text on one line needs no measuring.
      if (text.length * size * 1.02 < width && !text.includes('\n')) continue;
      lines = Math.max(lines, wrappedLines(text, width, size, bold));
    }
    if (lines === 1 && size <= CELL_FONT.size) return ROW_STYLES[style].height;
    return Math.max(ROW_STYLES[style].height ?? 0, rowHeight(lines, size));
  }

  blank(): void {
    this.row([]);
  }

  get rows(): number {
    return this.rowCount;
  }

  /** Finishes the sheet: autofilter over the header row, then the sheet is flushed to the file. */
  async commit(): Promise<void> {
    // One page when the whole sheet fits on it at a readable scale (a fiche on its own page).
    if (this.options.onePage && this.totalHeight * this.fitScale <= this.pageHeight && this.fitScale >= MIN_PRINT_SCALE) {
      (this.ws.pageSetup as { fitToHeight: number }).fitToHeight = 1;
    }
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
  const base =
    wanted
      .replace(/[:\\/?*[\]]/g, '-')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}
