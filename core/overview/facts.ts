/**
 * What the overview and the register's "points to review" need to know of each activity, read in a
 * fixed number of queries whatever the register's size: the points to review (the same
 * `checkActivity` the editor shows), the share of the Art. 30 fields filled, the review cycle, and
 * the transfers outside the EEA with their safeguard.
 */
import type { ActivityFilter } from '../../db/activity-store.js';
import { readFactRows } from '../../db/overview-store.js';
import { checkActivity, type CheckCode } from '../model/checks.js';
import type { Activity, ActivitySummary } from '../model/register.js';
import type { Register } from '../register.js';
import { reviewInfo, type ReviewInfo } from './review.js';

/** The Art. 30 fields whose presence makes an activity complete: 30(1) for controllers, 30(2) for processors. */
export const COMPLETENESS_FIELDS = {
  controller: ['name', 'purpose', 'legalBases', 'dataSubjects', 'dataCategories', 'recipients', 'retention', 'securityMeasures'],
  processor: ['name', 'purpose', 'clients', 'securityMeasures'],
} as const;

export type CompletenessField = (typeof COMPLETENESS_FIELDS)['controller'][number] | (typeof COMPLETENESS_FIELDS)['processor'][number];

export interface ActivityFacts {
  id: number;
  organisationId: number;
  checks: CheckCode[];
  /** Share of the Art. 30 fields filled, 0..1. */
  completeness: number;
  missing: CompletenessField[];
  review: ReviewInfo;
  /** Transfers to countries outside the EEA: country and safeguard ('' when none). */
  nonEeaTransfers: { country: string; safeguard: string }[];
}

/** The facts of every activity matching `filter`, in register order, with their summaries. */
export function activityFacts(reg: Register, filter: ActivityFilter = {}, today = reg.now().slice(0, 10)): { summaries: ActivitySummary[]; facts: ActivityFacts[] } {
  const summaries = reg.activities.list(filter);
  if (!summaries.length) return { summaries, facts: [] };
  const countries = reg.reference.countries();
  const rows = readFactRows(reg.sqlite, filter.organisationId);
  const columns = new Map(rows.activities.map((r) => [r[0], r]));
  const bases = new Map<number, { code: string; justification: string; purpose: number }[]>();
  for (const [id, code, noJustification, purpose] of rows.legalBases) {
    let list = bases.get(id);
    if (!list) bases.set(id, (list = []));
    list.push({ code, justification: noJustification ? '' : 'x', purpose });
  }
  const transfers = new Map<number, { country: string; safeguard: string | null }[]>();
  for (const [id, country, safeguard] of rows.transfers) {
    let list = transfers.get(id);
    if (!list) transfers.set(id, (list = []));
    list.push({ country, safeguard });
  }
  const sized = (field: keyof typeof rows.counts, id: number) => listOf(rows.counts[field].get(id) ?? 0);
  const facts = summaries.map((s) => {
    const [, dpiaStatus, lastReviewedAt, nextReviewAt, period] = columns.get(s.id)!;
    // What checkActivity, the completeness and the review cycle read: list lengths, and the few
    // fields they look at (the DPIA's "required" is the summary's, derived by the same rule).
    const a = {
      role: s.role,
      status: s.status,
      name: s.name,
      purpose: s.purpose,
      createdAt: s.createdAt,
      legalBases: bases.get(s.id) ?? NONE,
      subPurposes: sized('subPurposes', s.id),
      purposeBasesToCheck: rows.basesToCheck.has(s.id),
      art9Conditions: sized('art9Conditions', s.id),
      dataCategories: rows.special.has(s.id) ? specialListOf(rows.counts.dataCategories.get(s.id) ?? 1) : sized('dataCategories', s.id),
      dataSubjects: sized('dataSubjects', s.id),
      recipients: sized('recipients', s.id),
      transfers: transfers.get(s.id) ?? NONE,
      retention: sized('retention', s.id),
      securityMeasures: sized('securityMeasures', s.id),
      clients: sized('clients', s.id),
      dpia: { required: s.dpiaRequired, status: dpiaStatus },
      lastReviewedAt,
      nextReviewAt,
    } as unknown as Activity;
    const checks = [...new Set(checkActivity(a, countries).map((c) => c.code))];
    const fields = s.role === 'processor' ? COMPLETENESS_FIELDS.processor : COMPLETENESS_FIELDS.controller;
    const missing = fields.filter((f) => {
      const v = (a as unknown as Record<string, unknown>)[f];
      return Array.isArray(v) ? v.length === 0 : !String(v ?? '').trim();
    });
    return {
      id: s.id,
      organisationId: s.organisationId,
      checks,
      completeness: (fields.length - missing.length) / fields.length,
      missing,
      review: reviewInfo(a, period ?? 12, today),
      nonEeaTransfers: a.transfers.filter((t) => !countries.get(t.country)?.eea).map((t) => ({ country: t.country, safeguard: t.safeguard ?? '' })),
    } satisfies ActivityFacts;
  });
  return { summaries, facts };
}

const NONE: never[] = [];
const ITEM = Object.freeze({ special: false });
const SPECIAL = Object.freeze({ special: true });
const lists: object[][] = [];
const specialLists: object[][] = [];
/** A list of `n` blank entries (shared: only its length is read). */
const listOf = (n: number) => (lists[n] ??= Object.freeze(new Array<object>(n).fill(ITEM)) as object[]);
/** A list of `n` entries, the first of a special category (shared). */
const specialListOf = (n: number) => (specialLists[n] ??= Object.freeze([SPECIAL, ...new Array<object>(Math.max(0, n - 1)).fill(ITEM)]) as object[]);
