/**
 * The quick path of `art30 list`, the command a person types most: bundled on its own
 * (dist/cli/quick.cjs, scripts/build-cli.mjs) and tried first by cli/bin/art30.cjs, it reads the
 * register table without loading the rest of the command (the API table, zod, drizzle, i18next, the
 * catalogue), which is most of `art30`'s start-up. It answers only the plain case — `art30 list`
 * with `--db` and `--role`, on a register that opens without migrating and that SQLite's integrity
 * check finds sound — and prints exactly what the command prints (cli/list-text.ts, the same
 * words: cli/quick.test.ts compares the two). Anything else (another option, --json, --search,
 * --org, a missing, newer, older or damaged register) returns false: the whole command then runs,
 * migrates or explains. It only reads: nothing is written to the register.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSummaries, plainClauses, whereSql } from '../db/activity-summaries.js';
import { openForReading } from '../db/open-checks.js';
import { defaultMigrationsFolder, defaultRegisterPath } from '../db/paths.js';
import * as cliWords from '../core/i18n/locales/cli.js';
import * as docWords from '../core/i18n/locales/doc.js';
import type { Entries } from '../core/i18n/catalogue.js';
import type { Lang } from '../core/i18n/i18n.js';
import { cliLang, registerPath } from './environment.js';
import { listRole, listText, type ListTranslate } from './list-text.js';

/**
 * The catalogue's words `art30 list` uses, as i18next gives them: the language's text, else the
 * English one; `key_one` / `key_other` chosen by the language's plural rules for `count`; `{{name}}`
 * replaced by the parameter.
 */
function translator(lang: Lang): { T: ListTranslate; has: (key: string) => boolean } {
  const areas: Entries[] = [cliWords[lang], docWords[lang], cliWords.en, docWords.en];
  const words = (key: string): string | undefined => areas.find((a) => Object.hasOwn(a, key))?.[key];
  let plural: Intl.PluralRules | undefined;
  const T: ListTranslate = (key, params) => {
    let text = words(key);
    if (params?.count !== undefined) text = words(`${key}_${(plural ??= new Intl.PluralRules(lang)).select(params.count)}`) ?? words(`${key}_other`) ?? text;
    if (text === undefined) return key;
    return params ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name as keyof typeof params]) : whole)) : text;
  };
  return { T, has: (key) => words(key) !== undefined || words(`${key}_other`) !== undefined };
}

/** Runs `art30 ARGV` when it is a plain `list` (see above) and returns true; false when the whole command must run. */
export function quickList(argv: string[], env: NodeJS.ProcessEnv = process.env, stdout: (text: string) => void = (t) => process.stdout.write(t)): boolean {
  if (argv[0] !== 'list') return false;
  let values: { db?: string; role?: string };
  try {
    values = parseArgs({ args: argv.slice(1), options: { db: { type: 'string' }, role: { type: 'string' } }, strict: true, allowPositionals: false }).values;
  } catch {
    return false;
  }
  const role = listRole(values.role);
  if (role === null) return false;
  const sqlite = openForReading(path.resolve(registerPath(values.db, env, defaultRegisterPath)), defaultMigrationsFolder());
  if (!sqlite) return false;
  let text: string;
  try {
    const { clauses, params } = plainClauses({ role });
    const where = whereSql(clauses, params);
    const { T, has } = translator(cliLang(env));
    text = listText(readSummaries(sqlite, where.sql, where.params), T, has);
  } catch {
    return false;
  } finally {
    sqlite.close();
  }
  stdout(text);
  return true;
}
