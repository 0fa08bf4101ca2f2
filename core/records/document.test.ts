import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { REGISTER_FORMAT_VERSION } from '../model/register.js';

const opened: TempRegister[] = [];
const temp = (demo = false) => {
  const t = openTempRegister({ demo });
  t.reg.now = () => '2026-03-10T12:00:00.000Z';
  opened.push(t);
  return t;
};
afterEach(() => {
  for (const t of opened.splice(0)) t.cleanup();
});

describe('breaches and requests in the JSON register document (version 2)', () => {
  it('round-trips through art30 import: same breaches, requests, links, deadlines and erased requesters', async () => {
    const source = temp(true);
    const r2 = await source.call('requests/getByRef', { ref: 'R-001' });
    await source.call('requests/eraseRequester', { id: r2.id, version: r2.version });
    const first = await source.call('register/document', {});
    expect(first.version).toBe(REGISTER_FORMAT_VERSION);
    expect(first.breaches?.map((b) => [b.ref, b.notifiedAt, b.activities])).toEqual([
      ['B-001', '2025-04-04T10:30:00.000Z', ['T-001']],
      ['B-002', '', ['T-006']],
    ]);
    expect(first.requests?.map((r) => r.ref)).toEqual(['R-001', 'R-002', 'R-003', 'R-004']);
    const file = path.join(source.dir, 'register.json');
    await source.call('register/exportJson', { out: file, scope: {} });
    const target = temp(false);
    const result = await target.call('register/importJson', { file });
    expect(result).toMatchObject({ breaches: { created: 2, updated: 0 }, requests: { created: 4, updated: 0 } });
    const second = await target.call('register/document', {});
    expect({ ...second, exportedAt: '' }).toEqual({ ...first, exportedAt: '' });
    const erased = await target.call('requests/getByRef', { ref: 'R-001' });
    expect(erased.requester).toBe('');
    expect(erased.requesterErasedAt).not.toBe('');
    const b1 = await target.call('breaches/getByRef', { ref: 'B-001' });
    expect(b1.deadline.state).toBe('on_time');
    const t001 = await target.call('activities/getByRef', { ref: 'T-001', organisationId: b1.organisationId });
    expect((await target.call('breaches/list', { activityId: t001.id })).map((b) => b.ref)).toEqual(['B-001']);
    const again = await target.call('register/importJson', { file });
    expect(again).toMatchObject({ breaches: { created: 0, updated: 0 }, requests: { created: 0, updated: 0 } });
  });

  it('still imports a version 1 document (no breaches, no requests)', async () => {
    const source = temp(true);
    const doc = await source.call('register/document', {});
    const { breaches: _b, requests: _r, ...v1 } = { ...doc, version: 1 };
    const file = path.join(source.dir, 'v1.json');
    fs.writeFileSync(file, JSON.stringify(v1));
    const target = temp(false);
    const result = await target.call('register/importJson', { file });
    expect(result.activities.created).toBe(12);
    expect(result.breaches).toEqual({ created: 0, updated: 0 });
    expect(await target.call('breaches/list', {})).toEqual([]);
  });

  it('refuses a document whose breach names an unknown activity or a notification before discovery, writing nothing', async () => {
    const source = temp(true);
    const doc = await source.call('register/document', {});
    const target = temp(false);
    const write = (d: unknown) => {
      const file = path.join(target.dir, 'bad.json');
      fs.writeFileSync(file, JSON.stringify(d));
      return file;
    };
    const unknown = await target.result('register/importJson', { file: write({ ...doc, breaches: [{ ...doc.breaches![0], activities: ['T-999'] }] }) });
    expect(!unknown.ok && unknown.error.details?.[0].path).toBe('breaches[0].activities[0]');
    const early = await target.result('register/importJson', { file: write({ ...doc, breaches: [{ ...doc.breaches![0], notifiedAt: '2025-04-01T00:00:00Z' }] }) });
    expect(!early.ok && early.error.details?.[0].path).toBe('breaches[0].notifiedAt');
    const beyond = await target.result('register/importJson', { file: write({ ...doc, requests: [{ ...doc.requests![3], extendedUntil: '2099-01-01' }] }) });
    expect(!beyond.ok && beyond.error.details?.[0].path).toBe('requests[0].extendedUntil');
    expect(target.reg.history.counts()).toMatchObject({ organisations: 0, activities: 0, historyEntries: 0 });
  });

  it('an extract of some activities carries only the records linked to them', async () => {
    const source = temp(true);
    const doc = await source.call('register/document', { refs: ['T-001'], organisationId: 1 });
    expect(doc.breaches?.map((b) => b.ref)).toEqual(['B-001']);
    expect(doc.requests).toEqual([]);
  });
});
