/**
 * Backups of a register keeping documents (db/backup.ts): the tables in the backup file, the
 * documents' bytes in the store beside it, written once; a restore gives back exactly the register.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_STORE_DIR, restoreBackup } from '../db/backup.js';
import { dispatch, unwrap, type ApiResult } from './api/dispatch.js';
import type { ApiInput, ApiOutput, ProcedureName } from './api/table.js';
import { RegisterOpenError } from '../db/errors.js';
import { addDocument, documentContent, listDocuments, removeDocument } from './documents/services.js';
import { Register, type CallMeta } from './register.js';
import { openTempRegister, type TempRegister } from './testing/temp-register.js';

const meta: CallMeta = { source: 'cli' };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);

const temps: { cleanup(): void }[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});

/** Every row of every table, in order: what "exactly the register" means here. */
function everyRow(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
    out['#pragmas'] = [db.pragma('user_version', { simple: true }), db.pragma('application_id', { simple: true })];
    return out;
  } finally {
    db.close();
  }
}

/** A register file keeping five documents (one removed), opened again as the app and `art30` open an existing file. */
function registerWithDocuments(): TempRegister {
  const t = openTempRegister({ demo: true });
  const ids = t.reg.activities.list({}).map((a) => a.id);
  for (let i = 0; i < 5; i++) addDocument(t.reg, { ownerType: 'activity', ownerId: ids[i % ids.length], name: `contrat-${i}.pdf`, bytes: pdf(50_000 + i) }, meta);
  const removed = listDocuments(t.reg)[1];
  removeDocument(t.reg, removed.id, removed.version, meta);
  t.reg.close();
  const reg = Register.open(t.file);
  const result = <N extends ProcedureName>(name: N, input: ApiInput<N>) => dispatch(reg, name, input, meta, { trusted: true }) as Promise<ApiResult<ApiOutput<N>>>;
  const reopened: TempRegister = {
    ...t,
    reg,
    result,
    call: async (name, input) => unwrap(await result(name, input)) as ApiOutput<typeof name>,
    cleanup: () => {
      reg.close();
      t.cleanup();
    },
  };
  temps.push(reopened);
  return reopened;
}

const storeFiles = (dir: string) => fs.readdirSync(path.join(dir, DOCUMENT_STORE_DIR), { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f)));

