import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { cellText } from './xlsx/cells.js';

const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const rowTexts = (ws: ExcelJS.Worksheet, n: number) => {
  const out: string[] = [];
  ws.getRow(n).eachCell({ includeEmpty: true }, (c) => out.push(cellText(c)));
  return out;
};

describe('processor contracts in the XLSX and PDF exports', () => {
  let t: TempRegister;
  beforeAll(async () => {
    t = openTempRegister();
    t.reg.now = () => '2026-03-10T12:00:00.000Z';
    await t.call('demo/create', {});
    const paie = (await t.call('recipients/list', {})).find((x) => x.name === 'PaieFacile SAS')!;
    const t001 = await t.call('activities/getByRef', { ref: 'T-001', organisationId: 1 });
    await t.call('contracts/create', {
      organisationId: 1,
      contract: {
        recipientId: paie.id,
        signedOn: '2021-03-15',
        versionLabel: 'v3',
        endsOn: '2026-02-28',
        clauses: ['a', 'b', 'c', 'd', 'e', 'f'],
        subProcessing: 'general',
        subProcessors: [{ name: 'OVHcloud', country: 'FR' }],
        activityIds: [t001.id],
      },
    });
  });
  afterAll(() => t.cleanup());

  it('writes a sheet of contracts, with the points to review for the internal audience only', async () => {
    const out = path.join(t.dir, 'contracts.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'fr', out, scope: { organisationId: 1 }, fiches: false, audience: 'internal' });
    const wb = await new ExcelJS.Workbook().xlsx.readFile(out);
    const ws = wb.getWorksheet('Contrats sous-traitants')!;
    const header = rowTexts(ws, 2);
    expect(header.slice(0, 4)).toEqual(['Réf.', 'Sous-traitant', 'Intitulé', 'Signé le']);
    const row = Object.fromEntries(rowTexts(ws, 3).map((v, i) => [header[i], v]));
    expect(row).toMatchObject({
      'Réf.': 'C-001',
      'Sous-traitant': 'PaieFacile SAS',
      Version: 'v3',
      'Clauses de l’art. 28.3 présentes': 'a, b, c, d, e, f',
      'Sous-traitants ultérieurs': 'OVHcloud (FR)',
    });
    expect(row['Clauses manquantes']).toContain('g) suppression ou restitution');
    expect(row['Points à revoir']).toContain('a pris fin le 2026-02-28');
    expect(row['Traitements concernés']).toMatch(/^T-001 /);
    // The processors still without contract follow.
    expect(rowTexts(ws, 4).join(' ')).toMatch(/n’a pas de contrat art\. 28/);

    const authority = path.join(t.dir, 'authority.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'en', out: authority, scope: { organisationId: 1 }, fiches: false });
    const aw = (await new ExcelJS.Workbook().xlsx.readFile(authority)).getWorksheet('Processor contracts')!;
    expect(rowTexts(aw, 2)).not.toContain('Points to review');
    const pub = path.join(t.dir, 'public.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'en', out: pub, scope: { organisationId: 1 }, fiches: false, audience: 'public' });
    expect((await new ExcelJS.Workbook().xlsx.readFile(pub)).worksheets.map((w) => w.name)).not.toContain('Processor contracts');
  });

  it('prints a section of contracts in the PDF', async () => {
    const out = path.join(t.dir, 'contracts.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'en', out, scope: { organisationId: 1, refs: ['T-001'] } });
    const text = pdfText(out);
    expect(text).toContain('Processor contracts (Art. 28)');
    expect(text).toMatch(/C-001 PaieFacile SAS/);
    expect(text).toContain('General written authorisation');
  }, 60_000);
});
