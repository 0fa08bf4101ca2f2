/**
 * The breach record and the request log in the exports, when the DPO includes them (`records`):
 * which records are in scope, and their XLSX sheets. The breach sheet follows Art. 33(5): the facts,
 * the effects, the remedial action, column groups an inspector reads left to right.
 */
import type ExcelJS from 'exceljs';
import { t } from '../i18n/i18n.js';
import { emptyBreachData, type Breach, type SubjectRequest } from '../records/model.js';
import { breachSections, formatDate, formatInstant, requestDeadlineText, valueLabel } from '../records/labels.js';
import { listBreaches, listRequests } from '../records/services.js';
import type { Register } from '../register.js';
import type { Labels } from './labels.js';
import { toSheetDate } from './labels.js';
import { isExtract } from './scope.js';
import type { ExportSource } from './source.js';
import { cell } from './xlsx/cells.js';
import { sheetName, SheetWriter, type ColumnSpec } from './xlsx/sheet.js';

export interface ExportRecords {
  breaches: Breach[];
  requests: SubjectRequest[];
}

/** Records of the organisations in scope; for an extract of activities, those linked to one of them. */
export function recordsForExport(reg: Register, source: ExportSource): ExportRecords {
  const orgs = new Set(source.organisations.map((o) => o.id));
  const activityScope = isExtract(source.scope) && Object.keys(source.scope).some((k) => k !== 'organisationId' && source.scope[k as keyof typeof source.scope] !== undefined);
  const ids = new Set(source.summaries.map((s) => s.id));
  const inScope = (r: { organisationId: number; activities: { id: number }[] }) => orgs.has(r.organisationId) && (!activityScope || r.activities.some((a) => ids.has(a.id)));
  return { breaches: listBreaches(reg).filter(inScope), requests: listRequests(reg).filter(inScope) };
}

/** The breach sheet: title, then one row per breach under the groups facts / effects / remedial action. */
export function breachSheetRows(records: ExportRecords, L: Labels): { groups: [string, number][]; headers: string[]; rows: string[][] } {
  const sample = breachSections(L.lang, records.breaches[0] ?? emptyBreach());
  return {
    groups: sample.map((s) => [s.title, s.rows.length]),
    headers: sample.flatMap((s) => s.rows.map(([label]) => label)),
    rows: records.breaches.map((b) => breachSections(L.lang, b).flatMap((s) => s.rows.map(([, v]) => v))),
  };
}

function emptyBreach(): Breach {
  return {
    ...emptyBreachData('1970-01-01T00:00:00.000Z'),
    id: 0,
    organisationId: 0,
    version: 0,
    createdAt: '',
    updatedAt: '',
    activities: [],
    deadline: { dueAt: '1970-01-04T00:00:00.000Z', state: 'not_required', hoursLeft: null },
  };
}

/** Row height (points) that fits the longest wrapped text: spreadsheets do not grow rows written by a stream. */
function fitHeight(values: string[], columns: ColumnSpec[]): number | undefined {
  let lines = 1;
  values.forEach((v, i) => {
    const perLine = Math.max(6, Math.floor((columns[i]?.width ?? 10) * 0.9));
    lines = Math.max(
      lines,
      v.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0),
    );
  });
  return lines > 1 ? Math.min(409, lines * 15) : undefined;
}

