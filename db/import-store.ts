/** SQL for imports: the batches that make an import undoable, and the saved column mappings. */
import type Database from 'better-sqlite3';
import { statement } from './statements.js';

export interface BatchRow {
  id: number;
  at: string;
  file_name: string;
  sha256: string;
  created: number;
  updated: number;
  undo_json: string;
  undone_at: string | null;
}

export interface MappingRow {
  name: string;
  headers_key: string;
  mapping_json: string;
  created_at: string;
  updated_at: string;
}

export class ImportStore {
  constructor(private readonly sqlite: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    return statement(this.sqlite, sql);
  }

  createBatch(at: string, fileName: string, sha256: string): number {
    return Number(this.stmt('INSERT INTO import_batches (at, file_name, sha256) VALUES (?, ?, ?)').run(at, fileName, sha256).lastInsertRowid);
  }

  finishBatch(id: number, created: number, updated: number, undoJson: string): void {
    this.stmt('UPDATE import_batches SET created = ?, updated = ?, undo_json = ? WHERE id = ?').run(created, updated, undoJson, id);
  }

  markUndone(id: number, at: string): void {
    this.stmt('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(at, id);
  }

  batches(): BatchRow[] {
    return this.stmt('SELECT * FROM import_batches ORDER BY id DESC').all() as BatchRow[];
  }

  batch(id: number): BatchRow | undefined {
    return this.stmt('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
  }

  /** The highest recipient id, to know afterwards which recipients an import added. */
  lastRecipientId(): number {
    return Number(this.stmt('SELECT coalesce(max(id), 0) FROM recipients').pluck().get());
  }

  recipientIdsAfter(id: number): number[] {
    return this.stmt('SELECT id FROM recipients WHERE id > ? ORDER BY id').pluck().all(id) as number[];
  }

  /** The last history entry's id: a preview is stale once the register has changed since. */
  lastHistoryId(): number {
    return Number(this.stmt('SELECT coalesce(max(id), 0) FROM history').pluck().get());
  }

  mappings(): MappingRow[] {
    return this.stmt('SELECT * FROM saved_mappings ORDER BY name').all() as MappingRow[];
  }

  mapping(name: string): MappingRow | undefined {
    return this.stmt('SELECT * FROM saved_mappings WHERE name = ?').get(name) as MappingRow | undefined;
  }

  mappingForHeaders(headersKey: string): MappingRow | undefined {
    return this.stmt('SELECT * FROM saved_mappings WHERE headers_key = ? ORDER BY updated_at DESC, id DESC LIMIT 1').get(headersKey) as MappingRow | undefined;
  }

  saveMapping(name: string, headersKey: string, mappingJson: string, at: string): void {
    this.stmt(
      `INSERT INTO saved_mappings (name, headers_key, mapping_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET headers_key = excluded.headers_key, mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
    ).run(name, headersKey, mappingJson, at, at);
  }

  deleteMapping(name: string): number {
    return this.stmt('DELETE FROM saved_mappings WHERE name = ?').run(name).changes;
  }
}
