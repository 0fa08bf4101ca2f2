/**
 * What the import preview shows a DPO before it writes (issue 26): each row's values field by field,
 * in the register's words; why each skipped sheet was skipped, as a text of the catalogue; the
 * mapping's reasons with the header's own words (accents kept).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t as tr } from '../i18n/i18n.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { matchHeader } from './assign/mapping.js';

let t: TempRegister;
beforeEach(async () => {
  t = openTempRegister();
  await t.call('organisations/create', { organisation: { name: 'Mairie de Villefranche' } } as never);
});
afterEach(() => t.cleanup());

async function workbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const rh = wb.addWorksheet('RH');
  rh.addRow(['Nom du traitement', 'Finalité', 'Base légale', 'Destinataires', 'Durée de conservation', 'Pays de transfert']);
  rh.addRow(['Gestion de la paie', 'Verser les salaires', 'Obligation légale + Contrat', 'URSSAF, PayFit', '5 ans', '']);
  rh.addRow(['Recrutement', 'Sélectionner les candidats', 'Mesures précontractuelles', 'Cabinet de recrutement', '2 ans', 'Inde']);
  const lists = wb.addWorksheet('Listes');
  lists.addRow(['Bases légales']);
  for (const b of ['Consentement', 'Contrat', 'Obligation légale']) lists.addRow([b]);
  await wb.xlsx.writeFile(file);
}

describe('the import preview, as a DPO reads it', () => {
  it('lists the values each row writes, field by field, in the register’s words', async () => {
    const file = path.join(t.dir, 'rh.xlsx');
    await workbook(file);
    const p = await t.call('import/open', { file, lang: 'fr' } as never);
    const paie = p.rows.find((r) => r.name === 'Gestion de la paie')!;
    const values = Object.fromEntries(paie.values.map((v) => [v.label, v.lines]));
    // One cell, two legal bases; each recipient on its own line; never a field key, never a code.
    expect(values['Base légale']).toHaveLength(2);
    expect(values['Base légale'].join(' ')).toMatch(/Obligation légale/);
    expect(values['Base légale'].join(' ')).toMatch(/contrat/i);
    expect(values.Destinataires.map((l) => l.split(' (')[0])).toEqual(['URSSAF', 'PayFit']);
    expect(values['Durée de conservation'].join(' ')).toMatch(/5 ans/);
    expect(values['Durée de conservation'].join(' ')).not.toMatch(/P5Y/);
    expect(paie.values.map((v) => v.field)).not.toContain('name');
    const recrutement = p.rows.find((r) => r.name === 'Recrutement')!;
    expect(recrutement.values.flatMap((v) => v.lines).join(' ')).toMatch(/Inde/);
    expect(recrutement.values.flatMap((v) => v.lines).join(' ')).not.toMatch(/\bIN\b/);
  });

  it('says why a sheet is skipped, in the DPO’s language', async () => {
    const file = path.join(t.dir, 'rh.xlsx');
    await workbook(file);
    const p = await t.call('import/open', { file } as never);
    const listes = p.sheets.find((s) => s.name === 'Listes')!;
    expect(listes.status).toBe('skipped');
    expect(listes.why?.key).toMatch(/^errors\.sheet\./);
    expect(tr('fr', listes.why!.key, listes.why!.params as never)).not.toBe(listes.why!.key);
    expect(p.sheets.find((s) => s.name === 'RH')!.why).toBeUndefined();
  });
});

describe('the mapping’s reasons', () => {
  it('quote the header’s words as written, accents kept', () => {
    const why = matchHeader('Quelles données sont collectées').why!;
    expect(why.key).toBe('mapping.why.words');
    expect(String(why.params?.words)).toContain('données');
    expect(String(why.params?.words)).not.toContain('donnees');
  });
});
