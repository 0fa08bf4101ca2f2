/**
 * Fixtures: a fresh register file per test (empty, or with the demo organisation), opened by the
 * web-mode server or by the Electron app, and a page on it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { dispatch } from '../core/api/dispatch.js';
import { createDemoRegister } from '../core/demo/demo-register.js';
import { Register } from '../core/register.js';
import { startWebServer, type WebServer } from '../web/server.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export type Target = 'web' | 'electron';

/** The Electron binary, or why there is none. */
export function electronBinary(): { binary: string | null; reason: string } {
  try {
    const binary = require('electron') as unknown;
    if (typeof binary === 'string' && fs.existsSync(binary)) {
      if (!fs.existsSync(path.join(root, 'dist', 'electron', 'main.cjs'))) return { binary: null, reason: 'dist/electron/main.cjs is missing: run "npm run build"' };
      return { binary, reason: '' };
    }
    return { binary: null, reason: `the Electron binary is not installed (${String(binary)} does not exist; installed with ELECTRON_SKIP_BINARY_DOWNLOAD)` };
  } catch (error) {
    // Where the binary's download failed npm leaves the whole optional package out.
    const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
    return {
      binary: null,
      reason: missing
        ? 'the Electron binary is not installed: npm left the optional electron package out, its download failed'
        : `the Electron binary is not installed (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

export interface RegisterFixture {
  target: Target;
  file: string;
  dir: string;
  page: Page;
  /** Web mode only: the server (its URL carries the token). */
  server: WebServer | null;
  electron: ElectronApplication | null;
  /** A second window on the same register (web: another tab; Electron: null). */
  openSecondPage(): Promise<Page | null>;
  /** Calls a procedure directly on the register file, as another program would. */
  callDirect(name: string, input: unknown): Promise<unknown>;
}

interface Options {
  target: Target;
  /** Start on a register holding the demo organisation. */
  demo: boolean;
  /**
   * Where the page opens: the register view (the specs written before the overview became the home
   * screen), or the app's home (the overview once the register has activities).
   */
  start: 'register' | 'home';
}

export const test = base.extend<Options & { app: RegisterFixture }>({
  target: ['web', { option: true }],
  demo: [false, { option: true }],
  start: ['register', { option: true }],
  app: async ({ target, demo, start, browser, locale }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-e2e-'));
    const file = path.join(dir, 'register.art30');
    const setup = Register.open(file);
    if (demo) createDemoRegister(setup, { source: 'system' });
    setup.close();
    const callDirect = async (name: string, input: unknown) => {
      const reg = Register.open(file);
      try {
        const r = await dispatch(reg, name, input, { source: 'cli' }, { trusted: true });
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      } finally {
        reg.close();
      }
    };

    if (target === 'electron') {
      const { binary, reason } = electronBinary();
      testInfo.skip(!binary, `Electron: ${reason}`);
      const userData = path.join(dir, 'user-data');
      const electron = await _electron.launch({
        executablePath: binary!,
        args: [path.join(root, 'dist', 'electron', 'main.cjs'), '--register', file, '--no-sandbox'],
        env: { ...process.env, ART30_USER_DATA: userData, LANG: 'en_GB.UTF-8' } as Record<string, string>,
        cwd: root,
      });
      const page = await electron.firstWindow();
      await page.setViewportSize({ width: 1440, height: 900 }).catch(() => undefined);
      if (start === 'register') await page.evaluate(() => (location.hash = '#/register'));
      await use({ target, file, dir, page, server: null, electron, openSecondPage: async () => null, callDirect });
      await electron.close();
    } else {
      const server = await startWebServer({ db: file, rendererDir: path.join(root, 'dist', 'renderer') });
      const context = await browser.newContext({ locale: locale ?? 'en-GB', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
      await page.goto(start === 'register' ? `${server.url}#/register` : server.url);
      await use({
        target,
        file,
        dir,
        page,
        server,
        electron: null,
        openSecondPage: async () => {
          const second = await context.newPage();
          await second.goto(start === 'register' ? `${server.url}#/register` : server.url);
          return second;
        },
        callDirect: (name, input) =>
          dispatch(server.register, name, input, { source: 'cli' }, { trusted: true }).then((r) => {
            if (!r.ok) throw new Error(r.error.message);
            return r.value;
          }),
      });
      await context.close();
      await server.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
