/** The overview's filters as they travel in the address (`#/register/filter/…`): issue 16. */
import type { ActivityFilter } from '../../db/activity-store.js';
import type { OverviewFilterExtras } from '../../core/overview/filter.js';

export type OverviewFilter = ActivityFilter & OverviewFilterExtras;

export function parseOverviewFilter(encoded: string): OverviewFilter | undefined {
  try {
    const v = JSON.parse(decodeURIComponent(encoded)) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as OverviewFilter) : undefined;
  } catch {
    return undefined;
  }
}
