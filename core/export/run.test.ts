import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { setPdfPrinter } from './pdf/printers.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const exportEntries = (t: TempRegister) =>
  (t.reg.sqlite.prepare("SELECT * FROM history WHERE entity_type = 'export' ORDER BY id").all() as Record<string, unknown>[]).map((r) => ({
    label: r.entity_label,
    changes: JSON.parse(String(r.changes_json ?? r.changes)),
  }));

describe('export/file and export/bytes', () => {
  let t: TempRegister;
  afterEach(() => {
    setPdfPrinter(null);
    t?.cleanup();
  });

  it('records the scope, the file name and the SHA-256 of the written file in the history', async () => {
    t = openTempRegister({ demo: true });
    const out = path.join(t.dir, 'extrait.xlsx');
    const progress: string[] = [];
    const r = await dispatch(
      t.reg,
      'export/file',
      { format: 'xlsx', lang: 'fr', out, scope: { refs: ['T-002', 'T-004'] } },
      { source: 'ui' },
      {
        trusted: true,
        context: { progress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`) },
      },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({ file: out, sha256: sha(fs.readFileSync(out)), activities: 2 });
    // Progress counts activities read, sheet after sheet: 7 sheets × 2 activities (fiches included).
    expect(progress[0]).toBe('export.phase.writing 0/14');
    expect(progress).toContain('export.phase.writing 4/14');
    expect(progress.at(-1)).toBe('export.phase.done 14/14');
    const [entry] = exportEntries(t);
    expect(entry.label).toBe('extrait.xlsx');
    expect(entry.changes[0].after).toMatchObject({ format: 'xlsx', lang: 'fr', file: 'extrait.xlsx', sha256: r.value.sha256, activities: 2, scope: { refs: ['T-002', 'T-004'] } });
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('leaves no file, not even a partial one, when the export fails or is cancelled', async () => {
    t = openTempRegister({ demo: true });
    const out = path.join(t.dir, 'registre.pdf');
    setPdfPrinter({
      print: async () => {
        throw new Error('the printer is on fire');
      },
    });
    const failed = await t.result('export/file', { format: 'pdf', lang: 'fr', out, scope: {} });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('the printer is on fire') } });
    expect(fs.readdirSync(t.dir).filter((f) => !f.startsWith('register.art30'))).toEqual([]);

    const controller = new AbortController();
    const cancelled = await dispatch(
      t.reg,
      'export/file',
      { format: 'xlsx', lang: 'fr', out: path.join(t.dir, 'r.xlsx'), scope: {} },
      { source: 'ui' },
      {
        trusted: true,
        context: { signal: controller.signal, progress: (p) => p.done > 0 && controller.abort() },
      },
    );
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(fs.readdirSync(t.dir).filter((f) => !f.startsWith('register.art30'))).toEqual([]);
    expect(exportEntries(t)).toEqual([]);

    // An existing file is not touched by a failed export.
    fs.writeFileSync(out, 'previous export');
    await t.result('export/file', { format: 'pdf', lang: 'fr', out, scope: {} });
    expect(fs.readFileSync(out, 'utf8')).toBe('previous export');
  });

  it('refuses unknown references, and writing over the register itself', async () => {
    t = openTempRegister({ demo: true });
    const out = path.join(t.dir, 'x.xlsx');
    const r = await t.result('export/file', { format: 'xlsx', lang: 'fr', out, scope: { refs: ['T-001', 'T-999'] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('T-999') } });
    expect(fs.existsSync(out)).toBe(false);
    const self = await t.result('export/file', { format: 'csv', lang: 'fr', out: t.file, scope: {} });
    expect(self).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('export/bytes is open to untrusted callers, returns the bytes with a file name, and is recorded too', async () => {
    t = openTempRegister({ demo: true });
    const r = await dispatch(t.reg, 'export/bytes', { format: 'csv', lang: 'en', scope: { organisationId: 1 } }, { source: 'web' }, { trusted: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const bytes = Buffer.from(r.value.base64, 'base64');
    expect(r.value.sha256).toBe(sha(bytes));
    expect(r.value.mime).toBe('text/csv; charset=utf-8');
    // An organisation's whole register is named a register, not an extract.
    expect(r.value.fileName).toMatch(/^register-atelier-lumiere-sas-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(bytes.toString('utf8')).toContain('Gestion de la paie');
    expect(exportEntries(t)[0].changes[0].after).toMatchObject({ format: 'csv', file: r.value.fileName, sha256: r.value.sha256, activities: 11 });
    // The path-taking procedure stays out of reach of untrusted callers.
    const denied = await dispatch(t.reg, 'export/file', { format: 'csv', lang: 'en', out: path.join(t.dir, 'x.csv'), scope: {} }, { source: 'web' }, { trusted: false });
    expect(denied).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
  });

  it('exports the JSON register document through the same path', async () => {
    t = openTempRegister({ demo: true });
    const out = path.join(t.dir, 'r.json');
    const r = await t.call('export/file', { format: 'json', lang: 'fr', out, scope: { role: 'processor' } });
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.format).toBe('art30-register');
    expect(doc.activities.map((a: { ref: string }) => a.ref)).toEqual(['P-001']);
    expect(r.activities).toBe(1);
  });
});
