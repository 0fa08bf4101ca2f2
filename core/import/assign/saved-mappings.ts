/**
 * Saved column mappings (e.g. one per department), in the `saved_mappings` table: re-applied
 * automatically when a file with the same headers comes back (same headers in any case or accents).
 */
import { AppError, issue, notFound, text } from '../../errors.js';
import type { Register } from '../../register.js';
import type { MappingRow } from '../../../db/import-store.js';
import { headersKey } from './mapping.js';

export interface SavedMapping {
  name: string;
  headers: string[];
  /** Column letter → field key (null: ignored). */
  columns: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
}

const fromRow = (r: MappingRow): SavedMapping => {
  const m = JSON.parse(r.mapping_json) as { headers?: string[]; columns?: Record<string, string | null> };
  return { name: r.name, headers: m.headers ?? [], columns: m.columns ?? {}, createdAt: r.created_at, updatedAt: r.updated_at };
};

export function listMappings(reg: Register): SavedMapping[] {
  return reg.imports.mappings().map(fromRow);
}

export function getMapping(reg: Register, name: string): SavedMapping {
  const row = reg.imports.mapping(name);
  if (!row) throw notFound('mapping', name);
  return fromRow(row);
}

/** The most recent mapping saved for these headers. */
export function mappingForHeaders(reg: Register, headers: string[]): SavedMapping | undefined {
  const row = reg.imports.mappingForHeaders(headersKey(headers));
  return row ? fromRow(row) : undefined;
}

export function saveMapping(reg: Register, name: string, headers: string[], columns: Record<string, string | null>): SavedMapping {
  const clean = name.trim();
  if (!clean) throw new AppError('validation', text('errors.import.mappingName'), [issue('name', 'errors.required')]);
  const at = reg.now();
  reg.write(() => reg.imports.saveMapping(clean, headersKey(headers), JSON.stringify({ headers, columns }), at));
  return getMapping(reg, clean);
}

export function deleteMapping(reg: Register, name: string): void {
  const deleted = reg.write(() => reg.imports.deleteMapping(name));
  if (!deleted) throw notFound('mapping', name);
}
