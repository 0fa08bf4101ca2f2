/**
 * The developer scripts around the desktop app: where the Electron build of better-sqlite3 goes
 * (the script and the main process must agree), and `npm start` without an Electron binary.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeLayout } from './paths.js';

const root = path.resolve(import.meta.dirname, '..');
// Electron is an optional dependency: when it was left out, the version is package.json's.
const electronPackage = path.join(root, 'node_modules', 'electron', 'package.json');
const electronVersion = (
  fs.existsSync(electronPackage)
    ? JSON.parse(fs.readFileSync(electronPackage, 'utf8')).version
    : JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies.electron
) as string;

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
  it.skipIf(electronBinaryPresent() || process.platform === 'win32')('without an Electron binary, says so in one line, starts web mode and opens the browser on it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-start-'));
    try {
      const db = path.join(dir, 'register.art30');
      const opened = path.join(dir, 'opened.txt');
      const browser = path.join(dir, 'browser.sh');
      fs.writeFileSync(browser, `#!/bin/sh\necho "$1" > "${opened}"\n`, { mode: 0o755 });
      const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--register', db], {
        cwd: root,
        env: { ...process.env, BROWSER: browser },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += String(d)));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no web mode: ${out}`)), 50_000);
          const poll = setInterval(() => {
            const m = /Open: (\S+)/.exec(out);
            if (m && fs.existsSync(opened)) {
              clearInterval(poll);
              clearTimeout(timer);
              resolve(m[1]);
            }
          }, 200);
        });
        expect(out.split('\n')[0]).toMatch(/^art30: Electron is not available here \(.*\): Art30 opens in your browser instead \(web mode/);
        expect(out).toContain(`Art30 web mode on ${db}`);
        expect(fs.readFileSync(opened, 'utf8').trim()).toBe(url);
        expect((await fetch(url)).status).toBe(200);
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
