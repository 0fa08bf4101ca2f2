/**
 * The register file the desktop app has open, and switching to another one (File › New register…,
 * Open register…, recent registers). The register itself lives in a RegisterBackend: the utility
 * process in the app (electron/backend-process.ts), in this process in the unit tests
 * (LocalBackend). This class keeps what main needs: which file is open, the recent list.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../core/api/dispatch.js';
import { AppError, apiError, text } from '../core/errors.js';
import type { CallMeta } from '../core/register.js';
import { LocalBackend, type DispatchRequest, type RegisterBackend } from './backend.js';
import type { SettingsStore } from './settings.js';

export interface RegisterSessionOptions {
  settings: SettingsStore;
  /** Where the register runs; a LocalBackend (this process) by default. */
  backend?: RegisterBackend;
  migrationsFolder?: string;
  nativeBinding?: string;
  /** Called after another register was opened. */
  onSwitch?: (file: string) => void;
}

export const REGISTER_EXTENSION = 'art30';

export class RegisterSession {
  private current: string | null = null;
  readonly backend: RegisterBackend;

  constructor(private readonly options: RegisterSessionOptions) {
    this.backend = options.backend ?? new LocalBackend({ migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding });
  }

  get file(): string | null {
    return this.current;
  }

  get recent(): string[] {
    return this.options.settings.get().recent;
  }

  /** Runs an API procedure on the open register. */
  dispatch(procedure: string, input: unknown, meta: CallMeta, request: DispatchRequest): Promise<ApiResult<unknown>> {
    if (!this.current) return Promise.resolve({ ok: false, error: apiError('register', text('errors.noRegisterOpen')) });
    return this.backend.dispatch(procedure, input, meta, request);
  }

  /** Opens the first register at start (created when missing). Throws an AppError. */
  async start(file: string): Promise<string> {
    this.current = await this.backend.open(file, true);
    this.options.settings.addRecent(this.current);
    return this.current;
  }

  /**
   * Closes the open register and opens `file`. On failure the previous register stays open and
   * the error says why (not a register, written by a newer Art30, damaged...).
   */
  async switchTo(file: string, mode: 'open' | 'create'): Promise<string> {
    const absolute = path.resolve(file);
    if (this.current && absolute === this.current) return absolute;
    if (mode === 'create' && fs.existsSync(absolute)) {
      throw new AppError('bad_input', text('errors.registerExists', { file: path.basename(absolute) }));
    }
    if (mode === 'open' && !fs.existsSync(absolute)) {
      this.options.settings.removeRecent(absolute);
      throw new AppError('not_found', text('errors.registerGone', { file: absolute }));
    }
    this.current = await this.backend.open(absolute, mode === 'create');
    this.options.settings.addRecent(this.current);
    this.options.onSwitch?.(this.current);
    return this.current;
  }

  /** The backend process restarted without the register (it could not be reopened). */
  lost(): void {
    this.current = null;
  }

  async close(): Promise<void> {
    await this.backend.close();
    this.current = null;
  }
}

/** A register file name with the `.art30` extension (added when the DPO typed none). */
export function withRegisterExtension(file: string): string {
  return path.extname(file) ? file : `${file}.${REGISTER_EXTENSION}`;
}
