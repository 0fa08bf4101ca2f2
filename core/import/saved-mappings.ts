/**
 * Saved column mappings (e.g. one per department), in the `saved_mappings` table: re-applied
 * automatically when a file with the same headers comes back (same headers in any case or accents).
 */
import { AppError, notFound } from '../errors.js';
import type { Register } from '../register.js';
import { headersKey } from './mapping.js';

export interface SavedMapping {
  name: string;
  headers: string[];
  /** Column letter → field key (null: ignored). */
  columns: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  name: string;
  headers_key: string;
  mapping_json: string;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): SavedMapping => {
  const m = JSON.parse(r.mapping_json) as { headers?: string[]; columns?: Record<string, string | null> };
  return { name: r.name, headers: m.headers ?? [], columns: m.columns ?? {}, createdAt: r.created_at, updatedAt: r.updated_at };
};

export function listMappings(reg: Register): SavedMapping[] {
  return (reg.sqlite.prepare('SELECT * FROM saved_mappings ORDER BY name').all() as Row[]).map(fromRow);
}

export function getMapping(reg: Register, name: string): SavedMapping {
  const row = reg.sqlite.prepare('SELECT * FROM saved_mappings WHERE name = ?').get(name) as Row | undefined;
  if (!row) throw notFound(`The saved mapping "${name}"`);
  return fromRow(row);
}

/** The most recent mapping saved for these headers. */
export function mappingForHeaders(reg: Register, headers: string[]): SavedMapping | undefined {
  const row = reg.sqlite.prepare('SELECT * FROM saved_mappings WHERE headers_key = ? ORDER BY updated_at DESC, id DESC LIMIT 1').get(headersKey(headers)) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

export function saveMapping(reg: Register, name: string, headers: string[], columns: Record<string, string | null>): SavedMapping {
  const clean = name.trim();
  if (!clean) throw new AppError('validation', 'The mapping needs a name.', [{ path: 'name', message: 'is required' }]);
  const at = reg.now();
  reg.write(() => {
    reg.sqlite
      .prepare(
        `INSERT INTO saved_mappings (name, headers_key, mapping_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET headers_key = excluded.headers_key, mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
      )
      .run(clean, headersKey(headers), JSON.stringify({ headers, columns }), at, at);
  });
  return getMapping(reg, clean);
}

export function deleteMapping(reg: Register, name: string): void {
  const r = reg.write(() => reg.sqlite.prepare('DELETE FROM saved_mappings WHERE name = ?').run(name));
  if (!r.changes) throw notFound(`The saved mapping "${name}"`);
}
