/**
 * The quick path of `art30 list` (cli/quick.ts): it prints exactly what the whole command prints,
 * in both languages, and it leaves to the command every case it does not answer, writing nothing.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../core/api/dispatch.js';
import { Register } from '../core/register.js';
import { quickList } from './quick.js';
import { runCliWith, useTempFolder } from './testing.js';

const paths = useTempFolder();

/** `art30 ARGV` by the quick path: whether it answered, and what it printed. */
function quick(env: NodeJS.ProcessEnv, ...argv: string[]): { answered: boolean; out: string } {
  let out = '';
  const answered = quickList(argv, env, (t) => void (out += t));
  return { answered, out };
}

async function demoRegister(file: string): Promise<void> {
  const reg = Register.open(file);
  try {
    const made = await dispatch(reg, 'demo/create', {}, { source: 'cli' }, { trusted: true });
    if (!made.ok) throw new Error(made.error.message);
  } finally {
    reg.close();
  }
}

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A register closed with its write-ahead log emptied into the file, so that its bytes are all it is. */
function settled(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.close();
}

describe('art30 list by its quick path', () => {
  it('prints what the command prints, in French and in English, with and without --role, and the register stays byte for byte', async () => {
    await demoRegister(paths.db);
    settled(paths.db);
    const before = digest(paths.db);
    const cases = ['fr', 'en'].flatMap((lang) => [[], ['--role', 'controller'], ['--role', 'processor']].map((args) => ({ lang, args })));
    // The quick path first: it alone must leave the file as it was (the command sets the journal's mode).
    const fast = cases.map(({ lang, args }) => quick({ ART30_LANG: lang, ART30_DB: paths.db }, 'list', ...args));
    expect(digest(paths.db)).toBe(before);
    expect(fs.existsSync(`${paths.db}-wal`)).toBe(false);
    for (const [i, { lang, args }] of cases.entries()) {
      const command = await runCliWith({ ART30_LANG: lang, ART30_DB: paths.db }, 'list', ...args);
      expect(command.code).toBe(0);
      expect(fast[i], `${lang}: art30 list ${args.join(' ')}`).toEqual({ answered: true, out: command.out });
    }
    // Six different outputs: the languages and the roles were really applied.
    expect(new Set(fast.map((f) => f.out)).size).toBe(6);
    expect(fast[0].out).toMatch(/^P-001 {2}Actif .*\n[\s\S]*\n12 traitements\n$/);
    expect(fast[5].out).toMatch(/\[transfer outside the EU\]\n1 activity\n$/);
  });

  it('says an empty register is empty, as the command does', async () => {
    expect((await runCliWith({}, 'init', '--org', 'Mairie', '--db', paths.db)).code).toBe(0);
    for (const lang of ['fr', 'en']) {
      const command = await runCliWith({ ART30_LANG: lang }, 'list', '--db', paths.db);
      expect(quick({ ART30_LANG: lang }, 'list', '--db', paths.db)).toEqual({ answered: true, out: command.out });
    }
  });

  it('leaves every other form of the command to the command: options it does not know, --json, --search, --org, a wrong role', async () => {
    await demoRegister(paths.db);
    for (const args of [['--json'], ['--search', 'paie'], ['--org', '1'], ['--role', 'nobody'], ['--help'], ['--force'], ['T-001'], ['--db']]) {
      expect(quick({}, 'list', '--db', paths.db, ...args), args.join(' ')).toEqual({ answered: false, out: '' });
    }
    expect(quick({}, 'show', 'T-001', '--db', paths.db)).toEqual({ answered: false, out: '' });
    expect(quick({}, 'list', '--db', paths.db).answered).toBe(true);
  });

  it('leaves to the command, untouched, a register it would have to migrate, refuse or explain', async () => {
    const missing = path.join(paths.dir, 'missing.art30');
    expect(quick({}, 'list', '--db', missing)).toEqual({ answered: false, out: '' });
    expect(fs.existsSync(missing)).toBe(false);

    const text = path.join(paths.dir, 'notes.art30');
    fs.writeFileSync(text, 'not a register');
    expect(quick({}, 'list', '--db', text).answered).toBe(false);

    const other = path.join(paths.dir, 'other.sqlite');
    const plain = new Database(other);
    plain.exec('CREATE TABLE activities (id INTEGER PRIMARY KEY, ref TEXT)');
    plain.close();
    expect(quick({}, 'list', '--db', other).answered).toBe(false);

    await demoRegister(paths.db);
    settled(paths.db);
    const version = (new Database(paths.db, { readonly: true }).pragma('user_version', { simple: true }) as number) || 0;
    expect(version).toBeGreaterThan(1);
    for (const shifted of [version - 1, version + 1]) {
      const db = new Database(paths.db);
      db.pragma(`user_version = ${shifted}`);
      db.close();
      const before = digest(paths.db);
      expect(quick({}, 'list', '--db', paths.db), `register format ${shifted}`).toEqual({ answered: false, out: '' });
      expect(digest(paths.db)).toBe(before);
    }
    const db = new Database(paths.db);
    db.pragma(`user_version = ${version}`);
    db.close();
    expect(quick({}, 'list', '--db', paths.db).answered).toBe(true);

    // Damaged: the header kept, pages scribbled over.
    const bytes = fs.readFileSync(paths.db);
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    fs.writeFileSync(paths.db, bytes);
    const before = digest(paths.db);
    expect(quick({}, 'list', '--db', paths.db)).toEqual({ answered: false, out: '' });
    expect(digest(paths.db)).toBe(before);
    const command = await runCliWith({}, 'list', '--db', paths.db);
    expect([command.code, command.err]).toEqual([2, expect.stringMatching(/is damaged and cannot be read/)]);
  });

  const built = path.resolve('dist/cli/quick.cjs');
  it.skipIf(!fs.existsSync(built))('is what `art30 list` runs once built, and the whole command still answers the rest', async () => {
    await demoRegister(paths.db);
    const bin = path.resolve('cli/bin/art30.cjs');
    const env = { ...process.env, ART30_DB: '', ART30_LANG: 'en' };
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
    const expected = await runCliWith({ ART30_LANG: 'en' }, 'list', '--db', paths.db);
    const listed = run('list', '--db', paths.db);
    expect([listed.status, listed.stdout, listed.stderr]).toEqual([0, expected.out, '']);
    // Not the quick path: the whole command answers, in the same words.
    const json = run('list', '--json', '--db', paths.db);
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(12);
    const missing = run('list', '--db', path.join(paths.dir, 'missing.art30'));
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringMatching(/No register at .*missing\.art30/)]);
  });
});
