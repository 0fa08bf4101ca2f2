/**
 * The workbook a department receives: instructions in its language, its activities pre-filled (one
 * row each, with a "still accurate / changed / no longer done" choice), a sheet for activities the
 * register does not know yet, drop-down lists from the register's vocabularies (they suggest, they do
 * not forbid typing) and the stamp (stamp.ts) on a hidden sheet.
 */
import ExcelJS from 'exceljs';
import { printLayout } from '../export/xlsx/sheet.js';
import { CELL_FONT, columnTextWidth, rowHeight, wrappedLines } from '../export/xlsx/text-metrics.js';
import { t as translate, type Lang } from '../i18n/i18n.js';
import type { VocabularyTerm } from '../model/register.js';
import { CAMPAIGN_FIELDS, type CampaignField, type Cells } from './fields.js';
import { STAMP_SHEET, stampRows, type Stamp } from './stamp.js';

export const ANSWERS = ['accurate', 'changed', 'retired'] as const;
export type Answer = (typeof ANSWERS)[number];

/** How many empty rows the sheet of new activities offers. */
export const NEW_ROWS = 30;

export interface WorkbookInput {
  lang: Lang;
  organisation: string;
  department: string;
  campaignRef: string;
  dueOn: string;
  message: string;
  createdAt: string;
  activities: { ref: string; cells: Cells }[];
  terms: VocabularyTerm[];
  stamp: Stamp;
  sealKey: string;
}

export const columnLabel = (lang: Lang, key: CampaignField | 'ref' | 'answer' | 'comment') => translate(lang, `campaign.col.${key}`);
export const answerLabel = (lang: Lang, a: Answer) => translate(lang, `campaign.answer.${a}`);

const WIDTH: Partial<Record<string, number>> = { ref: 8, name: 24, owner: 18, purpose: 36, answer: 18, comment: 30 };
const LIST_WIDTH = 24;

/** Each row as high as its longest wrapped text (LibreOffice and Excel print the height saved). */
function fitRows(ws: ExcelJS.Worksheet, widths: number[], from = 1): void {
  ws.eachRow((row, n) => {
    if (n < from) return;
    let height = 0;
    row.eachCell((cell, c) => {
      const text = typeof cell.value === 'string' ? cell.value : '';
      const size = cell.font?.size ?? CELL_FONT.size;
      if (text) height = Math.max(height, rowHeight(wrappedLines(text, columnTextWidth(widths[c - 1] ?? LIST_WIDTH), size, Boolean(cell.font?.bold)), size));
    });
    if (height) row.height = height;
  });
}

/** A4, landscape when the columns need it, as many pages wide as keep the text readable, the header repeated. */
function pageSetup(ws: ExcelJS.Worksheet, widths: number[], repeatHeader: boolean): void {
  const layout = printLayout(widths);
  ws.pageSetup = {
    paperSize: 9,
    orientation: layout.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: layout.pagesWide,
    fitToHeight: 0,
    ...(repeatHeader ? { printTitlesRow: '1:1' } : {}),
  };
}

