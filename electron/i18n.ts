/**
 * The texts of the desktop shell itself (menus, file dialogs, start-up errors), from the one
 * catalogue (core/i18n, area `shell`). The menus follow the language chosen in the window.
 */
import type { Language } from '../core/api/shell.js';
import { t } from '../core/i18n/i18n.js';

const KEYS = [
  'file',
  'newActivity',
  'newRegister',
  'openRegister',
  'recentRegisters',
  'noRecent',
  'importSpreadsheet',
  'export',
  'backup',
  'quit',
  'edit',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'selectAll',
  'search',
  'view',
  'register',
  'recipients',
  'organisation',
  'reference',
  'language',
  'zoomIn',
  'zoomOut',
  'resetZoom',
  'fullScreen',
  'devTools',
  'window',
  'minimize',
  'close',
  'help',
  'about',
  'hide',
  'hideOthers',
  'unhide',
  'newRegisterTitle',
  'openRegisterTitle',
  'registerFiles',
  'exportTitle',
  'backupTitle',
  'importTitle',
  'templateTitle',
  'spreadsheets',
  'allFiles',
  'registerFileName',
  'exportFileName',
  'backupFileName',
  'templateFileName',
  'startFailedTitle',
  'nativeMissing',
  'openDefaultInstead',
  'quitButton',
] as const;

export type ShellTexts = { readonly [K in (typeof KEYS)[number]]: string };

const cache = new Map<Language, ShellTexts>();

export function texts(language: Language): ShellTexts {
  let out = cache.get(language);
  if (!out) {
    out = Object.fromEntries(KEYS.map((k) => [k, t(language, `shell.${k}`)])) as unknown as ShellTexts;
    cache.set(language, out);
  }
  return out;
}

/** French when the system language is French, English otherwise. */
export function systemLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
