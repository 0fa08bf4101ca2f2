import fs from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import type { ApiInput, ApiOutput, ProcedureName } from '../core/api/table.js';
import { AppError, text, type ErrorCode } from '../core/errors.js';
import { t, type Lang, type MessageParams } from '../core/i18n/i18n.js';
import { foldKey } from '../core/text.js';
import type { ProgressLine } from './progress.js';
import type { CallMeta, Register } from '../core/register.js';

/** Exit codes of `art30`. */
export const EXIT = { ok: 0, usage: 1, badInput: 2, other: 3 } as const;

export class UsageError extends Error {}

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Asks a yes/no question; false when there is no terminal to answer. */
  confirm(question: string): Promise<boolean>;
  /** A progress line on the error stream (cli/progress.ts): rewritten on a terminal, silent when piped unless forced. */
  progress?(force: boolean): ProgressLine;
}

export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  json: boolean;
  dbPath: string;
  io: CliIO;
  /** The language of the command line's texts (see cliLang). */
  lang: Lang;
  /** Opens (creating if needed) the register chosen by --db / ART30_DB / the default. */
  open(): Register;
  meta: CallMeta;
  /** Calls a procedure as a trusted caller; throws AppError on failure. */
  call<N extends ProcedureName>(name: N, input: ApiInput<N>, meta?: CallMeta): Promise<ApiOutput<N>>;
}

export interface Command {
  /** Its syntax and what it does are texts of the catalogue: `cli.cmd.<name>.usage` and `.summary` (see commandUsage). */
  name: string;
  options?: ParseArgsConfig['options'];
  /** May create the register file when it does not exist (init, import); other commands refuse a missing file (exit 2). */
  createsRegister?: boolean;
  run(ctx: CommandContext): Promise<number | void>;
}

export function exitCodeFor(code: ErrorCode): number {
  return ['validation', 'bad_input', 'not_found', 'conflict', 'in_use', 'register'].includes(code) ? EXIT.badInput : EXIT.other;
}

export async function callProcedure<N extends ProcedureName>(reg: Register, name: N, input: ApiInput<N>, meta: CallMeta): Promise<ApiOutput<N>> {
  // Loaded with the first call: `art30 --version`, `--help` and usage errors never load the API.
  const { dispatch, unwrap } = await import('../core/api/dispatch.js');
  return unwrap(await dispatch(reg, name, input, meta, { trusted: true }));
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reads a file named on the command line, with a clear message when it is missing. */
export function readInputFile(file: string): Buffer {
  if (!fs.existsSync(file)) throw new AppError('bad_input', text('errors.fileNotFound', { file }));
  if (fs.statSync(file).isDirectory()) throw new AppError('bad_input', text('errors.isFolder', { file }));
  return fs.readFileSync(file);
}

export function requireString(ctx: CommandContext, option: string): string {
  const v = ctx.values[option];
  if (typeof v !== 'string' || !v) throw new UsageError(cliText(ctx, 'cli.usage.required', { option }));
  return v;
}

export { cliLang } from './environment.js';

/** A text of the `cli` catalogue area in the command line's language. */
export function cliText(ctx: Pick<CommandContext, 'lang'>, key: string, params?: MessageParams): string {
  return t(ctx.lang, key, params);
}

/** A command's syntax (placeholders in the language's words) and what it does, in `lang`. */
export function commandUsage(lang: Lang, name: string): { usage: string; summary: string } {
  return { usage: t(lang, `cli.cmd.${name}.usage`), summary: t(lang, `cli.cmd.${name}.summary`) };
}

/** `--lang fr|en` of a command (the language of a file it writes, or of its output): refused otherwise. */
export function langOption(ctx: CommandContext, fallback: Lang = ctx.lang): Lang {
  const v = ctx.values.lang ?? fallback;
  if (v !== 'fr' && v !== 'en') throw new UsageError(cliText(ctx, 'cli.usage.lang'));
  return v;
}

/**
 * The file named by --out (or another option), refused when it already exists unless --force
 * was given: writing over a file is never silent.
 */
export function outputFile(ctx: CommandContext, option = 'out'): string {
  const file = requireString(ctx, option);
  if (fs.existsSync(file) && !ctx.values.force) throw new AppError('bad_input', text('cli.fileExists', { file }));
  return file;
}

export interface OrganisationRef {
  id: number;
  key: string;
  name: string;
}

const orgLine = (o: OrganisationRef) => `${o.id} (${o.key}) ${o.name}`;

/**
 * Resolves --org (or another option): an organisation's number (`2`), its key in the JSON document
 * (`org-2`) or its exact name (then the same name ignoring case and accents). Undefined when the
 * option is absent. An unknown or ambiguous reference is refused naming the organisations.
 */
export async function organisationOption(ctx: CommandContext, option = 'org'): Promise<number | undefined> {
  const value = ctx.values[option];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(cliText(ctx, 'cli.usage.orgValue', { option }));
  const { orgKey } = await import('../core/document/org-key.js');
  const orgs = (await ctx.call('organisations/list', {})).map((o) => ({ id: o.id, key: orgKey(o.id), name: o.name }));
  const ref = value.trim();
  const byId = /^\d+$/.test(ref) ? orgs.filter((o) => o.id === Number(ref)) : /^org-\d+$/i.test(ref) ? orgs.filter((o) => o.key === ref.toLowerCase()) : [];
  const exact = orgs.filter((o) => o.name === ref);
  const loose = orgs.filter((o) => foldKey(o.name) === foldKey(ref));
  const found = byId.length ? byId : exact.length ? exact : loose;
  if (found.length === 1) return found[0].id;
  if (!orgs.length) throw new AppError('not_found', text('cli.orgNone'));
  if (found.length > 1) throw new AppError('conflict', text('cli.orgAmbiguous', { ref, list: found.map(orgLine).join('; ') }));
  throw new AppError('not_found', text('cli.orgUnknown', { ref, list: orgs.map(orgLine).join('; ') }));
}

/** "1 (org-1) Name; 2 (org-2) Other": organisations as the messages name them. */
export function organisationList(orgs: OrganisationRef[]): string {
  return orgs.map(orgLine).join('; ');
}
