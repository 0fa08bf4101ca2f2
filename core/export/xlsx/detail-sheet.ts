/** The detailed sheet: one row per activity, one column per field (see ../fields.ts). */
import { DETAIL_COLUMNS, detailColumnsFor } from '../fields.js';
import type { Labels } from '../labels.js';
import type { ExportSource } from '../source.js';
import { cell } from './cells.js';
import type { ColumnSpec, SheetWriter } from './sheet.js';

export const DETAIL_SHEET_COLUMNS: ColumnSpec[] = DETAIL_COLUMNS.map((c) => ({ width: c.width, date: c.date }));

/** The detail sheet's columns for this export's audience. */
export const detailSheetColumns = (L: Labels): ColumnSpec[] => detailColumnsFor(L).map((c) => ({ width: c.width, date: c.date }));

export function writeDetailSheet(sheet: SheetWriter, source: ExportSource, L: Labels, onRow?: () => void): void {
  const DETAIL_COLUMNS = detailColumnsFor(L);
  const note = L.t('truncated');
  sheet.row(
    DETAIL_COLUMNS.map((c) => cell(L.t(c.label))),
    'header',
  );
  for (const chunk of source.activities()) {
    for (const a of chunk) {
      const org = source.organisation(a.organisationId);
      sheet.row(DETAIL_COLUMNS.map((c) => cell(c.value(a, L, org), note)));
      onRow?.();
    }
  }
}
