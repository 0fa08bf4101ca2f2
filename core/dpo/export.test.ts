/**
 * The DPO's work in the exports (issue 25), each format read back: the activities the DPO checked
 * (and when) for the authority and internal readers, the recommendations and the action plan for
 * internal readers only, nothing of it in a public register.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../export/xlsx/cells.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';

const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const docxText = async (file: string) => {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&apos;/g, '’');
};
const rows = (ws: ExcelJS.Worksheet) => {
  const out: string[][] = [];
  ws.eachRow((r) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (c) => cells.push(cellText(c)));
    out.push(cells);
  });
  return out;
};

describe('the DPO’s sign-off and action plan in the exports', () => {
  let t: TempRegister;
  beforeAll(async () => {
    t = openTempRegister();
    t.reg.now = () => '2026-03-10T12:00:00.000Z';
    await t.call('demo/create', {});
    const t001 = await t.call('activities/getByRef', { ref: 'T-001', organisationId: 1 });
    await t.call('signoff/check', { activityId: t001.id, version: t001.version, recommendation: 'Revoir la durée de conservation des bulletins.', by: 'DPO' });
    await t.call('actions/create', {
      organisationId: 1,
      action: { activityId: t001.id, checkCode: 'no_retention', title: 'Fixer la conservation des bulletins', owner: 'DRH', dueOn: '2026-02-01', priority: 'high' },
    });
  });
  afterAll(() => t.cleanup());

  it('XLSX: a sign-off sheet (with the recommendations and the action plan for internal readers), none in a public register', async () => {
    const internal = path.join(t.dir, 'internal.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'fr', out: internal, scope: { organisationId: 1 }, fiches: false, audience: 'internal' });
    const wb = await new ExcelJS.Workbook().xlsx.readFile(internal);
    const signoff = rows(wb.getWorksheet('Visa du DPO')!);
    expect(signoff[1]).toEqual(['Réf.', 'Traitement', 'Visa', 'Vérifié le', 'Vérifié par', 'Recommandation du DPO']);
    expect(signoff.find((r) => r[0] === 'T-001')).toEqual([
      'T-001',
      expect.any(String),
      'Vérifié par le DPO',
      '2026-03-10',
      'DPO',
      'Revoir la durée de conservation des bulletins.',
    ]);
    expect(signoff.find((r) => r[0] === 'T-002')?.[2]).toBe('Brouillon');
    const plan = rows(wb.getWorksheet('Plan d’action')!);
    expect(plan[2].slice(0, 9)).toEqual([
      'A-001',
      'Fixer la conservation des bulletins',
      expect.stringMatching(/^T-001 /),
      expect.stringMatching(/conservation/i),
      'DRH',
      '2026-02-01',
      'Haute',
      'Ouverte — En retard',
      '',
    ]);

    const authority = path.join(t.dir, 'authority.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'en', out: authority, scope: { organisationId: 1 }, fiches: false });
    const aw = await new ExcelJS.Workbook().xlsx.readFile(authority);
    expect(aw.worksheets.map((w) => w.name)).not.toContain('Action plan');
    const a = rows(aw.getWorksheet('DPO sign-off')!);
    expect(a[1]).toEqual(['Ref.', 'Activity', 'Sign-off', 'Checked on']);
    expect(a.find((r) => r[0] === 'T-001')?.slice(2)).toEqual(['Checked by the DPO', expect.stringMatching(/2026/)]);
    expect(JSON.stringify(a)).not.toContain('Revoir la durée');

    const pub = path.join(t.dir, 'public.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'en', out: pub, scope: { organisationId: 1 }, fiches: false, audience: 'public' });
    const names = (await new ExcelJS.Workbook().xlsx.readFile(pub)).worksheets.map((w) => w.name);
    expect(names).not.toContain('DPO sign-off');
    expect(names).not.toContain('Action plan');
  });

  it('DOCX: the sign-off section for the authority; the action plan only for internal readers', async () => {
    const authority = path.join(t.dir, 'authority.docx');
    await t.call('export/file', { format: 'docx', lang: 'fr', out: authority, scope: { organisationId: 1 } });
    const text = await docxText(authority);
    expect(text).toContain('Visa du DPO');
    expect(text).toMatch(/1 traitement sur \d+ vérifié par le DPO\./);
    expect(text).toContain('Vérifié par le DPO');
    expect(text).not.toContain('Annexe — Plan d’action');
    expect(text).not.toContain('Revoir la durée de conservation des bulletins.');
    const internal = path.join(t.dir, 'internal.docx');
    await t.call('export/file', { format: 'docx', lang: 'fr', out: internal, scope: { organisationId: 1 }, audience: 'internal' });
    const itext = await docxText(internal);
    expect(itext).toContain('Annexe — Plan d’action');
    expect(itext).toContain('Fixer la conservation des bulletins');
    expect(itext).toContain('Revoir la durée de conservation des bulletins.');
    const pub = path.join(t.dir, 'public.docx');
    await t.call('export/file', { format: 'docx', lang: 'fr', out: pub, scope: { organisationId: 1 }, audience: 'public' });
    expect(await docxText(pub)).not.toMatch(/Visa du DPO|Plan d’action/);
  });

  it('PDF: the section and the annex for internal readers, printed', async () => {
    const out = path.join(t.dir, 'internal.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'en', out, scope: { organisationId: 1, refs: ['T-001', 'T-002'] }, audience: 'internal' });
    const text = pdfText(out);
    expect(text).toContain('1 of 2 activities checked by the DPO.');
    expect(text).toContain('Annex — Action plan');
    expect(text).toContain('Fixer la conservation des bulletins');
    expect(text).toMatch(/Open — Overdue/);
    const pub = path.join(t.dir, 'public.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'en', out: pub, scope: { organisationId: 1, refs: ['T-001'] }, audience: 'public' });
    expect(pdfText(pub)).not.toMatch(/DPO’s sign-off|Action plan/);
  }, 120_000);
});
