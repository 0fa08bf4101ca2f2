/** What the command line takes from its environment: the language of its texts, the register it works on. */
import type { Lang } from '../core/i18n/i18n.js';

/** The language of the command line's own texts: ART30_LANG, else the system's (LC_ALL, LC_MESSAGES, LANG). */
export function cliLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.ART30_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr/i.test(v) ? 'fr' : 'en';
}

/** The register a command works on: --db, else ART30_DB, else the app's own register (`fallback`). */
export function registerPath(db: string | undefined, env: NodeJS.ProcessEnv, fallback: () => string): string {
  return db ?? env.ART30_DB ?? fallback();
}
