/**
 * What opening a register checks before it trusts the file (the header, the Art30 mark, the
 * version of its schema, SQLite's integrity check), and `openForReading`: a register opened only to
 * be read when none of those checks asks for more. Apart from db/open.ts, which migrates, explains
 * what it refuses and loads drizzle, so that a read of the register from the command line
 * (`art30 list`, cli/quick.ts) loads only this.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** "A30R" in the SQLite header: marks the file as an Art30 register. */
export const ART30_APPLICATION_ID = 0x41333052;
/** "A30B": a backup whose documents' bytes are kept in the store beside it (db/backup.ts); restored, not opened. */
export const BACKUP_APPLICATION_ID = 0x41333042;
export const SQLITE_MAGIC = 'SQLite format 3\0';

export interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function readJournal(migrationsFolder: string): Journal {
  return JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/**
 * The first 16 bytes of the file, read without a stat (the first `fs.statSync` of a process costs
 * `art30` a few milliseconds at each start); null when there is no file or an empty one (a new register).
 */
export function readHeader(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    return read ? header.subarray(0, read) : null;
  } finally {
    fs.closeSync(fd);
  }
}

/** The table holding the documents' bytes (content-addressed: each row is checked against its SHA-256 when read). */
export const DOCUMENT_BLOBS_TABLE = 'document_blobs';

/**
 * The integrity check at opening (SQLite's quick_check: every b-tree page, its cells and indexes).
 * It reads every page of the file, and documents kept in the register can make most of its bytes:
 * when they do, opening checks every table except the documents' bytes (what the register's screens
 * and lists read), and the whole file is checked before the first write (`wholeFileCheck`). A
 * document's bytes read meanwhile are checked against its SHA-256. Returns whether the whole file was checked.
 */
export function checkAtOpen(sqlite: Database.Database, whole: boolean): boolean {
  const fileBytes = (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number);
  const hasBlobs = !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(DOCUMENT_BLOBS_TABLE);
  const blobBytes = hasBlobs ? Number(sqlite.prepare(`SELECT coalesce(sum(length(data)), 0) FROM ${DOCUMENT_BLOBS_TABLE}`).pluck().get()) : 0;
  if (whole || blobBytes * 2 <= fileBytes) {
    const check = sqlite.pragma('quick_check(1)', { simple: true }) as string;
    if (check !== 'ok') throw new Error(check);
    return true;
  }
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> ?").pluck().all(DOCUMENT_BLOBS_TABLE) as string[];
  for (const table of tables) {
    const check = sqlite
      .prepare(`PRAGMA quick_check("${table.replace(/"/g, '""')}")`)
      .pluck()
      .get() as string;
    if (check !== 'ok') throw new Error(check);
  }
  return false;
}

/**
 * A register opened only to be read, when opening it needs nothing else: an Art30 register of the
 * schema these migrations give, that SQLite's integrity check finds sound (the same check as
 * `openRegisterFile`: the whole file, or every table but the documents' bytes when they make most of
 * it). Null in every other case — no file, another kind of file, a backup, a register to migrate or
 * from a newer Art30, a damaged one, a file SQLite cannot open —, for which the caller opens it
 * with `openRegisterFile`, which migrates or explains the refusal. Writes nothing.
 */
export function openForReading(file: string, migrationsFolder: string, busyTimeoutMs = 5000): Database.Database | null {
  let sqlite: Database.Database | undefined;
  try {
    if (readHeader(file)?.toString('latin1') !== SQLITE_MAGIC) return null;
    sqlite = new Database(file, { fileMustExist: true });
    if (sqlite.pragma('application_id', { simple: true }) !== ART30_APPLICATION_ID) throw new Error('not an Art30 register');
    if (sqlite.pragma('user_version', { simple: true }) !== readJournal(migrationsFolder).entries.length) throw new Error('another schema version');
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    checkAtOpen(sqlite, false);
    return sqlite;
  } catch {
    sqlite?.close();
    return null;
  }
}
