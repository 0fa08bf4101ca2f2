import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { addMonths, notificationDeadline, requestDeadline, requesterErasableOn } from './deadlines.js';
import { formatInstant } from './labels.js';
import { normaliseInstant } from './model.js';

let t: TempRegister;
let orgId: number;
let otherOrgId: number;
let activityId: number;
let otherActivityId: number;
let now = '2026-03-10T12:00:00.000Z';

beforeEach(async () => {
  t = openTempRegister();
  t.reg.now = () => now;
  orgId = (await t.call('organisations/create', { organisation: { name: 'Mairie de Villefranche' } })).id;
  otherOrgId = (await t.call('organisations/create', { organisation: { name: 'Autre' } })).id;
  activityId = (await t.call('activities/create', { organisationId: orgId, activity: { name: 'Paie', purpose: 'Paie des agents' } })).id;
  otherActivityId = (await t.call('activities/create', { organisationId: otherOrgId, activity: { name: 'Élections', purpose: 'Listes' } })).id;
});
afterEach(() => {
  t.cleanup();
  now = '2026-03-10T12:00:00.000Z';
});

const breach = {
  title: 'Ordinateur portable volé',
  description: 'Vol d’un portable non chiffré dans un train',
  nature: ['confidentiality'],
  occurredAt: '2026-03-01T08:00:00Z',
  discoveredAt: '2026-03-02T09:30:00Z',
  peopleCategories: 'Agents',
  peopleCount: 120,
  dataCategories: [
    { code: 'identity', label: 'Identité' },
    { code: 'health', label: 'Arrêts maladie' },
  ],
  consequences: 'Usurpation d’identité possible',
  measuresTaken: 'Mots de passe changés',
  riskLevel: 'high_risk',
  riskReasoning: 'Données de santé non chiffrées',
};

async function historyOf(type: 'breach' | 'request', id: number) {
  return t.reg.history.list({ entityType: type, entityId: id });
}

