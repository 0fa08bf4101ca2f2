/** `art30` as a newcomer meets it: --version, orgs, --org by number/key/name, a mistyped --db, --force. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../core/version.js';
import { runCli as run, useTempFolder } from './testing.js';

const tmp = useTempFolder();

describe('art30 first run and everyday use', () => {
  it('--version prints the version', async () => {
    const r = await run('--version');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`art30 ${APP_VERSION}\n`);
    expect(JSON.parse(fs.readFileSync('package.json', 'utf8')).version).toBe(APP_VERSION);
  });

  it('orgs lists number, key, name and counts; --org takes the number, the key or the exact name', async () => {
    expect((await run('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const orgs = await run('orgs', '--db', tmp.db);
    expect(orgs.code).toBe(0);
    expect(orgs.out).toMatch(/^1 +org-1 +10 +1 +Atelier Lumière SAS$/m);
    expect(orgs.out).toMatch(/^2 +org-2 +1 +0 +Fondation Atelier Lumière$/m);
    expect(orgs.out).toMatch(/2 organisations\n$/);
    expect(JSON.parse((await run('orgs', '--json', '--db', tmp.db)).out)).toEqual([
      { id: 1, key: 'org-1', name: 'Atelier Lumière SAS', activities: 11, controller: 10, processor: 1 },
      { id: 2, key: 'org-2', name: 'Fondation Atelier Lumière', activities: 1, controller: 1, processor: 0 },
    ]);
    const byNumber = (await run('list', '--org', '2', '--db', tmp.db)).out;
    expect(byNumber).toMatch(/Gestion des dons/);
    expect(byNumber).toMatch(/1 activity\n$/);
    expect((await run('list', '--org', 'org-2', '--db', tmp.db)).out).toBe(byNumber);
    expect((await run('list', '--org', 'Fondation Atelier Lumière', '--db', tmp.db)).out).toBe(byNumber);
    expect((await run('list', '--org', 'fondation atelier lumiere', '--db', tmp.db)).out).toBe(byNumber);
    expect((await run('show', 'T-001', '--org', 'org-1', '--db', tmp.db)).out).toMatch(/^Reference +T-001$/m);
    const unknown = await run('list', '--org', 'Atelier', '--db', tmp.db);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/No organisation "Atelier"\. The organisations: 1 \(org-1\) Atelier Lumière SAS; 2 \(org-2\) Fondation Atelier Lumière/);
    const out = path.join(tmp.dir, 'fondation.json');
    expect((await run('export', '--format', 'json', '--out', out, '--org', 'org-2', '--db', tmp.db)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).activities.map((a: { name: string }) => a.name)).toEqual(['Gestion des dons']);
  });

  it('an ambiguous organisation name is refused, naming the organisations and the flag', async () => {
    await run('init', '--org', 'Mairie', '--db', tmp.db);
    await run('init', '--org', 'Mairie', '--db', tmp.db);
    const r = await run('list', '--org', 'Mairie', '--db', tmp.db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/"Mairie" names several organisations: 1 \(org-1\) Mairie; 2 \(org-2\) Mairie\. Say which with --org/);
  });

  it('read commands refuse a register file that does not exist (exit 2) and create nothing', async () => {
    const missing = path.join(tmp.dir, 'typo.art30');
    for (const argv of [
      ['list'],
      ['show', 'T-001'],
      ['orgs'],
      ['export', '--format', 'json', '--out', path.join(tmp.dir, 'x.json')],
      ['verify-history'],
      ['backup', '--out', path.join(tmp.dir, 'b.art30')],
    ]) {
      const r = await run(...argv, '--db', missing);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/No register at .*typo\.art30.*art30 init/);
    }
    expect(fs.readdirSync(tmp.dir)).toEqual([]);
  });

  it('writing over an existing file needs --force', async () => {
    await run('init', '--demo', '--db', tmp.db);
    const cases: [string[], string][] = [
      [['backup'], 'copy.art30'],
      [['export', '--format', 'json'], 'register.json'],
      [['export', '--format', 'csv'], 'register.csv'],
      [['template'], 'template.xlsx'],
    ];
    for (const [argv, name] of cases) {
      const out = path.join(tmp.dir, name);
      fs.writeFileSync(out, 'precious');
      const refused = await run(...argv, '--out', out, '--db', tmp.db);
      expect(refused.code, argv.join(' ')).toBe(2);
      expect(refused.err).toMatch(new RegExp(`${name.replace('.', '\\.')} already exists: add --force to replace it`));
      expect(fs.readFileSync(out, 'utf8')).toBe('precious');
      const forced = await run(...argv, '--out', out, '--force', '--db', tmp.db);
      expect(forced.code, `${argv.join(' ')} --force: ${forced.err}`).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).not.toBe('precious');
    }
  });

  it('the demo register goes only into a new or empty register, with a confirmation', async () => {
    // An existing empty register: asks first (no terminal here: the answer is no), or --yes.
    await run('init', '--db', tmp.db);
    const asked = await run('init', '--demo', '--db', tmp.db);
    expect(asked.code).toBe(2);
    expect(asked.err).toMatch(/needs a confirmation/);
    expect(JSON.parse((await run('orgs', '--json', '--db', tmp.db)).out)).toEqual([]);
    expect((await run('init', '--demo', '--yes', '--db', tmp.db)).code).toBe(0);
    const again = await run('init', '--demo', '--yes', '--db', tmp.db);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already holds 2 organisation\(s\) and 12 activit/);
  });

  it('speaks French when the system does', async () => {
    const { main } = await import('./main.js');
    const err: string[] = [];
    const code = await main(
      ['list', '--db', path.join(tmp.dir, 'absent.art30')],
      { stdout: () => undefined, stderr: (s) => void err.push(s), confirm: async () => false },
      { LANG: 'fr_FR.UTF-8' },
    );
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/Aucun registre à .*absent\.art30/);
  });
});