export async function buildCampaignWorkbook(w: WorkbookInput): Promise<Buffer> {
  const tr = (key: string, params?: Record<string, string | number>) => translate(w.lang, `campaign.${key}`, params);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Art30';
  wb.created = new Date(w.createdAt);
  const instructions = wb.addWorksheet(tr('sheet.instructions'));
  const sheet = wb.addWorksheet(tr('sheet.activities'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const added = wb.addWorksheet(tr('sheet.new'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet(tr('sheet.lists'), { state: 'hidden' });
  const stampSheet = wb.addWorksheet(STAMP_SHEET, { state: 'hidden' });

  // Lists behind the drop-downs, in the department's language.
  const label = (t: VocabularyTerm) => (w.lang === 'fr' ? t.labelFr : t.labelEn) || t.labelFr;
  const listOf = (kind: string, keep: (t: VocabularyTerm) => boolean = () => true) => w.terms.filter((t) => t.kind === kind && !t.legacy && keep(t)).map(label);
  const columns: [string, string[]][] = [
    ['answer', ANSWERS.map((a) => answerLabel(w.lang, a))],
    ['legalBases', listOf('legal_basis')],
    ['dataSubjects', listOf('data_subject_category', (t) => t.code !== 'other')],
    ['dataCategories', listOf('data_category')],
  ];
  const ranges = new Map<string, string>();
  columns.forEach(([key, values], i) => {
    const letter = String.fromCharCode(65 + i);
    lists.getCell(`${letter}1`).value = key === 'answer' ? columnLabel(w.lang, 'answer') : columnLabel(w.lang, key as CampaignField);
    values.forEach((v, r) => (lists.getCell(`${letter}${r + 2}`).value = v));
    ranges.set(key, `'${tr('sheet.lists')}'!$${letter}$2:$${letter}$${values.length + 1}`);
  });

  const header = (ws: ExcelJS.Worksheet, keys: string[]) => {
    keys.forEach((key, i) => {
      const cell = ws.getCell(1, i + 1);
      cell.value = columnLabel(w.lang, key as CampaignField);
      cell.font = { ...CELL_FONT, bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: key === 'answer' ? 'FFC55A11' : 'FF1F4E79' } };
      cell.alignment = { wrapText: true, vertical: 'middle' };
      ws.getColumn(i + 1).width = WIDTH[key] ?? LIST_WIDTH;
    });
    ws.getRow(1).height = 32;
  };
  const validate = (cell: ExcelJS.Cell, key: string, strict = false) => {
    const range = ranges.get(key);
    if (range) cell.dataValidation = { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: strict, errorStyle: 'stop' };
  };

  const keys = ['ref', ...CAMPAIGN_FIELDS, 'answer', 'comment'];
  header(sheet, keys);
  w.activities.forEach((a, r) => {
    const row = sheet.getRow(r + 2);
    keys.forEach((key, c) => {
      const cell = row.getCell(c + 1);
      const value = key === 'ref' ? a.ref : key === 'answer' || key === 'comment' ? '' : a.cells[key as CampaignField];
      // A string is written as text: never a formula, whatever it starts with.
      cell.value = value || null;
      cell.font = { ...CELL_FONT };
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (key === 'ref') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
      if (key === 'answer') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
      validate(cell, key, key === 'answer');
    });
  });

  const newKeys = [...CAMPAIGN_FIELDS, 'comment'];
  header(added, newKeys);
  for (let r = 2; r < 2 + NEW_ROWS; r++) {
    newKeys.forEach((key, c) => {
      const cell = added.getCell(r, c + 1);
      cell.alignment = { wrapText: true, vertical: 'top' };
      validate(cell, key);
    });
  }

  instructions.getColumn(1).width = 64;
  const lines: [string, Partial<ExcelJS.Font>?][] = [
    [tr('wb.title', { department: w.department, organisation: w.organisation }), { bold: true, size: 14 }],
    [tr('wb.due', { date: w.dueOn, ref: w.campaignRef }), { bold: true }],
    [''],
    ...(w.message ? ([[w.message], ['']] as [string][]) : []),
    [tr('wb.step1', { sheet: tr('sheet.activities'), column: columnLabel(w.lang, 'answer') })],
    [`• ${answerLabel(w.lang, 'accurate')} — ${tr('wb.accurate')}`],
    [`• ${answerLabel(w.lang, 'changed')} — ${tr('wb.changed')}`],
    [`• ${answerLabel(w.lang, 'retired')} — ${tr('wb.retired')}`],
    [tr('wb.lists')],
    [tr('wb.step2', { sheet: tr('sheet.new') })],
    [tr('wb.step3')],
    [tr('wb.keep', { sheet: STAMP_SHEET })],
  ];
  lines.forEach(([text, font], i) => {
    const cell = instructions.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.font = { ...CELL_FONT, ...font };
  });

  const widthsOf = (keys: string[]) => keys.map((k) => WIDTH[k] ?? LIST_WIDTH);
  fitRows(sheet, widthsOf(keys), 2);
  pageSetup(sheet, widthsOf(keys), true);
  pageSetup(added, widthsOf(newKeys), true);
  fitRows(instructions, [64]);
  pageSetup(instructions, [64], false);

  stampRows(w.stamp, w.sealKey).forEach((values, r) => values.forEach((v, c) => (stampSheet.getCell(r + 1, c + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
