/**
 * The bundled command (scripts/build-cli.mjs): dist/cli/art30.cjs run by dist/cli/art30.mjs with
 * the V8 code cache written at build time (scripts/cli-loader.cjs). Runs once `npm run build` (or
 * `--cli`) has built it.
 */
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileBundle } from '../scripts/cli-loader.cjs';
import { tempDir } from '../core/testing/temp-register.js';

const dist = path.resolve('dist/cli');
const bundle = path.join(dist, 'art30.cjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A copy of the built command in a temporary folder, to run with another cache or none. */
function copyOfCommand(): string {
  const dir = tempDir('art30-bundle-');
  dirs.push(dir);
  const out = path.join(dir, 'dist', 'cli');
  fs.cpSync(dist, out, { recursive: true });
  fs.cpSync(path.resolve('dist/migrations'), path.join(dir, 'dist', 'migrations'), { recursive: true });
  // The packages outside the bundle (better-sqlite3…), as an installed command finds them.
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'junction');
  return out;
}

function run(entry: string, ...args: string[]) {
  return runIn('en', entry, ...args);
}

function runIn(lang: 'en' | 'fr', entry: string, ...args: string[]) {
  const script = `const { main } = await import(${JSON.stringify(new URL(`file://${entry}`).href)}); process.exitCode = await main(process.argv.slice(1));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { encoding: 'utf8', env: { ...process.env, ART30_DB: '', ART30_LANG: lang } });
}

describe.skipIf(!fs.existsSync(bundle))('the bundled command and its code cache', () => {
  it('has a code cache this Node accepts, and nothing left to load with import()', () => {
    const script = compileBundle(bundle, fs.readFileSync(`${bundle}.cache`));
    expect(script.cachedDataRejected).toBe(false);
    expect(fs.readFileSync(bundle, 'utf8')).not.toMatch(/(^|[^\w$.])import\((?!\))/m);
    // ASCII only: the loader reads it as Latin-1, without decoding UTF-8 (its regular expressions' `’`, `•` written \u2019, \u2022).
    expect(isAscii(fs.readFileSync(bundle))).toBe(true);
  });

  it('runs without its cache, and with a cache V8 refuses, as with its own', () => {
    const out = copyOfCommand();
    const db = path.join(out, 'demo.art30');
    const init = run(path.join(out, 'art30.mjs'), 'init', '--demo', '--db', db);
    expect([init.status, init.stderr]).toEqual([0, '']);
    const expected = run(path.join(out, 'art30.mjs'), 'list', '--db', db);
    expect(expected.status).toBe(0);
    expect(expected.stdout).toMatch(/\bT-001 .*\n[\s\S]*\n12 activities\n$/);
    fs.writeFileSync(path.join(out, 'art30.cjs.cache'), Buffer.from('not a V8 code cache'));
    expect(compileBundle(path.join(out, 'art30.cjs'), fs.readFileSync(path.join(out, 'art30.cjs.cache'))).cachedDataRejected).toBe(true);
    const refused = run(path.join(out, 'art30.mjs'), 'list', '--db', db);
    expect([refused.status, refused.stdout, refused.stderr]).toEqual([0, expected.stdout, '']);
    fs.rmSync(path.join(out, 'art30.cjs.cache'));
    const none = run(path.join(out, 'art30.mjs'), 'list', '--db', db);
    expect([none.status, none.stdout, none.stderr]).toEqual([0, expected.stdout, '']);
  });

  it('speaks as the sources do, in French and in English (its catalogue is built area by area, scripts/build-cli.mjs)', async () => {
    const { main } = await import('./main.js');
    const out = copyOfCommand();
    const db = path.join(out, 'demo.art30');
    expect(run(path.join(out, 'art30.mjs'), 'init', '--demo', '--db', db).status).toBe(0);
    for (const lang of ['fr', 'en'] as const) {
      for (const args of [['list'], ['overview'], ['due'], ['list', '--org', 'nope'], ['show', 'T-001'], ['breaches'], ['list', '--help']]) {
        const argv = [...args, '--db', db];
        const sources = { stdout: '', stderr: '' };
        const io = {
          stdout: (t: string) => void (sources.stdout += t),
          stderr: (t: string) => void (sources.stderr += t),
          confirm: async () => false,
        };
        const status = await main(argv, io, { ART30_LANG: lang });
        const bundled = runIn(lang, path.join(out, 'art30.mjs'), ...argv);
        expect([bundled.status, bundled.stdout, bundled.stderr], `${lang}: art30 ${args.join(' ')}`).toEqual([status, sources.stdout, sources.stderr]);
      }
    }
  });
});
