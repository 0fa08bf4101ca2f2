/** The language of `art30 overview` and `art30 due`: --lang, else the system's (French when LANG says so). */
import { t, type Lang } from '../../core/i18n/i18n.js';
import { UsageError, type CommandContext } from '../command.js';

export function cliLang(ctx: CommandContext): Lang {
  const v = ctx.values.lang;
  if (v !== undefined) {
    if (v !== 'fr' && v !== 'en') throw new UsageError('--lang is fr or en.');
    return v;
  }
  const sys = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return sys.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const tr = (lang: Lang) => (key: string, params?: Record<string, string | number>) => t(lang, key, params);
