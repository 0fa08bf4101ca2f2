import { afterEach, describe, expect, it } from 'vitest';
import { computeOverview } from '../overview/overview.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { listBreaches, listRequests } from './services.js';

let t: TempRegister;
afterEach(() => t.cleanup());

const section = (reg: TempRegister['reg'], today?: string) => {
  const s = computeOverview(reg, {}, today).sections.find((x) => x.key === 'records');
  return s ? Object.fromEntries(s.items.map((i) => [i.key, i.count])) : null;
};

describe('the overview counts the records beside the register', () => {
  it('open breaches, late notifications, requests awaiting an answer and past their deadline', async () => {
    t = openTempRegister({ demo: true });
    const breaches = listBreaches(t.reg);
    const requests = listRequests(t.reg);
    // The demo: one answered request, one overdue, one due, one extended; B-001 notified, B-002 not (no risk).
    expect(section(t.reg)).toEqual({
      openBreaches: breaches.filter((b) => b.status === 'open').length,
      notificationOverdue: 0,
      requestsDue: 2,
      requestsOverdue: 1,
    });
    expect(requests.filter((r) => r.answeredOn).length).toBe(1);
    // Months later, every unanswered request is past its deadline.
    const later = new Date(Date.parse(t.reg.now()) + 200 * 86_400_000).toISOString().slice(0, 10);
    expect(section(t.reg, later)).toMatchObject({ requestsDue: 0, requestsOverdue: 3 });
  });

  it('shows no such section for a register without records', async () => {
    t = openTempRegister({ demo: true });
    for (const b of listBreaches(t.reg)) await t.call('breaches/delete', { id: b.id, version: b.version } as never);
    for (const r of listRequests(t.reg)) await t.call('requests/delete', { id: r.id, version: r.version } as never);
    expect(section(t.reg)).toBeNull();
  });
});
