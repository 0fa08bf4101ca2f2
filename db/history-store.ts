/**
 * The append-only change history. Each entry's hash is SHA-256 over the previous entry's hash and
 * the entry's own content, so altering or removing a stored entry breaks the chain.
 */
import { hash as digest } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HistoryChange, HistoryEntry } from '../core/model/register.js';
import { statement } from './statements.js';

export const GENESIS_HASH = '0'.repeat(64);

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'prevHash' | 'hash'>;

type Row = Record<string, unknown>;

/** SHA-256 over the previous hash, the entry's fields (as a JSON array) and its changes as stored. */
function entryHash(prevHash: string, e: NewHistoryEntry, changesJson: string): string {
  const fields = JSON.stringify([e.at, e.entityType, e.entityId, e.entityLabel, e.organisationId, e.action, e.source, e.sourceFile, e.sourceSha256, e.batchId]);
  return digest('sha256', `${prevHash}\n${fields}\n${changesJson}`, 'hex');
}

function fromRow(r: Row): HistoryEntry {
  return {
    id: Number(r.id),
    at: String(r.at),
    entityType: r.entity_type as HistoryEntry['entityType'],
    entityId: r.entity_id == null ? null : Number(r.entity_id),
    entityLabel: String(r.entity_label),
    organisationId: r.organisation_id == null ? null : Number(r.organisation_id),
    action: r.action as HistoryEntry['action'],
    changes: JSON.parse(String(r.changes_json)) as HistoryChange[],
    source: String(r.source),
    sourceFile: String(r.source_file),
    sourceSha256: String(r.source_sha256),
    batchId: r.batch_id == null ? null : Number(r.batch_id),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  };
}

export interface HistoryQuery {
  entityType?: HistoryEntry['entityType'];
  entityId?: number;
  batchId?: number;
  limit?: number;
  beforeId?: number;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first entry that does not match, and why. */
  brokenAt?: { id: number; at: string; entity: string; reason: 'altered' | 'chain_broken' };
}

export class HistoryStore {
  private readonly insertStmt: Database.Statement;
  /** The last hash this store appended, and in which write (see `currentWrite`). */
  private tail: { write: number; hash: string } | undefined;

  /**
   * `currentWrite` names the write (one outer transaction, see Register.write) in progress, 0 when
   * none: within one write the chain's tail is the entry this store appended last, as no other
   * program can write meanwhile and a write is rolled back whole or not at all.
   */
  constructor(
    private readonly sqlite: Database.Database,
    private readonly currentWrite: () => number = () => 0,
  ) {
    this.insertStmt = statement(
      sqlite,
      `INSERT INTO history (at, entity_type, entity_id, entity_label, organisation_id, action, changes_json, source, source_file, source_sha256, batch_id, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Must run inside the transaction that makes the change. */
  append(entry: NewHistoryEntry): void {
    // Re-read the tail in every write: another process may have written since.
    const write = this.currentWrite();
    const prevHash =
      write !== 0 && this.tail?.write === write
        ? this.tail.hash
        : ((statement(this.sqlite, 'SELECT hash FROM history ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? GENESIS_HASH);
    const changesJson = JSON.stringify(entry.changes);
    const hash = entryHash(prevHash, entry, changesJson);
    this.insertStmt.run(
      entry.at,
      entry.entityType,
      entry.entityId,
      entry.entityLabel,
      entry.organisationId,
      entry.action,
      changesJson,
      entry.source,
      entry.sourceFile,
      entry.sourceSha256,
      entry.batchId,
      prevHash,
      hash,
    );
    this.tail = { write, hash };
  }

  list(q: HistoryQuery = {}): HistoryEntry[] {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (q.entityType) {
      clauses.push('entity_type = ?');
      params.push(q.entityType);
    }
    if (q.entityId !== undefined) {
      clauses.push('entity_id = ?');
      params.push(q.entityId);
    }
    if (q.batchId !== undefined) {
      clauses.push('batch_id = ?');
      params.push(q.batchId);
    }
    if (q.beforeId !== undefined) {
      clauses.push('id < ?');
      params.push(q.beforeId);
    }
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.sqlite.prepare(`SELECT * FROM history ${where} ORDER BY id DESC LIMIT ?`).all(...params, q.limit ?? 200) as Row[];
    return rows.map(fromRow);
  }

  /** How many records of each kind the register holds. */
  counts(): { organisations: number; activities: number; recipients: number; historyEntries: number } {
    const n = (table: string) => Number(statement(this.sqlite, `SELECT count(*) FROM ${table}`).pluck().get());
    return { organisations: n('organisations'), activities: n('activities'), recipients: n('recipients'), historyEntries: n('history') };
  }

  verify(): ChainCheck {
    let prev = GENESIS_HASH;
    let checked = 0;
    for (const row of this.sqlite.prepare('SELECT * FROM history ORDER BY id').iterate() as IterableIterator<Row>) {
      const e = fromRow(row);
      const entity = `${e.entityType}${e.entityLabel ? ` ${e.entityLabel}` : ''} (${e.action})`;
      if (e.prevHash !== prev) return { ok: false, checked, brokenAt: { id: e.id, at: e.at, entity, reason: 'chain_broken' } };
      if (entryHash(e.prevHash, e, String(row.changes_json)) !== e.hash) {
        return { ok: false, checked, brokenAt: { id: e.id, at: e.at, entity, reason: 'altered' } };
      }
      prev = e.hash;
      checked++;
    }
    return { ok: true, checked };
  }
}
