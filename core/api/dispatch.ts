import { RegisterOpenError } from '../../db/errors.js';
import { AppError, apiError, text, type ApiError } from '../errors.js';
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
  if (error instanceof RegisterOpenError) return apiError('register', error.text);
  const e = error as { code?: string; message?: string };
  if (e?.code === 'SQLITE_BUSY') return apiError('internal', text('errors.busy'));
  if (e?.code === 'SQLITE_FULL') return apiError('internal', text('errors.diskFull'));
  if (e?.code === 'SQLITE_READONLY') return apiError('internal', text('errors.readOnly'));
  if (e?.code === 'ENOENT') return apiError('bad_input', text('errors.fileNotFound', { file: e.message }));
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return apiError('bad_input', text('errors.permission', { file: e.message }));
  return apiError('internal', text('errors.internal', { message: e?.message ?? String(error) }));
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
  if (!proc) return { ok: false, error: apiError('unknown_procedure', text('errors.noProcedure', { name: String(name) })) };
  if (proc.trusted && !options.trusted) {
    return { ok: false, error: apiError('unknown_procedure', text('errors.unknownProcedure', { name })) };
  }
  // `jitless`: zod would otherwise write and compile a parser for each object schema at its first
  // use, which pays only over many parses; a request is parsed once (`art30 list` saved ≈ 2 ms).
  const parsed = proc.input.safeParse(input ?? undefined, { reportInput: true, jitless: true });
  if (!parsed.success) {
    return { ok: false, error: apiError('validation', text('errors.request'), zodIssues(parsed.error)) };
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
  if (!result.ok) throw AppError.from(result.error);
  return result.value;
}

/** For trusted in-process callers that prefer exceptions: returns the value or throws an AppError. */
export async function call<N extends ProcedureName>(reg: Register, name: N, input: ApiInput<N>, meta: CallMeta, options: DispatchOptions = {}): Promise<ApiOutput<N>> {
  return unwrap(await dispatch(reg, name, input, meta, { trusted: true, ...options }));
}
