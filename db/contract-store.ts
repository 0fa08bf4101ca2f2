/**
 * SQL of the processor contracts (Art. 28): one row per contract, its fields as JSON, and its links
 * to the processing activities it serves. The services validate and record history.
 */
import type Database from 'better-sqlite3';

export interface StoredContractRow {
  id: number;
  organisationId: number;
  recipientId: number;
  ref: string;
  data: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Row = Record<string, unknown>;

const fromRow = (r: Row): StoredContractRow => ({
  id: Number(r.id),
  organisationId: Number(r.organisation_id),
  recipientId: Number(r.recipient_id),
  ref: String(r.ref),
  data: JSON.parse(String(r.data_json)) as Record<string, unknown>,
  version: Number(r.version),
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
});

export interface ContractColumns {
  recipientId: number;
  endsOn: string;
  reviewOn: string;
}

export class ContractStore {
  constructor(private readonly sqlite: Database.Database) {}

  list(organisationId?: number): StoredContractRow[] {
    const rows = (
      organisationId
        ? this.sqlite.prepare('SELECT * FROM processor_contracts WHERE organisation_id = ? ORDER BY ref COLLATE NOCASE').all(organisationId)
        : this.sqlite.prepare('SELECT * FROM processor_contracts ORDER BY organisation_id, ref COLLATE NOCASE').all()
    ) as Row[];
    return rows.map(fromRow);
  }

  get(id: number): StoredContractRow | undefined {
    const row = this.sqlite.prepare('SELECT * FROM processor_contracts WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  idsByRef(ref: string, organisationId?: number): number[] {
    const ids = organisationId
      ? this.sqlite.prepare('SELECT id FROM processor_contracts WHERE organisation_id = ? AND ref = ? COLLATE NOCASE').pluck().all(organisationId, ref)
      : this.sqlite.prepare('SELECT id FROM processor_contracts WHERE ref = ? COLLATE NOCASE').pluck().all(ref);
    return (ids as number[]).map(Number);
  }

  refTaken(organisationId: number, ref: string, exceptId = 0): boolean {
    return !!this.sqlite.prepare('SELECT 1 FROM processor_contracts WHERE organisation_id = ? AND ref = ? COLLATE NOCASE AND id <> ?').get(organisationId, ref, exceptId);
  }

  nextRef(organisationId: number): string {
    const refs = this.sqlite.prepare("SELECT ref FROM processor_contracts WHERE organisation_id = ? AND ref LIKE 'C-%'").pluck().all(organisationId) as string[];
    const max = Math.max(0, ...refs.map((r) => Number(r.slice(2))).filter((n) => Number.isInteger(n)));
    return `C-${String(max + 1).padStart(3, '0')}`;
  }

  /** `id`: only to give a contract back its own number (the register rebuilt as of a date). */
  insert(organisationId: number, ref: string, data: Record<string, unknown>, cols: ContractColumns, stamps: { createdAt: string; updatedAt: string }, id?: number): number {
    return Number(
      this.sqlite
        .prepare(
          'INSERT INTO processor_contracts (id, organisation_id, recipient_id, ref, ends_on, review_on, data_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id ?? null, organisationId, cols.recipientId, ref, cols.endsOn, cols.reviewOn, JSON.stringify(data), stamps.createdAt, stamps.updatedAt).lastInsertRowid,
    );
  }

  update(id: number, ref: string, data: Record<string, unknown>, cols: ContractColumns, updatedAt: string): void {
    this.sqlite
      .prepare('UPDATE processor_contracts SET ref = ?, recipient_id = ?, ends_on = ?, review_on = ?, data_json = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(ref, cols.recipientId, cols.endsOn, cols.reviewOn, JSON.stringify(data), updatedAt, id);
  }

  delete(id: number): void {
    this.sqlite.prepare('DELETE FROM processor_contracts WHERE id = ?').run(id);
  }

  links(id: number): { id: number; ref: string; name: string; organisationId: number }[] {
    return (
      this.sqlite
        .prepare(
          'SELECT a.id, a.ref, a.name, a.organisation_id FROM contract_activities l JOIN activities a ON a.id = l.activity_id WHERE l.contract_id = ? ORDER BY a.ref COLLATE NOCASE',
        )
        .all(id) as Row[]
    ).map((r) => ({ id: Number(r.id), ref: String(r.ref), name: String(r.name), organisationId: Number(r.organisation_id) }));
  }

  setLinks(id: number, activityIds: number[]): void {
    this.sqlite.prepare('DELETE FROM contract_activities WHERE contract_id = ?').run(id);
    const insert = this.sqlite.prepare('INSERT OR IGNORE INTO contract_activities (contract_id, activity_id) VALUES (?, ?)');
    for (const a of activityIds) insert.run(id, a);
  }

  linkedTo(activityId: number): number[] {
    return (this.sqlite.prepare('SELECT contract_id FROM contract_activities WHERE activity_id = ?').pluck().all(activityId) as number[]).map(Number);
  }

  /** Processors (directory entries of type processor or sub-processor) that activities of each organisation name, with those activities' references. */
  processorsInUse(organisationId?: number): { organisationId: number; recipientId: number; name: string; activityRefs: string[] }[] {
    const rows = this.sqlite
      .prepare(
        `SELECT a.organisation_id, r.id AS recipient_id, r.name, group_concat(a.ref, char(31)) AS refs FROM recipients r
         JOIN activity_recipients ar ON ar.recipient_id = r.id JOIN activities a ON a.id = ar.activity_id
         WHERE r.type IN ('processor', 'sub_processor') AND a.status <> 'retired' ${organisationId ? 'AND a.organisation_id = ?' : ''}
         GROUP BY a.organisation_id, r.id ORDER BY a.organisation_id, r.name COLLATE NOCASE`,
      )
      .all(...(organisationId ? [organisationId] : [])) as Row[];
    return rows.map((r) => ({
      organisationId: Number(r.organisation_id),
      recipientId: Number(r.recipient_id),
      name: String(r.name),
      activityRefs: [...new Set(String(r.refs).split('\u001f'))].sort(),
    }));
  }
}
