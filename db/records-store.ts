/**
 * SQL of the records kept beside the register: breaches and data-subject requests, their links to
 * processing activities (both ways) and their settings. The services validate and record history.
 */
import type Database from 'better-sqlite3';

export type RecordKind = 'breach' | 'request';

interface KindTables {
  table: string;
  links: string;
  key: string;
  refPrefix: string;
}

const TABLES: Record<RecordKind, KindTables> = {
  breach: { table: 'breaches', links: 'breach_activities', key: 'breach_id', refPrefix: 'B-' },
  request: { table: 'subject_requests', links: 'request_activities', key: 'request_id', refPrefix: 'R-' },
};

export interface StoredRecordRow {
  id: number;
  organisationId: number;
  ref: string;
  data: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Requests only. */
  requester?: string;
  requesterErasedAt?: string;
}

/** Columns kept beside the JSON, for lists and filters. */
export type RecordColumns =
  | { kind: 'breach'; title: string; status: string; riskLevel: string; discoveredAt: string; notifiedAt: string }
  | { kind: 'request'; right: string; status: string; receivedOn: string; answeredOn: string; requester: string };

type Row = Record<string, unknown>;

function fromRow(r: Row): StoredRecordRow {
  const out: StoredRecordRow = {
    id: Number(r.id),
    organisationId: Number(r.organisation_id),
    ref: String(r.ref),
    data: JSON.parse(String(r.data_json)) as Record<string, unknown>,
    version: Number(r.version),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
  if ('requester' in r) {
    out.requester = String(r.requester);
    out.requesterErasedAt = String(r.requester_erased_at);
  }
  return out;
}

export class RecordsStore {
  constructor(private readonly sqlite: Database.Database) {}

  list(kind: RecordKind, organisationId?: number): StoredRecordRow[] {
    const { table } = TABLES[kind];
    const rows = (
      organisationId
        ? this.sqlite.prepare(`SELECT * FROM ${table} WHERE organisation_id = ? ORDER BY ref COLLATE NOCASE`).all(organisationId)
        : this.sqlite.prepare(`SELECT * FROM ${table} ORDER BY organisation_id, ref COLLATE NOCASE`).all()
    ) as Row[];
    return rows.map(fromRow);
  }

  get(kind: RecordKind, id: number): StoredRecordRow | undefined {
    const row = this.sqlite.prepare(`SELECT * FROM ${TABLES[kind].table} WHERE id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  idByRef(kind: RecordKind, organisationId: number, ref: string): number | undefined {
    const id = this.sqlite.prepare(`SELECT id FROM ${TABLES[kind].table} WHERE organisation_id = ? AND ref = ? COLLATE NOCASE`).pluck().get(organisationId, ref);
    return id == null ? undefined : Number(id);
  }

  /** Ids of the records whose reference is `ref`, in any organisation. */
  idsByRef(kind: RecordKind, ref: string): number[] {
    return (this.sqlite.prepare(`SELECT id FROM ${TABLES[kind].table} WHERE ref = ? COLLATE NOCASE`).pluck().all(ref) as number[]).map(Number);
  }

  refTaken(kind: RecordKind, organisationId: number, ref: string, exceptId = 0): boolean {
    return !!this.sqlite.prepare(`SELECT 1 FROM ${TABLES[kind].table} WHERE organisation_id = ? AND ref = ? COLLATE NOCASE AND id <> ?`).get(organisationId, ref, exceptId);
  }

  nextRef(kind: RecordKind, organisationId: number): string {
    const { table, refPrefix } = TABLES[kind];
    const refs = this.sqlite.prepare(`SELECT ref FROM ${table} WHERE organisation_id = ? AND ref LIKE ? || '%'`).pluck().all(organisationId, refPrefix) as string[];
    let max = 0;
    for (const ref of refs) {
      const n = Number(ref.slice(refPrefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
    return `${refPrefix}${String(max + 1).padStart(3, '0')}`;
  }

  insert(kind: RecordKind, organisationId: number, ref: string, data: Record<string, unknown>, cols: RecordColumns, stamps: { createdAt: string; updatedAt: string }): number {
    if (cols.kind === 'breach') {
      return Number(
        this.sqlite
          .prepare(
            `INSERT INTO breaches (organisation_id, ref, title, status, risk_level, discovered_at, notified_at, data_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(organisationId, ref, cols.title, cols.status, cols.riskLevel, cols.discoveredAt, cols.notifiedAt, JSON.stringify(data), stamps.createdAt, stamps.updatedAt)
          .lastInsertRowid,
      );
    }
    return Number(
      this.sqlite
        .prepare(
          `INSERT INTO subject_requests (organisation_id, ref, right, status, received_on, answered_on, requester, data_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(organisationId, ref, cols.right, cols.status, cols.receivedOn, cols.answeredOn, cols.requester, JSON.stringify(data), stamps.createdAt, stamps.updatedAt)
        .lastInsertRowid,
    );
  }

  update(kind: RecordKind, id: number, ref: string, data: Record<string, unknown>, cols: RecordColumns, updatedAt: string): void {
    if (cols.kind === 'breach') {
      this.sqlite
        .prepare(
          `UPDATE breaches SET ref = ?, title = ?, status = ?, risk_level = ?, discovered_at = ?, notified_at = ?, data_json = ?, version = version + 1, updated_at = ? WHERE id = ?`,
        )
        .run(ref, cols.title, cols.status, cols.riskLevel, cols.discoveredAt, cols.notifiedAt, JSON.stringify(data), updatedAt, id);
      return;
    }
    this.sqlite
      .prepare(
        `UPDATE subject_requests SET ref = ?, right = ?, status = ?, received_on = ?, answered_on = ?, requester = ?, data_json = ?, version = version + 1, updated_at = ? WHERE id = ?`,
      )
      .run(ref, cols.right, cols.status, cols.receivedOn, cols.answeredOn, cols.requester, JSON.stringify(data), updatedAt, id);
  }

  /** Erases a requester's details; the request itself stays in the log. */
  eraseRequester(id: number, at: string): void {
    this.sqlite.prepare(`UPDATE subject_requests SET requester = '', requester_erased_at = ?, version = version + 1, updated_at = ? WHERE id = ?`).run(at, at, id);
  }

  delete(kind: RecordKind, id: number): void {
    this.sqlite.prepare(`DELETE FROM ${TABLES[kind].table} WHERE id = ?`).run(id);
  }

  /** Activities linked to a record, in reference order. */
  links(kind: RecordKind, id: number): { id: number; ref: string; name: string; organisationId: number }[] {
    const { links, key } = TABLES[kind];
    return (
      this.sqlite
        .prepare(`SELECT a.id, a.ref, a.name, a.organisation_id FROM ${links} l JOIN activities a ON a.id = l.activity_id WHERE l.${key} = ? ORDER BY a.ref COLLATE NOCASE`)
        .all(id) as Row[]
    ).map((r) => ({ id: Number(r.id), ref: String(r.ref), name: String(r.name), organisationId: Number(r.organisation_id) }));
  }

  setLinks(kind: RecordKind, id: number, activityIds: number[]): void {
    const { links, key } = TABLES[kind];
    this.sqlite.prepare(`DELETE FROM ${links} WHERE ${key} = ?`).run(id);
    const insert = this.sqlite.prepare(`INSERT OR IGNORE INTO ${links} (${key}, activity_id) VALUES (?, ?)`);
    for (const a of activityIds) insert.run(id, a);
  }

  /** Ids of the records linked to an activity (the other way round). */
  linkedTo(kind: RecordKind, activityId: number): number[] {
    const { links, key } = TABLES[kind];
    return (this.sqlite.prepare(`SELECT ${key} FROM ${links} WHERE activity_id = ?`).pluck().all(activityId) as number[]).map(Number);
  }

  /** The organisation of each activity asked for (missing ids are absent from the map). */
  activityOrganisations(ids: number[]): Map<number, number> {
    const out = new Map<number, number>();
    const stmt = this.sqlite.prepare('SELECT organisation_id FROM activities WHERE id = ?').pluck();
    for (const id of ids) {
      const org = stmt.get(id);
      if (org != null) out.set(id, Number(org));
    }
    return out;
  }

  organisationExists(id: number): boolean {
    return !!this.sqlite.prepare('SELECT 1 FROM organisations WHERE id = ?').get(id);
  }

  setting(key: string): string | undefined {
    const v = this.sqlite.prepare('SELECT value FROM record_settings WHERE key = ?').pluck().get(key);
    return v == null ? undefined : String(v);
  }

  setSetting(key: string, value: string): void {
    this.sqlite.prepare('INSERT INTO record_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
