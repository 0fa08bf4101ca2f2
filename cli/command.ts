import fs from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { dispatch, unwrap } from '../core/api/dispatch.js';
import type { ApiInput, ApiOutput, ProcedureName } from '../core/api/table.js';
import { AppError, type ErrorCode } from '../core/errors.js';
import type { CallMeta, Register } from '../core/register.js';

/** Exit codes of `art30`. */
export const EXIT = { ok: 0, usage: 1, badInput: 2, other: 3 } as const;

export class UsageError extends Error {}

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Asks a yes/no question; false when there is no terminal to answer. */
  confirm(question: string): Promise<boolean>;
}

export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  json: boolean;
  dbPath: string;
  io: CliIO;
  /** Opens (creating if needed) the register chosen by --db / ART30_DB / the default. */
  open(): Register;
  meta: CallMeta;
  /** Calls a procedure as a trusted caller; throws AppError on failure. */
  call<N extends ProcedureName>(name: N, input: ApiInput<N>, meta?: CallMeta): Promise<ApiOutput<N>>;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run(ctx: CommandContext): Promise<number | void>;
}

export function exitCodeFor(code: ErrorCode): number {
  return ['validation', 'bad_input', 'not_found', 'conflict', 'in_use', 'register'].includes(code) ? EXIT.badInput : EXIT.other;
}

export async function callProcedure<N extends ProcedureName>(reg: Register, name: N, input: ApiInput<N>, meta: CallMeta): Promise<ApiOutput<N>> {
  return unwrap(await dispatch(reg, name, input, meta, { trusted: true }));
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reads a file named on the command line, with a clear message when it is missing. */
export function readInputFile(file: string): Buffer {
  if (!fs.existsSync(file)) throw new AppError('bad_input', `File not found: ${file}`);
  if (fs.statSync(file).isDirectory()) throw new AppError('bad_input', `${file} is a folder, not a file.`);
  return fs.readFileSync(file);
}

export function requireString(ctx: CommandContext, option: string): string {
  const v = ctx.values[option];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${option} is required.`);
  return v;
}
