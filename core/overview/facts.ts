/**
 * What the overview and the register's "points to review" need to know of each activity, read in a
 * fixed number of queries whatever the register's size: the points to review (the same
 * `checkActivity` the editor shows), the share of the Art. 30 fields filled, the review cycle, and
 * the transfers outside the EEA with their safeguard.
 */
import { CHILD_LISTS } from '../../db/activity-lists.js';
import type { ActivityFilter } from '../../db/activity-store.js';
import { checkActivity, type CheckCode } from '../model/checks.js';
import { assessDpia } from '../model/dpia.js';
import type { Activity, ActivitySummary } from '../model/register.js';
import type { DpiaScreening } from '../model/schemas.js';
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

const LIST_FIELDS = ['legalBases', 'art9Conditions', 'dataCategories', 'transfers', 'retention', 'securityMeasures', 'clients', 'dataSubjects', 'recipients'] as const;

/** The facts of every activity matching `filter`, in register order, with their summaries. */
export function activityFacts(reg: Register, filter: ActivityFilter = {}, today = reg.now().slice(0, 10)): { summaries: ActivitySummary[]; facts: ActivityFacts[] } {
  const summaries = reg.activities.list(filter);
  if (!summaries.length) return { summaries, facts: [] };
  const ids = summaries.map((s) => s.id);
  const countries = reg.reference.countries();
  const periods = new Map<number, number>(
    (reg.sqlite.prepare('SELECT id, review_period_months FROM organisations').raw().all() as [number, number][]).map(([id, p]) => [id, p]),
  );
  const items = new Map<number, Record<string, unknown>>();
  for (const s of summaries) {
    const item: Record<string, unknown> = {};
    for (const f of LIST_FIELDS) item[f] = [];
    items.set(s.id, item);
  }
  for (const row of reg.activities.columnsOf(ids, ['dpia_json', 'last_reviewed_at', 'next_review_at'])) {
    const item = items.get(Number(row.id));
    if (!item) continue;
    item.dpia = assessDpia(JSON.parse(String(row.dpia_json)) as DpiaScreening);
    item.lastReviewedAt = String(row.last_reviewed_at);
    item.nextReviewAt = String(row.next_review_at);
  }
  for (const spec of CHILD_LISTS) {
    if (!(LIST_FIELDS as readonly string[]).includes(spec.field)) continue;
    for (const row of reg.activities.listRowsOf(spec.table, ids)) {
      (items.get(Number(row.activity_id))?.[spec.field] as unknown[] | undefined)?.push(spec.fromRow(row));
    }
  }
  const facts = summaries.map((s) => {
    const item = items.get(s.id)!;
    const a = { ...s, ...item } as unknown as Activity;
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
      review: reviewInfo(a, periods.get(s.organisationId) ?? 12, today),
      nonEeaTransfers: a.transfers.filter((t) => !countries.get(t.country)?.eea).map((t) => ({ country: t.country, safeguard: t.safeguard ?? '' })),
    } satisfies ActivityFacts;
  });
  return { summaries, facts };
}
