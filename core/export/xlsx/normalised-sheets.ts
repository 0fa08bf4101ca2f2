/**
 * Sheets an auditor can filter, one row per item, each row carrying the activity's reference and
 * name: data categories with their retention, recipients, transfers (country, adequacy,
 * safeguard), security measures.
 */
import type { ActivitySummary } from '../../model/register.js';
import { showsReview } from '../audience.js';
import * as F from '../format.js';
import { toSheetDate, type Labels, type TextKey } from '../labels.js';
import type { ExportSource } from '../source.js';
import { cell } from './cells.js';
import type { ColumnSpec, SheetWriter } from './sheet.js';

export interface NormalisedSheet {
  title: TextKey;
  headers: TextKey[];
  columns: ColumnSpec[];
  write(sheet: SheetWriter, source: ExportSource, L: Labels): void;
}

const ID_COLUMNS: ColumnSpec[] = [{ width: 10 }, { width: 30 }];

/** With several organisations in scope, references repeat: an organisation column follows the reference. */
const several = (source: ExportSource) => source.organisations.length > 1;

function header(sheet: SheetWriter, L: Labels, keys: TextKey[], source: ExportSource): void {
  sheet.row([cell(L.t('ref')), ...(several(source) ? [cell(L.t('organisation'))] : []), cell(L.t('name')), ...keys.map((k) => cell(L.t(k)))], 'header');
}

function idCells(source: ExportSource, s: ActivitySummary) {
  return [cell(s.ref), ...(several(source) ? [cell(source.organisation(s.organisationId)?.name)] : []), cell(s.name)];
}

/** A normalised sheet's columns for this scope (with the organisation column when several are in scope). */
export function normalisedColumns(n: NormalisedSheet, source: ExportSource, L?: Labels): ColumnSpec[] {
  // The transfers' alert column is a point to review: only in the internal version.
  const columns = n === TRANSFERS_SHEET && L && !showsReview(L.audience) ? n.columns.slice(0, -1) : n.columns;
  return several(source) ? [columns[0], { width: 22 }, ...columns.slice(1)] : columns;
}

export const DATA_CATEGORIES_SHEET: NormalisedSheet = {
  title: 'sheetDataCategories',
  headers: ['category', 'description', 'special', 'article', 'retentionPeriod', 'duration', 'trigger', 'activePeriod', 'archivePeriod', 'finalFate'],
  columns: [...ID_COLUMNS, { width: 34 }, { width: 34 }, { width: 10 }, { width: 10 }, { width: 40 }, { width: 12 }, { width: 22 }, { width: 12 }, { width: 14 }, { width: 16 }],
  write(sheet, source, L) {
    header(sheet, L, this.headers, source);
    for (const chunk of source.lists(['dataCategories', 'retention'])) {
      for (const a of chunk) {
        const id = idCells(source, a.summary);
        const rule = (r: (typeof a.retention)[number] | undefined) => [
          cell(r?.text),
          cell(r?.duration ? L.duration(r.duration) : ''),
          cell(r?.trigger),
          cell(r?.activePeriod ? L.duration(r.activePeriod) : ''),
          cell(r?.archivePeriod ? L.duration(r.archivePeriod) : ''),
          cell(r ? L.finalFate(r.finalFate) : ''),
        ];
        for (const c of a.dataCategories) {
          const article = c.code ? L.article('data_category', c.code) : '';
          const rules = F.retentionFor(c.label, a.retention);
          for (const r of rules.length ? rules : [undefined]) {
            sheet.row([...id, cell(c.label), cell(c.description), cell(L.yesNo(c.special)), cell(article), ...rule(r)]);
          }
        }
        const orphans = a.dataCategories.length ? F.orphanRetention(a.dataCategories, a.retention) : a.retention;
        for (const r of orphans) sheet.row([...id, cell(r.dataCategory || L.t('allCategories')), null, null, null, ...rule(r)]);
      }
    }
  },
};