export async function writeRecordSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter, taken: Set<string>, records: ExportRecords, L: Labels, exportedAt: string): Promise<void> {
  const lang = L.lang;
  const subtitle = t(lang, 'records.export.exportedOn', { date: formatDate(lang, exportedAt) });

  // Breaches as an inspector reads them (Art. 33(5)): one row per breach, the facts, the effects and
  // the remedial action each in one column, written as "label : value" lines.
  const tColumns: ColumnSpec[] = [{ width: 10 }, { width: 18 }, { width: 11 }, { width: 50 }, { width: 50 }, { width: 50 }];
  const ts = new SheetWriter(wb, sheetName(t(lang, 'records.export.breachSheet'), taken), tColumns, {
    dateFormat: L.dateFormat,
    freeze: { rows: 3, columns: 1 },
    autoFilter: true,
    landscape: true,
    printTitleRows: 3,
    tabColor: 'FFA4262C',
  });
  ts.row([cell(t(lang, 'records.export.breachTitle'))], 'title', { merges: [[1, 6]] });
  ts.row([cell(subtitle)], 'subtitle', { merges: [[1, 6]] });
  const tHeaders = [
    t(lang, 'records.field.ref'),
    t(lang, 'records.field.discoveredAt'),
    t(lang, 'records.field.status'),
    t(lang, 'records.facts'),
    t(lang, 'records.effects'),
    t(lang, 'records.remedialAction'),
  ];
  ts.row(
    tHeaders.map((h) => cell(h)),
    'header',
    { height: fitHeight(tHeaders, tColumns) },
  );
  const skip = new Set([t(lang, 'records.field.ref'), t(lang, 'records.field.status'), t(lang, 'records.field.discoveredAt')]);
  for (const b of records.breaches) {
    const sections = breachSections(lang, b);
    const lines = (k: number) =>
      sections[k].rows
        .filter(([label, v]) => v && !skip.has(label))
        .map(([label, v]) => L.kv(label, v))
        .join('\n');
    const values = [b.ref, formatInstant(lang, b.discoveredAt), valueLabel.status(lang, b.status), lines(0), lines(1), lines(2)];
    ts.row(
      values.map((v) => cell(v)),
      'plain',
      { height: fitHeight(values, tColumns) },
    );
  }
  if (!records.breaches.length) ts.row([cell(t(lang, 'records.noBreaches'))]);
  await ts.commit();

  // Breaches in detail: one column per field, to filter and sort.
  const b = breachSheetRows(records, L);
  const bColumns: ColumnSpec[] = b.headers.map((_, i) => ({ width: i < 2 ? 14 : 28 }));
  bColumns[1] = { width: 30 };
  const bs = new SheetWriter(wb, sheetName(t(lang, 'records.export.breachDetailSheet'), taken), bColumns, {
    dateFormat: L.dateFormat,
    freeze: { rows: 4, columns: 2 },
    autoFilter: true,
    landscape: true,
    printTitleRows: 4,
    tabColor: 'FFD98A8E',
  });
  // Titles span the table, so they neither wrap in the first column nor hide behind the frozen panes.
  bs.row([cell(t(lang, 'records.export.breachTitle'))], 'title', { merges: [[1, Math.min(8, b.headers.length)]] });
  bs.row([cell(subtitle)], 'subtitle', { merges: [[1, Math.min(8, b.headers.length)]] });
  const groupRow: ExcelJS.CellValue[] = [];
  const merges: [number, number][] = [];
  let col = 1;
  for (const [title, span] of b.groups) {
    groupRow.push(cell(title), ...Array.from({ length: span - 1 }, () => null));
    merges.push([col, col + span - 1]);
    col += span;
  }
  bs.row(groupRow, 'section', { merges });
  bs.row(
    b.headers.map((h) => cell(h)),
    'header',
    { height: fitHeight(b.headers, bColumns) },
  );
  for (const r of b.rows)
    bs.row(
      r.map((v) => cell(v)),
      'plain',
      { height: fitHeight(r, bColumns) },
    );
  if (!b.rows.length) bs.row([cell(t(lang, 'records.noBreaches'))]);
  await bs.commit();

  // Requests.
  const headers = [
    'ref',
    'right',
    'receivedOn',
    'channel',
    'requester',
    'identityChecked',
    'requestDescription',
    'initialDueOn',
    'extendedUntil',
    'extensionReason',
    'extensionToldOn',
    'deadline',
    'status',
    'answeredOn',
    'outcome',
    'outcomeReason',
    'activities',
  ];
  const dateCols = new Set(['receivedOn', 'initialDueOn', 'extendedUntil', 'extensionToldOn', 'answeredOn']);
  const rColumns: ColumnSpec[] = headers.map((h) => (dateCols.has(h) ? { width: 13, date: true } : { width: ['ref', 'identityChecked'].includes(h) ? 10 : 22 }));
  const rs = new SheetWriter(wb, sheetName(t(lang, 'records.export.requestSheet'), taken), rColumns, {
    dateFormat: L.dateFormat,
    freeze: { rows: 3, columns: 1 },
    autoFilter: true,
    landscape: true,
    printTitleRows: 3,
    tabColor: 'FF1F6F3F',
  });
  rs.row([cell(t(lang, 'records.export.requestTitle'))], 'title', { merges: [[1, 8]] });
  rs.row([cell(subtitle)], 'subtitle', { merges: [[1, 8]] });
  const headerTexts = headers.map((h) => t(lang, `records.field.${h}`));
  rs.row(
    headerTexts.map((h) => cell(h)),
    'header',
    { height: fitHeight(headerTexts, rColumns) },
  );
  for (const r of records.requests) {
    const values: Record<string, ExcelJS.CellValue> = {
      ref: cell(r.ref),
      right: cell(valueLabel.right(lang, r.right)),
      receivedOn: toSheetDate(r.receivedOn),
      channel: cell(valueLabel.channel(lang, r.channel)),
      requester: cell(r.requesterErasedAt ? t(lang, 'records.erased') : r.requester),
      identityChecked: cell(t(lang, r.identityChecked ? 'common.yes' : 'common.no')),
      requestDescription: cell(r.description),
      initialDueOn: toSheetDate(r.deadline.initialDueOn),
      extendedUntil: toSheetDate(r.extendedUntil),
      extensionReason: cell(r.extensionReason),
      extensionToldOn: toSheetDate(r.extensionToldOn),
      deadline: cell(`${formatDate(lang, r.deadline.dueOn)} — ${requestDeadlineText(lang, r.deadline)}`),
      status: cell(valueLabel.requestStatus(lang, r.status)),
      answeredOn: toSheetDate(r.answeredOn),
      outcome: cell(r.outcome ? valueLabel.outcome(lang, r.outcome) : ''),
      outcomeReason: cell(r.outcomeReason),
      activities: cell(r.activities.map((a) => `${a.ref} ${a.name}`).join('\n')),
    };
    const texts = headers.map((h) => {
      const v = values[h];
      return v instanceof Date ? '00/00/0000' : v && typeof v === 'object' && 'richText' in v ? v.richText.map((x) => x.text).join('') : String(v ?? '');
    });
    rs.row(
      headers.map((h) => values[h]),
      'plain',
      { height: fitHeight(texts, rColumns) },
    );
  }
  if (!records.requests.length) rs.row([cell(t(lang, 'records.noRequests'))]);
  await rs.commit();
}
