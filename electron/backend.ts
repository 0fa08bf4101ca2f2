/**
 * The register backend: the open register file and the API dispatcher, behind one small async
 * interface, so that Electron main can run it in another process (a `utilityProcess`) and keep
 * its own thread for windows, menus and dialogs.
 *
 * - `LocalBackend` runs in the process that holds the register (the utility process; the tests).
 * - `serveBackend(port, backend)` answers calls arriving on a message port with a LocalBackend.
 * - `BackendClient(port)` is the same interface on the other side of the port (main).
 *
 * The protocol is plain structured-clone messages: `{id, op, …}` requests, `{id, result}` replies,
 * `{id, progress}` reports of a running call, and `{id, op: 'print', html}` requests the other way
 * (PDF exports are printed by main's Chromium). No Electron here: the port is injected, so the
 * unit tests and the bench run the same code in a Node child process.
 */
import path from 'node:path';
import { dispatch, toApiError, unwrap, type ApiResult } from '../core/api/dispatch.js';
import type { Progress, ProcedureContext } from '../core/api/procedure.js';
import { AppError, apiError, text, type ApiError } from '../core/errors.js';
import type { PdfPrinter } from '../core/export/pdf/printer.js';
import { Register, type CallMeta } from '../core/register.js';

export interface DispatchRequest {
  /** Procedures that take file paths run only for trusted callers (main after a dialog). */
  trusted: boolean;
  context?: ProcedureContext;
}

export interface RegisterBackend {
  /** Runs an API procedure on the open register; never throws. */
  dispatch(procedure: string, input: unknown, meta: CallMeta, request: DispatchRequest): Promise<ApiResult<unknown>>;
  /** Opens `file` (created when `create`), then closes the previous register. Throws an AppError. */
  open(file: string, create: boolean): Promise<string>;
  close(): Promise<void>;
}

export interface LocalBackendOptions {
  migrationsFolder?: string;
  nativeBinding?: string;
}

/** The register in this process. */
export class LocalBackend implements RegisterBackend {
  private reg: Register | null = null;

  constructor(private readonly options: LocalBackendOptions = {}) {}

  get register(): Register {
    if (!this.reg) throw new AppError('register', text('errors.noRegisterOpen'));
    return this.reg;
  }

  async dispatch(procedure: string, input: unknown, meta: CallMeta, request: DispatchRequest): Promise<ApiResult<unknown>> {
    try {
      return await dispatch(this.register, procedure, input, meta, { trusted: request.trusted, context: request.context });
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  }

  async open(file: string, create: boolean): Promise<string> {
    const next = Register.open(path.resolve(file), {
      create,
      ...(this.options.migrationsFolder ? { migrationsFolder: this.options.migrationsFolder } : {}),
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    });
    const previous = this.reg;
    this.reg = next;
    if (previous && previous !== next) previous.close();
    return next.file;
  }

  async close(): Promise<void> {
    this.reg?.close();
    this.reg = null;
  }
}

/** Either end of a message channel (Electron's utility process port, a Node child's IPC). */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  /** Returns a function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
}

type Request =
  | { id: number; op: 'dispatch'; procedure: string; input: unknown; meta: CallMeta; trusted: boolean; progress: boolean }
  | { id: number; op: 'open'; file: string; create: boolean }
  | { id: number; op: 'close' };

type RequestBody = Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

type Reply = { id: number; result: ApiResult<unknown> } | { id: number; progress: Progress };

type PrintRequest = { id: number; op: 'print'; html: string };
type PrintReply = { id: number; printed: Uint8Array } | { id: number; printError: string };

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

/** PDF printing asked of the other end of the port (main prints with its own Chromium). */
class PortPrinter implements PdfPrinter {
  private next = 0;
  private readonly pending = new Map<number, { resolve(b: Buffer): void; reject(e: Error): void }>();

  constructor(private readonly port: MessagePortLike) {}

  handle(message: Record<string, unknown>): boolean {
    if (typeof message.id !== 'number' || !('printed' in message || 'printError' in message)) return false;
    const call = this.pending.get(message.id);
    if (!call) return true;
    this.pending.delete(message.id);
    const reply = message as PrintReply;
    if ('printed' in reply) call.resolve(Buffer.from(reply.printed));
    else call.reject(new Error(reply.printError));
    return true;
  }

