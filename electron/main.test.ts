/**
 * The main process as bundled, started under plain Node against a recording stand-in for the
 * Electron API (no Electron binary can run here): it must start, open the register given with
 * `--register` in the user-data folder given by ART30_USER_DATA, serve the renderer over app://,
 * create the one secure window, refuse IPC from anything but that window, and route menu entries.
 * Runs the source bundled in memory, and the built dist/electron/main.cjs when it exists.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent, BridgeResult } from '../core/api/shell.js';
import { Register } from '../core/register.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './invoke.js';
import { nativeBuildDir } from './paths.js';
import { CONTENT_SECURITY_POLICY } from './security.js';

const root = path.resolve(import.meta.dirname, '..');
// Electron is an optional dependency: where its download failed npm removed it, and the version is package.json's.
const electronPackage = path.join(root, 'node_modules', 'electron', 'package.json');
const electronVersion = (
  fs.existsSync(electronPackage)
    ? JSON.parse(fs.readFileSync(electronPackage, 'utf8')).version
    : JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies.electron
) as string;

class StandInContents extends EventEmitter {
  mainFrame = { url: '' };
  sent: [string, AppEvent][] = [];
  openHandler: unknown = null;
  send(channel: string, event: AppEvent) {
    this.sent.push([channel, event]);
  }
  setWindowOpenHandler(handler: unknown) {
    this.openHandler = handler;
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.mainFrame.url;
  }
}

/** A recording stand-in for the parts of Electron main.ts uses. */
function standIn(appData: string) {
  const record = {
    privileged: [] as unknown[],
    protocols: new Map<string, (r: Request) => Response | Promise<Response>>(),
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    windows: [] as StandInWindow[],
    menu: [] as MenuItemConstructorOptions[],
    errors: [] as string[],
    exitCode: null as number | null,
    sandbox: false,
    loaded: [] as { url: string; status: number; csp: string | null; body: string }[],
    beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    utility: [] as { modulePath: string; args: string[]; serviceName?: string }[],
    /** The register processes this main started, in order. */
    children: [] as ChildProcess[],
    quit: () => undefined as unknown,
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: (name: string) => (name === 'appData' ? appData : path.join(appData, name)),
    setPath: (name: string, value: string) => ((record as Record<string, unknown>)[`path:${name}`] = value),
    enableSandbox: () => (record.sandbox = true),
    requestSingleInstanceLock: () => true,
    quit: () => (record.exitCode = 0),
    exit: (code: number) => (record.exitCode = code),
    getLocale: () => 'fr-FR',
    whenReady: () => Promise.resolve(),
  });
  record.quit = () => app.emit('will-quit');
  class StandInWindow extends EventEmitter {
    webContents = new StandInContents();
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      record.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      const response = await record.protocols.get(new URL(url).protocol.slice(0, -1))!(new Request(url));
      record.loaded.push({ url, status: response.status, csp: response.headers.get('content-security-policy'), body: await response.text() });
      this.webContents.mainFrame.url = url;
      this.emit('ready-to-show');
    }
    show() {}
    maximize() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    focus() {}
    getNormalBounds() {
      return { x: 10, y: 20, width: 1100, height: 750 };
    }
    isMaximized() {
      return false;
    }
  }
  const session = {
    webRequest: {
      onBeforeRequest: (_filter: unknown, listener: typeof record.beforeRequest) => (record.beforeRequest = listener),
      onHeadersReceived: () => undefined,
    },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    setDisplayMediaRequestHandler: () => undefined,
    on: () => undefined,
  };
  const electron = {
    app,
    BrowserWindow: StandInWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privileged.push(...schemes),
      handle: (scheme: string, handler: (r: Request) => Response) => record.protocols.set(scheme, handler),
    },
    session: { defaultSession: session, fromPartition: () => session },
    ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => record.ipc.set(channel, handler) },
    Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => t, setApplicationMenu: (m: MenuItemConstructorOptions[]) => (record.menu = m) },
    dialog: {
      showErrorBox: (title: string, message: string) => record.errors.push(`${title}: ${message}`),
      showMessageBoxSync: () => 1,
      showMessageBox: async (_w: unknown, o: { message: string }) => record.errors.push(o.message),
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: async () => undefined, showItemInFolder: () => undefined },
    // The register's process: the bundled backend under Node, with the same message protocol.
    utilityProcess: {
      fork(modulePath: string, args: string[], options: { serviceName?: string }) {
        const child = fork(modulePath, args, { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        children.push(child);
        record.children.push(child);
        record.utility.push({ modulePath, args, serviceName: options.serviceName });
        const proc = Object.assign(new EventEmitter(), {
          postMessage: (message: unknown) => child.send(message as never),
          kill: () => child.kill(),
          pid: child.pid,
        });
        child.on('message', (m) => proc.emit('message', m));
        child.on('exit', (code) => proc.emit('exit', code ?? 1));
        return proc;
      },
    },
  };
  return { electron, record };
}

