import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempFolder } from './testing.js';

const tmp = useTempFolder();
const run = runCli;

describe('art30 command line', () => {
  it('init --org, list, show, list --json', async () => {
    expect((await run('init', '--org', 'Mairie de Villefranche', '--db', tmp.db)).out).toMatch(/Register created: .*register\.art30\nOrganisation added: Mairie de Villefranche/);
    expect((await run('list', '--db', tmp.db)).out).toBe('No processing activity in this register.\n');
    // The demo register never goes into a register that holds a real organisation.
    const refused = await run('init', '--demo', '--db', tmp.db);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/only into an empty register/);
    fs.rmSync(tmp.db);
    expect((await run('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const list = await run('list', '--db', tmp.db);
    expect(list.out).toMatch(/T-007 +Active +Controller +Contrôle d’accès biométrique au laboratoire +\[special, transfer outside the EU, DPIA\]/);
    expect(list.out).toMatch(/12 activities\n$/);
    const json = JSON.parse((await run('list', '--json', '--db', tmp.db)).out);
    expect(Array.isArray(json)).toBe(true);
    expect(json).toHaveLength(12);
    expect(json[0]).toHaveProperty('legalBases');
    const show = await run('show', 'T-004', '--db', tmp.db, '--org', '2');
    expect(show.code).toBe(2);
    expect(show.err).toMatch(/Processing activity T-004 does not exist/);
    const shown = await run('show', 'T-004', '--db', tmp.db, '--org', '1');
    expect(shown.out).toMatch(/Transfers +CloudCRM Inc\. → United States \[Adequacy decision\]/);
    const ambiguous = await run('show', 'T-001', '--db', tmp.db);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toMatch(/Several organisations have an activity T-001: 1 \(org-1\) Atelier Lumière SAS; 2 \(org-2\) Fondation Atelier Lumière\. Say which with --org/);
  });

  it('export --format json, import into another register, backup', async () => {
    await run('init', '--demo', '--db', tmp.db);
    const out = path.join(tmp.dir, 'register.json');
    const exported = await run('export', '--format', 'json', '--out', out, '--db', tmp.db);
    expect(exported.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).activities).toHaveLength(12);
    const other = path.join(tmp.dir, 'other.art30');
    const imported = await run('import', out, '--db', other);
    expect(imported.out).toMatch(/12 activities created/);
    const backup = path.join(tmp.dir, 'copy.art30');
    expect((await run('backup', '--out', backup, '--db', other)).code).toBe(0);
    expect(JSON.parse((await run('list', '--json', '--db', backup)).out)).toHaveLength(12);
    const extract = path.join(tmp.dir, 'extract.json');
    await run('export', '--format', 'json', '--out', extract, '--refs', 'T-001,T-004', '--org', '1', '--db', tmp.db);
    expect(JSON.parse(fs.readFileSync(extract, 'utf8')).activities.map((a: { ref: string }) => a.ref)).toEqual(['T-001', 'T-004']);
  });

  it('exit codes: 1 for usage, 2 for bad input with nothing written, 3 otherwise', async () => {
    expect((await run()).code).toBe(1);
    expect((await run('frobnicate')).code).toBe(1);
    expect((await run('list', '--colour', '--db', tmp.db)).code).toBe(1);
    expect((await run('export', '--db', tmp.db)).err).toMatch(/--out is required/);
    await run('init', '--org', 'A', '--db', tmp.db);
    const garbage = path.join(tmp.dir, 'garbage.json');
    fs.writeFileSync(garbage, '{ not json');
    const before = fs.readFileSync(tmp.db);
    const bad = await run('import', garbage, '--db', tmp.db);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/garbage\.json is not valid JSON/);
    expect((await run('import', path.join(tmp.dir, 'missing.json'), '--db', tmp.db)).code).toBe(2);
    expect(JSON.parse((await run('list', '--json', '--db', tmp.db)).out)).toEqual([]);
    expect(fs.readFileSync(tmp.db).length).toBe(before.length);
    const notRegister = path.join(tmp.dir, 'notes.txt');
    fs.writeFileSync(notRegister, 'hello');
    const refused = await run('list', '--db', notRegister);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/notes\.txt is not an Art30 register/);
    expect(fs.readFileSync(notRegister, 'utf8')).toBe('hello');
  });

  it('runs as `art30` through its bin script, with ART30_DB', () => {
    const bin = path.resolve('cli/bin/art30.cjs');
    const r = spawnSync(process.execPath, [bin, 'init', '--demo', '--json'], { env: { ...process.env, ART30_DB: tmp.db }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: tmp.db, created: true, demo: { activities: 12 } });
    const usage = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/unknown command "nope"/);
    // The bin's first name still runs the same command.
    const old = spawnSync(process.execPath, [path.resolve('cli/bin/art30.mjs'), 'list'], { env: { ...process.env, ART30_DB: tmp.db }, encoding: 'utf8' });
    expect(old.stdout).toMatch(/\n12 activities\n$/);
  });
});
