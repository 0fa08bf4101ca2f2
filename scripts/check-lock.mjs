#!/usr/bin/env node
/**
 * `npm run check:lock [-- DIR]`: fails when package-lock.json is out of step with package.json, or
 * lacks a platform's optional package (so that `npm ci` works on every system, not only this one).
 *  1. `npm ci --dry-run` on a copy of the two files (node_modules is never touched): npm's own test
 *     of "package.json and package-lock.json are in sync".
 *  2. every optional dependency named by a package of the lock (rollup's, esbuild's binaries for
 *     each platform…) has its own entry in the lock, as `npm install` on another system needs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));

/** The lock entry a package at `from` gets for `name`, looked up as Node resolves it (nested first). */
function resolveIn(packages, from, name) {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[key]) return key;
    if (!dir) return undefined;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

export function missingOptionalPackages(lock) {
  const packages = lock.packages ?? {};
  const missing = [];
  for (const [at, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (!resolveIn(packages, at, name)) missing.push(`${name} (optional dependency of ${at || 'the project'})`);
    }
  }
  return missing;
}

export function checkLock(dir = root) {
  const problems = [];
  const lockFile = path.join(dir, 'package-lock.json');
  if (!fs.existsSync(lockFile)) return ['package-lock.json is missing: run "npm install".'];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-lock-'));
  try {
    for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(dir, f), path.join(tmp, f));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: tmp,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    if (r.status !== 0) {
      const why = `${r.stderr}`
        .split('\n')
        .filter((l) => /Invalid|Missing|sync|ERR|error/.test(l))
        .slice(0, 12)
        .join('\n');
      problems.push(`npm ci refuses the lock file:\n${why || r.stderr}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const missing = missingOptionalPackages(JSON.parse(fs.readFileSync(lockFile, 'utf8')));
  if (missing.length) problems.push(`package-lock.json lacks ${missing.length} optional package(s) that other systems install:\n  ${missing.slice(0, 30).join('\n  ')}`);
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkLock();
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\nUpdate the lock with "npm install" (all platforms' optional packages are kept) and commit it.\n`);
    process.exit(1);
  }
  console.log('package-lock.json is in step with package.json, with every platform’s optional packages.');
}