interface Started {
  record: ReturnType<typeof standIn>['record'];
  invoke(procedure: string, input: unknown, sender?: unknown): Promise<BridgeResult<unknown>>;
}

/** Lays out a checkout in a temporary folder and runs `code` as its dist/electron/main.cjs. */
async function startMain(code: string, backendCode: string, dir: string, args: string[], env: Record<string, string>): Promise<Started> {
  const checkout = path.join(dir, 'checkout');
  const mainFile = path.join(checkout, 'dist', 'electron', 'main.cjs');
  fs.mkdirSync(path.dirname(mainFile), { recursive: true });
  fs.writeFileSync(path.join(checkout, 'dist', 'electron', 'backend.cjs'), backendCode);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(checkout, 'node_modules'));
  fs.mkdirSync(path.join(checkout, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(checkout, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Art30 stand-in</title>');
  fs.symlinkSync(path.join(root, 'migrations'), path.join(checkout, 'migrations'));
  const native = path.join(checkout, nativeBuildDir(electronVersion, process.platform, process.arch), 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(native), { recursive: true });
  // Under Node the Node build of better-sqlite3 stands in for the Electron one.
  fs.symlinkSync(createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node'), native);

  const { electron, record } = standIn(path.join(dir, 'appData'));
  const requireFromRoot = createRequire(path.join(root, 'package.json'));
  const moduleRequire = (name: string) => (name === 'electron' ? electron : requireFromRoot(name));
  const fakeProcess = new Proxy(process, {
    get(target, key) {
      if (key === 'versions') return { ...target.versions, electron: electronVersion };
      if (key === 'argv') return ['electron', mainFile, ...args];
      if (key === 'env') return { ...target.env, ...env };
      if (key === 'resourcesPath') return path.join(checkout, 'resources');
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__filename', '__dirname', 'process', code)(moduleRequire, module, module.exports, mainFile, path.dirname(mainFile), fakeProcess);
  for (let i = 0; i < 100 && record.windows.length === 0 && record.exitCode === null; i++) await new Promise((r) => setTimeout(r, 20));
  for (let i = 0; i < 100 && record.loaded.length === 0 && record.exitCode === null; i++) await new Promise((r) => setTimeout(r, 20));
  const invoke = async (procedure: string, input: unknown, sender?: unknown) => {
    const contents = record.windows[0].webContents;
    const event = sender ?? { sender: contents, senderFrame: contents.mainFrame };
    return (await record.ipc.get(INVOKE_CHANNEL)!(event, procedure, input)) as BridgeResult<unknown>;
  };
  return { record, invoke };
}

async function checkMain(code: string, backendCode: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-main-'));
  dirs.push(dir);
  const userData = path.join(dir, 'userData');
  const registerFile = path.join(dir, 'given.art30');
  const { record, invoke } = await startMain(code, backendCode, dir, ['--register', registerFile], { ART30_USER_DATA: userData });

  expect(record.errors).toEqual([]);
  expect(record.exitCode).toBeNull();
  expect(record.sandbox).toBe(true);
  expect(record.privileged).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  expect((record as Record<string, unknown>)['path:userData']).toBe(userData);
  expect([...record.protocols.keys()].sort()).toEqual(['app', 'file', 'http', 'https']);

  // One window, secure, showing the app over app:// with the CSP.
  expect(record.windows).toHaveLength(1);
  expect(record.windows[0].options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  expect(record.loaded).toEqual([{ url: 'app://art30/index.html', status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>Art30 stand-in</title>' }]);
  let cancelled: boolean | undefined;
  record.beforeRequest!({ url: 'https://example.org/' }, (r) => (cancelled = r.cancel));
  expect(cancelled).toBe(true);
  expect(record.windows[0].webContents.openHandler).toBeTypeOf('function');
  expect((await record.protocols.get('https')!(new Request('https://example.org/'))).status).toBe(403);

  // The register given on the command line, created on first start.
  expect(await invoke('app/info', {})).toEqual({ ok: true, value: { shell: 'electron', file: registerFile, recent: [registerFile], language: null } });
  expect((await invoke('demo/create', {})).ok).toBe(true);
  const list = await invoke('activities/list', {});
  expect(list.ok && (list.value as unknown[]).length).toBe(12);
  expect(await invoke('register/backup', { out: path.join(dir, 'x.art30') })).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
  expect(fs.existsSync(path.join(dir, 'x.art30'))).toBe(false);

  // The register runs in its own process, started from backend.cjs beside main.
  expect(record.utility).toMatchObject([{ modulePath: path.join(dir, 'checkout', 'dist', 'electron', 'backend.cjs'), serviceName: 'Art30 register' }]);
  expect(record.utility[0].args).toContain('--print-in-parent');

  // IPC from anything but the app's page in its window is refused.
  const contents = record.windows[0].webContents;
  expect(await invoke('app/info', {}, { sender: contents, senderFrame: { url: 'app://art30/index.html' } })).toMatchObject({ ok: false });
  expect(await invoke('app/info', {}, { sender: new StandInContents(), senderFrame: contents.mainFrame })).toMatchObject({ ok: false });

  // The register's process dies: main starts another, reopens the register and tells the window.
  record.children.at(-1)!.kill('SIGKILL');
  for (let i = 0; i < 1000 && !contents.sent.some(([, e]) => e.type === 'restarted'); i++) await new Promise((r) => setTimeout(r, 20));
  expect(contents.sent.find(([, e]) => e.type === 'restarted')).toEqual([EVENT_CHANNEL, { type: 'restarted', file: registerFile }]);
  expect(record.utility).toHaveLength(2);
  const again = await invoke('activities/list', {});
  expect(again.ok && (again.value as unknown[]).length).toBe(12);

  // The menu follows the system language and sends its commands to the window.
  expect(record.menu.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
  const file = record.menu[0].submenu as MenuItemConstructorOptions[];
  (file.find((i) => i.id === 'new-activity')!.click as () => void)();
  expect(contents.sent.at(-1)).toEqual([EVENT_CHANNEL, { type: 'menu', command: 'new-activity' }]);

  // Settings (window bounds) are written in the user-data folder on close.
  record.windows[0].emit('close');
  expect(JSON.parse(fs.readFileSync(path.join(userData, 'settings.json'), 'utf8'))).toMatchObject({ window: { x: 10, y: 20, width: 1100, height: 750 }, recent: [registerFile] });

  // The register is a real Art30 register with the demo content.
  const reg = Register.open(registerFile, { create: false });
  expect(reg.sqlite.prepare('SELECT count(*) FROM activities').pluck().get()).toBe(12);
  reg.close();
  // Quitting closes the register process for good (no restart).
  record.quit();
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  children.splice(0).forEach((c) => c.kill());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** electron/backend-main.ts bundled the way scripts/build.mjs bundles it. */
async function bundleBackend(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(root, 'electron', 'backend-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    write: false,
    logLevel: 'silent',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  return out.outputFiles[0].text;
}

describe('main process', () => {
  it('bundled from the source, starts and wires the window, the register, IPC and the menu', async () => {
    const out = await build({
      entryPoints: [path.join(root, 'electron', 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron', 'better-sqlite3', 'playwright-core'],
      write: false,
      logLevel: 'silent',
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
    await checkMain(out.outputFiles[0].text, await bundleBackend());
  });

  const built = path.join(root, 'dist', 'electron', 'main.cjs');
  const builtBackend = path.join(root, 'dist', 'electron', 'backend.cjs');
  it.skipIf(!fs.existsSync(built) || !fs.existsSync(builtBackend))('the built dist/electron/main.cjs does the same', async () => {
    try {
      await checkMain(fs.readFileSync(built, 'utf8'), fs.readFileSync(builtBackend, 'utf8'));
    } catch (error) {
      throw new Error(
        `dist/electron/main.cjs does not start (${(error as Error).message}). If a bundled package reads its own files at load ` +
          '(playwright-core does), scripts/build.mjs must keep it external, or the code must import it lazily.',
      );
    }
  });
});
