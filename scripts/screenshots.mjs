#!/usr/bin/env node
/**
 * `npm run screenshots`: refreshes the README's screenshots (docs/screenshots/*.png) from the
 * end-to-end run that takes them. The tests themselves write them into test-results/screenshots/
 * (ignored): a test run never modifies tracked files.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--project', 'web', '-g', 'screenshots'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, ART30_SCREENSHOTS_DIR: path.join(root, 'docs', 'screenshots') },
});
process.exit(run.status ?? 1);