describe('a backup with the document store beside it', () => {
  it('writes the documents once, and a restore gives back exactly the register: every row, every document’s SHA-256, every activity', async () => {
    const t = registerWithDocuments();
    const backups = path.join(t.dir, 'backups');
    fs.mkdirSync(backups);
    const first = path.join(backups, 'lundi.art30');
    const r1 = await t.call('register/backup', { out: first, documents: 'store' });
    expect(r1.store).toMatchObject({ documents: 5, written: 5 });
    expect(storeFiles(backups)).toHaveLength(5);
    expect(fs.readdirSync(backups, { recursive: true }).filter((f) => String(f).endsWith('.partial'))).toEqual([]);
    // The backup file holds the tables, not the documents' bytes.
    const registerBytes = (t.reg.sqlite.pragma('page_count', { simple: true }) as number) * (t.reg.sqlite.pragma('page_size', { simple: true }) as number);
    expect(fs.statSync(first).size).toBeLessThan(registerBytes - 250_000);

    // The next backup in the same folder writes only the new document.
    addDocument(t.reg, { ownerType: 'activity', ownerId: t.reg.activities.list({})[0].id, name: 'avenant.pdf', bytes: pdf(70_000) }, meta);
    const second = path.join(backups, 'mardi.art30');
    const r2 = await t.call('register/backup', { out: second, documents: 'store' });
    expect(r2.store).toMatchObject({ documents: 6, written: 1 });
    expect(storeFiles(backups)).toHaveLength(6);

    const expected = everyRow(t.file);
    const activities = await t.call('activities/list', { organisationId: 1 });
    const restored = path.join(t.dir, 'restored.art30');
    expect(await restoreBackup(second, restored)).toMatchObject({ documents: 6 });
    expect(everyRow(restored)).toEqual(expected);
    const reg = Register.open(restored);
    try {
      const docs = listDocuments(reg);
      expect(docs.map((d) => d.sha256)).toEqual(listDocuments(t.reg).map((d) => d.sha256));
      for (const d of docs) expect(sha256(documentContent(reg, d.id).bytes)).toBe(d.sha256);
      expect(reg.activities.list({})).toEqual(t.reg.activities.list({}));
      expect(activities.length).toBeGreaterThan(0);
    } finally {
      reg.close();
    }
    // The first backup still restores to the register as it was then: five documents kept, one removed.
    const monday = path.join(t.dir, 'monday.art30');
    await restoreBackup(first, monday);
    const past = Register.open(monday);
    try {
      expect(listDocuments(past)).toHaveLength(4);
    } finally {
      past.close();
    }
  });

  it('is not opened as a register: it says to restore it', async () => {
    const t = registerWithDocuments();
    const out = path.join(t.dir, 'b.art30');
    await t.reg.backup(out, { documents: 'store' });
    expect(() => Register.open(out)).toThrow(RegisterOpenError);
    expect(() => Register.open(out)).toThrow(/b\.art30 is a backup whose documents are kept in the art30-documents folder beside it: restore it first/);
  });

  it('refuses to restore, writing nothing, when a document is missing from the store or differs, naming it', async () => {
    const t = registerWithDocuments();
    const out = path.join(t.dir, 'b.art30');
    await t.reg.backup(out, { documents: 'store' });
    const doc = listDocuments(t.reg)[0];
    const kept = path.join(t.dir, DOCUMENT_STORE_DIR, doc.sha256.slice(0, 2), doc.sha256);
    const bytes = fs.readFileSync(kept);

    fs.writeFileSync(kept, Buffer.concat([bytes.subarray(0, 100), Buffer.from([bytes[100] ^ 1]), bytes.subarray(101)]));
    const restored = path.join(t.dir, 'restored.art30');
    await expect(restoreBackup(out, restored)).rejects.toThrow(new RegExp(`The document contrat-0\\.pdf in the backup’s document store .* is not the one backed up`));
    expect(fs.existsSync(restored)).toBe(false);
    expect(fs.existsSync(`${restored}.partial`)).toBe(false);

    fs.rmSync(kept);
    await expect(restoreBackup(out, restored)).rejects.toThrow(/The document contrat-0\.pdf is missing from the backup’s document store/);
    expect(fs.existsSync(restored)).toBe(false);

    fs.writeFileSync(kept, bytes);
    await restoreBackup(out, restored);
    expect(everyRow(restored)).toEqual(everyRow(t.file));
  });

  it('refuses to back up a document whose bytes are damaged in the register, leaving no backup', async () => {
    const t = registerWithDocuments();
    const doc = listDocuments(t.reg)[2];
    t.reg.sqlite.prepare('UPDATE document_blobs SET data = ? WHERE sha256 = ?').run(pdf(10), doc.sha256);
    const out = path.join(t.dir, 'b.art30');
    const r = await t.result('register/backup', { out, documents: 'store' });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/A document kept in register\.art30 is damaged/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    const store = path.join(t.dir, DOCUMENT_STORE_DIR);
    expect(fs.existsSync(store) ? fs.readdirSync(store, { recursive: true }).filter((f) => String(f).endsWith('.partial')) : []).toEqual([]);
    // The register is still in use afterwards: foreign keys back on, nothing attached.
    expect(t.reg.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(
      t.reg.sqlite
        .prepare('PRAGMA database_list')
        .all()
        .map((d) => (d as { name: string }).name),
    ).not.toContain('bak');
    addDocument(t.reg, { ownerType: 'activity', ownerId: doc.owner.id, name: 'autre.pdf', bytes: pdf(100) }, meta);
  });

  it('a register without documents is backed up as one complete file, as before', async () => {
    const t = openTempRegister({ demo: true });
    temps.push(t);
    const out = path.join(t.dir, 'b.art30');
    const r = await t.call('register/backup', { out, documents: 'store' });
    expect(r.store).toBeUndefined();
    expect(fs.existsSync(path.join(t.dir, DOCUMENT_STORE_DIR))).toBe(false);
    expect(everyRow(out)).toEqual(everyRow(t.file));
    Register.open(out).close();
  });
});
