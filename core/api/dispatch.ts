import { RegisterOpenError } from '../../db/errors.js';
import { AppError, type ApiError } from '../errors.js';
import type { CallMeta, Register } from '../register.js';
import { zodIssues } from '../validate.js';
import type { Procedure, ProcedureContext } from './procedure.js';
import { findProcedure, type ApiInput, type ApiOutput, type ProcedureName } from './table.js';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface DispatchOptions {
  /** Trusted callers (main process, CLI, tests) may use procedures that take file paths. */
  trusted?: boolean;
  context?: ProcedureContext;
}

/** Whether the API table has a procedure of that name (its module is loaded to know). */
export async function isProcedureName(name: unknown): Promise<boolean> {
  return (await findProcedure(name)) !== undefined;
}

/** Turns anything thrown into an error a DPO can read. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toJSON();
  if (error instanceof RegisterOpenError) return { code: 'register', message: error.message };
  const e = error as { code?: string; message?: string };
  if (e?.code === 'SQLITE_BUSY') return { code: 'internal', message: 'The register is busy: another program is writing to it. Try again in a moment.' };
  if (e?.code === 'SQLITE_FULL') return { code: 'internal', message: 'The disk is full: nothing was saved.' };
  if (e?.code === 'SQLITE_READONLY') return { code: 'internal', message: 'The register file is read-only: nothing was saved.' };
  if (e?.code === 'ENOENT') return { code: 'bad_input', message: `File not found: ${e.message}` };
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return { code: 'bad_input', message: `Permission denied: ${e.message}` };
  return { code: 'internal', message: `Unexpected error: ${e?.message ?? String(error)}` };
}

export async function dispatch<N extends ProcedureName>(reg: Register, name: N, input: ApiInput<N>, meta: CallMeta, options?: DispatchOptions): Promise<ApiResult<ApiOutput<N>>>;
export async function dispatch(reg: Register, name: string, input: unknown, meta: CallMeta, options?: DispatchOptions): Promise<ApiResult<unknown>>;
export async function dispatch(reg: Register, name: string, input: unknown, meta: CallMeta, options: DispatchOptions = {}): Promise<ApiResult<unknown>> {
  let proc: Procedure | undefined;
  try {
    proc = await findProcedure(name);
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
  if (!proc) return { ok: false, error: { code: 'unknown_procedure', message: `There is no procedure "${String(name)}".` } };
  if (proc.trusted && !options.trusted) {
    return { ok: false, error: { code: 'unknown_procedure', message: `"${name}" is not available here.` } };
  }
  const parsed = proc.input.safeParse(input ?? undefined);
  if (!parsed.success) {
    const details = zodIssues(parsed.error);
    const first = details[0];
    return {
      ok: false,
      error: { code: 'validation', message: `The request could not be processed: ${first.path ? `${first.path} ` : ''}${first.message}.`, details, key: 'errors.request' },
    };
  }
  try {
    return { ok: true, value: await proc.run(reg, parsed.data, meta, options.context ?? {}) };
  } catch (error) {
    reg.reference.invalidate();
    return { ok: false, error: toApiError(error) };
  }
}

/** The one place an API result becomes an exception: returns the value or throws its AppError. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok)
    throw new AppError(result.error.code, result.error.message, result.error.details ?? [], result.error.key ? { key: result.error.key, params: result.error.params } : undefined);
  return result.value;
}

/** For trusted in-process callers that prefer exceptions: returns the value or throws an AppError. */
export async function call<N extends ProcedureName>(reg: Register, name: N, input: ApiInput<N>, meta: CallMeta, options: DispatchOptions = {}): Promise<ApiOutput<N>> {
  return unwrap(await dispatch(reg, name, input, meta, { trusted: true, ...options }));
}
