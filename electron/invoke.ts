/**
 * What the one IPC channel does with a call from the renderer (after the sender was checked):
 * `app/*` shell procedures run here in main; every other name goes to the register backend (its own
 * process in the app) as an
 * UNTRUSTED `ui` call (procedures that take file paths are refused). Progress reports become
 * `progress` events. Nothing throws across the channel: the result is always a BridgeResult.
 */
import { toApiError } from '../core/api/dispatch.js';
import { apiError, text } from '../core/errors.js';
import type { Progress } from '../core/api/procedure.js';
import { isShellProcedure, runShellProcedure, type ShellHandlers } from '../core/api/shell-contract.js';
import type { AppEvent, BridgeResult } from '../core/api/shell.js';
import type { RegisterSession } from './register-session.js';

export const INVOKE_CHANNEL = 'art30:invoke';
export const EVENT_CHANNEL = 'art30:event';

export interface InvokerOptions {
  session: RegisterSession;
  shell: ShellHandlers;
  send(event: AppEvent): void;
  /** Minimum interval between two progress events of one call (the last one always goes). */
  progressIntervalMs?: number;
  clock?: () => number;
}

export type Invoker = (procedure: unknown, input: unknown) => Promise<BridgeResult<unknown>>;

export function progressReporter(operation: string, send: (event: AppEvent) => void, intervalMs: number, clock: () => number): (p: Progress) => void {
  let last = -Infinity;
  return (p) => {
    const now = clock();
    if (p.done < p.total && now - last < intervalMs) return;
    last = now;
    send({ type: 'progress', operation, progress: { phase: String(p.phase), done: p.done, total: p.total } });
  };
}

export function createInvoker(options: InvokerOptions): Invoker {
  const interval = options.progressIntervalMs ?? 50;
  const clock = options.clock ?? Date.now;
  return async (procedure, input) => {
    if (typeof procedure !== 'string' || procedure.length > 100) {
      return { ok: false, error: apiError('unknown_procedure', text('errors.noProcedureNamed')) };
    }
    const context = { progress: progressReporter(procedure, options.send, interval, clock) };
    if (isShellProcedure(procedure)) return runShellProcedure(options.shell, procedure, input, context);
    try {
      return await options.session.dispatch(procedure, input, { source: 'ui' }, { trusted: false, context });
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  };
}
