/**
 * The state of the register at a glance, per organisation or for all: activities by status, legal
 * basis and department; transfers outside the EEA by destination and safeguard; points to review by
 * kind; completeness; reviews overdue or due soon; and what other records contribute. Every count
 * is a segment with the filter that lists exactly its activities in the register.
 */
import type { CheckCode } from '../model/checks.js';
import { CHECK_CODES } from './check-codes.js';
import type { Register } from '../register.js';
import { activityFacts } from './facts.js';
import { bandOf, COMPLETENESS_BANDS, type OverviewFilter } from './filter.js';
import { DUE_SOON_DAYS } from './review.js';
import { OVERVIEW_SECTIONS, type OverviewSection } from './sections.js';

export { CHECK_CODES };

export interface Segment {
  key: string;
  count: number;
  filter: OverviewFilter;
}

export interface ReviewDue {
  id: number;
  organisationId: number;
  ref: string;
  name: string;
  nextReviewAt: string;
  byHand: boolean;
  state: 'overdue' | 'due_soon';
  daysLeft: number;
}

export interface Overview {
  organisationId: number | null;
  today: string;
  total: number;
  byStatus: Segment[];
  byRole: Segment[];
  byLegalBasis: Segment[];
  byDepartment: Segment[];
  transfers: { activities: Segment; byCountry: Segment[]; bySafeguard: Segment[] };
  checks: { any: Segment; byKind: Segment[] };
  completeness: { average: number; bands: Segment[]; lowest: { id: number; ref: string; name: string; completeness: number; missing: string[] }[] };
  reviews: { overdue: Segment; dueSoon: Segment; dueSoonDays: number; due: ReviewDue[] };
  sections: OverviewSection[];
}

function counter() {
  const m = new Map<string, number>();
  return {
    add: (k: string) => m.set(k, (m.get(k) ?? 0) + 1),
    segments: (filter: (k: string) => OverviewFilter, order?: readonly string[]): Segment[] => {
      const keys = [...m.keys()];
      if (order) keys.sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999) || a.localeCompare(b));
      else keys.sort((a, b) => m.get(b)! - m.get(a)! || a.localeCompare(b));
      return keys.map((k) => ({ key: k, count: m.get(k)!, filter: filter(k) }));
    },
  };
}

export function computeOverview(reg: Register, scope: { organisationId?: number } = {}, today = reg.now().slice(0, 10)): Overview {
  const base: OverviewFilter = scope.organisationId !== undefined ? { organisationId: scope.organisationId } : {};
  const f = (x: OverviewFilter): OverviewFilter => ({ ...base, ...x });
  const { summaries, facts } = activityFacts(reg, base, today);
  const status = counter();
  const role = counter();
  const basis = counter();
  const dept = counter();
  const country = counter();
  const safeguard = counter();
  const checks = counter();
  const bands = counter();
  let withTransfers = 0;
  let withChecks = 0;
  let completenessSum = 0;
  let overdue = 0;
  let dueSoon = 0;
  const due: ReviewDue[] = [];
  summaries.forEach((s, i) => {
    const x = facts[i];
    status.add(s.status);
    role.add(s.role);
    for (const b of new Set(s.legalBases)) basis.add(b);
    dept.add(s.department.trim() ? s.department : '');
    if (x.nonEeaTransfers.length) withTransfers++;
    for (const c of new Set(x.nonEeaTransfers.map((t) => t.country))) country.add(c);
    for (const g of new Set(x.nonEeaTransfers.map((t) => t.safeguard || 'none'))) safeguard.add(g);
    if (x.checks.length) withChecks++;
    for (const c of x.checks) checks.add(c);
    completenessSum += x.completeness;
    bands.add(bandOf(x.completeness));
    if (x.review.state === 'overdue' || x.review.state === 'due_soon') {
      if (x.review.state === 'overdue') overdue++;
      else dueSoon++;
      due.push({
        id: s.id,
        organisationId: s.organisationId,
        ref: s.ref,
        name: s.name,
        nextReviewAt: x.review.nextReviewAt,
        byHand: x.review.byHand,
        state: x.review.state,
        daysLeft: x.review.daysLeft!,
      });
    }
  });
  due.sort((a, b) => a.nextReviewAt.localeCompare(b.nextReviewAt) || a.ref.localeCompare(b.ref));
  const lowest = summaries
    .map((s, i) => ({ id: s.id, ref: s.ref, name: s.name, completeness: facts[i].completeness, missing: [...facts[i].missing] }))
    .filter((a) => a.completeness < 1)
    .sort((a, b) => a.completeness - b.completeness || a.ref.localeCompare(b.ref))
    .slice(0, 20);
  const sections = OVERVIEW_SECTIONS.map((c) => c(reg, scope, today)).filter((s): s is OverviewSection => s !== null);
  return {
    organisationId: scope.organisationId ?? null,
    today,
    total: summaries.length,
    byStatus: status.segments((k) => f({ status: k as never }), ['active', 'draft', 'retired']),
    byRole: role.segments((k) => f({ role: k as never }), ['controller', 'joint_controller', 'processor']),
    byLegalBasis: basis.segments((k) => f({ legalBasis: k as never })),
    byDepartment: dept.segments((k) => (k ? f({ department: k }) : f({ noDepartment: true }))),
    transfers: {
      activities: { key: 'nonEeaTransfer', count: withTransfers, filter: f({ nonEeaTransfer: true }) },
      byCountry: country.segments((k) => f({ country: k })),
      bySafeguard: safeguard.segments((k) => f({ safeguard: k })),
    },
    checks: { any: { key: 'any', count: withChecks, filter: f({ check: 'any' }) }, byKind: checks.segments((k) => f({ check: k as CheckCode }), CHECK_CODES) },
    completeness: {
      average: summaries.length ? completenessSum / summaries.length : 1,
      bands: bands.segments((k) => f({ completeness: k as never }), COMPLETENESS_BANDS),
      lowest,
    },
    reviews: {
      overdue: { key: 'overdue', count: overdue, filter: f({ review: 'overdue' }) },
      dueSoon: { key: 'due_soon', count: dueSoon, filter: f({ review: 'due_soon' }) },
      dueSoonDays: DUE_SOON_DAYS,
      due,
    },
    sections,
  };
}
