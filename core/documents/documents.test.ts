import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoRegister } from '../demo/demo-register.js';
import { Register } from '../register.js';
import { withRegisterAsOf } from '../overview/as-of.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { documentContent, listDocuments, setDocumentLimits, sha256 } from './services.js';
import { files } from './testing.js';

const opened: TempRegister[] = [];
const demo = () => {
  const r = openTempRegister();
  // The demo register written before the days the tests look at.
  r.reg.now = () => '2026-03-01T08:00:00.000Z';
  createDemoRegister(r.reg, { source: 'cli' });
  r.reg.now = () => '2026-03-10T12:00:00.000Z';
  opened.push(r);
  return r;
};
afterEach(() => {
  for (const r of opened.splice(0)) r.cleanup();
});

const b64 = (b: Buffer) => b.toString('base64');
const rowCounts = (reg: Register) => ['documents', 'document_blobs', 'history'].map((table) => Number(reg.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()));

async function activity(r: TempRegister, ref = 'T-001') {
  return r.call('activities/getByRef', { ref, organisationId: 1 });
}

describe('documents kept in the register', () => {
  it('adds, replaces and removes a document, each in the history, and the register as of each day knows which existed', async () => {
    const r = demo();
    const t001 = await activity(r);
    const first = files.pdf('v1');
    r.reg.now = () => '2026-03-10T09:00:00.000Z';
    const added = await r.call('documents/add', {
      ownerType: 'activity',
      ownerId: t001.id,
      name: 'C:\\Users\\dpo\\Contrat PaieFacile.pdf',
      base64: b64(first),
      addedBy: 'Claire Moreau',
    });
    expect(added).toMatchObject({
      name: 'Contrat PaieFacile.pdf',
      kind: 'pdf',
      mediaType: 'application/pdf',
      size: first.length,
      sha256: sha256(first),
      addedBy: 'Claire Moreau',
      addedAt: '2026-03-10T09:00:00.000Z',
      audience: 'authority',
      version: 1,
    });
    expect(added.owner).toMatchObject({ type: 'activity', ref: 'T-001', activities: [{ ref: 'T-001' }] });
    const content = await r.call('documents/content', { id: added.id });
    expect(Buffer.from(content.base64, 'base64').equals(first)).toBe(true);

    r.reg.now = () => '2026-03-11T09:00:00.000Z';
    const second = files.docx('signé');
    const replaced = await r.call('documents/replace', { id: added.id, version: 1, name: 'Contrat PaieFacile signé.docx', base64: b64(second) });
    expect(replaced).toMatchObject({ id: added.id, version: 2, kind: 'docx', sha256: sha256(second), addedAt: '2026-03-10T09:00:00.000Z' });
    expect(Buffer.from((await r.call('documents/content', { id: added.id })).base64, 'base64').equals(second)).toBe(true);

    r.reg.now = () => '2026-03-12T09:00:00.000Z';
    await r.call('documents/remove', { id: added.id, version: 2 });
    expect(await r.call('documents/list', { activityId: t001.id })).toEqual([]);

    const history = await r.call('history/list', { entityType: 'document' });
    expect(history.map((h) => [h.action, h.at.slice(0, 10), h.entityLabel])).toEqual([
      ['delete', '2026-03-12', expect.stringMatching(/^T-001 .* — Contrat PaieFacile signé\.docx$/)],
      ['update', '2026-03-11', expect.stringMatching(/— Contrat PaieFacile signé\.docx$/)],
      ['create', '2026-03-10', expect.stringMatching(/— Contrat PaieFacile\.pdf$/)],
    ]);
    const change = (i: number, p: string) => history[i].changes.find((c) => c.path === p);
    expect(change(1, 'sha256')).toMatchObject({ before: sha256(first), after: sha256(second) });
    expect(change(2, 'addedBy')).toMatchObject({ after: 'Claire Moreau' });
    expect((await r.call('history/verify', {})).ok).toBe(true);

    // The register as of each day: before, after the addition, after the replacement, after the removal.
    const asOf = (date: string) =>
      withRegisterAsOf(r.reg, date, (past) =>
        listDocuments(past, { activityId: t001.id }).map((d) => ({ name: d.name, sha256: d.sha256, bytes: documentContent(past, d.id).bytes.length })),
      );
    expect(await asOf('2026-03-09')).toEqual([]);
    expect(await asOf('2026-03-10')).toEqual([{ name: 'Contrat PaieFacile.pdf', sha256: sha256(first), bytes: first.length }]);
    expect(await asOf('2026-03-11')).toEqual([{ name: 'Contrat PaieFacile signé.docx', sha256: sha256(second), bytes: second.length }]);
    expect(await asOf('2026-03-12')).toEqual([]);
  });

  it('attaches to a DPIA, a contract, a breach and a request; an activity lists them all', async () => {
    const r = demo();
    const t001 = await activity(r);
    const paie = (await r.call('recipients/list', {})).find((x) => x.name === 'PaieFacile SAS')!;
    const contract = await r.call('contracts/create', { organisationId: 1, contract: { recipientId: paie.id, activityIds: [t001.id] } });
    const breach = await r.call('breaches/getByRef', { ref: 'B-001', organisationId: 1 });
    expect(breach.activities.map((a) => a.ref)).toContain('T-001');
    await r.call('documents/add', { ownerType: 'dpia', ownerId: t001.id, name: 'aipd.pdf', base64: b64(files.pdf('aipd')) });
    await r.call('documents/add', { ownerType: 'contract', ownerId: contract.id, name: 'dpa.pdf', base64: b64(files.pdf('dpa')) });
    await r.call('documents/add', { ownerType: 'breach', ownerId: breach.id, name: 'notification.eml', base64: b64(files.eml()), audience: 'internal' });
    await r.call('documents/add', { ownerType: 'activity', ownerId: t001.id, name: 'schema.png', base64: b64(files.png()), audience: 'public' });
    const list = await r.call('documents/list', { activityId: t001.id });
    expect(list.map((d) => [d.ownerType, d.name, d.kind, d.audience])).toEqual([
      ['dpia', 'aipd.pdf', 'pdf', 'authority'],
      ['contract', 'dpa.pdf', 'pdf', 'authority'],
      ['breach', 'notification.eml', 'email', 'internal'],
      ['activity', 'schema.png', 'image', 'public'],
    ]);
    expect((await r.call('documents/list', { ownerType: 'contract', ownerId: contract.id })).map((d) => d.name)).toEqual(['dpa.pdf']);
    const missing = await r.result('documents/add', { ownerType: 'request', ownerId: 9999, name: 'x.pdf', base64: b64(files.pdf()) });
    expect(missing.ok || missing.error.code).toBe('not_found');
  });

  it('refuses bad files with the reason and writes nothing', async () => {
    const r = demo();
    const t001 = await activity(r);
    setDocumentLimits(r.reg, { fileBytes: 1000, registerBytes: 1500 });
    const before = rowCounts(r.reg);
    const refused = async (name: string, bytes: Buffer) => {
      const res = await r.result('documents/add', { ownerType: 'activity', ownerId: t001.id, name, base64: b64(bytes) });
      expect(res.ok, name).toBe(false);
      return res.ok ? '' : res.error.key;
    };
    expect(await refused('gros.pdf', Buffer.concat([files.pdf(), Buffer.alloc(1200, 0x20)]))).toBe('documents.error.tooLarge');
    expect(await refused('setup.exe', files.exe())).toBe('documents.error.executable');
    expect(await refused('facture.pdf', files.exe())).toBe('documents.error.executable');
    expect(await refused('script.sh', Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBe('documents.error.executable');
    expect(await refused('macro.docx', files.docm())).toBe('documents.error.executable');
    expect(await refused('faux.pdf', files.png())).toBe('documents.error.mismatch');
    expect(await refused('vide.pdf', Buffer.alloc(0))).toBe('documents.error.empty');
    expect(await refused('archive.zip', files.docx())).toBe('documents.error.unknown');
    expect(rowCounts(r.reg)).toEqual(before);
    // The register's limit: 1,500 bytes in all; the same file again takes no more room.
    const a = Buffer.concat([files.pdf('a'), Buffer.alloc(800, 0x20)]);
    const ok = await r.call('documents/add', { ownerType: 'activity', ownerId: t001.id, name: 'a.pdf', base64: b64(a) });
    await r.call('documents/add', { ownerType: 'dpia', ownerId: t001.id, name: 'a-again.pdf', base64: b64(a) });
    const afterTwo = rowCounts(r.reg);
    expect(await refused('b.pdf', Buffer.concat([files.pdf('b'), Buffer.alloc(800, 0x20)]))).toBe('documents.error.registerFull');
    expect(rowCounts(r.reg)).toEqual(afterTwo);
    // A replacement is checked the same way, and leaves the document as it was.
    const bad = await r.result('documents/replace', { id: ok.id, version: 1, name: 'x.exe', base64: b64(files.exe()) });
    expect(bad.ok || bad.error.key).toBe('documents.error.executable');
    expect((await r.call('documents/get', { id: ok.id })).sha256).toBe(sha256(a));
    expect(rowCounts(r.reg)).toEqual(afterTwo);
    // A file that cannot be read (a folder) is refused by path.
    const folder = await r.result('documents/addFile', { ownerType: 'activity', ownerId: t001.id, path: r.dir });
    expect(folder.ok || folder.error.key).toBe('documents.error.unreadable');
  });

  it('keeps contracts and documents through a backup and the JSON register document (version 3; version 2 still imports)', async () => {
    const r = demo();
    const t001 = await activity(r);
    const paie = (await r.call('recipients/list', {})).find((x) => x.name === 'PaieFacile SAS')!;
    const contract = await r.call('contracts/create', {
      organisationId: 1,
      contract: {
        recipientId: paie.id,
        signedOn: '2021-03-15',
        clauses: ['a', 'c'],
        subProcessing: 'general',
        subProcessors: [{ name: 'OVH', country: 'FR' }],
        activityIds: [t001.id],
      },
    });
    const pdf = files.pdf('dpa');
    await r.call('documents/add', { ownerType: 'contract', ownerId: contract.id, name: 'dpa.pdf', base64: b64(pdf), addedBy: 'DPO', note: 'signé' });
    await r.call('documents/add', { ownerType: 'activity', ownerId: t001.id, name: 'mail.eml', base64: b64(files.eml()), audience: 'internal' });

    // Backup: a consistent copy holds them.
    const copy = path.join(r.dir, 'copy.art30');
    await r.call('register/backup', { out: copy });
    const back = Register.open(copy);
    try {
      expect(listDocuments(back).map((d) => [d.name, d.sha256])).toEqual(listDocuments(r.reg).map((d) => [d.name, d.sha256]));
      expect(documentContent(back, listDocuments(back)[0].id).bytes.equals(pdf)).toBe(true);
    } finally {
      back.close();
    }

    // JSON register document: exported, imported into an empty register, exported again: the same.
    const first = await r.call('register/document', {});
    expect(first.version).toBe(4);
    expect(first.contracts).toHaveLength(1);
    expect(first.documents?.map((d) => [d.name, d.owner])).toEqual([
      ['dpa.pdf', { type: 'contract', ref: 'C-001' }],
      ['mail.eml', { type: 'activity', ref: 'T-001' }],
    ]);
    const file = path.join(r.dir, 'register.json');
    await r.call('register/exportJson', { out: file, scope: {} });
    const target = openTempRegister();
    opened.push(target);
    target.reg.now = r.reg.now;
    const result = await target.call('register/importJson', { file });
    expect(result).toMatchObject({ contracts: { created: 1, updated: 0 }, documents: { created: 2, unchanged: 0 } });
    const second = await target.call('register/document', {});
    expect({ ...second, exportedAt: '' }).toEqual({ ...first, exportedAt: '' });
    const again = await target.call('register/importJson', { file });
    expect(again).toMatchObject({ contracts: { created: 0, updated: 0 }, documents: { created: 0, unchanged: 2 } });

    // A damaged document in the file is refused, naming it; nothing is imported.
    const damaged = JSON.parse(fs.readFileSync(file, 'utf8')) as { documents: { content: string }[] };
    damaged.documents[0].content = b64(files.pdf('autre'));
    fs.writeFileSync(file, JSON.stringify(damaged));
    const empty = openTempRegister();
    opened.push(empty);
    const refused = await empty.result('register/importJson', { file });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details?.[0].path).toBe('documents[0].content');
    expect(await empty.call('organisations/list', {})).toEqual([]);

    // A version 2 document (no contracts, no documents) still imports.
    const { contracts: _c, documents: _d, ...v2 } = { ...first, version: 2 };
    fs.writeFileSync(file, JSON.stringify(v2));
    const older = openTempRegister();
    opened.push(older);
    expect(await older.call('register/importJson', { file })).toMatchObject({ activities: { created: first.activities.length } });
    expect(await older.call('documents/list', {})).toEqual([]);
  });
});

describe('the audit bundle', () => {
  it('is written, unzipped and verified; one byte changed fails the verification, naming the file; a public bundle holds no internal document', async () => {
    const r = demo();
    const t001 = await activity(r);
    const t002 = await activity(r, 'T-002');
    const paie = (await r.call('recipients/list', {})).find((x) => x.name === 'PaieFacile SAS')!;
    const contract = await r.call('contracts/create', { organisationId: 1, contract: { recipientId: paie.id, activityIds: [t001.id] } });
    const dpa = Buffer.concat([files.pdf('dpa'), Buffer.alloc(4000, 0x41)]);
    await r.call('documents/add', { ownerType: 'contract', ownerId: contract.id, name: 'DPA PaieFacile.pdf', base64: b64(dpa) });
    await r.call('documents/add', { ownerType: 'dpia', ownerId: t001.id, name: 'AIPD paie.docx', base64: b64(files.docx('aipd')) });
    await r.call('documents/add', { ownerType: 'activity', ownerId: t001.id, name: 'note interne.eml', base64: b64(files.eml()), audience: 'internal' });
    await r.call('documents/add', { ownerType: 'activity', ownerId: t001.id, name: 'affiche.png', base64: b64(files.png()), audience: 'public' });
    await r.call('documents/add', { ownerType: 'activity', ownerId: t002.id, name: 'hors périmètre.pdf', base64: b64(files.pdf('t002')) });

    const out = path.join(r.dir, 'bundle.zip');
    const result = await r.call('documents/bundle', { out, scope: { organisationId: 1, refs: ['T-001'] }, lang: 'fr', audience: 'authority' });
    expect(result).toMatchObject({ documents: 3, activities: 1 });
    const entries = unzipSync(fs.readFileSync(out));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']).toString('utf8')) as { files: { path: string; sha256: string; activities: string[]; kind: string }[] };
    const docs = manifest.files.filter((f) => f.kind === 'document');
    expect(docs.map((f) => f.path).sort()).toEqual([
      'documents/T-001 Gestion de la paie/AIPD/AIPD paie.docx',
      'documents/T-001 Gestion de la paie/affiche.png',
      'documents/contrats-sous-traitance/C-001 PaieFacile SAS/DPA PaieFacile.pdf',
    ]);
    expect(docs.every((f) => f.activities.join() === 'T-001')).toBe(true);
    const register = manifest.files.filter((f) => f.kind === 'register').map((f) => f.path);
    expect(register).toHaveLength(2);
    expect(register.map((p) => path.extname(p)).sort()).toEqual(['.pdf', '.xlsx']);
    expect(
      Buffer.from(entries[register.find((p) => p.endsWith('.pdf'))!])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    for (const f of manifest.files) expect(sha256(entries[f.path]), f.path).toBe(f.sha256);
    expect(Buffer.from(entries.SHA256SUMS).toString()).toContain(`${sha256(dpa)}  documents/contrats-sous-traitance/C-001 PaieFacile SAS/DPA PaieFacile.pdf\n`);
    expect(await r.call('documents/verifyBundle', { path: out })).toMatchObject({ ok: true, files: manifest.files.length, problems: [] });
    const history = await r.call('history/list', { entityType: 'export', limit: 1 });
    expect(history[0].changes[0].after).toMatchObject({ format: 'bundle', file: 'bundle.zip', sha256: result.sha256 });

    // One byte of the contract changed inside the ZIP: the verification fails and names it.
    const zip = fs.readFileSync(out);
    const at = zip.indexOf(dpa);
    expect(at).toBeGreaterThan(0);
    zip[at + 100] ^= 0x01;
    const altered = path.join(r.dir, 'altered.zip');
    fs.writeFileSync(altered, zip);
    expect(await r.call('documents/verifyBundle', { path: altered })).toMatchObject({
      ok: false,
      problems: [{ path: 'documents/contrats-sous-traitance/C-001 PaieFacile SAS/DPA PaieFacile.pdf', problem: 'altered' }],
    });

    // Public: no internal document, no breach or request, the public one only.
    const pub = path.join(r.dir, 'public.zip');
    await r.call('documents/bundle', { out: pub, scope: { organisationId: 1, refs: ['T-001'] }, lang: 'en', audience: 'public', pdf: false });
    const publicManifest = JSON.parse(Buffer.from(unzipSync(fs.readFileSync(pub))['manifest.json']).toString('utf8')) as { files: { path: string; kind: string }[] };
    expect(publicManifest.files.filter((f) => f.kind === 'document').map((f) => f.path)).toEqual(['documents/T-001 Gestion de la paie/affiche.png']);
    // Internal: everything in scope.
    const internal = path.join(r.dir, 'internal.zip');
    expect((await r.call('documents/bundle', { out: internal, scope: { organisationId: 1, refs: ['T-001'] }, lang: 'fr', audience: 'internal', pdf: false })).documents).toBe(4);
  }, 60_000);
});
