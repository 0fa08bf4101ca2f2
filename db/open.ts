/**
 * Opening a register file: checks that it is an Art30 register and not from a newer Art30,
 * takes a backup before any migration, applies pending migrations, and sets the pragmas.
 * A file that fails a check is left byte-for-byte untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { RegisterOpenError } from './errors.js';
import { defaultMigrationsFolder } from './paths.js';
import { ART30_APPLICATION_ID, BACKUP_APPLICATION_ID, checkAtOpen, readHeader, readJournal, SQLITE_MAGIC } from './open-checks.js';

export { ART30_APPLICATION_ID, BACKUP_APPLICATION_ID, DOCUMENT_BLOBS_TABLE, readJournal } from './open-checks.js';

/**
 * Drizzle over the register's connection, without its relational schema: the stores use the query
 * builder with the tables of db/schema.ts, never `orm.query`, and reading the schema's relations
 * costs every start of `art30` a few milliseconds.
 */
export type RegisterDatabase = BetterSQLite3Database;

export interface OpenedRegister {
  file: string;
  sqlite: Database.Database;
  orm: RegisterDatabase;
  /** The backup taken before migrating, if migrations were applied to an existing register. */
  migrationBackup: string | null;
  /**
   * Called before every write: when opening checked only the tables that are not the documents'
   * bytes (see `checkAtOpen`), the first call checks the whole file and, if it is damaged, this
   * and every later call throw: the register is read-only from then on, nothing is written.
   */
  checkBeforeWrite: () => void;
  /** Whether opening checked only the tables (the whole file is checked by `checkBeforeWrite`'s first call). */
  wholeFileCheckPending: boolean;
}

export interface OpenOptions {
  /** Create the file when missing (default true). */
  create?: boolean;
  migrationsFolder?: string;
  /** Path of a better-sqlite3 native module built for another ABI (Electron). */
  nativeBinding?: string;
  busyTimeoutMs?: number;
}

export function openRegisterFile(file: string, options: OpenOptions = {}): OpenedRegister {
  const absolute = path.resolve(file);
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const header = readHeader(absolute);
  const exists = header !== null;
  if (!exists && options.create === false) {
    throw new RegisterOpenError('not_found', 'errors.open.missing', { file: absolute }, absolute);
  }
  if (exists && header.toString('latin1') !== SQLITE_MAGIC) {
    throw new RegisterOpenError('not_a_register', 'errors.open.notSqlite', { file: path.basename(absolute) }, absolute);
  }
  if (!exists) fs.mkdirSync(path.dirname(absolute), { recursive: true });

  const nativeBinding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let sqlite: Database.Database;
  try {
    sqlite = new Database(absolute, { fileMustExist: exists, ...nativeBinding });
  } catch (error) {
    throw new RegisterOpenError('damaged', 'errors.open.failed', { file: path.basename(absolute), reason: (error as Error).message }, absolute);
  }

  try {
    const journal = readJournal(migrationsFolder);
    const known = journal.entries.length;
    let applicationId: number;
    let userVersion: number;
    let tableCount: number;
    let wholeFileChecked = !exists;
    try {
      applicationId = sqlite.pragma('application_id', { simple: true }) as number;
      userVersion = sqlite.pragma('user_version', { simple: true }) as number;
      tableCount = (sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
      // A register about to be migrated is checked whole: the migration writes.
      if (exists) wholeFileChecked = checkAtOpen(sqlite, userVersion < known);
    } catch (error) {
      if (error instanceof RegisterOpenError) throw error;
      throw damaged(absolute, (error as Error).message);
    }

    if (exists && applicationId === BACKUP_APPLICATION_ID) {
      throw new RegisterOpenError('not_a_register', 'backups.error.isBackup', { file: path.basename(absolute) }, absolute);
    }
    if (exists && applicationId !== ART30_APPLICATION_ID && (applicationId !== 0 || tableCount > 0)) {
      throw new RegisterOpenError('not_a_register', 'errors.open.notRegister', { file: path.basename(absolute) }, absolute);
    }
    if (userVersion > known) {
      throw new RegisterOpenError('newer_version', 'errors.open.newer', { file: path.basename(absolute), version: userVersion, known }, absolute);
    }

    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    let migrationBackup: string | null = null;
    if (userVersion < known) {
      if (exists && userVersion > 0) migrationBackup = backupBeforeMigration(sqlite, absolute, userVersion);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = OFF');
      const orm = drizzle(sqlite);
      try {
        migrate(orm, { migrationsFolder });
      } catch (error) {
        throw new RegisterOpenError('migration_failed', 'errors.open.migration', { reason: (error as Error).message }, absolute);
      }
      sqlite.pragma(`application_id = ${ART30_APPLICATION_ID}`);
      sqlite.pragma(`user_version = ${known}`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // A register of 10,000 activities is tens of MB: keep its pages in memory between reads.
    sqlite.pragma('cache_size = -65536');
    return {
      file: absolute,
      sqlite,
      orm: drizzle(sqlite),
      migrationBackup,
      checkBeforeWrite: wholeFileCheck(sqlite, absolute, wholeFileChecked),
      wholeFileCheckPending: !wholeFileChecked,
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

const damaged = (file: string, reason: string) => new RegisterOpenError('damaged', 'errors.open.damaged', { file: path.basename(file), reason }, file);

function wholeFileCheck(sqlite: Database.Database, file: string, checked: boolean): () => void {
  let failure: RegisterOpenError | null = null;
  return () => {
    if (failure) throw failure;
    if (checked) return;
    let check: string;
    try {
      check = sqlite.pragma('quick_check(1)', { simple: true }) as string;
    } catch (error) {
      check = (error as Error).message;
    }
    if (check !== 'ok') {
      failure = damaged(file, check);
      throw failure;
    }
    checked = true;
  };
}

function backupBeforeMigration(sqlite: Database.Database, file: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${fromVersion}-${stamp}.bak`;
  // VACUUM INTO writes a consistent copy synchronously, without touching the source file.
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}
