import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../core/testing/temp-register.js';
import { main } from '../cli/main.js';
import { Register } from '../core/register.js';
import type { CliIO } from '../cli/command.js';

let t: TempRegister;
beforeEach(() => {
  t = openTempRegister({ demo: true });
});
afterEach(() => t.cleanup());

function captureIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), confirm: async () => false };
  return { io, out, err };
}

describe('the history hash chain', () => {
  it('chains entries written in one write, after a write rolled back, and after another program wrote', async () => {
    const meta = { source: 'cli' as const };
    const entry = (label: string) => ({ entityType: 'organisation' as const, entityId: 1, entityLabel: label, organisationId: 1, action: 'update' as const, changes: [] });
    t.reg.write(() => {
      t.reg.record(meta, entry('one'));
      t.reg.record(meta, entry('two'));
    });
    expect(() =>
      t.reg.write(() => {
        t.reg.record(meta, entry('rolled back'));
        throw new Error('abandon');
      }),
    ).toThrow('abandon');
    t.reg.write(() => t.reg.record(meta, entry('three')));
    // Another program appends through its own connection.
    const other = Register.open(t.file);
    other.write(() => other.record(meta, entry('from the CLI')));
    other.close();
    t.reg.write(() => t.reg.record(meta, entry('four')));
    const labels = (t.reg.sqlite.prepare('SELECT entity_label FROM history ORDER BY id DESC LIMIT 5').pluck().all() as string[]).reverse();
    expect(labels).toEqual(['one', 'two', 'three', 'from the CLI', 'four']);
    expect((await t.call('history/verify', {})).ok).toBe(true);
  });

  it('is intact after normal use, through the API and the CLI', async () => {
    const check = await t.call('history/verify', {});
    expect(check.ok).toBe(true);
    expect(check.checked).toBeGreaterThan(20);
    t.reg.close();
    const c = captureIO();
    expect(await main(['verify-history', '--db', t.file], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/History intact: \d+ entries checked/);
  });

  it('detects an entry altered after it was written, and says which one', async () => {
    const target = t.reg.sqlite.prepare("SELECT id, changes_json FROM history WHERE entity_label LIKE 'T-003%'").get() as { id: number; changes_json: string };
    t.reg.sqlite.prepare('UPDATE history SET changes_json = ? WHERE id = ?').run(target.changes_json.replace('Suivi de la santé au travail', 'Suivi'), target.id);
    const check = await t.call('history/verify', {});
    expect(check).toMatchObject({ ok: false, checked: target.id - 1, brokenAt: { id: target.id, reason: 'altered' } });
    t.reg.close();
    const c = captureIO();
    expect(await main(['verify-history', '--db', t.file], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(
      new RegExp(`History check FAILED at entry #${target.id} \\(.*activity T-003 Suivi de la santé au travail \\(create\\)\\): it was altered after it was written`),
    );
  });

  it('detects an entry removed from the middle of the chain', async () => {
    t.reg.sqlite.prepare('DELETE FROM history WHERE id = 5').run();
    const check = await t.call('history/verify', {});
    expect(check).toMatchObject({ ok: false, brokenAt: { id: 6, reason: 'chain_broken' } });
  });

  it('detects a re-dated entry', async () => {
    t.reg.sqlite.prepare("UPDATE history SET at = '2020-01-01T00:00:00.000Z' WHERE id = 3").run();
    expect((await t.call('history/verify', {})).brokenAt).toMatchObject({ id: 3, reason: 'altered' });
  });
});
