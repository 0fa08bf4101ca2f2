/**
 * `art30 backup` of a register keeping documents (the document store beside the backup) and
 * `art30 restore`, run as a DPO types them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, useTempFolder } from './testing.js';

const tmp = useTempFolder();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function blobs(file: string): { sha256: string; data: Buffer }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT sha256, data FROM document_blobs ORDER BY sha256').all() as { sha256: string; data: Buffer }[];
  } finally {
    db.close();
  }
}

describe('art30 backup and art30 restore', () => {
  it('writes the documents beside the backup once, says so, and restores one register file holding them', async () => {
    expect((await runCli('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const contract = path.join(tmp.dir, 'Contrat PaieFacile.pdf');
    fs.writeFileSync(contract, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(30_000, 7)]));
    const attached = await runCli('attach', 'T-001', contract, '--org', '1', '--to', 'activity', '--db', tmp.db);
    expect(attached.code, attached.err).toBe(0);

    const backups = path.join(tmp.dir, 'sauvegardes');
    fs.mkdirSync(backups);
    const first = await runCli('backup', '--out', path.join(backups, 'lundi.art30'), '--db', tmp.db);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/Its documents \(1\) are in .*art30-documents: 1 written by this backup/);
    const second = await runCli('backup', '--out', path.join(backups, 'mardi.art30'), '--json', '--db', tmp.db);
    expect(JSON.parse(second.out).store).toMatchObject({ documents: 1, written: 0 });

    // The backup is not a register to open: it says how to restore it.
    const opened = await runCli('list', '--db', path.join(backups, 'mardi.art30'));
    expect(opened.code).toBe(2);
    expect(opened.err).toMatch(/is a backup whose documents are kept in the art30-documents folder beside it/);

    const restored = path.join(tmp.dir, 'restauré.art30');
    const r = await runCli('restore', path.join(backups, 'mardi.art30'), '--out', restored);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Register restored to .*restauré\.art30; documents checked against their SHA-256: 1\./);
    expect(blobs(restored)).toEqual(blobs(tmp.db));
    expect(sha256(blobs(restored)[0].data)).toBe(blobs(restored)[0].sha256);
    expect((await runCli('list', '--db', restored)).out).toBe((await runCli('list', '--db', tmp.db)).out);

    // --complete: one file, as before.
    const complete = path.join(tmp.dir, 'complete.art30');
    expect((await runCli('backup', '--complete', '--out', complete, '--db', tmp.db)).code).toBe(0);
    expect(blobs(complete)).toEqual(blobs(tmp.db));
  });
});
