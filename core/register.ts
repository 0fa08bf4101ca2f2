/**
 * An open register file and the stores over it. Every write goes through `write()`: one
 * IMMEDIATE transaction, in which the change and its history entries are recorded together.
 */
import { ActivityStore } from '../db/activity-store.js';
import { backupWithDocumentStore, keepsDocuments, type StoreBackupResult } from '../db/backup.js';
import { bulkWrite } from '../db/bulk-write.js';
import { HistoryStore, type NewHistoryEntry } from '../db/history-store.js';
import { ImportStore } from '../db/import-store.js';
import { openRegisterFile, type OpenOptions, type OpenedRegister } from '../db/open.js';
import { ReferenceStore } from '../db/reference-store.js';
import type { ChangeSource } from './model/codes.js';
import { ensureBundledDataset } from './reference/apply.js';
import type { HistoryEntry } from './model/register.js';
import { OrganisationStore } from '../db/organisation-store.js';
import { RecipientStore } from '../db/recipient-store.js';

/** Who is making a change, recorded in the history. */
export interface CallMeta {
  source: ChangeSource;
  sourceFile?: string;
  sourceSha256?: string;
  batchId?: number | null;
  /** The change comes from a department (a campaign answer): it submits the activity to the DPO (issue 25). An import always does. */
  submits?: boolean;
}

export const DEFAULT_META: CallMeta = { source: 'system' };

export class Register {
  readonly activities: ActivityStore;
  readonly history: HistoryStore;
  readonly reference: ReferenceStore;
  readonly imports: ImportStore;
  readonly organisations: OrganisationStore;
  readonly recipients: RecipientStore;
  /** Clock, replaceable in tests. */
  now: () => string = () => new Date().toISOString();

  /** The write (outer transaction) in progress, 0 outside `write()`; each write gets a new number. */
  private currentWrite = 0;
  private writes = 0;

  private constructor(readonly db: OpenedRegister) {
    this.activities = new ActivityStore(db.sqlite);
    this.history = new HistoryStore(db.sqlite, () => this.currentWrite);
    this.reference = new ReferenceStore(db.sqlite);
    this.imports = new ImportStore(db.sqlite);
    this.organisations = new OrganisationStore(db.orm);
    this.recipients = new RecipientStore(db.orm);
  }

  static open(file: string, options: OpenOptions = {}): Register {
    const reg = new Register(openRegisterFile(file, options));
    try {
      // The dated reference data shipped with this Art30, when the register's is older (core/reference/apply.ts).
      ensureBundledDataset(reg);
    } catch (error) {
      reg.close();
      throw error;
    }
    if (reg.db.wholeFileCheckPending) reg.checkWholeFileSoon();
    return reg;
  }

  /**
   * When opening checked only the tables (a register whose documents are most of its bytes), the
   * whole file is checked shortly after, once the window has what it shows, so that the DPO's first
   * change does not wait for it; a damaged file is then refused at its first write. The timer does
   * not keep a process alive (a command of `art30` that only reads ends before it).
   */
  private checkWholeFileSoon(delayMs = 1500): void {
    setTimeout(() => {
      if (!this.db.sqlite.open || this.db.sqlite.inTransaction) return;
      try {
        this.db.checkBeforeWrite();
      } catch {
        // Remembered: every write from now on is refused with the reason.
      }
    }, delayMs).unref();
  }

  get file(): string {
    return this.db.file;
  }

  get sqlite() {
    return this.db.sqlite;
  }

  get orm() {
    return this.db.orm;
  }

  /** Runs `fn` in one IMMEDIATE transaction; nested calls join the outer transaction. */
  write<T>(fn: () => T): T {
    if (this.db.sqlite.inTransaction) return fn();
    // A register opened with a partial integrity check is checked whole before its first write.
    this.db.checkBeforeWrite();
    const id = ++this.writes;
    return this.db.sqlite
      .transaction(() => {
        this.currentWrite = id;
        try {
          return fn();
        } finally {
          this.currentWrite = 0;
        }
      })
      .immediate();
  }

  /**
   * `write()` for thousands of rows (an import): through a rollback journal rather than the WAL when
   * the register has no other connection (db/bulk-write.ts).
   */
  bulkWrite<T>(fn: () => T): T {
    return bulkWrite(this.db.sqlite, () => this.write(fn));
  }

  /** Records a change in the history; must be called inside `write()`. */
  record(meta: CallMeta, entry: Omit<NewHistoryEntry, 'at' | 'source' | 'sourceFile' | 'sourceSha256' | 'batchId'> & { at?: string }): void {
    this.history.append({
      at: entry.at ?? this.now(),
      source: meta.source,
      sourceFile: meta.sourceFile ?? '',
      sourceSha256: meta.sourceSha256 ?? '',
      batchId: meta.batchId ?? null,
      ...entry,
    } as Omit<HistoryEntry, 'id' | 'prevHash' | 'hash'>);
  }

  /**
   * Online backup to another file, consistent even while the register is in use. With
   * `documents: 'store'`, a register that keeps documents is backed up as its tables plus the
   * document store beside `destination` (db/backup.ts: only the documents the store does not hold
   * yet are written; restored with `restoreBackup`); by default, one file holding every byte.
   */
  async backup(destination: string, options: { documents?: 'inside' | 'store' } = {}): Promise<StoreBackupResult | null> {
    if (options.documents === 'store' && keepsDocuments(this.db.sqlite)) {
      return backupWithDocumentStore(this.db.sqlite, this.db.file, destination);
    }
    await this.db.sqlite.backup(destination);
    return null;
  }

  close(): void {
    if (this.db.sqlite.open) this.db.sqlite.close();
  }
}
