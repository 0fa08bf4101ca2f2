import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { files } from '../../core/documents/testing.js';
import { runCli, runCliWith, useTempFolder } from '../testing.js';

const tmp = useTempFolder();

describe('art30 attach, documents, export --bundle, verify-bundle', () => {
  it('attaches files by reference, lists them, bundles them and verifies the bundle (exit 0, then 2 naming the altered file)', async () => {
    expect((await runCli('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const dpa = path.join(tmp.dir, 'DPA PaieFacile.pdf');
    fs.writeFileSync(dpa, Buffer.concat([files.pdf('dpa'), Buffer.alloc(3000, 0x42)]));
    const mail = path.join(tmp.dir, 'échange.eml');
    fs.writeFileSync(mail, files.eml());
    const exe = path.join(tmp.dir, 'outil.exe');
    fs.writeFileSync(exe, files.exe());

    const a = await runCliWith({ ART30_LANG: 'en' }, 'attach', 'T-001', dpa, '--org', '1', '--by', 'Claire', '--db', tmp.db);
    expect(a.err).toBe('');
    expect(a.out).toMatch(/^Attached DPA PaieFacile\.pdf to activity T-001 \(\d+ bytes, SHA-256 [0-9a-f]{64}\)\n$/);
    expect((await runCli('attach', 'B-001', mail, '--org', '1', '--audience', 'internal', '--db', tmp.db)).code).toBe(0);
    const bad = await runCliWith({ ART30_LANG: 'fr' }, 'attach', 'T-001', exe, '--org', '1', '--db', tmp.db);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('« outil.exe » est un programme');
    expect((await runCli('attach', 'T-999', dpa, '--org', '1', '--db', tmp.db)).code).toBe(2);
    expect((await runCli('attach', 'T-001', '--db', tmp.db)).code).toBe(1);

    const list = await runCli('documents', 'list', 'T-001', '--org', '1', '--json', '--db', tmp.db);
    const docs = JSON.parse(list.out) as { id: number; name: string; ownerType: string; addedBy: string }[];
    expect(docs.map((d) => [d.ownerType, d.name])).toEqual([
      ['activity', 'DPA PaieFacile.pdf'],
      ['breach', 'échange.eml'],
    ]);
    expect(docs[0].addedBy).toBe('Claire');
    const text = await runCliWith({ ART30_LANG: 'en' }, 'documents', 'list', '--db', tmp.db);
    expect(text.out).toMatch(/activity T-001\s+DPA PaieFacile\.pdf\s+PDF/);
    expect(text.out).toMatch(/2 documents\n$/);

    const zip = path.join(tmp.dir, 'audit.zip');
    const b = await runCliWith({ ART30_LANG: 'en' }, 'export', '--bundle', '--out', zip, '--org', '1', '--refs', 'T-001', '--db', tmp.db);
    expect(b.err).toBe('');
    expect(b.out).toMatch(/^Audit bundle written: .*audit\.zip \(\d+ files, SHA-256 [0-9a-f]{64}\)\n$/);
    const names = Object.keys(unzipSync(fs.readFileSync(zip)));
    expect(names).toEqual(expect.arrayContaining(['manifest.json', 'SHA256SUMS', 'README.txt', 'documents/T-001 Gestion de la paie/DPA PaieFacile.pdf']));
    // The e-mail is kept for internal use only: not in a bundle for the authority.
    expect(names.some((n) => n.endsWith('échange.eml'))).toBe(false);
    const ok = await runCliWith({ ART30_LANG: 'en' }, 'verify-bundle', zip);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toMatch(/all \d+ files match the manifest/);
    // An inspector needs no register to verify it.
    expect((await runCli('verify-bundle', zip, '--db', path.join(tmp.dir, 'none.art30'))).code).toBe(0);

    const bytes = fs.readFileSync(zip);
    bytes[bytes.indexOf(Buffer.alloc(3000, 0x42)) + 10] = 0x43;
    const altered = path.join(tmp.dir, 'altered.zip');
    fs.writeFileSync(altered, bytes);
    const ko = await runCliWith({ ART30_LANG: 'en' }, 'verify-bundle', altered);
    expect(ko.code).toBe(2);
    expect(ko.err).toContain('altered (SHA-256 differs): documents/T-001 Gestion de la paie/DPA PaieFacile.pdf');
    fs.writeFileSync(altered, 'not a zip');
    expect((await runCli('verify-bundle', altered)).code).toBe(2);

    // Remove and replace by number; the bundle's options are checked.
    const docx = path.join(tmp.dir, 'avenant.docx');
    fs.writeFileSync(docx, files.docx());
    expect((await runCli('documents', 'replace', String(docs[0].id), docx, '--db', tmp.db)).code).toBe(0);
    expect((await runCli('documents', 'remove', String(docs[1].id), '--db', tmp.db)).code).toBe(0);
    expect(JSON.parse((await runCli('documents', 'list', '--json', '--db', tmp.db)).out).map((d: { name: string }) => d.name)).toEqual(['avenant.docx']);
    expect((await runCli('export', '--bundle', '--format', 'pdf', '--out', path.join(tmp.dir, 'x.zip'), '--db', tmp.db)).code).toBe(1);
    expect(fs.existsSync(path.join(tmp.dir, 'x.zip'))).toBe(false);
  }, 90_000);
});
