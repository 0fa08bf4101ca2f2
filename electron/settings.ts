/**
 * The desktop app's own small settings file (`settings.json` in the user-data folder): window
 * bounds, recent registers, the UI language. Never anything of the register itself. A missing or
 * damaged file gives the defaults; writes are atomic (temporary file, then rename).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../core/api/shell.js';
import type { WindowBounds } from './window-options.js';

export const SETTINGS_FILE = 'settings.json';
export const MAX_RECENT = 10;

export interface Settings {
  window?: WindowBounds;
  /** Register files opened, most recent first. */
  recent: string[];
  language?: Language;
}

function sanitize(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const recent = Array.isArray(r.recent) ? r.recent.filter((f): f is string => typeof f === 'string' && path.isAbsolute(f)).slice(0, MAX_RECENT) : [];
  const language = r.language === 'fr' || r.language === 'en' ? r.language : undefined;
  const window = r.window && typeof r.window === 'object' ? (r.window as WindowBounds) : undefined;
  return { recent, ...(language ? { language } : {}), ...(window ? { window } : {}) };
}

export class SettingsStore {
  private data: Settings;
  readonly file: string;

  constructor(userData: string) {
    this.file = path.join(userData, SETTINGS_FILE);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      raw = {};
    }
    this.data = sanitize(raw);
  }

  get(): Readonly<Settings> {
    return this.data;
  }

  update(patch: Partial<Settings>): void {
    this.data = sanitize({ ...this.data, ...patch });
    this.save();
  }

  /** Puts `file` first in the recent list. */
  addRecent(file: string): string[] {
    const absolute = path.resolve(file);
    this.update({ recent: [absolute, ...this.data.recent.filter((f) => f !== absolute)].slice(0, MAX_RECENT) });
    return this.data.recent;
  }

  removeRecent(file: string): void {
    this.update({ recent: this.data.recent.filter((f) => f !== path.resolve(file)) });
  }

  private save(): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, `${JSON.stringify(this.data, null, 2)}\n`);
      fs.renameSync(tmp, this.file);
    } catch {
      // Settings are a convenience: failing to save them must never stop the DPO's work.
    }
  }
}
