/**
 * The developer scripts around the desktop app: where the Electron build of better-sqlite3 goes
 * (the script and the main process must agree), and `npm start` without an Electron binary.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeLayout } from './paths.js';

const root = path.resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;

function electronBinaryPresent(): boolean {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary);
  } catch {
    return false;
  }
}

describe('scripts/electron-native.mjs', () => {
  it('puts the module where the main process of a checkout looks for it', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs'), '--print-path'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const layout = runtimeLayout({
      mainDir: path.join(root, 'dist', 'electron'),
      isPackaged: false,
      resourcesPath: '',
      electronVersion,
      platform: process.platform,
      arch: process.arch,
    });
    expect(r.stdout.trim()).toBe(layout.nativeBinding);
    // Never inside node_modules: that copy stays built for Node (the tests use it).
    expect(layout.nativeBinding.includes(`${path.sep}node_modules${path.sep}`)).toBe(false);
  });

  it('refuses unknown options', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs'), '--bogus'], { cwd: root, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
  });
});

describe('scripts/start.mjs', () => {
  it.skipIf(electronBinaryPresent())('without an Electron binary, says so, points to npm run web, and fails', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Electron cannot start here: its binary is not installed/);
    expect(r.stderr).toMatch(/npm run web/);
    // It stopped before building anything.
    expect(r.stdout).not.toMatch(/renderer →/);
  });
});
