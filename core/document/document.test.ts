import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { registerDocumentJsonSchema } from './schema.js';

const opened: TempRegister[] = [];
const temp = (demo = false) => {
  const t = openTempRegister({ demo });
  opened.push(t);
  return t;
};
afterEach(() => {
  for (const t of opened.splice(0)) t.cleanup();
});

const withoutExportDate = (doc: { exportedAt: string }) => ({ ...doc, exportedAt: undefined });

describe('the JSON register document', () => {
  it('exports every field with the property names the outside world relies on', async () => {
    const source = temp(true);
    const doc = await source.call('register/document', {});
    expect(doc).toMatchObject({ format: 'art30-register', version: 4, referenceData: { asOf: '2026-11-28' } });
    expect(doc.organisations.map((o) => o.name)).toEqual(['Atelier Lumière SAS', 'Fondation Atelier Lumière']);
    const t005 = doc.activities.find((a) => a.ref === 'T-005')!;
    expect(t005).toMatchObject({
      name: 'Prospection commerciale par courriel',
      role: 'controller',
      status: 'active',
      department: 'Marketing',
      purpose: expect.any(String),
      subPurposes: [],
      legalBases: [{ code: 'consent', justification: expect.any(String) }],
      dataSubjects: expect.any(Array),
      dataCategories: expect.arrayContaining([expect.objectContaining({ label: expect.any(String), special: false })]),
      recipients: expect.arrayContaining([{ name: 'MailReach Technologies Pvt Ltd', type: 'sub_processor', countries: ['IN'], role: expect.any(String), precision: '' }]),
      transfers: expect.arrayContaining([expect.objectContaining({ recipient: 'MailReach Technologies Pvt Ltd', country: 'IN', safeguard: 'scc' })]),
      retention: [expect.objectContaining({ text: '3 ans à compter du dernier contact', duration: 'P3Y', trigger: 'dernier contact' })],
      securityMeasures: expect.any(Array),
      createdAt: '2022-03-10T09:00:00.000Z',
      updatedAt: '2026-03-01T16:30:00.000Z',
    });
    expect(t005.dpia).toMatchObject({ suggested: true, required: false, override: { required: false } });
  });

  it('round-trips: export, import into an empty register, export again gives the same register', async () => {
    const source = temp(true);
    const first = await source.call('register/document', {});
    const file = path.join(source.dir, 'register.json');
    await source.call('register/exportJson', { out: file, scope: {} });
    const target = temp(false);
    const result = await target.call('register/importJson', { file });
    expect(result.activities).toEqual({ created: 12, updated: 0 });
    expect(result.organisations.created).toBe(2);
    const second = await target.call('register/document', {});
    expect(withoutExportDate(second)).toEqual(withoutExportDate(first));
    // The import is in the history with the file's name and SHA-256.
    const [entry] = await target.call('history/list', { entityType: 'activity', limit: 1 });
    expect(entry).toMatchObject({ source: 'cli', sourceFile: 'register.json', sourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Importing the same document again changes nothing.
    const again = await target.call('register/importJson', { file });
    expect(again.activities).toEqual({ created: 0, updated: 0 });
  });

  it('exports an extract: one organisation, one register, or a list of references', async () => {
    const source = temp(true);
    const processor = await source.call('register/document', { role: 'processor' });
    expect(processor.activities.map((a) => a.ref)).toEqual(['P-001']);
    expect(processor.recipients.map((r) => r.name)).toEqual(['MailReach Technologies Pvt Ltd']);
    const refs = await source.call('register/document', { refs: ['T-001', 'T-004'], organisationId: 1 });
    expect(refs.activities.map((a) => a.ref)).toEqual(['T-001', 'T-004']);
  });

  it('records a JSON export in the history with its file name and SHA-256', async () => {
    const source = temp(true);
    const out = path.join(source.dir, 'extrait.json');
    const { sha256 } = await source.call('register/exportJson', { out, scope: { refs: ['T-001'], organisationId: 1 } });
    const [entry] = await source.call('history/list', { entityType: 'export' });
    expect(entry.changes[0].after).toMatchObject({ format: 'json', file: 'extrait.json', sha256, scope: { refs: ['T-001'], organisationId: 1 } });
    expect(fs.readdirSync(source.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('matches the committed JSON Schema (regenerate with npm run schema:json)', () => {
    const committed = JSON.parse(fs.readFileSync(new URL('../../docs/register-document.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(registerDocumentJsonSchema())));
  });
});
