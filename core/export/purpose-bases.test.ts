/**
 * A legal basis per purpose (issue 25) through the files: each export says which purpose each basis
 * serves (XLSX read with exceljs, CSV, PDF with pdftotext, DOCX unzipped), Art30 reads its own XLSX
 * back with each basis on its purpose, a department's file whose rows give a sub-purpose with its
 * basis beside it maps to it, and the Art. 13/14 notice lists each purpose with its basis.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { readCsv } from './csv.js';

let t: TempRegister;
let orgId: number;
beforeAll(async () => {
  t = openTempRegister();
  orgId = (await t.call('organisations/create', { organisation: { name: 'Mairie de Villefranche' } })).id;
  await t.call('activities/create', {
    organisationId: orgId,
    activity: {
      ref: 'T-001',
      name: 'Vidéoprotection de la mairie',
      status: 'active',
      purpose: 'Sécurité des bâtiments communaux',
      subPurposes: ['Preuve en cas d’infraction', 'Mesure de la fréquentation du hall'],
      legalBases: [
        { code: 'public_task', justification: 'Code de la sécurité intérieure, art. L251-2', purpose: 0 },
        { code: 'legal_obligation', justification: 'Réquisition judiciaire', purpose: 1 },
        { code: 'legitimate_interests', justification: 'Dimensionner l’accueil du public', purpose: 2 },
      ],
      dataCategories: [{ code: 'health', label: 'Santé', description: 'Malaise filmé' }],
      art9Conditions: [{ code: 'vital_interests', justification: 'Secours à une personne', purpose: 1 }],
      dataSubjects: [{ label: 'Usagers du service public' }],
      recipients: [{ name: 'Police municipale' }],
      retention: [{ text: '30 jours' }],
      securityMeasures: [{ type: 'access_control' }],
    },
  });
});
afterAll(() => t.cleanup());

const SERVED = {
  main: 'Mission d’intérêt public ou exercice de l’autorité publique (Art. 6(1)(e)) : Code de la sécurité intérieure, art. L251-2 — Finalité servie : Sécurité des bâtiments communaux',
  proof: 'Obligation légale (Art. 6(1)(c)) : Réquisition judiciaire — Finalité servie : Preuve en cas d’infraction',
  hall: 'Intérêt légitime (Art. 6(1)(f)) : Dimensionner l’accueil du public — Finalité servie : Mesure de la fréquentation du hall',
};

async function exported(format: 'xlsx' | 'csv' | 'pdf' | 'docx' | 'html', extra: Record<string, unknown> = {}): Promise<string> {
  const out = path.join(t.dir, `registre-${format}-${Object.keys(extra).length}.${format}`);
  await t.call('export/file', { format, lang: 'fr', out, scope: {}, ...extra } as never);
  return out;
}

describe('a legal basis per purpose, through the files', () => {
  it('writes each basis with its purpose in the XLSX (detailed sheet and fiche), and reads it back onto its purpose', async () => {
    const file = await exported('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const detail = wb.getWorksheet('Détail des traitements')!;
    const header: string[] = [];
    detail.getRow(1).eachCell((c, k) => (header[k] = c.text));
    const col = header.indexOf('Base(s) légale(s) (art. 6)');
    expect(col).toBeGreaterThan(0);
    const cell = detail.getRow(2).getCell(col).text;
    expect(cell.split('\n')).toEqual([SERVED.main, SERVED.proof, SERVED.hall]);
    const art9 = detail.getRow(2).getCell(header.indexOf('Exception à l’interdiction des données sensibles (art. 9.2)')).text;
    expect(art9).toMatch(/Secours à une personne — Finalité servie : Preuve en cas d’infraction$/);
    const fiche = wb.worksheets.find((s) => s.name.startsWith('Fiche '))!;
    const ficheText: string[] = [];
    // Merged cells repeat their master's value: the master's own text is enough.
    fiche.eachRow((row) => row.eachCell((c) => (c.isMerged && c.master !== c ? undefined : ficheText.push(c.text))));
    expect(ficheText.join('\n')).toContain(SERVED.hall);

    // Read back by Art30 into an empty register: each basis on its purpose, nothing to check.
    const target = openTempRegister();
    try {
      await target.call('organisations/create', { organisation: { name: 'Mairie de Villefranche' } });
      const p = await target.call('import/open', { file, lang: 'fr' });
      await target.call('import/commit', { sessionId: p.sessionId });
      const back = await target.call('activities/getByRef', { ref: 'T-001', organisationId: 1 });
      expect(back.legalBases.map((b) => [b.code, b.purpose])).toEqual([
        ['public_task', 0],
        ['legal_obligation', 1],
        ['legitimate_interests', 2],
      ]);
      expect(back.art9Conditions.map((b) => [b.code, b.purpose])).toEqual([['vital_interests', 1]]);
      expect(back.purposeBasesToCheck).toBe(false);
    } finally {
      target.cleanup();
    }
  });

  it('reads a file of an older Art30 (no purpose beside the bases): the bases on the main purpose, marked to check', async () => {
    const file = await exported('csv');
    const older = path.join(t.dir, 'ancien.csv');
    fs.writeFileSync(older, fs.readFileSync(file, 'utf8').replace(/ — Finalité servie : [^;\r\n"]*/g, ''));
    expect(fs.readFileSync(older, 'utf8')).not.toContain('Finalité servie');
    const target = openTempRegister();
    try {
      await target.call('organisations/create', { organisation: { name: 'Mairie de Villefranche' } });
      const p = await target.call('import/open', { file: older, lang: 'fr' });
      await target.call('import/commit', { sessionId: p.sessionId });
      const back = await target.call('activities/getByRef', { ref: 'T-001', organisationId: 1 });
      expect(back.legalBases.map((b) => [b.code, b.justification, b.purpose])).toEqual([
        ['public_task', 'Code de la sécurité intérieure, art. L251-2', 0],
        ['legal_obligation', 'Réquisition judiciaire', 0],
        ['legitimate_interests', 'Dimensionner l’accueil du public', 0],
      ]);
      expect(back.purposeBasesToCheck).toBe(true);
      expect((await target.call('activities/checks', { id: back.id })).map((c) => c.code)).toContain('purpose_bases_to_check');
    } finally {
      target.cleanup();
    }
  });

  it('writes each basis with its purpose in the CSV, the PDF and the DOCX', async () => {
    const csv = readCsv(fs.readFileSync(await exported('csv'), 'utf8').replace(/^\uFEFF/, ''));
    const col = csv[0].indexOf('Base(s) légale(s) (art. 6)');
    expect(csv[1][col].split('\n')).toEqual([SERVED.main, SERVED.proof, SERVED.hall]);

    const pdf = execFileSync('pdftotext', ['-layout', await exported('pdf'), '-']).toString();
    const flat = pdf.replace(/\s+/g, ' ');
    for (const line of Object.values(SERVED)) expect(flat).toContain(line);

    const docx = strFromU8(unzipSync(fs.readFileSync(await exported('docx')))['word/document.xml']);
    const words = docx
      .replace(/<w:br\/>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&');
    for (const line of Object.values(SERVED)) expect(words).toContain(line);
  });

  it('lists each purpose with its legal basis in the Art. 13/14 notice, and what is missing', async () => {
    const out = await exported('html', { document: 'notice' });
    const text = fs
      .readFileSync(out, 'utf8')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, '’')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Vidéoprotection de la mairie — Sécurité des bâtiments communaux');
    expect(text).toContain('Base légale : Mission d’intérêt public ou exercice de l’autorité publique (Art. 6(1)(e))');
    expect(text).toContain('Preuve en cas d’infraction — base légale : Obligation légale (Art. 6(1)(c))');
    expect(text).toContain('Mesure de la fréquentation du hall — base légale : Intérêt légitime (Art. 6(1)(f))');
    expect(text).toContain('Preuve en cas d’infraction — Sauvegarde des intérêts vitaux');
    expect(text).toContain('Intérêt légitime poursuivi : Dimensionner l’accueil du public');
    expect(text).not.toContain('La base légale de la finalité');
  });
});

