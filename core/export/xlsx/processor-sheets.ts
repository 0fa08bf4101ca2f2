/**
 * The processor's register (Art. 30(2)), when processor activities are in scope: one row per
 * category of processing (clients on whose behalf, categories of processing, sub-processors,
 * transfers, security), and one row per client with its contact details.
 */
import type { ActivitySummary } from '../../model/register.js';
import { t as tr } from '../../i18n/i18n.js';
import * as F from '../format.js';
import { printsField } from '../review.js';
import { toSheetDate, type Labels } from '../labels.js';
import type { ExportSource } from '../source.js';
import { cell } from './cells.js';
import type { ColumnSpec, SheetWriter } from './sheet.js';

export const PROCESSOR_COLUMNS: ColumnSpec[] = [
  { width: 10 },
  { width: 30 },
  { width: 22 },
  { width: 36 },
  { width: 40 },
  { width: 40 },
  { width: 40 },
  { width: 40 },
  { width: 40 },
  { width: 12, date: true },
  { width: 12, date: true },
];

export function writeProcessorSheet(sheet: SheetWriter, source: ExportSource, L: Labels, summaries: ActivitySummary[]): void {
  const note = L.t('truncated');
  sheet.row(
    (['ref', 'name', 'organisation', 'purpose', 'clients', 'processingCategories', 'subProcessors', 'transfers', 'securityMeasures', 'createdAt', 'updatedAt'] as const).map((k) =>
      cell(L.t(k)),
    ),
    'header',
  );
  for (const chunk of source.activities(summaries)) {
    for (const a of chunk) {
      sheet.row([
        cell(a.ref),
        cell(a.name),
        cell(source.organisation(a.organisationId)?.name),
        cell([a.purpose, ...a.subPurposes].join('\n'), note),
        cell(a.clients.map((c) => F.contactLine(c)).join('\n'), note),
        cell(a.clients.map((c) => L.kv(c.name, L.joinItems(c.processingCategories))).join('\n'), note),
        cell(a.recipients.map((r) => F.recipient(L, r)).join('\n'), note),
        cell(a.transfers.map((t) => F.transfer(L, t)).join('\n'), note),
        printsField(L, 'securityMeasures')
          ? cell([...a.securityMeasures.map((m) => F.securityMeasure(L, m)), a.securityNotes].filter(Boolean).join('\n'), note)
          : cell(tr(L.lang, 'export.public.withheld')),
        toSheetDate(a.createdAt),
        toSheetDate(a.updatedAt),
      ]);
    }
  }
}

export const CLIENT_COLUMNS: ColumnSpec[] = [
  { width: 10 },
  { width: 30 },
  { width: 28 },
  { width: 30 },
  { width: 10 },
  { width: 16 },
  { width: 12 },
  { width: 16 },
  { width: 26 },
  { width: 24 },
  { width: 24 },
  { width: 40 },
];

export function writeClientSheet(sheet: SheetWriter, source: ExportSource, L: Labels, summaries: ActivitySummary[]): void {
  sheet.row(
    (['ref', 'name', 'client', 'address', 'postalCode', 'city', 'country', 'phone', 'email', 'clientRepresentative', 'clientDpo', 'processingCategories'] as const).map((k) =>
      cell(L.t(k)),
    ),
    'header',
  );
  for (const chunk of source.lists(['clients'], { summaries })) {
    for (const a of chunk) {
      for (const c of a.clients) {
        sheet.row([
          cell(a.summary.ref),
          cell(a.summary.name),
          cell([F.personName(c), c.company].filter(Boolean).join(', ')),
          cell(c.address),
          cell(c.postalCode),
          cell(c.city),
          cell(c.country),
          cell(c.phone),
          cell(c.email),
          cell(c.representative),
          cell(c.dpo),
          cell(c.processingCategories.join('\n')),
        ]);
      }
    }
  }
}
