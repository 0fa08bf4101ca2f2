/**
 * What the register shows: the tab, the search, the filters and the points-to-review filters. A
 * reducer (pure, tested beside) in a hook that keeps it for the session, resets it when a filter
 * comes from the overview, and completes the instant search with the register's full-text search.
 */
import { useEffect, useReducer, useState } from 'react';
import type { ActivityFacts } from '../../../core/overview/facts.js';
import type { ActivitySummary } from '../../../core/model/register.js';
import type { ExportScope } from '../../../core/api/shell.js';
import { call } from '../../api/client.js';
import { fold } from '../../text.js';
import { matchesPoints, NO_POINTS, type PointsSelection } from '../../components/register-points.js';
import type { OverviewFilter } from '../../components/overview-filter.js';

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

export const NO_FILTERS: Filters = { status: '', department: '', role: '', legalBasis: '', transfers: '', special: '', dpia: '' };

export interface RegisterSearch {
  tab: RegisterTab;
  query: string;
  filters: Filters;
  points: PointsSelection;
}

export type SearchAction =
  | { type: 'tab'; tab: RegisterTab }
  | { type: 'query'; query: string }
  | { type: 'filter'; key: keyof Filters; value: string }
  | { type: 'points'; points: PointsSelection }
  /** Search, filters and points cleared (the tab stays). */
  | { type: 'clear' };

export function searchReducer(s: RegisterSearch, a: SearchAction): RegisterSearch {
  switch (a.type) {
    case 'tab':
      // The processor register has no controller roles: a role filter from the other tab would hide everything.
      return {
        ...s,
        tab: a.tab,
        filters: a.tab === 'processor' && (s.filters.role === 'controller' || s.filters.role === 'joint_controller') ? { ...s.filters, role: '' } : s.filters,
      };
    case 'query':
      return { ...s, query: a.query };
    case 'filter':
      return { ...s, filters: { ...s.filters, [a.key]: a.value } };
    case 'points':
      return { ...s, points: a.points };
    case 'clear':
      return { ...s, query: '', filters: NO_FILTERS, points: NO_POINTS };
  }
}

/** The search as this session left it (tab, search, filters; the points filters start empty). */
export function restoreSearch(storage: Pick<Storage, 'getItem'>): RegisterSearch {
  let filters = NO_FILTERS;
  try {
    filters = { ...NO_FILTERS, ...(JSON.parse(storage.getItem('art30.filters') ?? '{}') as Filters) };
  } catch {
    // A damaged entry: no filter.
  }
  return { tab: storage.getItem('art30.tab') === 'processor' ? 'processor' : 'controller', query: storage.getItem('art30.search') ?? '', filters, points: NO_POINTS };
}

export function persistSearch(storage: Pick<Storage, 'setItem'>, s: RegisterSearch): void {
  storage.setItem('art30.tab', s.tab);
  storage.setItem('art30.search', s.query);
  storage.setItem('art30.filters', JSON.stringify(s.filters));
}

/** How many filters are set (the search box apart). */
export function activeFilterCount(s: RegisterSearch): number {
  return Object.values(s.filters).filter(Boolean).length + Object.values(s.points).filter(Boolean).length;
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

/** A row with the folded text the instant search looks in (the table's own columns). */
export interface Indexed {
  row: ActivitySummary;
  text: string;
}

export function indexRows(rows: ActivitySummary[]): Indexed[] {
  return rows.map((row) => ({ row, text: fold(`${row.ref} ${row.name} ${row.department} ${row.owner} ${row.purpose} ${row.transferCountries.join(' ')}`) }));
}

/**
 * The rows of a tab that the search and filters let through. A row matches the search when every
 * word is in its columns, or when the full-text search (`hits`, for this very query) found it.
 */
export function shownRows(rows: Indexed[], s: RegisterSearch, hits: Set<number> | null, facts: Map<number, ActivityFacts> | null): ActivitySummary[] {
  const words = fold(s.query).split(/\s+/).filter(Boolean);
  const out: ActivitySummary[] = [];
  for (const x of rows) {
    if (words.length && !words.every((w) => x.text.includes(w)) && !hits?.has(x.row.id)) continue;
    if (!matchesFilters(x.row, s.filters)) continue;
    if (!matchesPoints(facts?.get(x.row.id), s.points)) continue;
    out.push(x.row);
  }
  return out;
}

/** The export's "what is shown" scope: the overview's filter, the tab, the filters and the search. */
export function exportScope(s: RegisterSearch, organisationId: number, overviewFilter?: OverviewFilter): ExportScope {
  const f = s.filters;
  const scope: ExportScope = { ...(overviewFilter as ExportScope | undefined), organisationId, role: s.tab === 'processor' ? 'processor' : 'controller_register' };
  if (f.status) scope.status = f.status as ExportScope['status'];
  if (f.department) scope.department = f.department;
  if (f.role) scope.role = f.role as ExportScope['role'];
  if (f.legalBasis) scope.legalBasis = f.legalBasis;
  if (f.transfers) scope.nonEeaTransfer = f.transfers === 'yes';
  if (f.special) scope.specialCategories = f.special === 'yes';
  if (f.dpia) scope.dpiaRequired = f.dpia === 'yes';
  if (s.query.trim()) scope.search = s.query.trim();
  if (s.points.check) (scope as Record<string, unknown>).check = s.points.check;
  if (s.points.review) (scope as Record<string, unknown>).review = s.points.review;
  return scope;
}

export interface RegisterSearchState {
  search: RegisterSearch;
  dispatch(a: SearchAction): void;
  /** The full-text search's hits for the current query (null: none asked, or not back yet). */
  hits: Set<number> | null;
  /** The full-text search is on its way: "no match" would be a false alarm. */
  searching: boolean;
}

export function useRegisterSearch(orgId: number, generation: number, overviewFilter?: OverviewFilter): RegisterSearchState {
  const [search, dispatch] = useReducer(searchReducer, undefined, () => restoreSearch(sessionStorage));
  const [serverHits, setServerHits] = useState<{ query: string; ids: Set<number> } | null>(null);

  // A filter opened from the overview replaces the table's own filters and search.
  const overviewKey = overviewFilter ? JSON.stringify(overviewFilter) : '';
  useEffect(() => {
    if (overviewKey) dispatch({ type: 'clear' });
  }, [overviewKey]);

  useEffect(() => persistSearch(sessionStorage, search), [search]);

  // The full-text search of the register (every field: data, recipients, transfers…) completes
  // the instant search over the table's own columns.
  const { query } = search;
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
  }, [query, orgId, generation]);

  const current = serverHits && serverHits.query === query.trim() ? serverHits.ids : null;
  return { search, dispatch, hits: current, searching: query.trim().length >= 3 && serverHits?.query !== query.trim() };
}
