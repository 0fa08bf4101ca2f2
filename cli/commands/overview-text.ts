/** The language of `art30 overview` and `art30 due`: --lang, else the command line's (ART30_LANG, LC_ALL, LC_MESSAGES, LANG). */
import { t, type Lang } from '../../core/i18n/i18n.js';
import { langOption, type CommandContext } from '../command.js';

export function cliLang(ctx: CommandContext): Lang {
  return langOption(ctx);
}

export const tr = (lang: Lang) => (key: string, params?: Record<string, string | number>) => t(lang, key, params);