describe('breach record', () => {
  it('creates a breach with a reference, special categories marked, the 72-hour deadline and a history entry', async () => {
    const b = await t.call('breaches/create', { organisationId: orgId, breach: { ...breach, activityIds: [activityId] } });
    expect(b.ref).toBe('B-001');
    expect(b.version).toBe(1);
    expect(b.dataCategories[1].special).toBe(true);
    expect(b.activities).toEqual([{ id: activityId, ref: 'T-001', name: 'Paie' }]);
    expect(b.deadline).toMatchObject({ dueAt: '2026-03-05T09:30:00.000Z', state: 'overdue' });
    const [entry] = await historyOf('breach', b.id);
    expect(entry).toMatchObject({ action: 'create', entityLabel: 'B-001 Ordinateur portable volé', source: 'cli' });
    expect(entry.changes.find((c) => c.path === 'activities')?.after).toEqual(['T-001']);
  });

  it('updates with the version it was based on, refuses a stale version, records each change', async () => {
    const b = await t.call('breaches/create', { organisationId: orgId, breach });
    const u = await t.call('breaches/update', { id: b.id, version: 1, breach: { ...breach, notifiedAt: '2026-03-04T10:00:00Z', notificationRef: 'CNIL-2026-42' } });
    expect(u.version).toBe(2);
    expect(u.deadline.state).toBe('on_time');
    const stale = await t.result('breaches/update', { id: b.id, version: 1, breach: { ...breach, title: 'Autre' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('conflict');
    expect((await t.call('breaches/get', { id: b.id })).title).toBe(breach.title);
    const [update] = await historyOf('breach', b.id);
    expect(update.action).toBe('update');
    expect(update.changes.map((c) => c.path).sort()).toEqual(['notificationRef', 'notifiedAt']);
  });

  it('links and unlinks activities both ways', async () => {
    const b = await t.call('breaches/create', { organisationId: orgId, breach });
    const second = (await t.call('activities/create', { organisationId: orgId, activity: { name: 'Cantine', purpose: 'Repas' } })).id;
    let linked = await t.call('breaches/link', { id: b.id, version: 1, activityId });
    linked = await t.call('breaches/link', { id: b.id, version: linked.version, activityId: second });
    expect(linked.activities.map((a) => a.ref)).toEqual(['T-001', 'T-002']);
    expect((await t.call('breaches/list', { activityId })).map((x) => x.ref)).toEqual(['B-001']);
    const unlinked = await t.call('breaches/unlink', { id: b.id, version: linked.version, activityId });
    expect(unlinked.activities.map((a) => a.ref)).toEqual(['T-002']);
    expect(await t.call('breaches/list', { activityId })).toEqual([]);
    const [entry] = await historyOf('breach', b.id);
    expect(entry.changes).toContainEqual({ path: 'activities[0]', before: 'T-001', after: 'T-002' });
  });

  it('computes the 72-hour deadline from discovery: pending, overdue, late, not required, not notified', () => {
    const base = { discoveredAt: '2026-03-02T09:30:00.000Z', notifiedAt: '', riskLevel: 'risk' as const, notNotifiedReason: '' };
    expect(notificationDeadline(base, '2026-03-05T08:30:00.000Z')).toEqual({ dueAt: '2026-03-05T09:30:00.000Z', state: 'pending', hoursLeft: 1 });
    expect(notificationDeadline(base, '2026-03-05T09:30:00.000Z').state).toBe('pending');
    expect(notificationDeadline(base, '2026-03-05T09:31:00.000Z')).toMatchObject({ state: 'overdue', hoursLeft: -1 });
    expect(notificationDeadline({ ...base, notifiedAt: '2026-03-05T09:30:00.000Z' }, now).state).toBe('on_time');
    expect(notificationDeadline({ ...base, notifiedAt: '2026-03-05T09:31:00.000Z' }, now).state).toBe('late');
    expect(notificationDeadline({ ...base, riskLevel: 'none' }, now).state).toBe('not_required');
    expect(notificationDeadline({ ...base, notNotifiedReason: 'Données chiffrées' }, now).state).toBe('not_notified');
  });

  it('counts the 72 hours in real time across a change to summer time; a time without a zone is this computer’s', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/Paris';
    try {
      // Discovered on Saturday 28 March 2026 at 10:00 in Paris; the clocks go forward on the 29th.
      const discoveredAt = normaliseInstant('2026-03-28T10:00')!;
      expect(discoveredAt).toBe('2026-03-28T09:00:00.000Z');
      const { dueAt } = notificationDeadline({ discoveredAt, notifiedAt: '', riskLevel: 'risk', notNotifiedReason: '' }, discoveredAt);
      expect(dueAt).toBe('2026-03-31T09:00:00.000Z');
      expect(formatInstant('fr', dueAt, 'Europe/Paris')).toMatch(/^31\/03\/2026 11:00/);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('asks for the reasons of a late notification', async () => {
    const r = await t.result('breaches/create', { organisationId: orgId, breach: { ...breach, notifiedAt: '2026-03-06T09:30:00Z' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.[0]).toMatchObject({ path: 'lateReason', key: 'records.error.lateReasonRequired' });
    const ok = await t.call('breaches/create', { organisationId: orgId, breach: { ...breach, notifiedAt: '2026-03-06T09:30:00Z', lateReason: 'Week-end' } });
    expect(ok.deadline.state).toBe('late');
  });

  it('refuses a notification before the discovery and a link to another organisation’s activity, writing nothing', async () => {
    const before = t.reg.history.counts().historyEntries;
    const early = await t.result('breaches/create', { organisationId: orgId, breach: { ...breach, notifiedAt: '2026-03-01T09:00:00Z' } });
    expect(early.ok).toBe(false);
    if (!early.ok) {
      expect(early.error.code).toBe('validation');
      expect(early.error.details?.[0]).toMatchObject({ path: 'notifiedAt', key: 'records.error.notifiedBeforeDiscovery' });
    }
    const foreign = await t.result('breaches/create', { organisationId: orgId, breach: { ...breach, activityIds: [activityId, otherActivityId] } });
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(foreign.error.details).toEqual([expect.objectContaining({ path: 'activityIds[1]', key: 'records.error.activityOtherOrganisation' })]);
    expect(await t.call('breaches/list', {})).toEqual([]);
    expect(t.reg.history.counts().historyEntries).toBe(before);
    const b = await t.call('breaches/create', { organisationId: orgId, breach });
    const link = await t.result('breaches/link', { id: b.id, version: 1, activityId: otherActivityId });
    expect(link.ok).toBe(false);
    expect((await t.call('breaches/get', { id: b.id })).activities).toEqual([]);
    const missingTitle = await t.result('breaches/create', { organisationId: orgId, breach: { ...breach, title: '' } });
    expect(!missingTitle.ok && missingTitle.error.details?.[0].path).toBe('title');
  });
});

const request = { right: 'access', receivedOn: '2026-01-31', channel: 'email', requester: 'Jeanne Martin', identityChecked: true };

describe('request log', () => {
  it('computes the one-month deadline across month ends (received on 31 January)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    const r = { receivedOn: '2026-01-31', extendedUntil: '', answeredOn: '' };
    expect(requestDeadline(r, '2026-02-20T10:00:00Z')).toEqual({ initialDueOn: '2026-02-28', maxDueOn: '2026-04-30', dueOn: '2026-02-28', state: 'due', daysLeft: 8 });
    expect(requestDeadline(r, '2026-02-28T23:00:00Z')).toMatchObject({ state: 'due', daysLeft: 0 });
    expect(requestDeadline(r, '2026-03-01T00:00:00Z')).toMatchObject({ state: 'overdue', daysLeft: -1 });
    expect(requestDeadline({ ...r, extendedUntil: '2026-04-30' }, '2026-03-01T00:00:00Z')).toMatchObject({ dueOn: '2026-04-30', state: 'due', daysLeft: 60 });
    expect(requestDeadline({ ...r, answeredOn: '2026-02-28' }, now).state).toBe('answered_on_time');
    expect(requestDeadline({ ...r, answeredOn: '2026-03-01' }, now).state).toBe('answered_late');
    // Every day of a leap and a common year: the deadline is one calendar month later, or the month's last day.
    for (const year of [2026, 2028]) {
      for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
        const day = d.toISOString().slice(0, 10);
        const due = addMonths(day, 1);
        const [y, m, dd] = due.split('-').map(Number);
        expect(y * 12 + m - (d.getUTCFullYear() * 12 + d.getUTCMonth() + 1)).toBe(1);
        const lastOfMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(dd).toBe(Math.min(d.getUTCDate(), lastOfMonth));
      }
    }
  });

  it('creates, extends, answers a request; history without the requester’s name; stale version refused', async () => {
    now = '2026-02-10T09:00:00.000Z';
    const r = await t.call('requests/create', { organisationId: orgId, request: { ...request, activityIds: [activityId] } });
    expect(r).toMatchObject({ ref: 'R-001', requester: 'Jeanne Martin', deadline: { dueOn: '2026-02-28', state: 'due', daysLeft: 18 } });
    const extended = await t.call('requests/update', {
      id: r.id,
      version: 1,
      request: { ...request, activityIds: [activityId], extendedUntil: '2026-04-30', extensionReason: 'Demande complexe', extensionToldOn: '2026-02-20' },
    });
    expect(extended.deadline).toMatchObject({ dueOn: '2026-04-30', state: 'due' });
    const stale = await t.result('requests/update', { id: r.id, version: 1, request });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    const answered = await t.call('requests/update', {
      id: r.id,
      version: 2,
      request: {
        ...request,
        requester: 'J. Martin',
        activityIds: [],
        extendedUntil: '2026-04-30',
        extensionReason: 'Demande complexe',
        extensionToldOn: '2026-02-20',
        status: 'answered',
        answeredOn: '2026-03-15',
        outcome: 'granted',
      },
    });
    expect(answered.deadline.state).toBe('answered_on_time');
    expect(answered.activities).toEqual([]);
    const history = await historyOf('request', r.id);
    expect(history.map((h) => h.action)).toEqual(['update', 'update', 'create']);
    expect(JSON.stringify(history)).not.toContain('Martin');
    expect(history[0].changes).toContainEqual({ path: 'activities[0]', before: 'T-001', after: null });
  });

  it('refuses an extension beyond three months, a late notice of extension, a foreign activity: field named, nothing written', async () => {
    const before = t.reg.history.counts().historyEntries;
    const beyond = await t.result('requests/create', { organisationId: orgId, request: { ...request, extendedUntil: '2026-05-01', extensionReason: 'Complexe' } });
    expect(!beyond.ok && beyond.error.details?.[0]).toMatchObject({ path: 'extendedUntil', key: 'records.error.extensionBeyondThreeMonths', params: { max: '2026-04-30' } });
    const told = await t.result('requests/create', {
      organisationId: orgId,
      request: { ...request, extendedUntil: '2026-04-30', extensionReason: 'Complexe', extensionToldOn: '2026-03-01' },
    });
    expect(!told.ok && told.error.details?.[0].path).toBe('extensionToldOn');
    const foreign = await t.result('requests/create', { organisationId: orgId, request: { ...request, activityIds: [otherActivityId] } });
    expect(!foreign.ok && foreign.error.details?.[0]).toMatchObject({ path: 'activityIds[0]', key: 'records.error.activityOtherOrganisation' });
    const badDate = await t.result('requests/create', { organisationId: orgId, request: { ...request, receivedOn: '2026-02-30' } });
    expect(!badDate.ok && badDate.error.details?.[0].path).toBe('receivedOn');
    const badRight = await t.result('requests/create', { organisationId: orgId, request: { ...request, right: 'forget' } });
    expect(!badRight.ok && badRight.error.details?.[0].path).toBe('right');
    const months = await t.result('requests/create', { organisationId: orgId, request: { ...request, extensionMonths: 3, extensionReason: 'Complexe' } });
    expect(!months.ok && months.error.details?.[0]).toMatchObject({ path: 'extensionMonths', key: 'records.error.extensionBeyondThreeMonths' });
    expect(await t.call('requests/list', {})).toEqual([]);
    expect(t.reg.history.counts().historyEntries).toBe(before);
    // Two more months, given as a number of months: received on 31 January, due on 30 April.
    const ok = await t.call('requests/create', { organisationId: orgId, request: { ...request, extensionMonths: 2, extensionReason: 'Complexe' } });
    expect(ok).toMatchObject({ extendedUntil: '2026-04-30', deadline: { initialDueOn: '2026-02-28', dueOn: '2026-04-30' } });
    expect(ok).not.toHaveProperty('extensionMonths');
  });

  it('links and unlinks activities both ways, a stale version refused', async () => {
    const r = await t.call('requests/create', { organisationId: orgId, request });
    const linked = await t.call('requests/link', { id: r.id, version: r.version, activityId });
    expect(linked.activities.map((a) => a.ref)).toEqual(['T-001']);
    expect((await t.call('requests/list', { activityId })).map((x) => x.ref)).toEqual(['R-001']);
    const stale = await t.result('requests/unlink', { id: r.id, version: r.version, activityId });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    const unlinked = await t.call('requests/unlink', { id: r.id, version: linked.version, activityId });
    expect(unlinked.activities).toEqual([]);
    expect(await t.call('requests/list', { activityId })).toEqual([]);
    const foreign = await t.result('requests/link', { id: r.id, version: unlinked.version, activityId: otherActivityId });
    expect(!foreign.ok && foreign.error.details?.[0].path).toBe('activityIds[0]');
    // Deleting the activity removes its links, not the request.
    await t.call('requests/link', { id: r.id, version: unlinked.version, activityId });
    const act = await t.call('activities/get', { id: activityId });
    await t.call('activities/delete', { id: activityId, version: act.version });
    expect((await t.call('requests/get', { id: r.id })).activities).toEqual([]);
    const [entry] = await historyOf('request', r.id);
    expect(entry.changes).toContainEqual({ path: 'activities[0]', before: 'T-001', after: null });
  });

  it('lists with filters (overdue, right, activity)', async () => {
    now = '2026-03-10T09:00:00.000Z';
    await t.call('requests/create', { organisationId: orgId, request });
    await t.call('requests/create', { organisationId: orgId, request: { ...request, right: 'erasure', receivedOn: '2026-03-01', activityIds: [activityId] } });
    expect((await t.call('requests/list', { overdue: true })).map((r) => r.ref)).toEqual(['R-001']);
    expect((await t.call('requests/list', { right: 'erasure' })).map((r) => r.ref)).toEqual(['R-002']);
    expect((await t.call('requests/list', { activityId })).map((r) => r.ref)).toEqual(['R-002']);
  });

  it('erases requesters’ details after the retention period the DPO sets', async () => {
    now = '2026-03-10T09:00:00.000Z';
    const a = await t.call('requests/create', { organisationId: orgId, request: { ...request, status: 'answered', answeredOn: '2026-02-15', outcome: 'granted' } });
    await t.call('requests/create', { organisationId: orgId, request: { ...request, requester: 'Paul', receivedOn: '2026-03-01' } });
    expect(requesterErasableOn('2026-02-15', 'P1Y')).toBe('2027-02-15');
    expect(await t.call('requests/requestersDue', {})).toEqual([]);
    await t.call('requests/setSettings', { settings: { requesterRetention: 'P1Y' } });
    expect(await t.call('requests/requestersDue', {})).toEqual([]);
    now = '2027-02-15T08:00:00.000Z';
    expect((await t.call('requests/purgeRequesters', {})).erased).toEqual(['R-001']);
    const erased = await t.call('requests/get', { id: a.id });
    expect(erased).toMatchObject({ requester: '', requesterErasedAt: '2027-02-15T08:00:00.000Z' });
    expect((await t.call('requests/getByRef', { ref: 'R-002' })).requester).toBe('Paul');
    const refill = await t.result('requests/update', {
      id: a.id,
      version: erased.version,
      request: { ...request, status: 'answered', answeredOn: '2026-02-15', outcome: 'granted' },
    });
    expect(!refill.ok && refill.error.details?.[0].path).toBe('requester');
    const bad = await t.result('requests/setSettings', { settings: { requesterRetention: 'one year' } });
    expect(!bad.ok && bad.error.details?.[0].path).toBe('requesterRetention');
    const raw = t.reg.sqlite.prepare("SELECT count(*) FROM subject_requests WHERE requester LIKE '%Martin%' OR data_json LIKE '%Martin%'").pluck().get();
    expect(raw).toBe(0);
  });
});

describe('deleting an organisation', () => {
  it('is refused while it keeps breaches or requests; deleted with it after its name is typed, each in the history', async () => {
    const b = await t.call('breaches/create', { organisationId: otherOrgId, breach: { ...breach, activityIds: [otherActivityId] } });
    await t.call('requests/create', { organisationId: otherOrgId, request });
    const act = await t.call('activities/get', { id: otherActivityId });
    await t.call('activities/delete', { id: otherActivityId, version: act.version });
    const org = await t.call('organisations/get', { id: otherOrgId });
    const plain = await t.result('organisations/delete', { id: otherOrgId, version: org.version });
    expect(!plain.ok && plain.error.code).toBe('in_use');
    const unconfirmed = await t.result('organisations/deleteWithActivities', { id: otherOrgId, version: org.version });
    expect(!unconfirmed.ok && unconfirmed.error.details?.[0].path).toBe('confirmName');
    await t.call('organisations/deleteWithActivities', { id: otherOrgId, version: org.version, confirmName: 'Autre' });
    expect(await t.call('breaches/list', { organisationId: otherOrgId })).toEqual([]);
    expect(await t.call('requests/list', { organisationId: otherOrgId })).toEqual([]);
    const [entry] = await historyOf('breach', b.id);
    expect(entry.action).toBe('delete');
  });
});
