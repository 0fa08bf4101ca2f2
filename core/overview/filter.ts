/**
 * The register filtered by what the overview counts: a kind of point to review, the review state,
 * a transfer safeguard, a completeness band, no department. These are computed per activity (see
 * facts.ts), so they narrow the SQL filter's result; every overview segment carries such a filter
 * and opens the register on exactly the activities it counts.
 */
import type { ActivityFilter } from '../../db/activity-store.js';
import type { CheckCode } from '../model/checks.js';
import type { ActivitySummary } from '../model/register.js';
import type { Register } from '../register.js';
import { activityFacts, type ActivityFacts } from './facts.js';
import type { ReviewState } from './review.js';
import { signoffIds, type SignoffState } from '../dpo/signoff.js';

export const COMPLETENESS_BANDS = ['complete', 'partial', 'low'] as const;
export type CompletenessBand = (typeof COMPLETENESS_BANDS)[number];

export interface OverviewFilterExtras {
  /** A kind of point to review, or `any` for at least one. */
  check?: CheckCode | 'any';
  /** Review state: overdue, due within 30 days, or either (`due`). */
  review?: Exclude<ReviewState, 'none'> | 'due';
  /** A safeguard of a transfer outside the EEA; `none` for a transfer without one. */
  safeguard?: string;
  completeness?: CompletenessBand;
  /** Activities with no department. */
  noDepartment?: boolean;
  /** The DPO's sign-off: draft, submitted or checked (issue 25). */
  signoff?: SignoffState;
}

export type OverviewFilter = ActivityFilter & OverviewFilterExtras;

const EXTRA_KEYS = ['check', 'review', 'safeguard', 'completeness', 'noDepartment', 'signoff'] as const;

export function hasExtras(f: OverviewFilter): boolean {
  return EXTRA_KEYS.some((k) => f[k] !== undefined && f[k] !== false);
}

export function bandOf(completeness: number): CompletenessBand {
  return completeness >= 1 ? 'complete' : completeness >= 0.5 ? 'partial' : 'low';
}

/** Whether an activity's facts match the extra criteria. */
export function matchesExtras(s: ActivitySummary, f: ActivityFacts, x: OverviewFilterExtras): boolean {
  if (x.check === 'any' ? !f.checks.length : x.check && !f.checks.includes(x.check)) return false;
  if (x.review) {
    const st = f.review.state;
    if (x.review === 'due' ? st !== 'overdue' && st !== 'due_soon' : st !== x.review) return false;
  }
  if (x.safeguard !== undefined) {
    const want = x.safeguard === 'none' ? '' : x.safeguard;
    if (!f.nonEeaTransfers.some((t) => t.safeguard === want)) return false;
  }
  if (x.completeness && bandOf(f.completeness) !== x.completeness) return false;
  if (x.noDepartment && s.department.trim()) return false;
  return true;
}

function split(f: OverviewFilter): { base: ActivityFilter; extras: OverviewFilterExtras } {
  const { check, review, safeguard, completeness, noDepartment, signoff: _s, ...base } = f;
  return { base, extras: { check, review, safeguard, completeness, noDepartment } };
}

/** The register table's rows for a filter that may carry overview criteria. */
export function listFiltered(reg: Register, filter: OverviewFilter = {}): ActivitySummary[] {
  if (filter.signoff) {
    const { signoff, ...rest } = filter;
    return listFiltered(reg, { ...rest, ids: signoffIds(reg, signoff, rest.ids) });
  }
  if (!hasExtras(filter)) return reg.activities.list(filter);
  const { base, extras } = split(filter);
  const { summaries, facts } = activityFacts(reg, base);
  return summaries.filter((s, i) => matchesExtras(s, facts[i], extras));
}

/** A filter with overview criteria turned into the plain filter of the same activities (for exports). */
export function resolveFilter(reg: Register, filter: OverviewFilter): ActivityFilter {
  if (!hasExtras(filter)) return filter;
  const { base } = split(filter);
  return { ...base, ids: listFiltered(reg, filter).map((s) => s.id) };
}
