/**
 * SQL of the documents kept in the register: the files' bytes stored once by SHA-256
 * (`document_blobs`) and the documents attached to a record (`documents`). Rows are never deleted:
 * a removed document keeps its row (`removed_at`) and its bytes, for the history and the register
 * as of a past date.
 */
import type Database from 'better-sqlite3';

export const DOCUMENT_OWNER_TYPES = ['activity', 'dpia', 'contract', 'breach', 'request'] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];

export interface StoredDocument {
  id: number;
  organisationId: number;
  ownerType: DocumentOwnerType;
  ownerId: number;
  name: string;
  kind: string;
  mediaType: string;
  size: number;
  sha256: string;
  audience: 'internal' | 'authority' | 'public';
  note: string;
  addedAt: string;
  addedBy: string;
  removedAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Row = Record<string, unknown>;

const fromRow = (r: Row): StoredDocument => ({
  id: Number(r.id),
  organisationId: Number(r.organisation_id),
  ownerType: r.owner_type as DocumentOwnerType,
  ownerId: Number(r.owner_id),
  name: String(r.name),
  kind: String(r.kind),
  mediaType: String(r.media_type),
  size: Number(r.size),
  sha256: String(r.sha256),
  audience: r.audience as StoredDocument['audience'],
  note: String(r.note),
  addedAt: String(r.added_at),
  addedBy: String(r.added_by),
  removedAt: String(r.removed_at),
  version: Number(r.version),
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
});

/** The columns of a document that the DPO's changes set (what the history compares). */
export interface DocumentColumns {
  name: string;
  kind: string;
  mediaType: string;
  size: number;
  sha256: string;
  audience: string;
  note: string;
}

const COLUMNS = 'id, organisation_id, owner_type, owner_id, name, kind, media_type, size, sha256, audience, note, added_at, added_by, removed_at, version, created_at, updated_at';

export class DocumentStore {
  constructor(private readonly sqlite: Database.Database) {}

  /** Documents not removed, optionally of one owner or one organisation, oldest first. */
  list(q: { ownerType?: DocumentOwnerType; ownerId?: number; organisationId?: number; includeRemoved?: boolean } = {}): StoredDocument[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!q.includeRemoved) where.push("removed_at = ''");
    if (q.ownerType) where.push('owner_type = ?') && params.push(q.ownerType);
    if (q.ownerId !== undefined) where.push('owner_id = ?') && params.push(q.ownerId);
    if (q.organisationId !== undefined) where.push('organisation_id = ?') && params.push(q.organisationId);
    const sql = `SELECT ${COLUMNS} FROM documents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return (this.sqlite.prepare(sql).all(...params) as Row[]).map(fromRow);
  }

  get(id: number): StoredDocument | undefined {
    const row = this.sqlite.prepare(`SELECT ${COLUMNS} FROM documents WHERE id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  hasBlob(sha256: string): boolean {
    return !!this.sqlite.prepare('SELECT 1 FROM document_blobs WHERE sha256 = ?').get(sha256);
  }

  /** Stores the bytes once: a file already kept (same SHA-256) is not written again. */
  putBlob(sha256: string, data: Buffer): void {
    this.sqlite.prepare('INSERT OR IGNORE INTO document_blobs (sha256, size, data) VALUES (?, ?, ?)').run(sha256, data.length, data);
  }

  blob(sha256: string): Buffer | undefined {
    const v = this.sqlite.prepare('SELECT data FROM document_blobs WHERE sha256 = ?').pluck().get(sha256);
    return v == null ? undefined : (v as Buffer);
  }

  /** Bytes held by the register's documents (each file counted once). */
  storedBytes(): number {
    return Number(this.sqlite.prepare('SELECT coalesce(sum(size), 0) FROM document_blobs').pluck().get());
  }

  insert(organisationId: number, ownerType: DocumentOwnerType, ownerId: number, cols: DocumentColumns, addedAt: string, addedBy: string, id?: number): number {
    return Number(
      this.sqlite
        .prepare(
          `INSERT INTO documents (${id ? 'id, ' : ''}organisation_id, owner_type, owner_id, name, kind, media_type, size, sha256, audience, note, added_at, added_by, created_at, updated_at)
           VALUES (${id ? '?, ' : ''}?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          ...(id ? [id] : []),
          organisationId,
          ownerType,
          ownerId,
          cols.name,
          cols.kind,
          cols.mediaType,
          cols.size,
          cols.sha256,
          cols.audience,
          cols.note,
          addedAt,
          addedBy,
          addedAt,
          addedAt,
        ).lastInsertRowid,
    );
  }

  update(id: number, cols: DocumentColumns, updatedAt: string): void {
    this.sqlite
      .prepare('UPDATE documents SET name = ?, kind = ?, media_type = ?, size = ?, sha256 = ?, audience = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(cols.name, cols.kind, cols.mediaType, cols.size, cols.sha256, cols.audience, cols.note, updatedAt, id);
  }

  setRemoved(id: number, removedAt: string, updatedAt: string): void {
    this.sqlite.prepare('UPDATE documents SET removed_at = ?, version = version + 1, updated_at = ? WHERE id = ?').run(removedAt, updatedAt, id);
  }

  /** Only for the register rebuilt as of a date: a document added after it never existed. */
  deleteRow(id: number): void {
    this.sqlite.prepare('DELETE FROM documents WHERE id = ?').run(id);
  }

  /** Documents per owner, for lists: `ownerType:ownerId` → count. */
  counts(): Map<string, number> {
    const rows = this.sqlite.prepare("SELECT owner_type, owner_id, count(*) AS n FROM documents WHERE removed_at = '' GROUP BY owner_type, owner_id").all() as Row[];
    return new Map(rows.map((r) => [`${String(r.owner_type)}:${Number(r.owner_id)}`, Number(r.n)]));
  }
}
