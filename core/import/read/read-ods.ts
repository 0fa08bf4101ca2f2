/**
 * OpenDocument spreadsheets (the CNIL's template is one): `content.xml` read with the ZIP reader
 * and fast-xml-parser. Repeated rows and columns are expanded only where they hold text (an ODS
 * file usually "repeats" an empty row a million times), merged cells are recorded, paragraphs of a
 * cell become lines. Formulas are never evaluated: the value saved with the file is used.
 */
import { XMLParser } from 'fast-xml-parser';
import { AppError, text } from '../../errors.js';
import { IMPORT_LIMITS } from './limits.js';
import { emptySheet, type SheetData, type WorkbookData } from './workbook.js';
import type { ZipReader } from './zip.js';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

// Made on first use: fast-xml-parser is loaded when an ODS file is read, not at start-up.
let odsParser: XMLParser | undefined;
const parser = () =>
  (odsParser ??= new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
  }));

function tagOf(n: Node): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}
const children = (n: Node): Node[] => (n[tagOf(n)] as Node[]) ?? [];
const attrs = (n: Node): Record<string, string> => n[':@'] ?? {};

/** The visible text of a cell: paragraphs become lines, text:s spaces, text:line-break newlines. */
function textOf(nodes: Node[]): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === '#text') out += String(n['#text'] ?? '');
    else if (tag === 'text:s') out += ' '.repeat(Number(attrs(n)['text:c'] ?? 1) || 1);
    else if (tag === 'text:tab') out += '\t';
    else if (tag === 'text:line-break') out += '\n';
    else if (tag === 'office:annotation') continue;
    else out += textOf(children(n));
  }
  return out;
}

function cellValue(n: Node): string {
  const a = attrs(n);
  const type = a['office:value-type'] ?? a['calcext:value-type'];
  if (type === 'date' && a['office:date-value']) return a['office:date-value'].slice(0, 10);
  if (type === 'boolean' && a['office:boolean-value']) return a['office:boolean-value'];
  if ((type === 'float' || type === 'percentage' || type === 'currency') && a['office:value'] !== undefined) return a['office:value'];
  const paragraphs = children(n).filter((c) => tagOf(c) === 'text:p' || tagOf(c) === 'text:h');
  return paragraphs.map((p) => textOf(children(p))).join('\n');
}

