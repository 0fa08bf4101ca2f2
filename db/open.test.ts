import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/temp-register.js';
import { RegisterOpenError } from './errors.js';
import { ART30_APPLICATION_ID, openRegisterFile, readJournal } from './open.js';
import { defaultMigrationsFolder } from './paths.js';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectOpenError(file: string, code: string, message: RegExp) {
  try {
    openRegisterFile(file, { create: false }).sqlite.close();
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterOpenError);
    expect((error as RegisterOpenError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error(`opening ${file} should have failed with ${code}`);
}

describe('opening a register file', () => {
  it('creates a new register from empty with every migration, WAL, foreign keys and reference data', () => {
    const file = path.join(dir(), 'new.art30');
    const { sqlite, migrationBackup } = openRegisterFile(file);
    expect(migrationBackup).toBeNull();
    expect(sqlite.pragma('application_id', { simple: true })).toBe(ART30_APPLICATION_ID);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(readJournal(defaultMigrationsFolder()).entries.length);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").pluck().all() as string[]).sort();
    for (const t of ['activities', 'organisations', 'recipients', 'history', 'countries', 'vocabulary', 'activity_transfers', 'activity_search']) {
      expect(tables).toContain(t);
    }
    expect(sqlite.prepare('SELECT count(*) FROM countries').pluck().get()).toBe(249);
    const us = sqlite.prepare("SELECT * FROM countries WHERE code = 'US'").get() as Record<string, unknown>;
    expect(us).toMatchObject({ name_fr: 'États-Unis', eea: 0, adequacy: 'partial', adequacy_decision_date: '2023-07-10' });
    expect(sqlite.prepare('SELECT count(*) FROM countries WHERE eea = 1').pluck().get()).toBe(30);
    expect(sqlite.prepare("SELECT legacy FROM vocabulary WHERE kind = 'transfer_safeguard' AND code = 'privacy_shield_legacy'").pluck().get()).toBe(1);
    sqlite.close();
    // Opening again applies nothing and keeps the data.
    const again = openRegisterFile(file);
    expect(again.migrationBackup).toBeNull();
    again.sqlite.close();
  });

  it('refuses a file that is not SQLite, and leaves it untouched', () => {
    const file = path.join(dir(), 'notes.art30');
    fs.writeFileSync(file, 'Nom du traitement;Finalité\nPaie;Paie\n');
    const before = digest(file);
    expectOpenError(file, 'not_a_register', /notes\.art30 is not an Art30 register: it is not an SQLite database/);
    expect(digest(file)).toBe(before);
  });

  it('refuses another application’s SQLite database, and leaves it untouched', () => {
    const file = path.join(dir(), 'other.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('x');");
    db.close();
    const before = digest(file);
    expectOpenError(file, 'not_a_register', /is an SQLite database, but not an Art30 register/);
    expect(digest(file)).toBe(before);
  });

  it('refuses a register written by a newer Art30, and leaves it untouched', () => {
    const file = path.join(dir(), 'future.art30');
    const { sqlite } = openRegisterFile(file);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('user_version = 99');
    sqlite.close();
    const before = digest(file);
    expectOpenError(file, 'newer_version', /written by a newer version of Art30 \(register format 99.*the file was not changed/);
    expect(digest(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a damaged register with a clear message, and leaves it untouched', () => {
    const file = path.join(dir(), 'damaged.art30');
    const { sqlite } = openRegisterFile(file);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.close();
    const bytes = fs.readFileSync(file);
    // Keep the header, scribble over the pages.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    fs.writeFileSync(file, bytes);
    const before = digest(file);
    expectOpenError(file, 'damaged', /damaged\.art30 is damaged and cannot be read/);
    expect(digest(file)).toBe(before);
  });

  describe('a register whose documents are most of its bytes', () => {
    const PAGE = 4096;
    /** A register holding 4 MB of documents (bytes of a recognisable pattern) and one organisation, closed (its WAL emptied into the file). */
    function registerWithDocuments(): string {
      const file = path.join(dir(), 'documents.art30');
      const { sqlite } = openRegisterFile(file);
      sqlite.prepare("INSERT INTO organisations (name) VALUES ('Mairie de Zzyzx')").run();
      const put = sqlite.prepare('INSERT INTO document_blobs (sha256, size, data) VALUES (?, ?, ?)');
      for (let i = 0; i < 4; i++) put.run(`${i}`.repeat(64), 1 << 20, Buffer.alloc(1 << 20, 0x5a + i));
      sqlite.close();
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      return file;
    }
    /** Offsets of the pages holding only `byte` after their first 4 bytes (overflow pages of a document). */
    function overflowPages(bytes: Buffer, byte: number): number[] {
      const out: number[] = [];
      for (let p = PAGE; p + PAGE <= bytes.length; p += PAGE) {
        if (bytes[p + 4] === byte && bytes[p + PAGE - 1] === byte && bytes.subarray(p + 4, p + PAGE).every((b) => b === byte)) out.push(p);
      }
      return out;
    }

    it('opens after checking the other tables, and checks the whole file before the first write: a damaged document refuses every write, the file untouched', () => {
      const file = registerWithDocuments();
      const bytes = fs.readFileSync(file);
      const pages = overflowPages(bytes, 0x5b);
      expect(pages.length).toBeGreaterThan(200);
      // Break the chain of one document's overflow pages (its "next page" pointer).
      bytes.writeUInt32BE(0xfffffff0, pages[100]);
      fs.writeFileSync(file, bytes);
      const before = digest(file);

      const opened = openRegisterFile(file, { create: false });
      try {
        expect(opened.sqlite.prepare('SELECT name FROM organisations').pluck().get()).toBe('Mairie de Zzyzx');
        for (let i = 0; i < 2; i++) {
          let error: unknown;
          try {
            opened.checkBeforeWrite();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(RegisterOpenError);
          expect((error as RegisterOpenError).code).toBe('damaged');
          expect((error as Error).message).toMatch(/documents\.art30 is damaged and cannot be read/);
        }
      } finally {
        opened.sqlite.close();
      }
      expect(digest(file)).toBe(before);
    });

    it('an intact register opens, passes the check before its first write, and is written', () => {
      const file = registerWithDocuments();
      const opened = openRegisterFile(file, { create: false });
      opened.checkBeforeWrite();
      opened.checkBeforeWrite();
      opened.sqlite.prepare("INSERT INTO organisations (name) VALUES ('Syndicat des eaux')").run();
      expect(opened.sqlite.prepare('SELECT count(*) FROM organisations').pluck().get()).toBe(2);
      opened.sqlite.close();
    });

    it('a damaged table other than the documents’ bytes is still refused at opening, the file untouched', () => {
      const file = registerWithDocuments();
      const bytes = fs.readFileSync(file);
      const at = bytes.indexOf('Mairie de Zzyzx');
      expect(at).toBeGreaterThan(0);
      // The organisations' leaf page: an impossible page type.
      bytes[Math.floor(at / PAGE) * PAGE] = 0x07;
      fs.writeFileSync(file, bytes);
      const before = digest(file);
      expectOpenError(file, 'damaged', /documents\.art30 is damaged and cannot be read/);
      expect(digest(file)).toBe(before);
    });
  });

  it('takes a backup before migrating an older register, then upgrades it', () => {
    const d = dir();
    const file = path.join(d, 'old.art30');
    // An "older Art30" knows only the first migration.
    const oldMigrations = path.join(d, 'old-migrations');
    fs.cpSync(defaultMigrationsFolder(), oldMigrations, { recursive: true });
    const journalFile = path.join(oldMigrations, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const old = openRegisterFile(file, { migrationsFolder: oldMigrations });
    old.sqlite.prepare("INSERT INTO organisations (name) VALUES ('Mairie de Villefranche')").run();
    expect(old.sqlite.pragma('user_version', { simple: true })).toBe(1);
    old.sqlite.close();

    const upgraded = openRegisterFile(file);
    expect(upgraded.migrationBackup).toMatch(/old\.art30\.v1-.*\.bak$/);
    expect(upgraded.sqlite.prepare('SELECT count(*) FROM countries').pluck().get()).toBe(249);
    expect(upgraded.sqlite.prepare('SELECT name FROM organisations').pluck().get()).toBe('Mairie de Villefranche');
    upgraded.sqlite.close();
    const backup = new Database(upgraded.migrationBackup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM organisations').pluck().get()).toBe('Mairie de Villefranche');
    backup.close();
  });
});
