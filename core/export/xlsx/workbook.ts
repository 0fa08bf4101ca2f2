/**
 * The XLSX export: a streaming workbook (exceljs WorkbookWriter) written sheet after sheet, each
 * sheet flushed to the file before the next begins, so memory stays bounded at any register size.
 *
 * Sheets: Registre (CNIL list), Détail (one column per field), the normalised sheets (data and
 * retention, recipients, transfers, security), the processor register and its clients when
 * processor activities are in scope, then one fiche per activity (by default up to 200 activities).
 */
import ExcelJS from 'exceljs';
import { APP_VERSION } from '../../version.js';
import type { Labels } from '../labels.js';
import type { ExportSource } from '../source.js';
import { writeDetailSheet, DETAIL_SHEET_COLUMNS } from './detail-sheet.js';
import { FICHE_COLUMNS, writeFicheSheet } from './fiche-sheets.js';
import { NORMALISED_SHEETS } from './normalised-sheets.js';
import { CLIENT_COLUMNS, PROCESSOR_COLUMNS, writeClientSheet, writeProcessorSheet } from './processor-sheets.js';
import { REGISTER_COLUMNS, writeRegisterSheet } from './register-sheet.js';
import { writeRecordSheets, type ExportRecords } from '../records-export.js';
import { sheetName, SheetWriter, type ColumnSpec, type RecordedSheet, type SheetOptions } from './sheet.js';

/** Above this many activities, fiche sheets are written only when asked for. */
export const FICHES_DEFAULT_LIMIT = 200;

export interface XlsxOptions {
  /** One fiche sheet per activity; default: when there are at most 200 activities. */
  fiches?: boolean;
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Bench only: a copy of every row written. */
  recorder?: RecordedSheet[];
  /** The breach record and the request log, when the DPO includes them. */
  records?: ExportRecords;
}

export async function writeXlsx(file: string, source: ExportSource, L: Labels, options: XlsxOptions = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = `Art30 ${APP_VERSION}`;
  wb.created = new Date(source.exportedAt);
  wb.modified = wb.created;
  wb.title = L.t('registerTitle');
  const taken = new Set<string>();
  const fiches = options.fiches ?? source.summaries.length <= FICHES_DEFAULT_LIMIT;
  const processors = source.processorSummaries;
  // Progress in activities read: each sheet reads the activities in scope (or the processor ones) once.
  const n = source.summaries.length;
  const perSheet = [n, n, ...NORMALISED_SHEETS.map(() => n), ...(processors.length ? [processors.length, processors.length] : []), ...(fiches ? [n] : [])];
  const total = Math.max(1, perSheet.reduce((a, b) => a + b, 0));
  let done = 0;
  let phase = '';
  let sheetIndex = 0;
  /** After a sheet: progress at the exact boundary, whatever the sheet read. */
  const sheetDone = () => {
    done = perSheet.slice(0, ++sheetIndex).reduce((a, b) => a + b, 0);
    options.onProgress?.(phase, done, total);
  };
  const progress = (title: string) => {
    phase = title;
    options.onProgress?.(phase, done, total);
  };
  source.onChunk = (count) => {
    done = Math.min(total, done + count);
    options.onProgress?.(phase, done, total);
  };

  const sheet = async (title: string, columns: ColumnSpec[], o: Omit<SheetOptions, 'dateFormat'>, write: (s: SheetWriter) => void) => {
    source.checkCancelled();
    progress(title);
    const s = new SheetWriter(wb, sheetName(title, taken), columns, { ...o, dateFormat: L.dateFormat }, options.recorder);
    write(s);
    await s.commit();
    sheetDone();
  };
  const table = { freeze: { rows: 1, columns: 2 }, autoFilter: true, landscape: true, printTitleRows: 1 };

  await sheet(L.t('sheetRegister'), REGISTER_COLUMNS, { landscape: true, tabColor: 'FF1F3864' }, (s) => writeRegisterSheet(s, source, L));
  await sheet(L.t('sheetDetails'), DETAIL_SHEET_COLUMNS, table, (s) => writeDetailSheet(s, source, L));
  for (const n of NORMALISED_SHEETS) await sheet(L.t(n.title), n.columns, table, (s) => n.write(s, source, L));
  if (processors.length) {
    await sheet(L.t('sheetProcessor'), PROCESSOR_COLUMNS, table, (s) => writeProcessorSheet(s, source, L, processors));
    await sheet(L.t('sheetClients'), CLIENT_COLUMNS, table, (s) => writeClientSheet(s, source, L, processors));
  }
  if (fiches) {
    progress(L.t('fiche'));
    for (const chunk of source.activities()) {
      for (const a of chunk) {
        const s = new SheetWriter(wb, sheetName(`${L.t('sheetFichePrefix')} ${a.ref || a.id}`, taken), FICHE_COLUMNS, { dateFormat: L.dateFormat }, options.recorder);
        writeFicheSheet(s, a, source.organisation(a.organisationId), L);
        await s.commit();
      }
    }
  }
  if (options.records) await writeRecordSheets(wb, taken, options.records, L, source.exportedAt);
  source.checkCancelled();
  await wb.commit();
  source.onChunk = undefined;
  options.onProgress?.('done', total, total);
}
