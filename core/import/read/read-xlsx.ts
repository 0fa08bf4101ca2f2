/**
 * XLSX workbooks, read straight from the XML parts (the ZIP reader applies the size limits). A
 * tokenizer rather than a full XML parser keeps a 10,000-row sheet well under a second.
 *
 * Formulas are never evaluated: a formula cell gives the value the spreadsheet program saved with
 * the file (what the department saw), or the formula's own text ("=A1&B1") when no value was
 * saved; either way the cell is flagged in `formulas` and the preview warns about it.
 * Numbers with a date format become YYYY-MM-DD; other numbers keep their written form.
 */
import { AppError, text } from '../../errors.js';
import { excelSerialToIso } from '../normalise/date.js';
import { IMPORT_LIMITS } from './limits.js';
import { attributes, decodeXml } from './xml.js';
import { emptySheet, parseA1, type SheetData, type WorkbookData } from './workbook.js';
import type { ZipReader } from './zip.js';

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** OOXML escapes control characters as _x000D_. */
const unescapeOoxml = (s: string) => (s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));

function textRuns(xml: string): string {
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g;
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1] ?? '';
  return unescapeOoxml(decodeXml(out));
}

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

export function readXlsx(zip: ZipReader, fileName: string, limits = IMPORT_LIMITS): WorkbookData {
  const workbook = zip.readText('xl/workbook.xml');
  if (!workbook) throw new AppError('bad_input', text('errors.file.xlsxIncomplete', { file: fileName }));
  const rels = new Map<string, string>();
  for (const m of (zip.readText('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target) rels.set(a.Id, resolveTarget(a.Target));
  }
  const shared: string[] = [];
  const sst = zip.readText('xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)) shared.push(m[1] ? textRuns(m[1]) : '');
  const dateStyles = new Set<number>();
  const styles = zip.readText('xl/styles.xml');
  if (styles) {
    const custom = new Map<number, string>();
    for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
      const a = attributes(m[0]);
      custom.set(Number(a.numFmtId), a.formatCode ?? '');
    }
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
    let i = 0;
    for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
      const id = Number(attributes(m[0]).numFmtId ?? 0);
      if (BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dateStyles.add(i);
      i++;
    }
  }
  const sheetTags = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => attributes(m[0]));
  if (!sheetTags.length) throw new AppError('bad_input', text('errors.file.noSheet', { file: fileName }));
  if (sheetTags.length > limits.maxSheets) throw new AppError('bad_input', text('errors.file.tooManySheets', { file: fileName, count: sheetTags.length, max: limits.maxSheets }));
  let cells = 0;
  const sheets = sheetTags.map((a, index) => {
    const sheet = emptySheet(a.name ?? `Sheet${index + 1}`, index);
    sheet.hidden = a.state === 'hidden' || a.state === 'veryHidden';
    const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const part = rid ? rels.get(rid) : undefined;
    const xml = part ? zip.readText(part) : undefined;
    if (xml === undefined) return sheet;
    cells += readSheet(xml, sheet);
    if (cells > limits.maxCells) throw new AppError('bad_input', text('errors.file.tooManyCells', { file: fileName, max: limits.maxCells }));
    return sheet;
  });
  return { format: 'xlsx', sheets };

  function readSheet(xml: string, sheet: SheetData): number {
    let count = 0;
    const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml)?.[1];
    if (cols) {
      for (const m of cols.matchAll(/<col\b[^>]*>/g)) {
        const c = attributes(m[0]);
        if (c.hidden === '1' || c.hidden === 'true') {
          for (let i = Number(c.min); i <= Math.min(Number(c.max), limits.maxColumns); i++) sheet.hiddenCols.add(i - 1);
        }
      }
    }
    for (const m of xml.matchAll(/<mergeCell\b[^>]*ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
      const a = parseA1(m[1]);
      const b = parseA1(m[2]);
      if (a && b) sheet.merges.push({ r1: a.r, c1: a.c, r2: b.r, c2: b.c });
    }
    const dataStart = xml.indexOf('<sheetData');
    if (dataStart < 0) return 0;
    const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
    rowRe.lastIndex = dataStart;
    const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    let nextRow = 0;
    let m: RegExpExecArray | null;
    while ((m = rowRe.exec(xml))) {
      const rowAttrs = m[1];
      const rAttr = /\br="(\d+)"/.exec(rowAttrs);
      const r = rAttr ? Number(rAttr[1]) - 1 : nextRow;
      nextRow = r + 1;
      const body = m[2];
      // Rows that only carry a style, a height or a validation (LibreOffice writes them down to row
      // 1,048,576) are not rows of data: only a row holding a value counts against the limit.
      if (!body || !/<(?:v|t|is|f)\b/.test(body)) continue;
      if (/\bhidden="(1|true)"/.test(rowAttrs)) sheet.hiddenRows.add(r);
      const row: string[] = [];
      let nextCol = 0;
      cellRe.lastIndex = 0;
      let c: RegExpExecArray | null;
      while ((c = cellRe.exec(body))) {
        const ca = c[1];
        const ref = /\br="([A-Z]+)\d*"/.exec(ca);
        let col = nextCol;
        if (ref) {
          col = 0;
          for (const ch of ref[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
          col -= 1;
        }
        nextCol = col + 1;
        const inner = c[2];
        if (!inner) continue;
        if (col >= limits.maxColumns) throw new AppError('bad_input', text('errors.file.tooManyColumns', { file: fileName, sheet: sheet.name, max: limits.maxColumns }));
        const t = /\bt="(\w+)"/.exec(ca)?.[1];
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner)?.[1];
        let value: string;
        if (t === 's') value = v === undefined ? '' : (shared[Number(v)] ?? '');
        else if (t === 'inlineStr') value = textRuns(inner);
        else if (t === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
        else if (t === 'e') value = '';
        else if (t === 'str' || t === 'd') value = v === undefined ? '' : unescapeOoxml(decodeXml(v));
        else if (v !== undefined) {
          const s = /\bs="(\d+)"/.exec(ca);
          value = s && dateStyles.has(Number(s[1])) ? (excelSerialToIso(Number(v)) ?? v) : v;
        } else value = '';
        if (f !== undefined || /<f\b/.test(inner)) {
          const formula = f === undefined ? '' : decodeXml(f);
          sheet.formulas.set(`${r}:${col}`, formula);
          if (v === undefined && formula) value = `=${formula}`;
        }
        if (value.length > limits.maxCellChars) {
          throw new AppError(
            'bad_input',
            text('errors.file.cellTooLong', { file: fileName, sheet: sheet.name, cell: `${ref?.[1] ?? ''}${r + 1}`, count: value.length, max: limits.maxCellChars }),
          );
        }
        if (value !== '') {
          row[col] = value;
          count++;
        }
      }
      if (row.length) {
        if (r > limits.maxRows + 1000) throw new AppError('bad_input', text('errors.file.tooManyRows', { file: fileName, sheet: sheet.name, max: limits.maxRows }));
        for (let i = 0; i < row.length; i++) row[i] ??= '';
        sheet.rows[r] = row;
      }
    }
    for (let i = 0; i < sheet.rows.length; i++) sheet.rows[i] ??= [];
    return count;
  }
}
