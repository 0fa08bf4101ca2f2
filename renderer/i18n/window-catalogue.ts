/**
 * The window's words join the one catalogue: renderer/i18n/messages.ts is loaded into the shared
 * i18next instance (core/i18n), so that the window, the menus, the exports and the CLI translate
 * through one library and one catalogue per language. messages.ts writes `{name}` placeholders;
 * they become i18next's `{{name}}` here, so that entries added in either style work.
 */
import { i18n, t as translateKey, type Lang } from '../../core/i18n/i18n.js';
import { en, fr } from './messages.js';

const SINGLE_BRACES = /(?<!\{)\{(\w+)\}(?!\})/g;

export function toI18next(entries: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) out[k] = v.replace(SINGLE_BRACES, '{{$1}}');
  return out;
}

let loaded = false;

/** Adds the window's words to the shared catalogue (once). */
export function loadWindowCatalogue(): void {
  if (loaded) return;
  loaded = true;
  const instance = i18n();
  instance.addResourceBundle('en', 'translation', toI18next(en), true, true);
  instance.addResourceBundle('fr', 'translation', toI18next(fr), true, true);
}

/** A key in a language, from the one catalogue (plurals via `key_one`/`key_other` and `count`). */
export function windowText(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  loadWindowCatalogue();
  return translateKey(lang, key, vars);
}
