/**
 * Header understanding over a generated corpus of department files (see testing/dept-corpus.ts):
 * French and English, labels, questions, phrases, combined and cryptic headers, title blocks, tables
 * from any column, two-level headers, processor registers, CSVs without a name column, sheets chosen
 * by content, GRC exports without a purpose, Excel-written and LibreOffice-written XLSX and ODS. The
 * mapping accuracy of every file is asserted, and the accuracy over the corpus printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { t as tr } from '../i18n/i18n.js';
import type { ImportPreview } from './preview/preview.js';
import { buildDepartmentCorpus, libreOfficeCopies, type CorpusFile } from './testing/dept-corpus.js';

let t: TempRegister;
let dir: string;
let corpus: CorpusFile[] = [];
const results: { file: string; shape: string; correct: number; total: number; misses: string[] }[] = [];

beforeAll(async () => {
  t = openTempRegister();
  await t.call('organisations/create', { organisation: { name: 'Communauté de communes' } } as never);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-dept-corpus-'));
  const made = await buildDepartmentCorpus(dir);
  // LibreOffice-written copies of a share of the corpus, as XLSX and as ODS.
  const chosen = made.filter((f) => f.file.endsWith('.xlsx')).filter((_, i) => i % 4 === 0);
  const lo: CorpusFile[] = [];
  for (const format of ['xlsx', 'ods'] as const) {
    const copies = libreOfficeCopies(
      chosen.map((f) => f.file),
      format,
    );
    copies.forEach((file, i) => lo.push({ ...chosen[i], file, shape: `${chosen[i].shape} (LibreOffice ${format.toUpperCase()})` }));
  }
  corpus = [...made, ...lo];
}, 300_000);

afterAll(() => {
  const correct = results.reduce((s, r) => s + r.correct, 0);
  const total = results.reduce((s, r) => s + r.total, 0);
  console.log(`Mapping accuracy over ${results.length} department files: ${((100 * correct) / Math.max(1, total)).toFixed(1)} % (${correct}/${total} columns)`);
  for (const r of results) if (r.misses.length) console.log(`  ${path.basename(r.file)} [${r.shape}]: ${r.misses.join('; ')}`);
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function accuracy(f: CorpusFile, p: ImportPreview): { correct: number; total: number; misses: string[] } {
  const sheet = f.sheet ? p.sheets.find((s) => s.name === f.sheet) : p.sheets.find((s) => s.status === 'imported');
  expect(sheet, `${f.file}: sheet ${f.sheet}`).toBeDefined();
  expect(sheet!.status).toBe('imported');
  let correct = 0;
  const misses: string[] = [];
  for (const e of f.expected) {
    const col = sheet!.columns.find((c) => c.header === e.header) ?? sheet!.columns.find((c) => c.header.endsWith(e.header));
    const got = col?.field ?? null;
    const ok = Array.isArray(e.field) ? e.field.includes(got ?? '') : got === e.field;
    if (ok) correct++;
    else misses.push(`"${e.header}" → ${got} (expected ${Array.isArray(e.field) ? e.field.join('|') : e.field})`);
  }
  return { correct, total: f.expected.length, misses };
}

describe('a corpus of department files', () => {
  it('has at least 40 files, LibreOffice-written ones included', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(corpus.some((f) => f.shape.includes('LibreOffice ODS'))).toBe(true);
    expect(corpus.some((f) => f.shape.includes('LibreOffice XLSX'))).toBe(true);
  });

  it('maps every file’s columns (≥ 80 % per file, ≥ 92 % overall) and previews every row', async () => {
    const below: string[] = [];
    for (const f of corpus) {
      const p = (await t.call('import/open', { file: f.file })) as ImportPreview;
      const r = accuracy(f, p);
      results.push({ file: f.file, shape: f.shape, ...r });
      if (r.correct / r.total < 0.8) below.push(`${path.basename(f.file)} [${f.shape}] ${r.correct}/${r.total}: ${r.misses.join('; ')}`);
      const rows = p.rows.filter((x) => x.sheet === (f.sheet ?? p.rows[0]?.sheet));
      expect(rows.length, f.file).toBe(f.rows);
      if (!f.needsDrafts)
        expect(
          rows.filter((x) => x.status === 'error').map((x) => `${x.key}: ${x.errors.map((e) => e.message).join(', ')}`),
          f.file,
        ).toEqual([]);
      // Every mapped column says why.
      const sheet = p.sheets.find((s) => s.status === 'imported')!;
      for (const c of sheet.columns) if (c.field) expect(c.why?.key, `${f.file} ${c.header}`).toMatch(/^mapping\.why\./);
      await t.call('import/close', { sessionId: p.sessionId });
    }
    expect(below).toEqual([]);
    const correct = results.reduce((s, r) => s + r.correct, 0);
    const total = results.reduce((s, r) => s + r.total, 0);
    expect(correct / total).toBeGreaterThanOrEqual(0.92);
  }, 300_000);

  it('derives the name from the purpose when no column gives it, with a warning', async () => {
    const f = corpus.find((x) => x.shape.startsWith('CSV without a name'))!;
    const p = (await t.call('import/open', { file: f.file })) as ImportPreview;
    const row = p.rows[0];
    expect(row.status).toBe('new');
    expect(row.activity!.name.length).toBeLessThanOrEqual(81);
    expect(row.activity!.purpose.startsWith(row.activity!.name.replace(/…$/, ''))).toBe(true);
    expect(row.warnings.some((w) => w.field === 'name')).toBe(true);
  });

  it('reads a processor register: clients, processing on behalf as the purpose, sub-processors as processors', async () => {
    const f = corpus.find((x) => x.shape === 'processor register en')!;
    const p = (await t.call('import/open', { file: f.file })) as ImportPreview;
    const a = p.rows[0].activity!;
    expect(a.role).toBe('processor');
    expect(a.clients[0].name).toBe('Mairie de Lyon');
    expect(a.clients[0].processingCategories.length).toBe(1);
    expect(a.purpose).toBe(a.clients[0].processingCategories[0]);
    expect(a.recipients.some((r) => r.type === 'processor' && /OVHcloud/.test(r.name))).toBe(true);
  });

  it('gives a required field without a confident column the most plausible one (Description → purpose), saying so', async () => {
    const f = corpus.find((x) => x.shape === 'GRC export without a purpose en')!;
    const p = (await t.call('import/open', { file: f.file })) as ImportPreview;
    const sheet = p.sheets.find((s) => s.name === f.sheet)!;
    const col = sheet.columns.find((c) => c.header === 'Description')!;
    expect(col).toMatchObject({ field: 'purpose', why: { key: 'mapping.why.fallback' } });
    expect(sheet.missing ?? []).toEqual([]);
    expect(sheet.messages?.map((m) => tr('fr', m.key, m.params))).toContainEqual(expect.stringMatching(/Finalité.*Description/));
    expect(p.counts.error).toBe(0);
    expect(p.counts.new).toBe(f.rows);
    await t.call('import/close', { sessionId: p.sessionId });
  });

  it('names a required field that no column gives once per sheet and imports its rows as drafts, each with a point to review', async () => {
    const file = path.join(dir, 'no-purpose.csv');
    fs.writeFileSync(file, ['Name;Owner;Tool', 'Visitor book;a@b.org;PayFit', 'Parking permits;c@d.org;Welcome to the Jungle', ''].join('\r\n'));
    const before = t.reg.sqlite.prepare('SELECT count(*) FROM activities').pluck().get() as number;
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const sheet = p.sheets[0];
    expect(sheet.missing?.map((m) => m.field)).toEqual(['purpose']);
    expect(tr('fr', sheet.messages![0].key, sheet.messages![0].params)).toMatch(/Finalité/);
    // The sheet says what happens to its rows: drafts to complete, not a refusal of the file.
    expect(sheet.messages!.map((m) => tr('fr', m.key, m.params)).join(' ')).toMatch(/importées comme brouillons/);
    expect(p.counts.error).toBe(0);
    expect(p.counts.new).toBe(2);
    expect(p.rows.every((r) => r.activity?.status === 'draft' && r.warnings.some((w) => w.field === 'purpose'))).toBe(true);
    const done = (await t.call('import/commit', { sessionId: p.sessionId })) as { created: number; activities: { id: number }[] };
    expect(done.created).toBe(2);
    expect(t.reg.sqlite.prepare('SELECT count(*) FROM activities').pluck().get()).toBe(before + 2);
    // Each draft carries a point to review on the field to complete.
    const checks = (await t.call('activities/checks' as never, { id: done.activities[0].id } as never)) as { code: string; path: string }[];
    expect(checks).toContainEqual(expect.objectContaining({ code: 'import_to_complete', path: 'purpose' }));
  });

  it('still refuses a row whose purpose cell is empty in a sheet that has the column, unless drafts are asked for', async () => {
    const file = path.join(dir, 'one-empty-purpose.csv');
    fs.writeFileSync(file, ['Name;Purpose;Owner', 'Canteen menus;Plan the canteen menus;a@b.org', 'Badge photos;;c@d.org', ''].join('\r\n'));
    const before = t.reg.sqlite.prepare('SELECT count(*) FROM activities').pluck().get();
    const p = (await t.call('import/open', { file })) as ImportPreview;
    expect(p.counts.error).toBe(1);
    await expect(t.call('import/commit', { sessionId: p.sessionId })).rejects.toThrow(/purpose/);
    expect(t.reg.sqlite.prepare('SELECT count(*) FROM activities').pluck().get()).toBe(before);
    const drafts = (await t.call('import/preview', { sessionId: p.sessionId, drafts: true } as never)) as ImportPreview;
    expect(drafts.counts.error).toBe(0);
    await t.call('import/close', { sessionId: p.sessionId });
  });
});

describe('fiches in any workbook (labels and values, one activity per sheet)', () => {
  it('reads each fiche sheet into one activity, Excel- and LibreOffice-written', async () => {
    const { buildFicheCorpus } = await import('./testing/dept-corpus.js');
    const fiches = await buildFicheCorpus(path.join(dir, 'fiches'));
    const lo = libreOfficeCopies([fiches[1].file], 'ods').map((file) => ({ ...fiches[1], file }));
    const { parseLegalBasis } = await import('./normalise/legal-basis.js');
    for (const f of [...fiches, ...lo]) {
      const p = (await t.call('import/open', { file: f.file })) as ImportPreview;
      for (const a of f.activities) {
        const row = p.rows.find((r) => r.sheet === a.sheet);
        expect(row, `${path.basename(f.file)} ${a.sheet}`).toBeDefined();
        expect(row!.errors, `${path.basename(f.file)} ${a.sheet}`).toEqual([]);
        const act = row!.activity!;
        expect(act.name).toBe(a.name);
        expect(act.purpose).toBe(a.purpose);
        expect(act.legalBases.map((b) => b.code)).toEqual([parseLegalBasis(a.legalBasis)]);
        expect(act.retention[0].duration).toBe(a.duration);
        expect(act.recipients.length).toBe(a.recipients);
      }
      expect(p.sheets.find((s) => s.name === f.activities[0].sheet)?.status).toBe('imported');
      await t.call('import/close', { sessionId: p.sessionId });
    }
  }, 120_000);
});

describe('relational workbooks (an activity sheet plus one sheet per part)', () => {
  it('assembles whole activities from the part sheets, linked by ID, by name, or for a single activity', async () => {
    const { buildRelationalCorpus } = await import('./testing/dept-corpus.js');
    const files = await buildRelationalCorpus(path.join(dir, 'relational'));
    for (const f of files) {
      const p = (await t.call('import/open', { file: f.file })) as ImportPreview;
      const label = path.basename(f.file);
      // The part sheets are not activities of their own.
      expect(p.rows.length, label).toBe(f.activities.length);
      for (const a of f.activities) {
        const row = p.rows.find((r) => r.name === a.name);
        expect(row, `${label} ${a.name}`).toBeDefined();
        expect(row!.errors, `${label} ${a.name}`).toEqual([]);
        const act = row!.activity!;
        expect(act.purpose.length, label).toBeGreaterThan(3);
        expect(act.dataCategories.length, `${label} ${a.name} categories`).toBe(a.categories);
        expect(act.dataSubjects.length, `${label} ${a.name} subjects`).toBe(a.subjects);
        expect(act.recipients.length, `${label} ${a.name} recipients`).toBe(a.recipients);
        expect(
          act.recipients.some((r) => r.type === 'processor'),
          `${label} contractors`,
        ).toBe(true);
        expect(
          act.transfers.map((x) => x.country),
          `${label} ${a.name} transfers`,
        ).toEqual(a.countries);
        if (a.countries.length) expect(act.transfers[0].safeguard).toBe('scc');
      }
      await t.call('import/close', { sessionId: p.sessionId });
    }
  }, 120_000);
});
