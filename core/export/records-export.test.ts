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

describe('the breach record and the request log in the XLSX and PDF exports', () => {
  let t: TempRegister;
  beforeAll(async () => {
    t = openTempRegister();
    t.reg.now = () => '2026-03-10T12:00:00.000Z';
    await t.call('demo/create', {});
  });
  afterAll(() => t.cleanup());

  it('adds no sheet unless the DPO includes the records', async () => {
    const out = path.join(t.dir, 'plain.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'fr', out, scope: {}, fiches: false });
    const wb = await new ExcelJS.Workbook().xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Violations');
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Demandes');
  });

  it('writes the breach sheet as facts, effects, remedial action, and the request sheet with real dates', async () => {
    const out = path.join(t.dir, 'records.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'fr', out, scope: {}, fiches: false, records: true });
    const [entry] = await t.call('history/list', { entityType: 'export', limit: 1 });
    expect(entry.changes[0].after).toMatchObject({ format: 'xlsx', file: 'records.xlsx', records: true });
    const wb = await new ExcelJS.Workbook().xlsx.readFile(out);
    // The inspector's layout: facts, effects, remedial action.
    const triad = wb.getWorksheet('Violations')!;
    expect(rowTexts(triad, 3)).toEqual(['Référence', 'Découverte le', 'Statut', 'Faits', 'Effets', 'Mesures prises pour y remédier']);
    expect(cellText(triad.getCell('A4'))).toBe('B-001');
    expect(cellText(triad.getCell('D4'))).toContain('Description des faits : Le fichier des bulletins de paie');
    expect(cellText(triad.getCell('D4'))).toContain('Traitements concernés : T-001 Gestion de la paie');
    expect(cellText(triad.getCell('E4'))).toContain('Nombre approximatif de personnes : 84');
    expect(cellText(triad.getCell('F4'))).toContain('Référence de la notification : CNIL-NOTIF-2025-004512');
    expect(cellText(triad.getCell('F5'))).toMatch(/Motif de l’absence de notification : Violation non susceptible/);
    expect(cellText(triad.getCell('A6'))).toBe('');
    const breaches = wb.getWorksheet('Violations (détail)')!;
    expect(cellText(breaches.getCell('A1'))).toBe('Registre des violations de données à caractère personnel (art. 33.5 du RGPD)');
    const groups = [...new Set(rowTexts(breaches, 3).filter(Boolean))];
    expect(groups).toEqual(['Faits', 'Effets', 'Mesures prises pour y remédier']);
    const headers = rowTexts(breaches, 4);
    const col = (label: string) => headers.indexOf(label) + 1;
    expect(col('Référence')).toBe(1);
    expect(col('Découverte le')).toBeLessThan(col('Conséquences probables'));
    expect(col('Conséquences probables')).toBeLessThan(col('Mesures prises'));
    const b1 = breaches.getRow(5);
    expect(cellText(b1.getCell(1))).toBe('B-001');
    expect(cellText(b1.getCell(col('Référence de la notification')))).toBe('CNIL-NOTIF-2025-004512');
    expect(cellText(b1.getCell(col('Notifiée à l’autorité le')))).toMatch(/^04\/04\/2025/);
    expect(cellText(b1.getCell(col('Délai de notification (72 heures)')))).toContain('Notifiée dans les 72 heures');
    expect(cellText(b1.getCell(col('Catégories de données')))).toBe('Identité, Salaires et coordonnées bancaires, Numéro de sécurité sociale');
    expect(cellText(b1.getCell(col('Traitements concernés')))).toBe('T-001 Gestion de la paie');
    const b2 = breaches.getRow(6);
    expect(cellText(b2.getCell(1))).toBe('B-002');
    expect(cellText(b2.getCell(col('Motif de l’absence de notification')))).toMatch(/non notifiée/);
    expect(breaches.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });

    const requests = wb.getWorksheet('Demandes')!;
    const rHeaders = rowTexts(requests, 3);
    expect(rHeaders.slice(0, 3)).toEqual(['Référence', 'Droit exercé', 'Reçue le']);
    const refs = [4, 5, 6, 7].map((n) => cellText(requests.getRow(n).getCell(1)));
    expect(refs).toEqual(['R-001', 'R-002', 'R-003', 'R-004']);
    const r2 = requests.getRow(5);
    expect(r2.getCell(3).value).toBeInstanceOf(Date);
    expect(cellText(r2.getCell(rHeaders.indexOf('Échéance') + 1))).toMatch(/En retard de \d+ jours/);
  });

  it('an extract of one activity carries only the records linked to it, in English', async () => {
    const out = path.join(t.dir, 'extract.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'en', out, scope: { organisationId: 1, refs: ['T-006'] }, fiches: false, records: true });
    const wb = await new ExcelJS.Workbook().xlsx.readFile(out);
    expect(cellText(wb.getWorksheet('Breaches')!.getCell('A4'))).toBe('B-002');
    const breaches = wb.getWorksheet('Breaches (detail)')!;
    expect([...new Set(rowTexts(breaches, 3).filter(Boolean))]).toEqual(['Facts', 'Effects', 'Remedial action']);
    expect(cellText(breaches.getCell('A5'))).toBe('B-002');
    expect(cellText(breaches.getCell('A6'))).toBe('');
    expect(cellText(wb.getWorksheet('Requests')!.getCell('A4'))).toBe('No request logged.');
  });

  it('prints a section for each in the PDF when included, none otherwise', { timeout: 120_000 }, async () => {
    const withRecords = path.join(t.dir, 'records.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'fr', out: withRecords, scope: { organisationId: 1, refs: ['T-001', 'T-004', 'T-005'] }, records: true });
    const text = pdfText(withRecords);
    expect(text).toContain('Registre des violations de données à caractère personnel (art. 33.5 du RGPD)');
    expect(text).toMatch(/B-001 Envoi d’un fichier de paie au mauvais destinataire/);
    expect(text.indexOf('Faits')).toBeLessThan(text.indexOf('Effets'));
    expect(text.indexOf('Effets')).toBeLessThan(text.indexOf('Mesures envisagées'));
    expect(text).toContain('CNIL-NOTIF-2025-004512');
    expect(text).toContain('Journal des demandes d’exercice des droits');
    expect(text).toMatch(/R-002 Effacement \(art\. 17\)/);
    expect(text).toMatch(/En retard de \d+ jours/);
    expect(text).not.toContain('B-002');
    // The table of contents (page 2) lists both sections, with their counts, after the activities.
    const toc = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-raw', '-enc', 'UTF-8', withRecords, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(toc).toMatch(/Sommaire/);
    expect(toc).toMatch(/Registre des violations de données à caractère personnel \(art\. 33\.5 du RGPD\) \(1\)/);
    expect(toc).toMatch(/Journal des demandes d’exercice des droits \(art\. 12 et 15 à 22 du RGPD\) \(4\)/);
    const without = path.join(t.dir, 'plain.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'fr', out: without, scope: { organisationId: 1, refs: ['T-001'] } });
    expect(pdfText(without)).not.toContain('Registre des violations');
  });
});