export function readOds(zip: ZipReader, fileName: string, limits = IMPORT_LIMITS): WorkbookData {
  const xml = zip.readText('content.xml');
  if (xml === undefined) throw new AppError('bad_input', text('errors.file.odsNoContent', { file: fileName }));
  let doc: Node[];
  try {
    doc = parser().parse(xml) as Node[];
  } catch (error) {
    throw new AppError('bad_input', text('errors.file.odsDamaged', { file: fileName, reason: (error as Error).message }));
  }
  const root = doc.find((n) => tagOf(n) === 'office:document-content');
  if (!root) throw new AppError('bad_input', text('errors.file.notOds', { file: fileName }));
  const hiddenStyles = new Set<string>();
  const body = children(root);
  for (const s of children(body.find((n) => tagOf(n) === 'office:automatic-styles') ?? ({ x: [] } as Node))) {
    const props = children(s).find((c) => tagOf(c) === 'style:table-properties');
    if (props && attrs(props)['table:display'] === 'false') hiddenStyles.add(attrs(s)['style:name']);
  }
  const spreadsheet = children(children(body.find((n) => tagOf(n) === 'office:body') ?? ({ x: [] } as Node)).find((n) => tagOf(n) === 'office:spreadsheet') ?? ({ x: [] } as Node));
  const tables = spreadsheet.filter((n) => tagOf(n) === 'table:table');
  if (!tables.length) throw new AppError('bad_input', text('errors.file.noSheet', { file: fileName }));
  if (tables.length > limits.maxSheets) throw new AppError('bad_input', text('errors.file.tooManySheets', { file: fileName, count: tables.length, max: limits.maxSheets }));
  let cells = 0;
  const sheets = tables.map((t, index) => {
    const name = attrs(t)['table:name'] ?? `Sheet ${index + 1}`;
    const sheet = emptySheet(name, index);
    sheet.hidden = hiddenStyles.has(attrs(t)['table:style-name']);
    let col = 0;
    let row = 0;
    const visit = (nodes: Node[]) => {
      for (const n of nodes) {
        const tag = tagOf(n);
        if (tag === 'table:table-column') {
          const rep = Math.min(Number(attrs(n)['table:number-columns-repeated'] ?? 1) || 1, 1_000_000);
          if (attrs(n)['table:visibility'] === 'collapse') for (let i = 0; i < Math.min(rep, limits.maxColumns); i++) sheet.hiddenCols.add(col + i);
          col += rep;
        } else if (tag === 'table:table-row') {
          const a = attrs(n);
          const rep = Number(a['table:number-rows-repeated'] ?? 1) || 1;
          const cellsOfRow = readRow(n, sheet, row);
          const hidden = a['table:visibility'] === 'collapse' || a['table:visibility'] === 'filter';
          if (cellsOfRow) {
            for (let i = 0; i < rep; i++) {
              if (row + i >= limits.maxRows + 1000) throw new AppError('bad_input', text('errors.file.tooManyRows', { file: fileName, sheet: name, max: limits.maxRows }));
              sheet.rows[row + i] = i === 0 ? cellsOfRow : [...cellsOfRow];
              if (hidden) sheet.hiddenRows.add(row + i);
              cells += cellsOfRow.filter(Boolean).length;
              if (cells > limits.maxCells) throw new AppError('bad_input', text('errors.file.tooManyCells', { file: fileName, max: limits.maxCells }));
            }
          }
          row += rep;
        } else if (
          tag === 'table:table-header-rows' ||
          tag === 'table:table-row-group' ||
          tag === 'table:table-rows' ||
          tag === 'table:table-column-group' ||
          tag === 'table:table-header-columns' ||
          tag === 'table:table-columns'
        ) {
          visit(children(n));
        }
      }
    };
    visit(children(t));
    for (let r = 0; r < sheet.rows.length; r++) sheet.rows[r] ??= [];
    return sheet;
  });
  return { format: 'ods', sheets };

  function readRow(n: Node, sheet: SheetData, row: number): string[] | null {
    const out: string[] = [];
    let c = 0;
    let any = false;
    for (const cell of children(n)) {
      const tag = tagOf(cell);
      if (tag !== 'table:table-cell' && tag !== 'table:covered-table-cell') continue;
      const a = attrs(cell);
      const rep = Number(a['table:number-columns-repeated'] ?? 1) || 1;
      const value = tag === 'table:covered-table-cell' ? '' : cellValue(cell);
      if (value.length > limits.maxCellChars) {
        throw new AppError('bad_input', text('errors.file.rowCellTooLong', { file: fileName, sheet: sheet.name, row: row + 1, count: value.length, max: limits.maxCellChars }));
      }
      if (value !== '') {
        if (c + rep > limits.maxColumns) throw new AppError('bad_input', text('errors.file.tooManyColumns', { file: fileName, sheet: sheet.name, max: limits.maxColumns }));
        for (let i = 0; i < rep; i++) out[c + i] = value;
        any = true;
        if (a['table:formula']) sheet.formulas.set(`${row}:${c}`, a['table:formula']);
      }
      const rs = Number(a['table:number-rows-spanned'] ?? 1);
      const cs = Number(a['table:number-columns-spanned'] ?? 1);
      if (tag === 'table:table-cell' && (rs > 1 || cs > 1)) sheet.merges.push({ r1: row, c1: c, r2: row + rs - 1, c2: c + cs - 1 });
      c += rep;
    }
    if (!any) return null;
    for (let i = 0; i < out.length; i++) out[i] ??= '';
    return out;
  }
}
