import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n.js';
import type { Contract } from './model.js';
import { contractData, listContracts } from './services.js';
import { createDemoRegister } from '../demo/demo-register.js';
import { withRegisterAsOf } from '../overview/as-of.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';

const opened: TempRegister[] = [];
const demo = () => {
  const r = openTempRegister({ demo: true });
  r.reg.now = () => '2026-03-10T12:00:00.000Z';
  opened.push(r);
  return r;
};
afterEach(() => {
  for (const r of opened.splice(0)) r.cleanup();
});

const ALL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

async function setUp(r: TempRegister) {
  const recipients = await r.call('recipients/list', {});
  const byName = (name: string) => recipients.find((x) => x.name === name)!;
  const orgId = (await r.call('organisations/list', {}))[0].id;
  const activities = await r.call('activities/list', { organisationId: orgId });
  const full = await Promise.all(activities.map((a) => r.call('activities/get', { id: a.id })));
  const using = (name: string) => full.filter((a) => a.recipients.some((x) => x.name === name));
  return { byName, orgId, full, using };
}

describe('processor contracts (Art. 28)', () => {
  it('raises each kind of point to review, counts them in the overview and clears them when the contract is right', async () => {
    const r = demo();
    const { byName, orgId, full, using } = await setUp(r);
    const processorsInUse = [
      ...new Set(full.filter((a) => a.status !== 'retired').flatMap((a) => a.recipients.filter((x) => x.type === 'processor' || x.type === 'sub_processor').map((x) => x.name))),
    ].sort();
    expect(processorsInUse.length).toBeGreaterThan(2);
    // No contract yet: every processor in use is a point.
    let checks = await r.call('contracts/checks', { organisationId: orgId });
    expect(checks.map((c) => c.code)).toEqual(processorsInUse.map(() => 'processor_without_contract'));
    expect(checks.map((c) => c.params.processor).sort()).toEqual(processorsInUse);

    // A complete contract clears its processor.
    const paie = using('PaieFacile SAS');
    const c1 = await r.call('contracts/create', {
      organisationId: orgId,
      contract: {
        recipientId: byName('PaieFacile SAS').id,
        signedOn: '2021-03-15',
        versionLabel: 'v2',
        endsOn: '2027-12-31',
        clauses: [...ALL],
        subProcessing: 'specific',
        activityIds: paie.map((a) => a.id),
      },
    });
    expect(c1).toMatchObject({ ref: 'C-001', processor: { name: 'PaieFacile SAS' }, clauses: [...ALL] });
    checks = await r.call('contracts/checks', { organisationId: orgId });
    expect(checks.filter((c) => c.params.processor === 'PaieFacile SAS')).toEqual([]);

    // Expired, and two clauses missing.
    const [crmName, otherName] = processorsInUse.filter((n) => n !== 'PaieFacile SAS');
    const c2 = await r.call('contracts/create', {
      organisationId: orgId,
      contract: {
        recipientId: byName(crmName).id,
        signedOn: '2020-01-01',
        endsOn: '2026-01-31',
        clauses: ['a', 'b', 'c', 'd', 'e', 'f'],
        activityIds: using(crmName).map((a) => a.id),
      },
    });
    // Review due within 30 days; sub-processors: one in China with no transfer recorded, one named without an authorisation stated.
    const served = using(otherName);
    const c3 = await r.call('contracts/create', {
      organisationId: orgId,
      contract: {
        recipientId: byName(otherName).id,
        signedOn: '2022-06-20',
        reviewOn: '2026-04-01',
        clauses: [...ALL],
        subProcessors: [
          { name: 'OffshoreDev Ltd', country: 'cn', service: 'Support' },
          { name: 'Hébergeur FR', country: 'FR' },
        ],
        activityIds: served.map((a) => a.id),
      },
    });
    checks = await r.call('contracts/checks', { organisationId: orgId });
    const of = (id: number) =>
      checks
        .filter((c) => c.contractId === id)
        .map((c) => [c.code, c.params])
        .sort();
    expect(of(c2.id)).toEqual([
      ['contract_clauses_missing', { ref: 'C-002', processor: crmName, clauses: 'g, h', count: 2 }],
      ['contract_expired', { ref: 'C-002', processor: crmName, date: '2026-01-31' }],
    ]);
    expect(served.some((a) => a.transfers.some((x) => x.country === 'CN'))).toBe(false);
    expect(of(c3.id)).toEqual(
      [
        ['contract_review_due', { ref: 'C-003', processor: otherName, date: '2026-04-01' }],
        ['subprocessing_unstated', { ref: 'C-003', processor: otherName }],
        ['subprocessor_transfer_missing', { ref: 'C-003', processor: otherName, subProcessor: 'OffshoreDev Ltd', country: 'CN' }],
      ].sort(),
    );
    // The texts exist in both languages, with their parameters.
    const expired = checks.find((c) => c.code === 'contract_expired')!;
    expect(t('fr', `contracts.check.${expired.code}`, expired.params)).toBe(`Le contrat C-002 avec ${crmName} a pris fin le 2026-01-31`);

    // The overview counts them.
    const overview = await r.call('overview/get', { organisationId: orgId });
    const section = overview.sections.find((s) => s.key === 'contracts')!;
    const count = (key: string) => section.items.find((i) => i.key === key)!.count;
    expect(count('contracts')).toBe(3);
    expect(count('contract_expired')).toBe(1);
    expect(count('contract_review_due')).toBe(1);
    expect(count('contract_clauses_missing')).toBe(1);
    expect(count('subprocessing_unstated')).toBe(1);
    expect(count('processor_without_contract')).toBe(processorsInUse.length - 3);

    // Recording a transfer to China in an activity the contract serves clears the sub-processor's point.
    const target = served[0];
    const withTransfer = await r.call('activities/update', {
      id: target.id,
      version: target.version,
      activity: { ...stripActivity(target), transfers: [...target.transfers, { recipient: 'OffshoreDev Ltd', country: 'CN', safeguard: 'scc', tiaRef: 'TIA-9' }] },
    });
    expect(withTransfer.transfers.some((x) => x.country === 'CN')).toBe(true);
    const fixed = await r.call('contracts/update', {
      id: c3.id,
      version: c3.version,
      contract: { ...contractInput(c3), subProcessing: 'general', reviewOn: '2027-04-01' },
    });
    expect(fixed.version).toBe(2);
    checks = await r.call('contracts/checks', { organisationId: orgId });
    expect(checks.filter((c) => c.contractId === c3.id)).toEqual([]);
  });

  it('records every change in the history and refuses what cannot be, naming the field', async () => {
    const r = demo();
    const { byName, orgId, using } = await setUp(r);
    const other = await r.call('organisations/create', { organisation: { name: 'Autre organisme' } });
    const otherActivity = await r.call('activities/create', { organisationId: other.id, activity: { name: 'Autre', purpose: 'Autre' } });
    const bad = await r.result('contracts/create', {
      organisationId: orgId,
      contract: {
        recipientId: byName('PaieFacile SAS').id,
        signedOn: '2024-01-01',
        endsOn: '2023-12-31',
        activityIds: [otherActivity.id],
        subProcessors: [{ name: 'X', country: 'ZZ' }],
      },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.details?.map((d) => d.path)).toEqual(['endsOn', 'activityIds[0]']);
    const badCountry = await r.result('contracts/create', {
      organisationId: orgId,
      contract: { recipientId: byName('PaieFacile SAS').id, subProcessors: [{ name: 'X', country: 'ZZ' }] },
    });
    expect(badCountry.ok).toBe(false);
    if (!badCountry.ok) expect(badCountry.error.details?.map((d) => d.path)).toEqual(['subProcessors[0].country']);
    expect(await r.call('contracts/list', {})).toEqual([]);

    const c = await r.call('contracts/create', {
      organisationId: orgId,
      contract: { recipientId: byName('PaieFacile SAS').id, clauses: ['h', 'a', 'a'], activityIds: using('PaieFacile SAS').map((a) => a.id) },
    });
    expect(c.clauses).toEqual(['a', 'h']);
    const dup = await r.result('contracts/create', { organisationId: orgId, contract: { ref: 'c-001', recipientId: byName('PaieFacile SAS').id } });
    expect(dup.ok || dup.error.code).toBe('conflict');
    const u = await r.call('contracts/update', { id: c.id, version: c.version, contract: { ...contractInput(c), clauses: [...ALL] } });
    const stale = await r.result('contracts/update', { id: c.id, version: c.version, contract: contractInput(c) });
    expect(stale.ok || stale.error.code).toBe('conflict');
    await r.call('contracts/delete', { id: u.id, version: u.version });
    const history = await r.call('history/list', { entityType: 'contract' });
    expect(history.map((h) => h.action)).toEqual(['delete', 'update', 'create']);
    expect(history[1].changes.find((ch) => ch.path.startsWith('clauses'))).toBeTruthy();
    expect(history[2].changes.find((ch) => ch.path === 'processor')?.after).toBe('PaieFacile SAS');
    expect(history[2].changes.find((ch) => ch.path === 'activities')?.after).toEqual(
      using('PaieFacile SAS')
        .map((a) => a.ref)
        .sort(),
    );
  });
});

describe('contracts in the register as of a date', () => {
  it('gives back the contracts as they stood at the end of each day', async () => {
    const r = openTempRegister();
    opened.push(r);
    r.reg.now = () => '2026-03-01T08:00:00.000Z';
    createDemoRegister(r.reg, { source: 'cli' });
    const { byName, orgId, using } = await setUp(r);
    const day = (d: string) => (r.reg.now = () => `2026-03-${d}T09:00:00.000Z`);
    day('10');
    const c = await r.call('contracts/create', {
      organisationId: orgId,
      contract: {
        recipientId: byName('PaieFacile SAS').id,
        clauses: ['a', 'b'],
        subProcessors: [{ name: 'OVH', country: 'FR' }],
        activityIds: using('PaieFacile SAS').map((a) => a.id),
      },
    });
    day('11');
    const u = await r.call('contracts/update', {
      id: c.id,
      version: c.version,
      contract: { ...contractInput(c), clauses: [...ALL], endsOn: '2027-01-01', subProcessors: [], activityIds: [] },
    });
    day('12');
    await r.call('contracts/delete', { id: u.id, version: u.version });
    const asOf = (date: string) =>
      withRegisterAsOf(r.reg, date, (past) =>
        listContracts(past).map((x) => ({
          ref: x.ref,
          clauses: x.clauses.join(''),
          endsOn: x.endsOn,
          subs: x.subProcessors.length,
          activities: x.activities.map((a) => a.ref).join(),
        })),
      );
    expect(await asOf('2026-03-09')).toEqual([]);
    expect(await asOf('2026-03-10')).toEqual([{ ref: 'C-001', clauses: 'ab', endsOn: '', subs: 1, activities: 'T-001' }]);
    expect(await asOf('2026-03-11')).toEqual([{ ref: 'C-001', clauses: 'abcdefgh', endsOn: '2027-01-01', subs: 0, activities: '' }]);
    expect(await asOf('2026-03-12')).toEqual([]);
  });
});

describe('deleting what a contract or a document names', () => {
  it('unlinks a deleted activity in the contract’s history, refuses to delete its processor, and deletes an organisation with its contracts and documents', async () => {
    const r = demo();
    const { byName, orgId, using } = await setUp(r);
    const [t001] = using('PaieFacile SAS');
    const c = await r.call('contracts/create', { organisationId: orgId, contract: { recipientId: byName('PaieFacile SAS').id, activityIds: [t001.id] } });
    await r.call('documents/add', { ownerType: 'contract', ownerId: c.id, name: 'dpa.txt', base64: Buffer.from('DPA').toString('base64') });
    const refused = await r.result('recipients/delete', { id: byName('PaieFacile SAS').id, version: byName('PaieFacile SAS').version });
    expect(refused.ok || refused.error.code).toBe('in_use');
    await r.call('activities/delete', { id: t001.id, version: t001.version });
    expect((await r.call('contracts/get', { id: c.id })).activities).toEqual([]);
    const [update] = await r.call('history/list', { entityType: 'contract', limit: 1 });
    expect(update.changes).toEqual([expect.objectContaining({ path: 'activities[0]', before: 'T-001' })]);
    const org = (await r.call('organisations/list', {})).find((o) => o.id === orgId)!;
    await r.call('organisations/deleteWithActivities', { id: orgId, version: org.version, confirmName: org.name });
    expect(await r.call('contracts/list', {})).toEqual([]);
    expect(await r.call('documents/list', {})).toEqual([]);
    expect((await r.call('history/list', { entityType: 'document', limit: 1 }))[0].action).toBe('delete');
  });
});

function contractInput(c: Contract): Record<string, unknown> {
  return { ...contractData(c) };
}

function stripActivity(a: object): Record<string, unknown> {
  const { id: _i, organisationId: _o, version: _v, createdAt: _c, updatedAt: _u, checks: _k, ...rest } = a as Record<string, unknown>;
  return rest;
}
