/**
 * The register: controller and processor registers of the selected organisation as two tabs, a
 * virtualised table (10,000 rows), sort, global search, filters, column chooser and counts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ActivitySummary } from '../../core/model/register.js';
import type { ExportScope } from '../../core/api/shell.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { fold } from '../text.js';
import { isLang } from '../../core/i18n/i18n.js';
import { LOCALES } from '../../core/i18n/localized.js';
import { useQuery } from '@tanstack/react-query';
import { invalidateAfterWrite, keys } from '../api/queries.js';
import { EmptyRegister } from './register-parts/empty-register.js';
import { RegisterFilters } from './register-parts/filters.js';
import type { OverviewFilter } from '../components/overview-filter.js';
import {
  matchesPoints,
  NO_POINTS,
  OverviewFilterBanner,
  PointsCell,
  PointsFilters,
  useActivityFacts,
  useOverviewFilterIds,
  type PointsSelection,
} from '../components/register-points.js';

export type RegisterTab = 'controller' | 'processor';

export interface Filters {
  status: string;
  department: string;
  role: string;
  legalBasis: string;
  transfers: string;
  special: string;
  dpia: string;
}

const NO_FILTERS: Filters = { status: '', department: '', role: '', legalBasis: '', transfers: '', special: '', dpia: '' };

/**
 * The register's rows are server state (react-query, renderer/api/queries.ts): the last load per
 * organisation is shown at once when coming back, then refreshed; a write invalidates it.
 */
export function invalidateRegisterCache(): void {
  void invalidateAfterWrite();
}

interface Indexed {
  row: ActivitySummary;
  text: string;
}

export function matchesFilters(r: ActivitySummary, f: Filters): boolean {
  if (f.status && r.status !== f.status) return false;
  if (f.department && r.department !== f.department) return false;
  if (f.role && r.role !== f.role) return false;
  if (f.legalBasis && !r.legalBases.includes(f.legalBasis as never)) return false;
  if (f.transfers && r.nonEeaTransfer !== (f.transfers === 'yes')) return false;
  if (f.special && r.specialCategories !== (f.special === 'yes')) return false;
  if (f.dpia && r.dpiaRequired !== (f.dpia === 'yes')) return false;
  return true;
}

const COLUMN_IDS = ['ref', 'name', 'role', 'status', 'department', 'owner', 'purpose', 'legalBases', 'special', 'transfers', 'dpia', 'points', 'updatedAt'] as const;
const DEFAULT_HIDDEN: VisibilityState = { owner: false, purpose: false, role: false };

