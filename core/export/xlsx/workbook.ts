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
import { t as tr } from '../../i18n/i18n.js';
import { showsInternal, showsReview } from '../audience.js';
import { reviewPoints } from '../review.js';
import { organisationTag } from '../scope.js';
import { cell } from './cells.js';
import { detailSheetColumns, writeDetailSheet } from './detail-sheet.js';
import { FICHE_COLUMNS, writeFicheSheet } from './fiche-sheets.js';
import { NORMALISED_SHEETS, normalisedColumns, SECURITY_SHEET } from './normalised-sheets.js';
import { CLIENT_COLUMNS, PROCESSOR_COLUMNS, writeClientSheet, writeProcessorSheet } from './processor-sheets.js';
import { REGISTER_COLUMNS, writeRegisterSheet } from './register-sheet.js';
import { writeRecordSheets, type ExportRecords } from '../records-export.js';
import { writeContractSheet, type ExportContracts } from '../contracts-export.js';
import { writeDpoSheets, type ExportDpoWork } from '../../dpo/export.js';
import { sheetName, SheetWriter, type ColumnSpec, type RecordedSheet, type SheetOptions } from './sheet.js';
import { CELL_FONT } from './text-metrics.js';

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
  /** Processor contracts (Art. 28) in scope (issue 23). */
  contracts?: ExportContracts;
  /** The DPO's sign-off and, for internal readers, the action plan (issue 25). */
  dpo?: ExportDpoWork;
}

export async function writeXlsx(file: string, source: ExportSource, L: Labels, options: XlsxOptions = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = `Art30 ${APP_VERSION}`;
  wb.created = new Date(source.exportedAt);
  wb.modified = wb.created;
  wb.title = L.t('registerTitle');
  // The workbook's default font (font 0) is the cells' font, Arial 10: column widths are counted in its
  // digits by Excel and LibreOffice alike, and the row heights are computed with its metrics.
  (wb as unknown as { styles: { _addFont(font: object): number } }).styles._addFont({ ...CELL_FONT });
  const taken = new Set<string>();
  const normalised = NORMALISED_SHEETS.filter((n) => n !== SECURITY_SHEET || showsInternal(L.audience));
  const review = showsReview(L.audience);
  const fiches = options.fiches ?? source.summaries.length <= FICHES_DEFAULT_LIMIT;
  const processors = source.processorSummaries;
  // Progress in activities read: each sheet reads the activities in scope (or the processor ones) once.
  const n = source.summaries.length;
  const perSheet = [n, n, ...normalised.map(() => n), ...(processors.length ? [processors.length, processors.length] : []), ...(review ? [n] : []), ...(fiches ? [n] : [])];
  const total = Math.max(
    1,
    perSheet.reduce((a, b) => a + b, 0),
  );
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

  // Every printed page names the organisation(s), the sheet, the export date and "page X / Y".
  const page = {
    header: source.organisations.map((o) => o.name).join(' · '),
    footer: `${L.t('exportedOn')} ${L.date(source.exportedAt)} — ${tr(L.lang, `export.audience.cover.${L.audience}`)}`,
    pageLabel: tr(L.lang, 'export.page'),
  };
  const sheet = async (title: string, columns: ColumnSpec[], o: Omit<SheetOptions, 'dateFormat'>, write: (s: SheetWriter) => void) => {
    source.checkCancelled();
    progress(title);
    const s = new SheetWriter(wb, sheetName(title, taken), columns, { ...page, ...o, dateFormat: L.dateFormat }, options.recorder);
    write(s);
    await s.commit();
    sheetDone();
  };
  const table = { freeze: { rows: 1, columns: 2 }, autoFilter: true, landscape: true, printTitleRows: 1 };

  await sheet(L.t('sheetRegister'), REGISTER_COLUMNS, { landscape: true, tabColor: 'FF1F3864' }, (s) => writeRegisterSheet(s, source, L));
  await sheet(L.t('sheetDetails'), detailSheetColumns(L), table, (s) => writeDetailSheet(s, source, L));
  for (const n of normalised) await sheet(L.t(n.title), normalisedColumns(n, source, L), table, (s) => n.write(s, source, L));
  if (processors.length) {
    await sheet(L.t('sheetProcessor'), PROCESSOR_COLUMNS, table, (s) => writeProcessorSheet(s, source, L, processors));
    await sheet(L.t('sheetClients'), CLIENT_COLUMNS, table, (s) => writeClientSheet(s, source, L, processors));
  }
  if (review) {
    const several = source.organisations.length > 1;
    const columns: ColumnSpec[] = [{ width: 10 }, ...(several ? [{ width: 22 }] : []), { width: 30 }, { width: 70 }];
    await sheet(tr(L.lang, 'export.review.annex'), columns, { ...table, freeze: { rows: 1, columns: 1 }, tabColor: 'FFC00000' }, (s) => {
      s.row([cell(L.t('ref')), ...(several ? [cell(L.t('organisation'))] : []), cell(L.t('name')), cell(tr(L.lang, 'export.review.column'))], 'header');
      for (const chunk of source.activities()) {
        for (const a of chunk) {
          for (const p of reviewPoints(a, L)) s.row([cell(a.ref), ...(several ? [cell(source.organisation(a.organisationId)?.name)] : []), cell(a.name), cell(p)]);
        }
      }
    });
  }
  if (fiches) {
    progress(L.t('fiche'));
    // With several organisations, references repeat: the sheet names carry the organisation's initials.
    const tags = new Map(source.organisations.map((o) => [o.id, source.organisations.length > 1 ? organisationTag(o, source.organisations) : '']));
    for (const chunk of source.activities()) {
      for (const a of chunk) {
        const name = [L.t('sheetFichePrefix'), tags.get(a.organisationId), a.ref || String(a.id)].filter(Boolean).join(' ');
        const org = source.organisation(a.organisationId);
        const s = new SheetWriter(
          wb,
          sheetName(name, taken),
          FICHE_COLUMNS,
          { ...page, header: org?.name ?? page.header, dateFormat: L.dateFormat, onePage: true },
          options.recorder,
        );
        writeFicheSheet(s, a, source.organisation(a.organisationId), L);
        await s.commit();
      }
    }
  }
  if (options.records) await writeRecordSheets(wb, taken, options.records, L, source.exportedAt);
  if (options.contracts) await writeContractSheet(wb, taken, options.contracts, L, new Map(source.organisations.map((o) => [o.id, o.name])));
  if (options.dpo) await writeDpoSheets(wb, taken, options.dpo, L);
  source.checkCancelled();
  await wb.commit();
  source.onChunk = undefined;
  options.onProgress?.('done', total, total);
}
