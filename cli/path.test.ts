/**
 * `art30` on the PATH, without npm's start-up: `npm link` in the Art30 folder puts the command into
 * npm's global bin folder (here a temporary prefix), and it runs from there as any installed tool.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/temp-register.js';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe.skipIf(process.platform === 'win32')('npm link', () => {
  it('puts art30 on the PATH; it runs without npm', () => {
    const prefix = tempDir('art30-prefix-');
    try {
      const env = { ...process.env, npm_config_prefix: prefix, ART30_DB: '', ART30_LANG: 'en' };
      const linked = spawnSync(npm, ['link', '--no-audit', '--no-fund'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
      expect(linked.status, linked.stderr).toBe(0);
      const bin = path.join(prefix, 'bin');
      expect(fs.realpathSync(path.join(bin, 'art30'))).toBe(path.join(root, 'cli', 'bin', 'art30.cjs'));
      const withPath = { ...env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
      const version = spawnSync('art30', ['--version'], { env: withPath, encoding: 'utf8' });
      expect(version.stdout).toBe(`art30 ${JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version}\n`);
      const db = path.join(prefix, 'demo.art30');
      expect(spawnSync('art30', ['init', '--demo', '--yes', '--db', db], { env: withPath, encoding: 'utf8' }).status).toBe(0);
      expect(spawnSync('art30', ['list', '--db', db], { env: withPath, encoding: 'utf8' }).stdout).toMatch(/\n12 activities\n$/);
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  }, 180_000);
});