  print(html: string, options: { signal?: AbortSignal } = {}): Promise<Buffer> {
    options.signal?.throwIfAborted();
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ id, op: 'print', html } satisfies PrintRequest);
    });
  }
}

export interface ServeOptions {
  /** PDF exports are printed by the other end (Electron main): install this printer. */
  installPrinter?(printer: PdfPrinter): void;
}

/** Answers the requests arriving on `port` with `backend`. Returns a function that stops. */
export function serveBackend(port: MessagePortLike, backend: RegisterBackend, options: ServeOptions = {}): () => void {
  const printer = new PortPrinter(port);
  options.installPrinter?.(printer);
  const reply = (message: Reply) => port.postMessage(message);
  return port.onMessage((message) => {
    if (!isObject(message)) return;
    if (printer.handle(message)) return;
    const request = message as Request;
    const { id } = request;
    const answer = async (): Promise<ApiResult<unknown>> => {
      try {
        switch (request.op) {
          case 'dispatch': {
            const context: ProcedureContext = request.progress ? { progress: (p) => reply({ id, progress: { phase: String(p.phase), done: p.done, total: p.total } }) } : {};
            return await backend.dispatch(request.procedure, request.input, request.meta, { trusted: request.trusted, context });
          }
          case 'open':
            return { ok: true, value: await backend.open(request.file, request.create) };
          case 'close':
            await backend.close();
            return { ok: true, value: null };
          default:
            return { ok: false, error: apiError('unknown_procedure', text('errors.noBackendRequest')) };
        }
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    };
    void answer().then((result) => reply({ id, result }));
  });
}

export interface BackendClientOptions {
  /** Prints PDF exports for the backend (Electron main's Chromium). */
  printer?: PdfPrinter;
}

/** The backend on the other side of a message port. */
export class BackendClient implements RegisterBackend {
  private next = 0;
  private readonly pending = new Map<number, { resolve(r: ApiResult<unknown>): void; progress?: (p: Progress) => void }>();
  private readonly stop: () => void;

  constructor(
    private readonly port: MessagePortLike,
    private readonly options: BackendClientOptions = {},
  ) {
    this.stop = port.onMessage((message) => this.receive(message));
  }

  private receive(message: unknown): void {
    if (!isObject(message) || typeof message.id !== 'number') return;
    if (message.op === 'print') {
      void this.print(message as PrintRequest);
      return;
    }
    const call = this.pending.get(message.id);
    if (!call) return;
    if ('progress' in message) {
      call.progress?.(message.progress as Progress);
      return;
    }
    this.pending.delete(message.id);
    call.resolve((message as { result: ApiResult<unknown> }).result);
  }

  private async print(request: PrintRequest): Promise<void> {
    try {
      if (!this.options.printer) throw new Error('No PDF printer in this process.');
      const pdf = await this.options.printer.print(request.html);
      this.port.postMessage({ id: request.id, printed: new Uint8Array(pdf) } satisfies PrintReply);
    } catch (error) {
      this.port.postMessage({ id: request.id, printError: (error as Error).message ?? String(error) } satisfies PrintReply);
    }
  }

  private request(message: RequestBody, progress?: (p: Progress) => void): Promise<ApiResult<unknown>> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, progress });
      this.port.postMessage({ ...message, id });
    });
  }

  dispatch(procedure: string, input: unknown, meta: CallMeta, request: DispatchRequest): Promise<ApiResult<unknown>> {
    const progress = request.context?.progress;
    return this.request({ op: 'dispatch', procedure, input, meta, trusted: request.trusted, progress: Boolean(progress) }, progress);
  }

  async open(file: string, create: boolean): Promise<string> {
    return unwrap(await this.request({ op: 'open', file, create })) as string;
  }

  async close(): Promise<void> {
    await this.request({ op: 'close' });
  }

  /** The other end stopped: every call still waiting gets this error. */
  fail(error: ApiError): void {
    for (const call of this.pending.values()) call.resolve({ ok: false, error });
    this.pending.clear();
  }

  dispose(): void {
    this.stop();
  }
}
