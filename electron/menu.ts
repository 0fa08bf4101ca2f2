/**
 * The native menu, as a template built from plain data (language, recent registers, which engines
 * exist) so a unit test can assert the entries and accelerators. Entries the renderer acts on send
 * a `menu` event with a `MenuCommand`; register files are switched by the main process itself.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../core/api/shell.js';
import { texts } from './i18n.js';

export interface MenuState {
  language: Language;
  platform: NodeJS.Platform;
  recent: readonly string[];
  currentFile: string | null;
  /** The import engine exists (`import/open` in the API table). */
  canImport: boolean;
  /** The export engine exists (`export/file` in the API table). */
  canExport: boolean;
  devTools: boolean;
}

export interface MenuActions {
  command(command: MenuCommand): void;
  newRegister(): void;
  openRegister(file?: string): void;
  setLanguage(language: Language): void;
}

export const ACCELERATORS = {
  newActivity: 'CmdOrCtrl+N',
  newRegister: 'CmdOrCtrl+Shift+N',
  openRegister: 'CmdOrCtrl+O',
  import: 'CmdOrCtrl+I',
  export: 'CmdOrCtrl+E',
  backup: 'CmdOrCtrl+Shift+B',
  search: 'CmdOrCtrl+F',
  register: 'CmdOrCtrl+1',
  recipients: 'CmdOrCtrl+2',
  organisation: 'CmdOrCtrl+3',
  reference: 'CmdOrCtrl+4',
  languageFr: 'CmdOrCtrl+Alt+F',
  languageEn: 'CmdOrCtrl+Alt+E',
  about: 'F1',
} as const;

/** The label of a recent register: its name, then its folder (shortened). */
export function recentLabel(file: string): string {
  const dir = path.dirname(file);
  const shortDir = dir.length > 50 ? `…${dir.slice(-49)}` : dir;
  return `${path.basename(file)} — ${shortDir}`;
}

export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = texts(state.language);
  const mac = state.platform === 'darwin';
  const cmd = (command: MenuCommand) => () => actions.command(command);
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const recentItems: MenuItemConstructorOptions[] = state.recent.length
    ? state.recent.map((file) => ({
        label: recentLabel(file),
        type: 'checkbox' as const,
        checked: file === state.currentFile,
        click: () => actions.openRegister(file),
      }))
    : [{ label: t.noRecent, enabled: false }];

  const exchange: MenuItemConstructorOptions[] = [];
  if (state.canImport) exchange.push({ id: 'import', label: t.importSpreadsheet, accelerator: ACCELERATORS.import, click: cmd('import') });
  if (state.canExport) exchange.push({ id: 'export', label: t.export, accelerator: ACCELERATORS.export, click: cmd('export') });
  exchange.push({ id: 'backup', label: t.backup, accelerator: ACCELERATORS.backup, click: cmd('backup') });

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: t.file,
    submenu: [
      { id: 'new-activity', label: t.newActivity, accelerator: ACCELERATORS.newActivity, click: cmd('new-activity') },
      sep,
      { id: 'new-register', label: t.newRegister, accelerator: ACCELERATORS.newRegister, click: () => actions.newRegister() },
      { id: 'open-register', label: t.openRegister, accelerator: ACCELERATORS.openRegister, click: () => actions.openRegister() },
      { id: 'recent', label: t.recentRegisters, submenu: recentItems },
      sep,
      ...exchange,
      ...(mac ? [] : [sep, { id: 'quit', role: 'quit' as const, label: t.quit, accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      sep,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
      sep,
      { id: 'search', label: t.search, accelerator: ACCELERATORS.search, click: cmd('search') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: t.view,
    submenu: [
      { id: 'register', label: t.register, accelerator: ACCELERATORS.register, click: cmd('register') },
      { id: 'recipients', label: t.recipients, accelerator: ACCELERATORS.recipients, click: cmd('recipients') },
      { id: 'organisation', label: t.organisation, accelerator: ACCELERATORS.organisation, click: cmd('organisation') },
      { id: 'reference', label: t.reference, accelerator: ACCELERATORS.reference, click: cmd('reference') },
      sep,
      {
        id: 'language',
        label: t.language,
        submenu: [
          { id: 'language-fr', label: 'Français', type: 'radio', checked: state.language === 'fr', accelerator: ACCELERATORS.languageFr, click: () => actions.setLanguage('fr') },
          { id: 'language-en', label: 'English', type: 'radio', checked: state.language === 'en', accelerator: ACCELERATORS.languageEn, click: () => actions.setLanguage('en') },
        ],
      },
      sep,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      sep,
      { role: 'togglefullscreen', label: t.fullScreen },
      ...(state.devTools ? [{ role: 'toggleDevTools' as const, label: t.devTools }] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    id: 'help',
    label: t.help,
    role: 'help',
    submenu: [{ id: 'about', label: t.about, accelerator: ACCELERATORS.about, click: cmd('about') }],
  };

  if (!mac) return [file, edit, view, help];

  const appMenu: MenuItemConstructorOptions = {
    label: 'Art30',
    submenu: [
      { id: 'about-app', label: t.about, click: cmd('about') },
      sep,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      sep,
      { id: 'quit', role: 'quit', label: t.quit },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: t.minimize },
      { role: 'close', label: t.close },
    ],
  };
  return [appMenu, file, edit, view, windowMenu, help];
}
