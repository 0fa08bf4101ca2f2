#!/usr/bin/env node
/**
 * `npm run screenshots`: refreshes the README's screenshots (docs/screenshots/<screen>.<lang>.png,
 * every screen of e2e/screens.ts in English and in French) from the end-to-end run that takes them
 * (e2e/specs/screenshots.spec.ts); pictures of screens no longer listed are removed. The tests themselves write them into test-results/screenshots/
 * (ignored): a test run never modifies tracked files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const dir = path.join(root, 'docs', 'screenshots');
for (const f of fs.readdirSync(dir)) if (f.endsWith('.png')) fs.rmSync(path.join(dir, f));
const run = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', 'e2e/specs/screenshots.spec.ts', '--project=web', '-g', 'screenshots of every screen'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, ART30_SCREENSHOTS_DIR: dir },
});
process.exit(run.status ?? 1);