function loadVisibility(): VisibilityState {
  try {
    return { ...DEFAULT_HIDDEN, ...(JSON.parse(localStorage.getItem('art30.columns') ?? '{}') as VisibilityState) };
  } catch {
    return DEFAULT_HIDDEN;
  }
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
  const listQuery = useQuery({ queryKey: keys.activityList(orgId), queryFn: () => call('activities/list', { organisationId: orgId }), staleTime: 0 });
  const rows: ActivitySummary[] | null = listQuery.data ?? null;
  const error = listQuery.error ? listQuery.error.message : null;
  const [tab, setTab] = useState<RegisterTab>(() => (sessionStorage.getItem('art30.tab') === 'processor' ? 'processor' : 'controller'));
  const [query, setQuery] = useState(() => sessionStorage.getItem('art30.search') ?? '');
  const [serverHits, setServerHits] = useState<{ query: string; ids: Set<number> } | null>(null);
  const [filters, setFilters] = useState<Filters>(() => {
    try {
      return { ...NO_FILTERS, ...(JSON.parse(sessionStorage.getItem('art30.filters') ?? '{}') as Filters) };
    } catch {
      return NO_FILTERS;
    }
  });
  const [sorting, setSorting] = useState<SortingState>([{ id: 'ref', desc: false }]);
  const [visibility, setVisibility] = useState<VisibilityState>(loadVisibility);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [chooserOpen, setChooserOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const facts = useActivityFacts(orgId, app.generation);
  const overviewIds = useOverviewFilterIds(props.overviewFilter, orgId, app.generation);
  const [points, setPoints] = useState<PointsSelection>(NO_POINTS);
  const overviewKey = props.overviewFilter ? JSON.stringify(props.overviewFilter) : '';
  useEffect(() => {
    // A filter opened from the overview replaces the table's own filters and search.
    if (!overviewKey) return;
    setFilters(NO_FILTERS);
    setQuery('');
    setPoints(NO_POINTS);
  }, [overviewKey]);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Another register state (demo created, import, language of reference data): refetch.
  const { refetch } = listQuery;
  const firstGeneration = useRef(app.generation);
  useEffect(() => {
    if (app.generation !== firstGeneration.current) void refetch();
  }, [app.generation, refetch]);

  useEffect(() => {
    if (props.focusSearch) searchRef.current?.focus();
  }, [props.focusSearch]);

  useEffect(() => sessionStorage.setItem('art30.tab', tab), [tab]);
  useEffect(() => sessionStorage.setItem('art30.search', query), [query]);
  useEffect(() => sessionStorage.setItem('art30.filters', JSON.stringify(filters)), [filters]);
  useEffect(() => localStorage.setItem('art30.columns', JSON.stringify(visibility)), [visibility]);

  // The full-text search of the register (every field: data, recipients, transfers…) completes
  // the instant search over the table's own columns.
  useEffect(() => {
    const q = query.trim();
    if (q.length < 3) {
      setServerHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('activities/list', { organisationId: orgId, search: q })
        .then((list) => live && setServerHits({ query: q, ids: new Set(list.map((r) => r.id)) }))
        .catch(() => live && setServerHits({ query: q, ids: new Set() }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, orgId, app.generation]);

  const indexed = useMemo<Indexed[]>(
    () => (rows ?? []).map((row) => ({ row, text: fold(`${row.ref} ${row.name} ${row.department} ${row.owner} ${row.purpose} ${row.transferCountries.join(' ')}`) })),
    [rows],
  );

  const tabRows = useMemo(() => {
    const controller: Indexed[] = [];
    const processor: Indexed[] = [];
    for (const x of indexed) if (!overviewIds || overviewIds.has(x.row.id)) (x.row.role === 'processor' ? processor : controller).push(x);
    return { controller, processor };
  }, [indexed, overviewIds]);

  // A filter from the overview opens on the tab that holds its activities.
  useEffect(() => {
    if (overviewIds && !tabRows[tab].length) {
      const other = tab === 'controller' ? 'processor' : 'controller';
      if (tabRows[other].length) setTab(other);
    }
  }, [overviewIds]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const hits = serverHits && serverHits.query === query.trim() ? serverHits.ids : null;
    const out: ActivitySummary[] = [];
    for (const x of tabRows[tab]) {
      if (words.length && !words.every((w) => x.text.includes(w)) && !hits?.has(x.row.id)) continue;
      if (!matchesFilters(x.row, filters)) continue;
      if (!matchesPoints(facts?.get(x.row.id), points)) continue;
      out.push(x.row);
    }
    return out;
  }, [tabRows, tab, query, filters, serverHits, facts, points]);

  const departments = useMemo(() => [...new Set((rows ?? []).map((r) => r.department).filter(Boolean))].sort((a, b) => a.localeCompare(b, app.lang)), [rows, app.lang]);

  const columns = useMemo<ColumnDef<ActivitySummary>[]>(() => {
    const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
    return [
      { id: 'ref', header: t('col.ref'), accessorKey: 'ref', size: 90, sortingFn: (a, b) => a.original.ref.localeCompare(b.original.ref, undefined, { numeric: true }) },
      {
        id: 'name',
        header: t('col.name'),
        accessorKey: 'name',
        size: 340,
        cell: (c) => (
          <a href={`#/activity/${c.row.original.id}`} className="row-link">
            {c.row.original.name}
          </a>
        ),
      },
      { id: 'role', header: t('col.role'), accessorFn: (r) => r.role, size: 150, cell: (c) => t(`role.${c.row.original.role}`) },
      {
        id: 'status',
        header: t('col.status'),
        accessorFn: (r) => r.status,
        size: 100,
        cell: (c) => <span className={`badge status-${c.row.original.status}`}>{t(`status.${c.row.original.status}`)}</span>,
      },
      { id: 'department', header: t('col.department'), accessorKey: 'department', size: 170 },
      { id: 'owner', header: t('col.owner'), accessorKey: 'owner', size: 170 },
      { id: 'purpose', header: t('col.purpose'), accessorKey: 'purpose', size: 280 },
      {
        id: 'legalBases',
        header: t('col.legalBases'),
        accessorFn: (r) => r.legalBases.join(','),
        size: 200,
        cell: (c) => c.row.original.legalBases.map((code) => app.termLabel('legal_basis', code)).join(', '),
      },
      {
        id: 'special',
        header: t('col.special'),
        accessorFn: (r) => r.specialCategories,
        size: 110,
        cell: (c) => (c.row.original.specialCategories ? <span className="badge warn">{t('common.yes')}</span> : <span className="muted">{t('common.no')}</span>),
      },
      {
        id: 'transfers',
        header: t('col.transfers'),
        accessorFn: (r) => (r.nonEeaTransfer ? r.transferCountries.join(', ') : ''),
        size: 150,
        cell: (c) =>
          c.row.original.nonEeaTransfer ? (
            <span className="badge info">{c.row.original.transferCountries.filter((x) => !app.countryMap.get(x)?.eea).join(', ')}</span>
          ) : (
            <span className="muted">{t('common.no')}</span>
          ),
      },
      {
        id: 'dpia',
        header: t('col.dpia'),
        accessorFn: (r) => r.dpiaRequired,
        size: 90,
        cell: (c) => (c.row.original.dpiaRequired ? <span className="badge warn">{yesNo(true)}</span> : <span className="muted">{yesNo(false)}</span>),
      },
      {
        id: 'points',
        header: t('overview.pointsColumn'),
        accessorFn: (r) => facts?.get(r.id)?.checks.length ?? 0,
        size: 120,
        cell: (c) => <PointsCell facts={facts?.get(c.row.original.id)} />,
      },
      { id: 'updatedAt', header: t('col.updatedAt'), accessorKey: 'updatedAt', size: 130, cell: (c) => formatDate(c.row.original.updatedAt, app.lang) },
    ];
  }, [t, app.lang, app.termLabel, app.countryMap, facts]);

  const table = useReactTable({
    data: shown,
    columns,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => String(r.id),
  });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 37,
    overscan: 12,
  });

  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const visibleColumns = table.getVisibleLeafColumns();
  const activeFilters = Object.values(filters).filter(Boolean).length + Object.values(points).filter(Boolean).length;

  if (error) {
    return (
      <div className="screen">
        <div className="error-box" role="alert">
          {error}
        </div>
      </div>
    );
  }

  const setFilter = (k: keyof Filters) => (v: string) => setFilters((f) => ({ ...f, [k]: v }));
  const totalInTab = tabRows[tab].length;
  const noActivityAtAll = rows !== null && rows.length === 0;

  return (
    <div className="screen register-screen">
      <header className="screen-header">
        <h1>{t('register.title')}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void app.navigate({ view: 'activity', id: 'new' })}>
            + {t('register.newActivity')}
          </button>
          {props.canImport ? (
            <button type="button" className="secondary" onClick={props.onImport}>
              {t('register.import')}
            </button>
          ) : null}
          {props.canExport ? (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                props.onExport?.({
                  current: {
                    ...(props.overviewFilter as ExportScope | undefined),
                    organisationId: orgId,
                    role: tab === 'processor' ? 'processor' : 'controller_register',
                    ...filterScope(filters),
                    ...(query.trim() ? { search: query.trim() } : {}),
                    ...((points.check ? { check: points.check } : {}) as ExportScope),
                    ...((points.review ? { review: points.review } : {}) as ExportScope),
                  },
                  selected: [...selected],
                  shown: tableRows.map((r) => r.original.id),
                })
              }
            >
              {t('register.export')}
            </button>
          ) : null}
        </div>
      </header>

      {noActivityAtAll ? (
        <EmptyRegister canImport={props.canImport} onImport={props.onImport} />
      ) : (
        <>
          <div role="tablist" aria-label={t('register.tabs')} className="tabs">
            {(['controller', 'processor'] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`tab-${k}`}
                aria-selected={tab === k}
                aria-controls="register-panel"
                tabIndex={tab === k ? 0 : -1}
                className={tab === k ? 'tab active' : 'tab'}
                onClick={() => {
                  setTab(k);
                  setSelected(new Set());
                  if (k === 'processor' && (filters.role === 'controller' || filters.role === 'joint_controller')) setFilter('role')('');
                }}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                    const next = k === 'controller' ? 'processor' : 'controller';
                    setTab(next);
                    document.getElementById(`tab-${next}`)?.focus();
                  }
                }}
              >
                {k === 'controller' ? t('register.controllerTab') : t('register.processorTab')}
                <span className="tab-count">{tabRows[k].length}</span>
              </button>
            ))}
          </div>

          <div id="register-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="register-panel">
            {props.overviewFilter ? <OverviewFilterBanner filter={props.overviewFilter} count={overviewIds ? overviewIds.size : null} /> : null}
            <div className="filterbar">
              <div className="search">
                <label htmlFor="register-search" className="visually-hidden">
                  {t('register.searchLabel')}
                </label>
                <input
                  id="register-search"
                  ref={searchRef}
                  type="search"
                  value={query}
                  placeholder={t('register.searchPlaceholder')}
                  onChange={(e) => setQuery(e.target.value)}
                  aria-controls="register-table"
                />
              </div>
              <RegisterFilters filters={filters} setFilter={setFilter} tab={tab} departments={departments} />
              <PointsFilters value={points} onChange={setPoints} />
              {activeFilters || query ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setFilters(NO_FILTERS);
                    setPoints(NO_POINTS);
                    setQuery('');
                  }}
                >
                  {t('register.filter.clear')}
                </button>
              ) : null}
            </div>

            <div className="table-meta">
              <span role="status" aria-live="polite" className="count" data-testid="register-count">
                {rows === null ? t('common.loading') : t('register.count', { shown: tableRows.length, total: totalInTab })}
              </span>
              {selected.size ? (
                <span className="selection">
                  {t('ui.selected', { count: selected.size })}{' '}
                  <button type="button" className="link" onClick={() => setSelected(new Set())}>
                    {t('register.clearSelection')}
                  </button>
                </span>
              ) : null}
              <div className="column-chooser">
                <button type="button" className="secondary small" aria-expanded={chooserOpen} aria-controls="column-chooser" onClick={() => setChooserOpen((o) => !o)}>
                  {t('register.columns')}
                </button>
                {chooserOpen ? (
                  <fieldset id="column-chooser" className="popover" onKeyDown={(e) => e.key === 'Escape' && setChooserOpen(false)}>
                    <legend>{t('register.columnsTitle')}</legend>
                    {table.getAllLeafColumns().map((col) => (
                      <label key={col.id} className="check">
                        <input type="checkbox" checked={col.getIsVisible()} disabled={col.id === 'name'} onChange={col.getToggleVisibilityHandler()} />
                        {String(col.columnDef.header)}
                      </label>
                    ))}
                  </fieldset>
                ) : null}
              </div>
            </div>

            {rows !== null && totalInTab === 0 ? (
              <div className="empty-inline">
                <h2>{tab === 'processor' ? t('empty.noProcessorTitle') : t('empty.noActivityTitle')}</h2>
                <p>{tab === 'processor' ? t('empty.noProcessorText') : t('empty.noActivityText')}</p>
              </div>
            ) : (
              <div className="table-scroll" ref={scrollRef} data-testid="register-scroll">
                <table id="register-table" className="grid" aria-label={t('register.table')} aria-rowcount={tableRows.length + 1}>
                  <colgroup>
                    <col style={{ width: 40 }} />
                    {visibleColumns.map((c) => (
                      <col key={c.id} style={{ width: c.getSize() }} />
                    ))}
                  </colgroup>
                  <thead>
                    {table.getHeaderGroups().map((hg) => (
                      <tr key={hg.id} aria-rowindex={1}>
                        <th className="select-col" scope="col">
                          <input
                            type="checkbox"
                            aria-label={t('register.selectAll')}
                            checked={tableRows.length > 0 && tableRows.every((r) => selected.has(r.original.id))}
                            onChange={(e) => setSelected(e.target.checked ? new Set(tableRows.map((r) => r.original.id)) : new Set())}
                          />
                        </th>
                        {hg.headers.map((h) => {
                          const sorted = h.column.getIsSorted();
                          return (
                            <th key={h.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                              <button
                                type="button"
                                className="sort"
                                onClick={h.column.getToggleSortingHandler()}
                                title={t('register.sortBy', { column: String(h.column.columnDef.header) })}
                              >
                                {flexRender(h.column.columnDef.header, h.getContext())}
                                <span className="sort-mark" aria-hidden="true">
                                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                                </span>
                              </button>
                            </th>
                          );
                        })}
                      </tr>
                    ))}
                  </thead>
                  <tbody>
                    {padTop > 0 ? (
                      <tr aria-hidden="true" className="pad">
                        <td style={{ height: padTop }} colSpan={visibleColumns.length + 1} />
                      </tr>
                    ) : null}
                    {items.map((v) => {
                      const row = tableRows[v.index];
                      const id = row.original.id;
                      return (
                        <tr
                          key={row.id}
                          aria-rowindex={v.index + 2}
                          className={selected.has(id) ? 'selected' : undefined}
                          data-ref={row.original.ref}
                          onDoubleClick={() => void app.navigate({ view: 'activity', id })}
                        >
                          <td className="select-col">
                            <input
                              type="checkbox"
                              aria-label={t('register.selectRow', { name: `${row.original.ref} ${row.original.name}` })}
                              checked={selected.has(id)}
                              onChange={(e) =>
                                setSelected((s) => {
                                  const n = new Set(s);
                                  if (e.target.checked) n.add(id);
                                  else n.delete(id);
                                  return n;
                                })
                              }
                            />
                          </td>
                          {row.getVisibleCells().map((c) => (
                            <td key={c.id} className={`c-${c.column.id}`}>
                              {flexRender(c.column.columnDef.cell, c.getContext())}
                            </td>
                          ))}
                        </tr>
                      );
                    })}
                    {padBottom > 0 ? (
                      <tr aria-hidden="true" className="pad">
                        <td style={{ height: padBottom }} colSpan={visibleColumns.length + 1} />
                      </tr>
                    ) : null}
                  </tbody>
                </table>
                {rows !== null && tableRows.length === 0 ? (
                  // While the full-text search is on its way, "no match" would be a false alarm.
                  query.trim().length >= 3 && serverHits?.query !== query.trim() ? (
                    <p className="no-match" role="status">
                      {t('firstrun.searching')}
                    </p>
                  ) : (
                    <p className="no-match">{t('register.noMatch')}</p>
                  )
                ) : null}
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function filterScope(f: Filters): ExportScope {
  const s: ExportScope = {};
  if (f.status) s.status = f.status as ExportScope['status'];
  if (f.department) s.department = f.department;
  if (f.role) s.role = f.role as ExportScope['role'];
  if (f.legalBasis) s.legalBasis = f.legalBasis;
  if (f.transfers) s.nonEeaTransfer = f.transfers === 'yes';
  if (f.special) s.specialCategories = f.special === 'yes';
  if (f.dpia) s.dpiaRequired = f.dpia === 'yes';
  return s;
}

export function formatDate(iso: string, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(isLang(lang) ? LOCALES[lang] : LOCALES.en, { year: 'numeric', month: 'short', day: '2-digit' });
}

export { COLUMN_IDS };
