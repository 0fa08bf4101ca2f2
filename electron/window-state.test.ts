import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';
import { defaultRegisterFile, nativeBuildDir, runtimeLayout, userDataFolder } from './paths.js';
import { MAX_RECENT, SettingsStore } from './settings.js';
import { DEFAULT_BOUNDS, MIN_HEIGHT, MIN_WIDTH, restoreBounds } from './window-options.js';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
const second = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('restoreBounds', () => {
  it('restores saved bounds that are on a screen', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1200, height: 800 }, [screen])).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: false });
    expect(restoreBounds({ x: 2000, y: 50, width: 1000, height: 700, maximized: true }, [screen, second])).toEqual({ x: 2000, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('brings back a window left on an unplugged screen, and shrinks it to fit', () => {
    const gone = restoreBounds({ x: 2000, y: 50, width: 1000, height: 700 }, [screen]);
    expect(gone.x).toBeUndefined();
    expect(gone).toMatchObject({ width: 1000, height: 700 });
    const big = restoreBounds({ x: 1900, y: 10, width: 3000, height: 2000 }, [screen]);
    expect(big).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  });

  it('falls back to the defaults on missing or damaged data, and keeps the minimum size', () => {
    expect(restoreBounds(undefined, [screen])).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ width: 'wide' }, [screen])).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ x: 10, y: 10, width: Number.NaN, height: 100 }, [screen])).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds({ x: 10, y: 10, width: 200, height: 100 }, [screen])).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });
});

describe('settings file', () => {
  const dirs: string[] = [];
  const temp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-settings-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('remembers window bounds, language and recent registers across restarts', () => {
    const dir = temp();
    const a = new SettingsStore(dir);
    expect(a.get()).toEqual({ recent: [] });
    a.update({ window: { x: 5, y: 6, width: 1000, height: 700, maximized: false }, language: 'fr' });
    a.addRecent(path.join(dir, 'one.art30'));
    a.addRecent(path.join(dir, 'two.art30'));
    a.addRecent(path.join(dir, 'one.art30'));
    const b = new SettingsStore(dir);
    expect(b.get()).toEqual({
      window: { x: 5, y: 6, width: 1000, height: 700, maximized: false },
      language: 'fr',
      recent: [path.join(dir, 'one.art30'), path.join(dir, 'two.art30')],
    });
    for (let i = 0; i < MAX_RECENT + 5; i++) b.addRecent(path.join(dir, `r${i}.art30`));
    expect(new SettingsStore(dir).get().recent).toHaveLength(MAX_RECENT);
  });

  it('ignores a damaged or tampered file', () => {
    const dir = temp();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{not json');
    expect(new SettingsStore(dir).get()).toEqual({ recent: [] });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ recent: ['relative.art30', 42, '/abs/ok.art30'], language: 'de' }));
    expect(new SettingsStore(dir).get()).toEqual({ recent: ['/abs/ok.art30'] });
  });
});

describe('command line and paths', () => {
  it('reads --register FILE and --register=FILE, ignoring other switches', () => {
    expect(parseArgs(['dist/electron/main.cjs', '--register', 'a.art30'], '/work')).toEqual({ register: path.resolve('/work/a.art30') });
    expect(parseArgs(['--inspect=0', '--register=/tmp/b.art30', '--remote-debugging-port=0'], '/work')).toEqual({ register: '/tmp/b.art30' });
    expect(parseArgs(['dist/electron/main.cjs'], '/work')).toEqual({ register: null });
    expect(parseArgs(['--register', '--no-sandbox'], '/work')).toEqual({ register: null });
  });

  it('uses ART30_USER_DATA for tests, else <appData>/Art30 like the CLI', () => {
    expect(userDataFolder('/home/dpo/.config', {})).toBe(path.join('/home/dpo/.config', 'Art30'));
    expect(userDataFolder('/home/dpo/.config', { ART30_USER_DATA: '/tmp/ud' })).toBe(path.resolve('/tmp/ud'));
    expect(defaultRegisterFile('/tmp/ud')).toBe(path.join('/tmp/ud', 'register.art30'));
  });

  it('finds the renderer, migrations and the Electron build of better-sqlite3 in a checkout and when installed', () => {
    const dev = runtimeLayout({ mainDir: '/repo/dist/electron', isPackaged: false, resourcesPath: '/x', electronVersion: '39.8.9', platform: 'linux', arch: 'x64' });
    expect(dev).toEqual({
      rendererRoot: path.join('/repo/dist/renderer'),
      preload: path.join('/repo/dist/electron/preload.cjs'),
      migrationsFolder: path.join('/repo/migrations'),
      nativeBinding: path.join('/repo/.electron-native/electron-v39.8.9-linux-x64/better_sqlite3.node'),
    });
    const installed = runtimeLayout({
      mainDir: '/opt/Art30/resources/app.asar/dist/electron',
      isPackaged: true,
      resourcesPath: '/opt/Art30/resources',
      electronVersion: '39.8.9',
      platform: 'linux',
      arch: 'x64',
    });
    expect(installed.migrationsFolder).toBe(path.join('/opt/Art30/resources/migrations'));
    expect(installed.nativeBinding).toBe(path.join('/opt/Art30/resources/native/better_sqlite3.node'));
    expect(installed.rendererRoot).toBe(path.join('/opt/Art30/resources/app.asar/dist/renderer'));
    expect(nativeBuildDir('1.2.3', 'win32', 'arm64')).toBe(path.join('.electron-native', 'electron-v1.2.3-win32-arm64'));
  });
});
