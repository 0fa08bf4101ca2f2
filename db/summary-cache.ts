/**
 * The rows of the register table, kept in memory between two writes.
 *
 * Reading 10,000 summaries costs about 50 ms on a small laptop, nearly all of it spent turning
 * SQLite values into JavaScript strings; the register table asks for them after every search,
 * filter and tab change. The cache is keyed on what SQLite says about the file, not on which
 * code path wrote:
 * - `total_changes()` moves on every row this connection inserts, updates or deletes (history,
 *   import batches and rolled-back work included: a write anywhere throws the cache away);
 * - `PRAGMA data_version` moves when another connection (the CLI, a second window) commits.
 * Inside a transaction the cache is neither used nor filled: what is read there may be rolled back.
 * Cached summaries are frozen, so a caller that tries to change one fails loudly instead of
 * corrupting what the next caller sees.
 */
import type Database from 'better-sqlite3';
import type { ActivitySummary } from '../core/model/register.js';
import { statement } from './statements.js';

const KEY_SQL = "SELECT total_changes() || ':' || data_version FROM pragma_data_version";

export class SummaryCache {
  private key: string | undefined;
  private byId = new Map<number, ActivitySummary>();

  constructor(private readonly sqlite: Database.Database) {}

  /**
   * The summaries of `ids`, in that order, from memory when nothing was written since they were
   * read; `readAll` reads every summary of the register when something was.
   * Undefined inside a transaction: the caller reads from SQL.
   */
  pick(ids: number[], readAll: () => ActivitySummary[]): ActivitySummary[] | undefined {
    if (this.sqlite.inTransaction) return undefined;
    const key = statement(this.sqlite, KEY_SQL).pluck().get() as string;
    if (key !== this.key) {
      this.byId = new Map(readAll().map((s) => [s.id, freeze(s)]));
      this.key = key;
    }
    const out = new Array<ActivitySummary>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const s = this.byId.get(ids[i]);
      // Cannot happen without a write, which changes the key; read from SQL rather than guess.
      if (!s) return undefined;
      out[i] = s;
    }
    return out;
  }
}

function freeze(s: ActivitySummary): ActivitySummary {
  Object.freeze(s.legalBases);
  Object.freeze(s.transferCountries);
  return Object.freeze(s);
}
