/**
 * Row heights from the text: how many lines a cell's text takes once wrapped in its column, with
 * the advance widths of the cell's font (Arial / Liberation Sans, see font-metrics-data.ts), and
 * the height those lines need. Spreadsheets do not fit rows whose height was never set when they
 * open a file (LibreOffice prints such rows one line high, text over text), so every row with
 * wrapped text gets its height here. Kept in-house: no maintained library measures text without a
 * rendering engine, and a table lookup per character keeps a 10,000-activity workbook fast.
 */
import { BOLD_WIDTHS, METRIC_RANGES, REGULAR_WIDTHS } from './font-metrics-data.js';

/** The workbook's font: Arial (Liberation Sans where Arial is absent, same metrics). */
export const CELL_FONT = { name: 'Arial', size: 10, family: 2 } as const;
/** Excel's maximum digit width of Arial 10 at 96 dpi, in pixels: column width n chars ≈ n × 7 px. */
const DIGIT_PX = 7;
/** Cell padding, left and right together, in points. */
const PADDING_PT = 5;
/** Widths are multiplied by this before wrapping: a spreadsheet's renderer hints and rounds glyphs. */
const SAFETY = 1.06;
export const MAX_ROW_HEIGHT = 409;

function decode(b64: string): Uint16Array {
  const buf = Buffer.from(b64, 'base64');
  const out = new Uint16Array(buf.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt16LE(2 * i);
  return out;
}

const TABLE_END = METRIC_RANGES[METRIC_RANGES.length - 1][1];
function table(b64: string): Float32Array {
  const widths = decode(b64);
  const t = new Float32Array(TABLE_END).fill(-1);
  let k = 0;
  for (const [a, b] of METRIC_RANGES) for (let c = a; c < b; c++) t[c] = widths[k++] / 1000;
  return t;
}
const REGULAR = table(REGULAR_WIDTHS);
const BOLD = table(BOLD_WIDTHS);

/** Width of one character in em. Outside the table: CJK and other wide scripts a full em, the rest as a capital. */
function charEm(t: Float32Array, code: number): number {
  if (code < TABLE_END) {
    const w = t[code];
    if (w >= 0) return w;
  }
  if (code >= 0x2e80) return 1;
  return 0.667;
}

/** The width of a text in points. */
export function textWidth(text: string, size: number = CELL_FONT.size, bold = false): number {
  const t = bold ? BOLD : REGULAR;
  let em = 0;
  for (let i = 0; i < text.length; i++) em += charEm(t, text.charCodeAt(i));
  return em * size;
}

/** Usable text width of a column (or of merged columns) `chars` wide, in points. */
export function columnTextWidth(chars: number): number {
  return Math.max(8, chars * DIGIT_PX * 0.75 - PADDING_PT);
}

/** Lines taken by `text` wrapped at word boundaries (a word longer than the line is cut) in `width` points. */
export function wrappedLines(text: string, width: number, size: number = CELL_FONT.size, bold = false): number {
  const t = bold ? BOLD : REGULAR;
  const limit = width / (size * SAFETY);
  let lines = 1;
  let line = 0; // em on the current line
  let word = 0; // em of the current word (since the last space)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lines++;
      line = 0;
      word = 0;
      continue;
    }
    const w = charEm(t, code);
    if (code === 32) {
      line += w;
      word = 0;
      continue;
    }
    line += w;
    word += w;
    if (line > limit) {
      lines++;
      if (word < line && word <= limit)
        line = word; // the word moves to the next line
      else line = word = w; // a word longer than the line is cut
    }
  }
  return lines;
}

/** Line height of a font size, in points (ascent + descent + leading of Arial, rounded up). */
export function lineHeight(size: number = CELL_FONT.size): number {
  return size * 1.2;
}

/** The height a row needs for `lines` lines of `size`-point text. */
export function rowHeight(lines: number, size: number = CELL_FONT.size): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil((lines * lineHeight(size) + 3) * 4) / 4);
}
