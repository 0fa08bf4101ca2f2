/**
 * The Electron main process: one window, menus, dialogs, one IPC channel. The register and the
 * API dispatcher run in their own process (a `utilityProcess` started here from backend.cjs,
 * restarted if it dies), so a long import or export never freezes the window. Kept thin: the
 * security policy, window options, menu, shell procedures, IPC routing and the backend's protocol
 * are in their own modules (unit-tested without Electron); this file wires them to Electron.
 *
 * Command line: `--register FILE` opens that register. `ART30_USER_DATA` replaces the user-data
 * folder (tests). Bundled by scripts/build.mjs to dist/electron/main.cjs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, utilityProcess, type WebContents } from 'electron';
import { toApiError } from '../core/api/dispatch.js';
import type { AppEvent, Language, MenuCommand } from '../core/api/shell.js';
import { createAppProtocolHandler, refusedProtocolHandler } from './app-protocol.js';
import { parseArgs } from './args.js';
import { systemLanguage, texts } from './i18n.js';
import { createInvoker, EVENT_CHANNEL, INVOKE_CHANNEL } from './invoke.js';
import { menuTemplate } from './menu.js';
import { defaultRegisterFile, runtimeLayout, userDataFolder } from './paths.js';
import { BackendProcess, type BackendChild } from './backend-process.js';
import { ElectronPdfPrinter } from './pdf-printer.js';
import { RegisterSession } from './register-session.js';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isTrustedSender, secureSession, secureWebContents } from './security.js';
import { SettingsStore } from './settings.js';
import { createShellHandlers } from './shell-procedures.js';
import { createAppWindow, restoreBounds } from './window-options.js';
import { apiError, text } from '../core/errors.js';

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const userData = userDataFolder(app.getPath('appData'));
app.setPath('userData', userData);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  const layout = runtimeLayout({
    mainDir: __dirname,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  const launch = parseArgs(process.argv.slice(1));
  const devTools = !app.isPackaged && process.env.ART30_DEVTOOLS === '1';
  const settings = new SettingsStore(userData);
  let win: BrowserWindow | null = null;

  const language = (): Language => settings.get().language ?? systemLanguage(app.getLocale());
  const send = (event: AppEvent) => {
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  };

  /** The register's process: Electron's utilityProcess running dist/electron/backend.cjs. */
  const startBackend = (): BackendChild => {
    const child = utilityProcess.fork(path.join(__dirname, 'backend.cjs'), ['--migrations', layout.migrationsFolder, '--native', layout.nativeBinding, '--print-in-parent'], {
      serviceName: 'Art30 register',
      stdio: 'inherit',
    });
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage(listener) {
        child.on('message', listener);
        return () => void child.off('message', listener);
      },
      kill: () => void child.kill(),
      onExit: (listener) => void child.once('exit', (code: number) => listener(code)),
    };
  };
  const backend = new BackendProcess({
    start: startBackend,
    printer: new ElectronPdfPrinter(),
    onRestart: (file, error) => {
      if (!file) registers.lost();
      send({ type: 'restarted', file, ...(error ? { error } : {}) });
    },
  });

  const registers = new RegisterSession({
    settings,
    backend,
    onSwitch: (file) => {
      send({ type: 'register', file });
      refreshMenu();
    },
  });

  const documentsDir = (() => {
    try {
      return app.getPath('documents');
    } catch {
      return os.homedir();
    }
  })();

  const shellHandlers = createShellHandlers({
    session: registers,
    settings,
    documentsDir,
    get systemLanguage() {
      return systemLanguage(app.getLocale());
    },
    showItemInFolder: (file) => shell.showItemInFolder(file),
    openPath: (file) => shell.openPath(file),
    languageChanged: () => refreshMenu(),
    dialogs: {
      async save(o) {
        const r = win
          ? await dialog.showSaveDialog(win, { ...o, properties: ['createDirectory', 'showOverwriteConfirmation'] })
          : await dialog.showSaveDialog({ ...o, properties: ['createDirectory', 'showOverwriteConfirmation'] });
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      async open(o) {
        const r = win ? await dialog.showOpenDialog(win, { ...o, properties: ['openFile'] }) : await dialog.showOpenDialog({ ...o, properties: ['openFile'] });
        return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
      },
    },
  });

  const invoke = createInvoker({ session: registers, shell: shellHandlers, send });

  async function showError(error: unknown): Promise<void> {
    const message = toApiError(error).message;
    if (win) await dialog.showMessageBox(win, { type: 'error', message });
    else dialog.showErrorBox('Art30', message);
  }

  async function runShell(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      await showError(error);
    }
  }

  function focusWindow(): void {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  }

  function refreshMenu(): void {
    const template = menuTemplate(
      {
        language: language(),
        platform: process.platform,
        recent: registers.recent,
        currentFile: registers.file,
        canImport: true,
        canExport: true,
        devTools,
      },
      {
        command: (command: MenuCommand) => send({ type: 'menu', command }),
        newRegister: () => void runShell(() => shellHandlers['app/newRegister']({}, {})),
        openRegister: (file) => void runShell(() => shellHandlers['app/openRegister'](file ? { file } : {}, {})),
        setLanguage: (lang) =>
          void runShell(async () => {
            await shellHandlers['app/setLanguage']({ language: lang }, {});
            send({ type: 'menu', command: `language-${lang}` });
          }),
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function saveWindowState(): void {
    if (!win || win.isDestroyed()) return;
    settings.update({ window: { ...win.getNormalBounds(), maximized: win.isMaximized() } });
  }

  function createWindow(): void {
    const bounds = restoreBounds(
      settings.get().window,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    win = createAppWindow(BrowserWindow, layout.preload, bounds, { devTools });
    if (bounds.maximized) win.maximize();
    win.once('ready-to-show', () => win?.show());
    let timer: NodeJS.Timeout | undefined;
    const saveSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(saveWindowState, 500);
    };
    win.on('resize', saveSoon);
    win.on('move', saveSoon);
    win.on('close', () => {
      clearTimeout(timer);
      saveWindowState();
    });
    win.on('closed', () => {
      win = null;
    });
    win.webContents.on('render-process-gone', (_event, details) => {
      process.stderr.write(`art30: the window's renderer stopped (${details.reason}).\n`);
    });
    void win.loadURL(APP_ENTRY_URL);
  }

  function openFromCommandLine(file: string): void {
    void runShell(async () => {
      await registers.switchTo(file, fs.existsSync(file) ? 'open' : 'create');
    });
  }

  async function startRegister(): Promise<boolean> {
    const t = texts(language());
    if (!fs.existsSync(layout.nativeBinding)) {
      dialog.showErrorBox(t.startFailedTitle, `${t.nativeMissing}\n\n${layout.nativeBinding}`);
      return false;
    }
    const fallback = defaultRegisterFile(userData);
    const first = launch.register ?? fallback;
    try {
      await registers.start(first);
      return true;
    } catch (error) {
      const message = toApiError(error).message;
      if (first === fallback) {
        dialog.showErrorBox(t.startFailedTitle, message);
        return false;
      }
      const choice = dialog.showMessageBoxSync({ type: 'error', title: t.startFailedTitle, message, buttons: [t.openDefaultInstead, t.quitButton], defaultId: 0, cancelId: 1 });
      if (choice !== 0) return false;
      try {
        await registers.start(fallback);
        return true;
      } catch (again) {
        dialog.showErrorBox(t.startFailedTitle, toApiError(again).message);
        return false;
      }
    }
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    const other = parseArgs(argv.slice(1), workingDirectory);
    if (other.register) openFromCommandLine(other.register);
  });

  app.on('web-contents-created', (_event, contents: WebContents) => secureWebContents(contents, shell));

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void registers.close());

  void app.whenReady().then(async () => {
    secureSession(session.defaultSession, { devTools });
    protocol.handle(APP_SCHEME, createAppProtocolHandler(layout.rendererRoot));
    for (const scheme of ['http', 'https', 'file']) protocol.handle(scheme, refusedProtocolHandler);

    if (!fs.existsSync(path.join(layout.rendererRoot, 'index.html'))) {
      dialog.showErrorBox('Art30', `The user interface is not built (${layout.rendererRoot}). Run "npm start", or "npm run build" first.`);
      app.exit(1);
      return;
    }
    if (!(await startRegister())) {
      app.exit(1);
      return;
    }

    ipcMain.handle(INVOKE_CHANNEL, (event, procedure: unknown, input: unknown) => {
      if (!isTrustedSender(event, win?.webContents)) {
        return { ok: false, error: apiError('unknown_procedure', text('errors.notFromWindow')) };
      }
      return invoke(procedure, input);
    });

    refreshMenu();
    createWindow();
  });
}
