/**
 * The newcomer's path without Electron's binary: the type check gets the electron package's types
 * from the npm registry when npm left the package out (scripts/electron-types.mjs), and CI counts
 * and names the Electron tests Playwright skipped (scripts/fresh-clone.mjs; .ci/run runs it all).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchTypes, wantedElectronVersion } from './electron-types.mjs';
import { skippedElectronTests } from './fresh-clone.mjs';

describe('the electron package’s types without the package', () => {
  it('fetches the wanted version’s electron.d.ts from the registry, no binary', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-electron-types-test-'));
    try {
      const version = wantedElectronVersion();
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      const r = fetchTypes(version, 120_000, dir);
      expect(r.reason).toBeNull();
      expect(fs.readFileSync(r.file!, 'utf8')).toMatch(/declare module 'electron' \{/);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))).toMatchObject({ name: 'electron', version, types: 'electron.d.ts' });
      expect(fs.readdirSync(dir).sort()).toEqual(['electron.d.ts', 'package.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('says why when the registry cannot be reached', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-electron-types-test-'));
    try {
      const r = fetchTypes(wantedElectronVersion(), 60_000, dir, { ...process.env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' });
      expect(r.file).toBeNull();
      expect(r.reason).toMatch(/could not be fetched from the npm registry \(.*ECONNREFUSED/);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('the skipped Electron tests, counted and named', () => {
  it('reads Playwright’s list and the one line that says why', () => {
    const output = [
      'Running 6 tests using 2 workers',
      '',
      'Electron: 2 end-to-end tests skipped (the Electron binary is not installed: npm left the optional electron package out, its download failed); the same scenarios run in web mode.',
      '  ✓  1 [web] › e2e/specs/language.spec.ts:18:3 › an English system › opens in English by default (4.5s)',
      '  \u001b[33m-\u001b[39m  3 [electron] › e2e/specs/language.spec.ts:6:3 › a French system › opens in French by default',
      '  -  4 [electron] › e2e/specs/language.spec.ts:18:3 › an English system › opens in English by default',
      '  2 skipped',
    ].join('\n');
    const r = skippedElectronTests(output);
    expect(r.names).toEqual([
      'e2e/specs/language.spec.ts:6:3 › a French system › opens in French by default',
      'e2e/specs/language.spec.ts:18:3 › an English system › opens in English by default',
    ]);
    expect(r.said).toEqual({ count: 2, reason: 'the Electron binary is not installed: npm left the optional electron package out, its download failed' });
    expect(skippedElectronTests('  ✓  1 [web] › a.spec.ts:1:1 › x').said).toBeNull();
  });
});
