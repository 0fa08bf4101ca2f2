/**
 * The register: controller and processor registers of the selected organisation as two tabs, a
 * virtualised table (10,000 rows), sort, global search, filters, column chooser and counts. The
 * parts are in register-parts/: rows (server state), search and filters (a tested reducer), the
 * header and filter bar, the tabs, the table and its columns, the selection.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ExportScope } from '../../core/api/shell.js';
import { invalidateAfterWrite } from '../api/queries.js';
import { useApp, useT } from '../app-context.js';
import type { OverviewFilter } from '../components/overview-filter.js';
import { OverviewFilterBanner, useActivityFacts, useOverviewFilterIds } from '../components/register-points.js';
import { EmptyRegister } from './register-parts/empty-register.js';
import { ModelUpdatesNotice } from './models/model-updates-notice.js';
import { ColumnChooser } from './register-parts/column-chooser.js';
import { RegisterTable, useRegisterTable } from './register-parts/register-table.js';
import { RegisterTabs } from './register-parts/register-tabs.js';
import { SelectionInfo, useSelection } from './register-parts/selection.js';
import { FilterBar, RegisterHeader } from './register-parts/toolbar.js';
import { useRegisterRows } from './register-parts/use-register-rows.js';
import { exportScope, shownRows, useRegisterSearch } from './register-parts/use-register-search.js';
import { CopyDialog } from './dpo/copy-dialog.js';
import { SignoffFilter } from './dpo/signoff-filter.js';

export { formatDate } from './register-parts/format.js';
export { COLUMN_IDS } from './register-parts/columns.js';
export { matchesFilters, type Filters, type RegisterTab } from './register-parts/use-register-search.js';

/** After a write elsewhere in the window: the register (and all derived from it) is refetched. */
export function invalidateRegisterCache(): void {
  void invalidateAfterWrite();
}

export interface RegisterViewProps {
  onExport?(scope: { current: ExportScope; selected: number[]; shown: number[] }): void;
  onImport?(): void;
  canImport: boolean;
  canExport: boolean;
  /** Set by the menu's "search" command: focus the search box. */
  focusSearch: number;
  /** A filter opened from the overview: the register shows exactly its activities. */
  overviewFilter?: OverviewFilter;
}

export function RegisterView(props: RegisterViewProps) {
  const app = useApp();
  const t = useT();
  const orgId = app.orgId!;
  const facts = useActivityFacts(orgId, app.generation);
  const overviewIds = useOverviewFilterIds(props.overviewFilter, orgId, app.generation);
  const { rows, error, byTab, departments } = useRegisterRows(orgId, app.generation, app.lang, overviewIds);
  const searchState = useRegisterSearch(orgId, app.generation, props.overviewFilter);
  const { search, dispatch, hits, searching } = searchState;
  const { tab } = search;
  const selection = useSelection();
  const [copying, setCopying] = useState(false);

  // A filter from the overview opens on the tab that holds its activities.
  useEffect(() => {
    if (overviewIds && !byTab[tab].length) {
      const other = tab === 'controller' ? 'processor' : 'controller';
      if (byTab[other].length) dispatch({ type: 'tab', tab: other });
    }
  }, [overviewIds]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the overview's filter arrives: later tab changes are the DPO's

  const shown = useMemo(() => shownRows(byTab[tab], search, hits, facts), [byTab, tab, search, hits, facts]);
  const table = useRegisterTable(shown, facts);
  const tableRows = table.getRowModel().rows;

  if (error) {
    return (
      <div className="screen">
        <div className="error-box" role="alert">
          {error}
        </div>
      </div>
    );
  }

  const totalInTab = byTab[tab].length;
  const onExport = () =>
    props.onExport?.({ current: exportScope(search, orgId, props.overviewFilter), selected: [...selection.selected], shown: tableRows.map((r) => r.original.id) });

  return (
    <div className="screen register-screen">
      <RegisterHeader canImport={props.canImport} canExport={props.canExport} onImport={props.onImport} onExport={onExport} />
      <ModelUpdatesNotice organisationId={orgId} />

      {rows !== null && rows.length === 0 ? (
        <EmptyRegister canImport={props.canImport} onImport={props.onImport} />
      ) : (
        <>
          <RegisterTabs
            tab={tab}
            counts={{ controller: byTab.controller.length, processor: byTab.processor.length }}
            onChange={(k) => {
              dispatch({ type: 'tab', tab: k });
              selection.clear();
            }}
          />

          <div id="register-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="register-panel">
            {props.overviewFilter ? <OverviewFilterBanner filter={props.overviewFilter} count={overviewIds ? overviewIds.size : null} /> : null}
            <FilterBar state={searchState} departments={departments} focusSearch={props.focusSearch} extra={<SignoffFilter current={props.overviewFilter} />} />

            <div className="table-meta">
              <span role="status" aria-live="polite" className="count" data-testid="register-count">
                {rows === null ? t('common.loading') : t('register.count', { shown: tableRows.length, total: totalInTab })}
              </span>
              <SelectionInfo selection={selection} />
              {selection.selected.size && app.organisations.length > 1 ? (
                <button type="button" className="secondary small" onClick={() => setCopying(true)}>
                  {t('dpo.copy.button')}
                </button>
              ) : null}
              <ColumnChooser table={table} />
            </div>

            {rows !== null && totalInTab === 0 ? (
              <div className="empty-inline">
                <h2>{tab === 'processor' ? t('empty.noProcessorTitle') : t('empty.noActivityTitle')}</h2>
                <p>{tab === 'processor' ? t('empty.noProcessorText') : t('empty.noActivityText')}</p>
              </div>
            ) : (
              <RegisterTable
                table={table}
                selection={selection}
                footer={
                  rows !== null && tableRows.length === 0 ? (
                    // While the full-text search is on its way, "no match" would be a false alarm.
                    searching ? (
                      <p className="no-match" role="status">
                        {t('firstrun.searching')}
                      </p>
                    ) : (
                      <p className="no-match">{t('register.noMatch')}</p>
                    )
                  ) : null
                }
              />
            )}
          </div>
        </>
      )}
      {copying ? (
        <CopyDialog
          activityIds={[...selection.selected]}
          onClose={() => {
            setCopying(false);
            selection.clear();
          }}
        />
      ) : null}
    </div>
  );
}
