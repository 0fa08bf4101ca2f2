import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempFolder } from '../testing.js';

const tmp = useTempFolder();
const run = runCli;

describe('art30 overview, due, export --as-of', () => {
  it('prints the overview and the reviews due, in French or English and as JSON', async () => {
    expect((await run('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const json = await run('overview', '--json', '--db', tmp.db);
    expect(json.code).toBe(0);
    const o = JSON.parse(json.out);
    expect(o.total).toBe(12);
    expect(o.checks.any.count).toBe(6);
    const fr = await run('overview', '--lang', 'fr', '--db', tmp.db);
    expect(fr.out).toContain('Traitements par statut');
    expect(fr.out).toContain('Points à revoir : 6 traitements ont des points à revoir');
    const en = await run('overview', '--lang', 'en', '--org', '1', '--db', tmp.db);
    expect(en.out).toContain('Activities by legal basis');
    const due = JSON.parse((await run('due', '--json', '--db', tmp.db)).out);
    expect(due.activities.length).toBe(due.overdue + due.dueSoon);
    expect(due.activities.every((a: { state: string }) => a.state === 'overdue' || a.state === 'due_soon')).toBe(true);
    const text = await run('due', '--lang', 'en', '--db', tmp.db);
    for (const a of due.activities) expect(text.out).toContain(a.ref);
    expect((await run('due', '--lang', 'de', '--db', tmp.db)).code).toBe(1);
  });

  it('exports the register as of a date, and refuses a date that is not one', async () => {
    expect((await run('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const out = path.join(tmp.dir, 'as-of.json');
    // The demo register was written today: as of 2000-01-01 it held nothing.
    const r = await run('export', '--as-of', '2000-01-01', '--format', 'json', '--out', out, '--db', tmp.db);
    expect(r.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.asOf).toBe('2000-01-01');
    expect(doc.activities).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await run('export', '--as-of', today, '--format', 'json', '--out', out, '--force', '--db', tmp.db)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).activities.length).toBe(12);
    expect((await run('export', '--as-of', '31/01/2026', '--format', 'json', '--out', out, '--force', '--db', tmp.db)).code).toBe(1);
    expect((await run('export', '--as-of', '2026-02-30', '--format', 'json', '--out', out, '--force', '--db', tmp.db)).code).toBe(2);
  });
});
