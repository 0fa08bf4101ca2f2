#!/usr/bin/env node
/**
 * The `electron` package's types for the type check, whatever happened to Electron's download.
 *
 * Electron is an optional dependency: where its binary cannot be downloaded, npm removes the whole
 * package, types included, and `tsc` then finds no `electron` module in electron/. The types are in
 * the package itself (electron.d.ts), not in its binary: this script fetches the same version's
 * package from the npm registry with npm's own client (`npm pack`, no install script runs) and keeps
 * its electron.d.ts in node_modules/.cache/art30-electron-types/ (tsconfig.json's `paths` looks there
 * when node_modules/electron is absent). Nothing is fetched when the package is installed or the
 * types were kept already.
 *
 *   node scripts/electron-types.mjs     prints where the types are, or why there are none (exit 1)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the fetched types are kept (node_modules is never committed; `npm install` leaves .cache alone). */
export const fallbackDir = path.join(root, 'node_modules', '.cache', 'art30-electron-types');

/** The Electron version package.json asks for (an exact version: see check-lock). */
export function wantedElectronVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron;
}

/** The installed electron package's electron.d.ts, or null. */
function installedTypes() {
  const file = path.join(root, 'node_modules', 'electron', 'electron.d.ts');
  return fs.existsSync(file) ? file : null;
}

/** The types kept by an earlier run, for the wanted version, or null. */
function keptTypes(version) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(fallbackDir, 'package.json'), 'utf8'));
    const file = path.join(fallbackDir, 'electron.d.ts');
    return pkg.version === version && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Fetches electron@version's package from the registry and keeps its types in `dir`; the reason on failure. */
export function fetchTypes(version, timeoutMs = 120_000, dir = fallbackDir, env = process.env) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-electron-types-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = spawnSync(npm, ['pack', `electron@${version}`, '--pack-destination', tmp, '--loglevel', 'error', '--ignore-scripts'], {
      cwd: tmp,
      encoding: 'utf8',
      timeout: timeoutMs,
      env,
      shell: process.platform === 'win32',
    });
    const tarball = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (packed.status !== 0 || !tarball) {
      const said = (packed.stderr || '').split('\n').filter((l) => /^npm (error|ERR!)/.test(l) && !/complete log/.test(l));
      const why =
        packed.error?.message ??
        said
          .slice(0, 2)
          .map((l) => l.replace(/^npm (error|ERR!)\s*/, ''))
          .join(': ');
      return { file: null, reason: `electron@${version} could not be fetched from the npm registry (${why || `exit ${packed.status}`})` };
    }
    const untar = spawnSync('tar', ['-xzf', tarball, 'package/electron.d.ts', 'package/package.json'], { cwd: tmp, encoding: 'utf8' });
    if (untar.status !== 0) return { file: null, reason: `electron@${version}'s package could not be unpacked (${(untar.stderr || '').trim()})` };
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(tmp, 'package', 'electron.d.ts'), path.join(dir, 'electron.d.ts'));
    // A package of types only: the version it came from, and its types entry (as the real package's).
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      `${JSON.stringify({ name: 'electron', version, private: true, types: 'electron.d.ts', description: 'Types only, from the electron package (scripts/electron-types.mjs)' }, null, 2)}\n`,
    );
    return { file: path.join(dir, 'electron.d.ts'), reason: null };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Where the type check finds Electron's types: `{ file, source }` with source 'installed', 'kept' or
 * 'fetched', or `{ file: null, reason }`.
 */
export function ensureElectronTypes({ timeoutMs = 120_000 } = {}) {
  const installed = installedTypes();
  if (installed) return { file: installed, source: 'installed', reason: null };
  const version = wantedElectronVersion();
  const kept = keptTypes(version);
  if (kept) return { file: kept, source: 'kept', reason: null };
  const fetched = fetchTypes(version, timeoutMs);
  return fetched.file ? { ...fetched, source: 'fetched' } : { ...fetched, source: null };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = ensureElectronTypes();
  process.stdout.write(r.file ? `${path.relative(root, r.file)} (${r.source})\n` : `no Electron types: ${r.reason}\n`);
  process.exitCode = r.file ? 0 : 1;
}
