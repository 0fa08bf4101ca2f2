/**
 * Server state in the window: @tanstack/react-query. One client, the query keys, and what a write
 * invalidates (every screen showing register data refetches after a write).
 */
import { QueryClient, useQuery } from '@tanstack/react-query';
import type { Recipient } from '../../core/model/register.js';
import { call } from './client.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    // The register changes only through this window's writes (which invalidate) or another register
    // being opened (which clears everything): no refetch on focus or interval.
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
  },
});

export const keys = {
  activities: ['activities'] as const,
  activity: (id: number) => ['activities', 'one', id] as const,
  activityList: (organisationId: number) => ['activities', 'list', organisationId] as const,
  recipients: ['recipients'] as const,
  history: ['history'] as const,
  /** Destinations (countries, international organisations) and the reference data set in use. */
  reference: ['reference'] as const,
};

/** After a write to the register: everything derived from activities and recipients is stale. */
export function invalidateAfterWrite(client: QueryClient = queryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (q) => ['activities', 'recipients', 'history'].includes(String(q.queryKey[0])) });
}

const NO_RECIPIENTS: Recipient[] = [];

/**
 * The recipient directory (the editor's pickers): the cached list at once, refreshed when a screen
 * using it opens, after a write, and when the register changes (`generation`).
 */
export function useRecipientDirectory(generation = 0): Recipient[] {
  const query = useQuery({ queryKey: [...keys.recipients, generation], queryFn: () => call('recipients/list', {}), staleTime: 0 });
  return query.data ?? NO_RECIPIENTS;
}
