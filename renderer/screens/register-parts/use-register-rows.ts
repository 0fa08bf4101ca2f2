/**
 * The register's rows are server state (react-query, renderer/api/queries.ts): the last load per
 * organisation is shown at once when coming back, then refreshed; a write invalidates it. Indexed
 * for the instant search and split by tab (an overview filter keeps just its activities).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ActivitySummary } from '../../../core/model/register.js';
import { call } from '../../api/client.js';
import { keys } from '../../api/queries.js';
import { indexRows, type Indexed, type RegisterTab } from './use-register-search.js';

export interface RegisterRows {
  /** null while the first load is on its way. */
  rows: ActivitySummary[] | null;
  error: string | null;
  byTab: Record<RegisterTab, Indexed[]>;
  departments: string[];
}

export function useRegisterRows(orgId: number, generation: number, lang: string, overviewIds: Set<number> | null): RegisterRows {
  const listQuery = useQuery({ queryKey: keys.activityList(orgId), queryFn: () => call('activities/list', { organisationId: orgId }), staleTime: 0 });
  const rows = listQuery.data ?? null;

  // Another register state (demo created, import, language of reference data): refetch.
  const { refetch } = listQuery;
  const firstGeneration = useRef(generation);
  useEffect(() => {
    if (generation !== firstGeneration.current) void refetch();
  }, [generation, refetch]);

  const indexed = useMemo(() => indexRows(rows ?? []), [rows]);
  const byTab = useMemo(() => {
    const controller: Indexed[] = [];
    const processor: Indexed[] = [];
    for (const x of indexed) if (!overviewIds || overviewIds.has(x.row.id)) (x.row.role === 'processor' ? processor : controller).push(x);
    return { controller, processor };
  }, [indexed, overviewIds]);
  const departments = useMemo(() => [...new Set((rows ?? []).map((r) => r.department).filter(Boolean))].sort((a, b) => a.localeCompare(b, lang)), [rows, lang]);

  return { rows, error: listQuery.error ? listQuery.error.message : null, byTab, departments };
}
