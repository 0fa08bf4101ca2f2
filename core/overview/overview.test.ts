import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkActivity } from '../model/checks.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { activityFields } from '../services/activities.js';
import type { Overview, Segment } from './overview.js';
import { addDays, addMonths, reviewInfo } from './review.js';

let t: TempRegister;
beforeAll(() => {
  t = openTempRegister({ demo: true });
  t.reg.now = () => '2026-03-15T10:00:00.000Z';
});
afterAll(() => t.cleanup());

/** The expected counts, computed activity by activity from the whole activities (the editor's view). */
function expected() {
  const all = t.reg.activities.loadMany({});
  const countries = t.reg.reference.countries();
  const byCheck = new Map<string, Set<number>>();
  const any = new Set<number>();
  for (const a of all) {
    for (const c of checkActivity(a, countries)) {
      if (!byCheck.has(c.code)) byCheck.set(c.code, new Set());
      byCheck.get(c.code)!.add(a.id);
      any.add(a.id);
    }
  }
  const byStatus = new Map<string, Set<number>>();
  for (const a of all) {
    if (!byStatus.has(a.status)) byStatus.set(a.status, new Set());
    byStatus.get(a.status)!.add(a.id);
  }
  const nonEea = all.filter((a) => a.transfers.some((x) => !countries.get(x.country)?.eea)).map((a) => a.id);
  return { all, byCheck, any, byStatus, nonEea };
}

const ids = async (s: Segment) => (await t.call('activities/list', s.filter as never)).map((a) => a.id).sort((a, b) => a - b);
const sorted = (s: Iterable<number>) => [...s].sort((a, b) => a - b);

async function checkAgainstPerActivity(o: Overview) {
  const e = expected();
  expect(o.total).toBe(e.all.length);
  expect(o.checks.any.count).toBe(e.any.size);
  expect(await ids(o.checks.any)).toEqual(sorted(e.any));
  expect(Object.fromEntries(o.checks.byKind.map((s) => [s.key, s.count]))).toEqual(Object.fromEntries([...e.byCheck].map(([k, v]) => [k, v.size])));
  for (const s of o.checks.byKind) expect(await ids(s)).toEqual(sorted(e.byCheck.get(s.key)!));
  for (const s of o.byStatus) expect(await ids(s)).toEqual(sorted(e.byStatus.get(s.key)!));
  expect(o.transfers.activities.count).toBe(e.nonEea.length);
  expect(await ids(o.transfers.activities)).toEqual(sorted(e.nonEea));
  // Every segment of every chart lists exactly as many activities as it counts.
  const segments = [
    ...o.byStatus,
    ...o.byRole,
    ...o.byLegalBasis,
    ...o.byDepartment,
    ...o.transfers.byCountry,
    ...o.transfers.bySafeguard,
    ...o.completeness.bands,
    o.reviews.overdue,
    o.reviews.dueSoon,
  ];
  for (const s of segments) expect((await ids(s)).length, `${s.key} ${JSON.stringify(s.filter)}`).toBe(s.count);
  expect(o.byDepartment.reduce((n, s) => n + s.count, 0)).toBe(e.all.length);
  expect(o.completeness.bands.reduce((n, s) => n + s.count, 0)).toBe(e.all.length);
}

