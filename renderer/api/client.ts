/**
 * The renderer's typed client: every call goes through the shell's Art30Bridge (Electron preload's
 * `window.art30`, or the web transport). Types only from the core: no node code in the bundle.
 */
import type { ApiInput, ApiOutput, ProcedureName } from '../../core/api/table.js';
import type { AppEvent, Art30Bridge, ShellProcedureName, ShellProcedures } from '../../core/api/shell.js';
import type { ApiError, FieldIssue } from '../../core/errors.js';
import { createWebBridge } from './web-bridge.js';

declare global {
  interface Window {
    art30?: Art30Bridge;
  }
}

export type AnyProcedure = ProcedureName | ShellProcedureName;
export type In<N extends AnyProcedure> = N extends ShellProcedureName ? ShellProcedures[N]['input'] : N extends ProcedureName ? ApiInput<N> : never;
export type Out<N extends AnyProcedure> = N extends ShellProcedureName ? ShellProcedures[N]['output'] : N extends ProcedureName ? ApiOutput<N> : never;

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly details: FieldIssue[];
  /** A catalogue key and its parameters, when the error carries one (e.g. a refused reference data file). */
  readonly key?: string;
  readonly params?: Record<string, string>;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.details = error.details ?? [];
    const keyed = error as ApiError & { key?: string; params?: Record<string, string> };
    this.key = keyed.key;
    this.params = keyed.params;
  }
}

function webToken(): string {
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? sessionStorage.getItem('art30.token') ?? '';
  if (token) sessionStorage.setItem('art30.token', token);
  return token;
}

let bridge: Art30Bridge | null = null;

export function getBridge(): Art30Bridge {
  if (!bridge) bridge = window.art30 ?? createWebBridge(webToken());
  return bridge;
}

/** For tests and the bench: replace the transport. */
export function setBridge(b: Art30Bridge): void {
  bridge = b;
}

export function isElectron(): boolean {
  return Boolean(window.art30);
}

let localise: (error: ApiError) => ApiError = (error) => error;

/** How errors are put in the DPO's language (set by the app for the current language). */
export function setErrorLocaliser(f: (error: ApiError) => ApiError): void {
  localise = f;
}

let inFlight = 0;
const idleListeners = new Set<() => void>();

/** Told each time the last call under way has ended: a progress shown for it has ended with its work. */
export function onIdle(listener: () => void): () => void {
  idleListeners.add(listener);
  return () => idleListeners.delete(listener);
}

/** Calls a procedure; throws ApiCallError with the DPO-readable message and field details. */
export async function call<N extends AnyProcedure>(name: N, input: In<N>): Promise<Out<N>> {
  inFlight++;
  try {
    const result = await getBridge().invoke(name, input);
    if (!result.ok) throw new ApiCallError(localise(result.error));
    return result.value as Out<N>;
  } finally {
    if (--inFlight === 0) for (const l of idleListeners) l();
  }
}

export function subscribe(listener: (event: AppEvent) => void): () => void {
  return getBridge().subscribe(listener);
}
