/**
 * The register file the desktop app has open, and switching to another one (File › New register…,
 * Open register…, recent registers). No Electron here: the main process passes the native module
 * and migrations locations; the unit tests use a temporary folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.js';
import { Register } from '../core/register.js';
import type { SettingsStore } from './settings.js';

export interface RegisterSessionOptions {
  settings: SettingsStore;
  migrationsFolder?: string;
  nativeBinding?: string;
  /** Called after another register was opened. */
  onSwitch?: (file: string) => void;
}

export const REGISTER_EXTENSION = 'art30';

export class RegisterSession {
  private reg: Register | null = null;

  constructor(private readonly options: RegisterSessionOptions) {}

  get register(): Register {
    if (!this.reg) throw new AppError('register', 'No register is open.');
    return this.reg;
  }

  get file(): string | null {
    return this.reg?.file ?? null;
  }

  get recent(): string[] {
    return this.options.settings.get().recent;
  }

  private openFile(file: string, create: boolean): Register {
    return Register.open(file, {
      create,
      ...(this.options.migrationsFolder ? { migrationsFolder: this.options.migrationsFolder } : {}),
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    });
  }

  /** Opens the first register at start (created when missing). Throws a RegisterOpenError. */
  start(file: string): Register {
    this.reg = this.openFile(file, true);
    this.options.settings.addRecent(this.reg.file);
    return this.reg;
  }

  /**
   * Closes the open register and opens `file`. On failure the previous register stays open and
   * the error says why (not a register, written by a newer Art30, damaged...).
   */
  switchTo(file: string, mode: 'open' | 'create'): string {
    const absolute = path.resolve(file);
    if (this.reg && absolute === this.reg.file) return absolute;
    if (mode === 'create' && fs.existsSync(absolute)) {
      throw new AppError('bad_input', `${path.basename(absolute)} already exists. Choose another name, or open it with File › Open register….`);
    }
    if (mode === 'open' && !fs.existsSync(absolute)) {
      this.options.settings.removeRecent(absolute);
      throw new AppError('not_found', `The register ${absolute} no longer exists (it may have been moved or deleted).`);
    }
    const next = this.openFile(absolute, mode === 'create');
    const previous = this.reg;
    this.reg = next;
    previous?.close();
    this.options.settings.addRecent(next.file);
    this.options.onSwitch?.(next.file);
    return next.file;
  }

  close(): void {
    this.reg?.close();
    this.reg = null;
  }
}

/** A register file name with the `.art30` extension (added when the DPO typed none). */
export function withRegisterExtension(file: string): string {
  return path.extname(file) ? file : `${file}.${REGISTER_EXTENSION}`;
}
