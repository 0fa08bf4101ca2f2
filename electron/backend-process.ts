/**
 * Main's side of the register process: starts it, talks to it through a BackendClient, and
 * restarts it when it dies (the register that was open is reopened and the window is told).
 * How a process is started is injected: Electron's `utilityProcess.fork` in the app, Node's
 * `child_process.fork` in the tests and the bench (same protocol, same backend code).
 */
import { fork as nodeFork } from 'node:child_process';
import type { ApiResult } from '../core/api/dispatch.js';
import { AppError, apiError, text, type ApiError } from '../core/errors.js';
import type { PdfPrinter } from '../core/export/pdf/printer.js';
import type { CallMeta } from '../core/register.js';
import { BackendClient, type DispatchRequest, type MessagePortLike, type RegisterBackend } from './backend.js';

/** A started backend process: its message port, and how to stop it or hear it die. */
export interface BackendChild extends MessagePortLike {
  kill(): void;
  onExit(listener: (code: number | null) => void): void;
}

export interface BackendProcessOptions {
  start(): BackendChild;
  printer?: PdfPrinter;
  /** The process died and was started again; `file` is the register reopened (null if it could not be). */
  onRestart?(file: string | null, error?: ApiError): void;
  /** Give up after this many crashes within a minute (a register that kills its process at open). */
  maxRestarts?: number;
}

export const BACKEND_STOPPED: ApiError = apiError('internal', text('errors.backendStopped'));

export class BackendProcess implements RegisterBackend {
  private child!: BackendChild;
  private client!: BackendClient;
  private file: string | null = null;
  private closing = false;
  private crashes: number[] = [];
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly options: BackendProcessOptions) {
    this.spawn();
  }

  private spawn(): void {
    const child = this.options.start();
    this.child = child;
    this.client = new BackendClient(child, { printer: this.options.printer });
    const client = this.client;
    child.onExit(() => {
      client.fail(BACKEND_STOPPED);
      client.dispose();
      if (this.closing || child !== this.child) return;
      this.restart();
    });
  }

  private restart(): void {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < 60_000), now];
    if (this.crashes.length > (this.options.maxRestarts ?? 5)) {
      this.options.onRestart?.(null, apiError('internal', text('errors.backendKeepsStopping')));
      return;
    }
    this.spawn();
    const file = this.file;
    this.ready = (async () => {
      if (!file) return this.options.onRestart?.(null);
      try {
        await this.client.open(file, false);
        this.options.onRestart?.(file);
      } catch (error) {
        this.file = null;
        this.options.onRestart?.(null, error instanceof AppError ? error.toJSON() : apiError('register', text('errors.internal', { message: (error as Error).message })));
      }
    })();
  }

  /** The process currently serving (tests kill it to check the restart). */
  get current(): BackendChild {
    return this.child;
  }

  /** Settles once a restart has reopened the register. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  async dispatch(procedure: string, input: unknown, meta: CallMeta, request: DispatchRequest): Promise<ApiResult<unknown>> {
    await this.ready;
    return this.client.dispatch(procedure, input, meta, request);
  }

  async open(file: string, create: boolean): Promise<string> {
    await this.ready;
    this.file = await this.client.open(file, create);
    return this.file;
  }

  async close(): Promise<void> {
    this.closing = true;
    try {
      await Promise.race([this.client.close(), new Promise((r) => setTimeout(r, 2000))]);
    } finally {
      this.child.kill();
    }
  }
}

/** Starts the backend entry (electron/backend-main.ts, bundled or through tsx) as a Node child. */
export function nodeBackendChild(entry: string, args: string[] = [], execArgv: string[] = []): BackendChild {
  const child = nodeFork(entry, args, { serialization: 'advanced', execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    postMessage: (message) => void child.send(message as never),
    onMessage(listener) {
      child.on('message', listener);
      return () => void child.off('message', listener);
    },
    kill: () => void child.kill(),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
  };
}
