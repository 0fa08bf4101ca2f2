import { describe, expect, it } from 'vitest';
import { runCli, useTempFolder } from '../testing.js';

const tmp = useTempFolder();

describe('art30 breaches / art30 requests', () => {
  it('lists and shows the demo register’s breaches and requests, in French and English, and as JSON', async () => {
    expect((await runCli('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const list = await runCli('breaches', 'list', '--lang', 'fr', '--db', tmp.db);
    expect(list.err).toBe('');
    expect(list.out).toMatch(/^B-001 .*Notifiée dans les 72 heures.*Envoi d’un fichier de paie/m);
    expect(list.out).toMatch(/^B-002 .*Notification non requise/m);
    expect(list.out).toMatch(/2 violations\n$/);
    const json = await runCli('breaches', 'list', '--json', '--db', tmp.db);
    const breaches = JSON.parse(json.out) as { ref: string; deadline: { state: string }; activities: { ref: string }[] }[];
    expect(breaches.map((b) => [b.ref, b.deadline.state, b.activities.map((a) => a.ref)])).toEqual([
      ['B-001', 'on_time', ['T-001']],
      ['B-002', 'not_required', ['T-006']],
    ]);
    const show = await runCli('breaches', 'show', 'B-001', '--lang', 'en', '--db', tmp.db);
    expect(show.out).toMatch(/^Facts\n/m);
    expect(show.out).toMatch(/^Effects\n/m);
    expect(show.out).toMatch(/^Remedial action\n/m);
    expect(show.out).toContain('CNIL-NOTIF-2025-004512');
    expect(JSON.parse((await runCli('breaches', 'show', 'B-002', '--json', '--db', tmp.db)).out)).toMatchObject({ ref: 'B-002', notifiedAt: '', riskLevel: 'none' });

    const requests = await runCli('requests', 'list', '--lang', 'en', '--db', tmp.db);
    expect(requests.out).toMatch(/^R-002 .*Erasure \(Art\. 17\).*Overdue by \d+ days?/m);
    expect(requests.out).toMatch(/4 requests, 1 overdue\n$/);
    const overdue = JSON.parse((await runCli('requests', 'list', '--overdue', '--org', 'Atelier Lumière SAS', '--json', '--db', tmp.db)).out) as { ref: string }[];
    expect(overdue.map((r) => r.ref)).toEqual(['R-002']);
    const r4 = await runCli('requests', 'show', 'R-004', '--lang', 'fr', '--db', tmp.db);
    expect(r4.out).toMatch(/Prolongé jusqu’au\s+\d{2}\/\d{2}\/\d{4}/);
  });

  it('art30 import restores the breaches and requests of a JSON register document', async () => {
    expect((await runCli('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const json = `${tmp.dir}/register.json`;
    expect((await runCli('export', '--format', 'json', '--out', json, '--db', tmp.db)).code).toBe(0);
    const other = `${tmp.dir}/other.art30`;
    const imported = await runCli('import', json, '--yes', '--db', other);
    expect(imported.err).toBe('');
    expect(imported.out).toContain('Breaches: 2 created, 0 updated; requests: 4 created, 0 updated.');
    const before = JSON.parse((await runCli('requests', 'list', '--json', '--db', tmp.db)).out) as unknown[];
    const after = JSON.parse((await runCli('requests', 'list', '--json', '--db', other)).out) as unknown[];
    const strip = (l: unknown[]) =>
      l.map((r) => ({ ...(r as object), id: 0, activities: (r as { activities: { ref: string }[] }).activities.map((a) => a.ref), organisationId: 0 }));
    expect(strip(after)).toEqual(strip(before));
  });

  it('says what is wrong: unknown reference (exit 2), missing reference or action (exit 1)', async () => {
    expect((await runCli('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const missing = await runCli('breaches', 'show', 'B-999', '--db', tmp.db);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/B-999/);
    expect((await runCli('requests', 'show', '--db', tmp.db)).code).toBe(1);
    expect((await runCli('requests', 'delete', '--db', tmp.db)).code).toBe(1);
  });
});