describe('overview', () => {
  it('counts on the demo register equal the per-activity checks, and each segment opens exactly its activities', async () => {
    const o = await t.call('overview/get', {});
    expect(o.checks.any.count).toBe(6); // the demo register: points to review on 6 of its 12 activities
    expect(o.total).toBe(12);
    await checkAgainstPerActivity(o);
  });

  it('still does after edits (a safeguard removed, a retention added, an activity retired, one created)', async () => {
    const [a4] = t.reg.activities.loadMany({ organisationId: 1, refs: ['T-004'] });
    await t.call('activities/update', {
      id: a4.id,
      version: a4.version,
      activity: { ...activityFields(a4), transfers: a4.transfers.map((x) => ({ ...x, safeguard: null })) } as never,
    });
    const [a10] = t.reg.activities.loadMany({ organisationId: 1, refs: ['T-010'] });
    await t.call('activities/update', { id: a10.id, version: a10.version, activity: { ...activityFields(a10), retention: [{ text: '5 ans' }] } as never });
    const [a1] = t.reg.activities.loadMany({ organisationId: 1, refs: ['T-001'] });
    await t.call('activities/retire', { id: a1.id, version: a1.version });
    await t.call('activities/create', { organisationId: 1, activity: { name: 'Sans base', purpose: 'Test', department: '' } });
    const o = await t.call('overview/get', {});
    expect(o.checks.byKind.find((s) => s.key === 'transfer_without_safeguard')!.count).toBeGreaterThan(0);
    expect(o.checks.byKind.find((s) => s.key === 'no_legal_basis')!.count).toBe(1);
    await checkAgainstPerActivity(o);
    const perOrg = await t.call('overview/get', { organisationId: 1 });
    expect(perOrg.total).toBe(t.reg.activities.list({ organisationId: 1 }).length);
    await checkAgainstPerActivity(await t.call('overview/get', {}));
    expect(perOrg.byStatus.every((s) => s.filter.organisationId === 1)).toBe(true);
  });

  it('lists reviews overdue and due within 30 days, and marking a review records who and when', async () => {
    const o = await t.call('overview/get', {});
    const overdue = o.reviews.due.filter((d) => d.state === 'overdue');
    expect(overdue.length).toBe(o.reviews.overdue.count);
    expect(overdue.length).toBeGreaterThan(0);
    const first = t.reg.activities.load(overdue[0].id)!;
    const after = await t.call('activities/markReviewed', { id: first.id, version: first.version, by: 'Sophie Nguyen' });
    expect(after.lastReviewedAt).toBe('2026-03-15');
    expect(after.lastReviewedBy).toBe('Sophie Nguyen');
    const [entry] = await t.call('history/list', { entityType: 'activity', entityId: first.id, limit: 1 });
    expect(entry.at).toBe('2026-03-15T10:00:00.000Z');
    expect(entry.changes.map((c) => c.path).sort()).toEqual(expect.arrayContaining(['lastReviewedAt', 'lastReviewedBy']));
    const o2 = await t.call('overview/get', {});
    expect(o2.reviews.overdue.count).toBe(o.reviews.overdue.count - 1);
    const facts = await t.call('overview/facts', {});
    expect(facts.find((f) => f.id === first.id)!.review.nextReviewAt).toBe('2027-03-15');
  });

  it('follows the organisation period and a date set by hand', async () => {
    const org = (await t.call('organisations/list', {}))[0];
    await t.call('organisations/update', {
      id: org.id,
      version: org.version,
      organisation: { ...org, id: undefined, version: undefined, createdAt: undefined, updatedAt: undefined, reviewPeriodMonths: 6 } as never,
    });
    const a = t.reg.activities.loadMany({ organisationId: 1, refs: ['T-002'] })[0];
    const reviewed = await t.call('activities/markReviewed', { id: a.id, version: a.version });
    expect(reviewed.lastReviewedBy).toBe('Sophie Nguyen'); // the organisation's DPO by default
    const facts = await t.call('overview/facts', {});
    expect(facts.find((f) => f.id === a.id)!.review).toMatchObject({ nextReviewAt: '2026-09-15', byHand: false, state: 'ok' });
    await t.call('activities/update', { id: a.id, version: reviewed.version, activity: { ...activityFields(reviewed), nextReviewAt: '2026-04-01' } as never });
    const f2 = (await t.call('overview/facts', {})).find((f) => f.id === a.id)!;
    expect(f2.review).toMatchObject({ nextReviewAt: '2026-04-01', byHand: true, state: 'due_soon', daysLeft: 17 });
    expect((await t.call('activities/list', { review: 'due_soon' })).map((s) => s.id)).toContain(a.id);
  });
});

describe('review dates', () => {
  it('add months across month ends and leap years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('computes overdue and due soon at the day boundaries', () => {
    const a = { status: 'active', lastReviewedAt: '2024-02-29', createdAt: '2023-01-01T00:00:00Z' };
    expect(reviewInfo(a, 12, '2025-02-28')).toMatchObject({ nextReviewAt: '2025-02-28', state: 'due_soon', daysLeft: 0 });
    expect(reviewInfo(a, 12, '2025-03-01')).toMatchObject({ state: 'overdue', daysLeft: -1 });
    expect(reviewInfo(a, 12, '2025-01-29')).toMatchObject({ state: 'due_soon', daysLeft: 30 });
    expect(reviewInfo(a, 12, '2025-01-28')).toMatchObject({ state: 'ok', daysLeft: 31 });
    // Never reviewed: from the creation date.
    expect(reviewInfo({ status: 'draft', lastReviewedAt: '', createdAt: '2024-01-31T23:00:00Z' }, 1, '2024-03-01')).toMatchObject({ nextReviewAt: '2024-02-29', state: 'overdue' });
    expect(reviewInfo({ status: 'retired', lastReviewedAt: '', createdAt: '2020-01-01' }, 12, '2026-01-01').state).toBe('none');
    // Every day of four years, with every period from 1 to 24 months: the next review is never before the last one, and lands on the same day or the month's end.
    const bad: string[] = [];
    let checked = 0;
    for (let d = '2024-01-01'; d < '2028-01-01'; d = addDays(d, 1)) {
      for (let m = 1; m <= 24; m++) {
        const n = addMonths(d, m);
        const day = Number(d.slice(8));
        const nday = Number(n.slice(8));
        const months = (Number(n.slice(0, 4)) - Number(d.slice(0, 4))) * 12 + Number(n.slice(5, 7)) - Number(d.slice(5, 7));
        if (!(n > d) || months !== m || !(nday === day || (nday < day && addDays(n, 1).slice(8) === '01'))) bad.push(`${d}+${m}=${n}`);
        checked++;
      }
    }
    expect(checked).toBe(1461 * 24);
    expect(bad).toEqual([]);
  });
});

describe('the overview’s words', () => {
  it('name every kind of point to review in both languages (the app and the CLI print these labels)', async () => {
    const { CHECK_CODES } = await import('./overview.js');
    const { hasKey, t } = await import('../i18n/i18n.js');
    const missing = CHECK_CODES.filter((code) => !hasKey(`overview.check.${code}`));
    expect(missing).toEqual([]);
    for (const code of CHECK_CODES) expect(t('fr', `overview.check.${code}`)).not.toBe(t('en', `overview.check.${code}`));
  });
});