export const RECIPIENTS_SHEET: NormalisedSheet = {
  title: 'sheetRecipients',
  headers: ['recipient', 'recipientType', 'countries', 'recipientRole', 'precisions', 'contract', 'contractDate', 'dpfCertified'],
  columns: [...ID_COLUMNS, { width: 30 }, { width: 24 }, { width: 20 }, { width: 32 }, { width: 30 }, { width: 16 }, { width: 12, date: true }, { width: 12 }],
  write(sheet, source, L) {
    header(sheet, L, this.headers, source);
    for (const chunk of source.lists(['recipients'])) {
      for (const a of chunk) {
        for (const r of a.recipients) {
          const dir = source.recipients.get(r.recipientId);
          sheet.row([
            ...idCells(source, a.summary),
            cell(r.name),
            cell(L.term('recipient_type', r.type)),
            cell(r.countries.map((c) => L.country(c)).join(', ')),
            cell(r.role),
            cell(r.precision),
            cell(dir?.contractRef),
            dir?.contractDate ? toSheetDate(dir.contractDate) : null,
            cell(
              dir ? (dir.dpfCertified && dir.dpfVerifiedAt ? `${L.yesNo(true)} — ${L.kv(L.t('legal.dpfVerifiedAt'), L.date(dir.dpfVerifiedAt))}` : L.yesNo(dir.dpfCertified)) : '',
            ),
          ]);
        }
      }
    }
  },
};

export const TRANSFERS_SHEET: NormalisedSheet = {
  title: 'sheetTransfers',
  headers: [
    'recipient',
    'country',
    'countryCode',
    'countryStatus',
    'adequacyDecision',
    'safeguard',
    'safeguardArticle',
    'derogation',
    'documentation',
    'alert',
    'legal.tiaRef',
    'legal.dataset.column',
  ],
  columns: [
    ...ID_COLUMNS,
    { width: 28 },
    { width: 18 },
    { width: 8 },
    { width: 20 },
    { width: 30 },
    { width: 28 },
    { width: 14 },
    { width: 30 },
    { width: 36 },
    { width: 36 },
    { width: 24 },
    { width: 22 },
  ],
  write(sheet, source, L) {
    const review = showsReview(L.audience);
    header(sheet, L, review ? this.headers : this.headers.filter((h) => h !== 'alert'), source);
    const summaries = source.summaries.filter((s) => s.transferCountries.length);
    for (const chunk of source.lists(['transfers'], { summaries })) {
      for (const a of chunk) {
        for (const t of a.transfers) {
          const info = L.countryInfo(t.country);
          sheet.row([
            ...idCells(source, a.summary),
            cell(t.recipient),
            cell(L.country(t.country)),
            cell(t.country),
            cell(info ? L.adequacy(info.adequacy, t.country) : ''),
            cell(L.adequacyDecision(t.country)),
            cell(L.term('transfer_safeguard', t.safeguard)),
            cell(L.article('transfer_safeguard', t.safeguard)),
            cell(L.term('art49_derogation', t.derogation)),
            cell(t.documentation),
            ...(review ? [cell(F.transferAlert(L, t))] : []),
            cell(t.tiaRef ?? ''),
            cell(L.referenceAsOf),
          ]);
        }
      }
    }
  },
};

export const SECURITY_SHEET: NormalisedSheet = {
  title: 'sheetSecurity',
  headers: ['measureType', 'precisions'],
  columns: [...ID_COLUMNS, { width: 34 }, { width: 70 }],
  write(sheet, source, L) {
    header(sheet, L, this.headers, source);
    for (const chunk of source.lists(['securityMeasures'], { columns: ['security_notes'] })) {
      for (const a of chunk) {
        for (const m of a.securityMeasures) sheet.row([...idCells(source, a.summary), cell(L.term('security_measure_type', m.type)), cell(m.precision)]);
        const notes = String(a.columns.security_notes ?? '');
        if (notes) sheet.row([...idCells(source, a.summary), cell(L.t('generalSecurityNotes')), cell(notes)]);
      }
    }
  },
};

export const NORMALISED_SHEETS = [DATA_CATEGORIES_SHEET, RECIPIENTS_SHEET, TRANSFERS_SHEET, SECURITY_SHEET];