describe('a department’s file giving a sub-purpose its basis', () => {
  it('maps each continuation row’s basis to the sub-purpose beside it; the column of the activity’s own row fills its main purpose', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('RH');
    ws.addRow(['Nom du traitement', 'Finalité principale', 'Sous-finalités', 'Base légale', 'Durée de conservation']);
    ws.addRow(['Gestion de la paie', 'Verser les salaires', '', 'Obligation légale', '5 ans']);
    ws.addRow(['', '', 'Calcul des cotisations', 'Contrat', '']);
    ws.addRow(['', '', 'Bulletins de paie', 'Obligation légale', '']);
    ws.addRow(['Recrutement', 'Sélectionner les candidats', '', 'Mesures précontractuelles', '2 ans']);
    const file = path.join(t.dir, 'rh.xlsx');
    await wb.xlsx.writeFile(file);
    const p = await t.call('import/open', { file, lang: 'fr' });
    const paie = p.rows.find((r) => r.name === 'Gestion de la paie')!;
    expect(paie.values.find((v) => v.label === 'Base légale')!.lines).toEqual([
      'Obligation légale (Art. 6(1)(c))',
      'Exécution d’un contrat ou de mesures précontractuelles (Art. 6(1)(b)) — Finalité servie : sous-finalité 1',
      'Obligation légale (Art. 6(1)(c)) — Finalité servie : sous-finalité 2',
    ]);
    await t.call('import/commit', { sessionId: p.sessionId });
    const [summary] = await t.call('activities/list', { search: 'Gestion de la paie' });
    const a = await t.call('activities/get', { id: summary.id });
    expect(a.subPurposes).toEqual(['Calcul des cotisations', 'Bulletins de paie']);
    expect(a.legalBases.map((b) => [b.code, b.purpose])).toEqual([
      ['legal_obligation', 0],
      ['contract', 1],
      ['legal_obligation', 2],
    ]);
    expect(summary.legalBases).toEqual(['legal_obligation', 'contract']);
    expect((await t.call('activities/checks', { id: a.id })).map((c) => c.code).filter((c) => /purpose|legal_basis/.test(c))).toEqual([]);

    // The same department sends the file again with a new sub-purpose first: the bases follow their purposes.
    const again = new ExcelJS.Workbook();
    const ws2 = again.addWorksheet('RH');
    ws2.addRow(['Nom du traitement', 'Finalité principale', 'Sous-finalités', 'Base légale']);
    ws2.addRow(['Gestion de la paie', 'Verser les salaires', '', '']);
    ws2.addRow(['', '', 'Titres-restaurant', 'Contrat']);
    ws2.addRow(['', '', 'Bulletins de paie', 'Obligation légale']);
    const file2 = path.join(t.dir, 'rh2.xlsx');
    await again.xlsx.writeFile(file2);
    const p2 = await t.call('import/open', { file: file2, lang: 'fr' });
    expect(p2.rows.find((r) => r.name === 'Gestion de la paie')!.status).toBe('update');
    await t.call('import/commit', { sessionId: p2.sessionId });
    const updated = await t.call('activities/get', { id: a.id });
    expect(updated.subPurposes).toEqual(['Calcul des cotisations', 'Bulletins de paie', 'Titres-restaurant']);
    expect(updated.legalBases.map((b) => [b.code, b.purpose])).toEqual([
      ['legal_obligation', 0],
      ['contract', 1],
      ['legal_obligation', 2],
      ['contract', 3],
    ]);
  });
});
