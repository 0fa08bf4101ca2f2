/**
 * Backups of a register that keeps documents: the register's tables go into the backup file, and
 * the documents' bytes into a content-addressed store beside it (`art30-documents/`, one file per
 * SHA-256) that only receives the documents it does not hold yet. A document's bytes never change
 * (they are named by their SHA-256), so every backup written in the same folder shares them, and a
 * backup costs the register's tables plus the documents added since the last one, not the whole file.
 *
 * The backup file is an SQLite file marked as such (`application_id` "A30B"); the documents' rows
 * are there, their bytes empty. `restoreBackup` gives back one register file holding every byte, each
 * document checked against its SHA-256. A register without documents is backed up as one file, as before.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, text } from '../core/errors.js';
import { RegisterOpenError } from './errors.js';
import { ART30_APPLICATION_ID, BACKUP_APPLICATION_ID, DOCUMENT_BLOBS_TABLE } from './open.js';

export { BACKUP_APPLICATION_ID };
/** The folder, beside a backup, holding the documents' bytes (`ab/abcdef…`: the SHA-256). */
export const DOCUMENT_STORE_DIR = 'art30-documents';

export interface StoreBackupResult {
  /** The store beside the backup. */
  store: string;
  /** Documents in the backup; those written to the store by this backup (the others were there). */
  documents: number;
  written: number;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function documentStoreOf(backupFile: string): string {
  return path.join(path.dirname(path.resolve(backupFile)), DOCUMENT_STORE_DIR);
}

function storePath(store: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not a SHA-256: ${hash}`);
  return path.join(store, hash.slice(0, 2), hash);
}

/** Whether the register `sqlite` keeps documents' bytes (then a backup uses the store). */
export function keepsDocuments(sqlite: Database.Database): boolean {
  const has = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(DOCUMENT_BLOBS_TABLE);
  return !!has && !!sqlite.prepare(`SELECT 1 FROM ${DOCUMENT_BLOBS_TABLE} LIMIT 1`).get();
}

let partials = 0;
/** A name beside `file` that no other backup running at the same time uses. */
const partialName = (file: string) => `${file}.${process.pid}-${++partials}.partial`;

/**
 * Makes the files written durable, several at a time (Node's thread pool): a first backup writes a
 * file per document, and syncing them one after the other waits for the disk a thousand times.
 */
async function syncAll(files: string[], parallel = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const handle = await fs.promises.open(files[next++], 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, files.length) }, worker));
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** `CREATE … name` as SQLite keeps it, made in the attached schema `bak`. */
function inBackup(sql: string): string {
  const m = /^CREATE\s+(UNIQUE\s+|TEMP\s+|TEMPORARY\s+)?(TABLE|INDEX|VIEW|TRIGGER)\s+(IF\s+NOT\s+EXISTS\s+)?/i.exec(sql);
  if (!m) throw new Error(`Unexpected schema statement: ${sql.slice(0, 60)}`);
  return `${m[0]}bak.${sql.slice(m[0].length)}`;
}

/**
 * Writes `destination` (which must not exist) from the open register `sqlite` (its own connection,
 * so that it works with the native module the app runs with), read in one snapshot, consistent while
 * the register is in use: its tables, rows and pragmas, the documents' bytes left empty; and those
 * bytes into the store beside `destination`, each checked against its SHA-256 before it is written.
 * Nothing is left at `destination` when it fails.
 */
export async function backupWithDocumentStore(sqlite: Database.Database, source: string, destination: string): Promise<StoreBackupResult> {
  const store = documentStoreOf(destination);
  const partial = `${destination}.partial`;
  if (sqlite.inTransaction) throw new Error('A backup is not taken inside a write.');
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
  // Without foreign key checks, SQLite copies a table's records and index entries as they are (its transfer optimisation).
  sqlite.pragma('foreign_keys = OFF');
  // An empty file is an empty database: ATTACH opens it with the register's flags, which may not allow creating one.
  fs.writeFileSync(partial, '');
  sqlite.prepare('ATTACH DATABASE ? AS bak').run(partial);
  let result: StoreBackupResult;
  // The documents written into the store by this backup: [written under a partial name, its name].
  const pending: [string, string][] = [];
  try {
    sqlite.pragma('bak.journal_mode = OFF');
    sqlite.pragma('bak.synchronous = OFF');
    sqlite.exec('BEGIN');
    try {
      // Tables first, then indexes and views, in the order they were made; triggers last.
      const objects = sqlite.prepare("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type <> 'table', rowid").all() as {
        type: string;
        name: string;
        sql: string;
      }[];
      for (const o of objects) if (o.type !== 'trigger') sqlite.exec(inBackup(o.sql));
      for (const { name } of objects.filter((o) => o.type === 'table')) {
        if (name === DOCUMENT_BLOBS_TABLE) sqlite.exec(`INSERT INTO bak.${name} (sha256, size, data) SELECT sha256, size, X'' FROM main.${name}`);
        else sqlite.exec(`INSERT INTO bak.${quote(name)} SELECT * FROM main.${quote(name)}`);
      }
      if (sqlite.prepare("SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'").get()) {
        sqlite.exec('DELETE FROM bak.sqlite_sequence; INSERT INTO bak.sqlite_sequence SELECT * FROM main.sqlite_sequence');
      }
      for (const o of objects) if (o.type === 'trigger') sqlite.exec(inBackup(o.sql));
      const userVersion = sqlite.pragma('main.user_version', { simple: true }) as number;
      if (sqlite.pragma('main.application_id', { simple: true }) !== ART30_APPLICATION_ID) throw new Error('Only an Art30 register is backed up here.');

      // The documents' bytes of the same snapshot, each written once into the store.
      const hashes = sqlite.prepare(`SELECT sha256, size FROM main.${DOCUMENT_BLOBS_TABLE}`).all() as { sha256: string; size: number }[];
      const data = sqlite.prepare(`SELECT data FROM main.${DOCUMENT_BLOBS_TABLE} WHERE sha256 = ?`).pluck();
      let written = 0;
      for (const { sha256: hash, size } of hashes) {
        const file = storePath(store, hash);
        const kept = fs.statSync(file, { throwIfNoEntry: false });
        if (kept && kept.size === size) continue;
        const bytes = data.get(hash) as Buffer;
        if (sha256(bytes) !== hash) {
          throw new RegisterOpenError('damaged', 'backups.error.damagedDocument', { file: path.basename(source), sha256: hash }, source);
        }
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = partialName(file);
        pending.push([tmp, file]);
        fs.writeFileSync(tmp, bytes);
        written++;
      }
      sqlite.pragma(`bak.user_version = ${userVersion}`);
      sqlite.pragma(`bak.application_id = ${BACKUP_APPLICATION_ID}`);
      sqlite.exec('COMMIT');
      result = { store, documents: hashes.length, written };
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  } catch (error) {
    sqlite.exec('DETACH DATABASE bak');
    sqlite.pragma(`foreign_keys = ${foreignKeys}`);
    for (const [tmp] of pending) fs.rmSync(tmp, { force: true });
    fs.rmSync(partial, { force: true });
    throw error;
  }
  sqlite.exec('DETACH DATABASE bak');
  sqlite.pragma(`foreign_keys = ${foreignKeys}`);
  // The register is free again: the files are made durable outside its transaction, then named,
  // each document before the backup that names it.
  try {
    // Only when this backup wrote documents: a round trip through the thread pool costs more than one sync.
    if (pending.length) await syncAll(pending.map(([tmp]) => tmp));
    fsyncFile(partial);
  } catch (error) {
    for (const [tmp] of pending) fs.rmSync(tmp, { force: true });
    fs.rmSync(partial, { force: true });
    throw error;
  }
  for (const [tmp, file] of pending) fs.renameSync(tmp, file);
  fs.renameSync(partial, destination);
  return result;
}

/** Whether `file` is a backup whose documents are in the store beside it. */
export function isStoreBackup(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('application_id', { simple: true }) === BACKUP_APPLICATION_ID;
  } finally {
    db.close();
  }
}

/**
 * Writes `out` (which must not exist), one register file, from a backup: a complete backup is
 * copied; a backup with a document store gets every document's bytes back from the store, each
 * checked against its SHA-256. Refused, with nothing written, when a document is missing or differs.
 */
export async function restoreBackup(backup: string, out: string, store = documentStoreOf(backup)): Promise<{ file: string; documents: number }> {
  if (fs.existsSync(out)) throw new AppError('bad_input', text('backups.error.exists', { file: out }));
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  const db = new Database(partial);
  let documents = 0;
  try {
    if (db.pragma('application_id', { simple: true }) === BACKUP_APPLICATION_ID) {
      const rows = db.prepare(`SELECT sha256, size FROM ${DOCUMENT_BLOBS_TABLE}`).all() as { sha256: string; size: number }[];
      const put = db.prepare(`UPDATE ${DOCUMENT_BLOBS_TABLE} SET data = ? WHERE sha256 = ?`);
      const names = db.prepare('SELECT name FROM documents WHERE sha256 = ? ORDER BY id').pluck();
      db.transaction(() => {
        for (const { sha256: hash, size } of rows) {
          const file = storePath(store, hash);
          const bytes = fs.existsSync(file) ? fs.readFileSync(file) : null;
          const name = () => (names.all(hash) as string[]).join(', ') || hash;
          if (!bytes) throw new RegisterOpenError('damaged', 'backups.error.storeMissing', { name: name(), file }, backup);
          if (bytes.length !== size || sha256(bytes) !== hash) throw new RegisterOpenError('damaged', 'backups.error.storeDiffers', { name: name(), file }, backup);
          put.run(bytes, hash);
          documents++;
        }
      })();
      db.pragma(`application_id = ${ART30_APPLICATION_ID}`);
    }
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    fs.rmSync(partial, { force: true });
    throw error;
  }
  db.close();
  fsyncFile(partial);
  fs.renameSync(partial, out);
  return { file: path.resolve(out), documents };
}
