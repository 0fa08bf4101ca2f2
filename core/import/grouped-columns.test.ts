/**
 * Columns named once per group of rows (assemble/grouped-columns.ts): a processor's register saved as CSV from a
 * sheet whose client and contact cells were merged over their rows, a department written once above its rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t as translate } from '../i18n/i18n.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import type { ImportPreview } from './preview/preview.js';

let t: TempRegister;
beforeEach(async () => {
  t = openTempRegister();
  await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
});
afterEach(() => t.cleanup());

async function preview(name: string, lines: string[]): Promise<ImportPreview> {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, lines.join('\r\n'));
  return (await t.call('import/open', { file })) as ImportPreview;
}

describe('a column named once for the rows below it', () => {
  it('gives each row of a group its client and contact, said in the preview, and no row is a duplicate', async () => {
    const p = await preview('sous-traitant.csv', [
      'Responsable de traitement (client);Interlocuteur;Prestation;Traitements effectués pour le compte du client;Catégories de données',
      'Maison Vernier SA;Sophie L.;Hébergement SaaS;Stockage des données des contacts du client;Identité',
      ';;Module Campaign;Envoi de campagnes aux contacts du client;Adresse e-mail',
      'Groupe Hexalia;Karim B.;Hébergement SaaS;Stockage des données des contacts du client;Identité',
      ';;Connecteur Ads;Segments publicitaires pour le client;Identifiants',
      'Librairies Borel;Sophie L.;Maintenance;Accès aux données sur instruction du client;Selon l’opération',
    ]);
    const rows = p.rows.filter((r) => r.status !== 'skipped');
    expect(rows.map((r) => r.status)).toEqual(['new', 'new', 'new', 'new', 'new']);
    expect(rows.map((r) => r.activity?.clients.map((c) => c.name))).toEqual([
      ['Maison Vernier SA'],
      ['Maison Vernier SA'],
      ['Groupe Hexalia'],
      ['Groupe Hexalia'],
      ['Librairies Borel'],
    ]);
    expect(rows.map((r) => r.activity?.owner)).toEqual(['Sophie L.', 'Sophie L.', 'Karim B.', 'Karim B.', 'Sophie L.']);
    const said = rows[1].warnings.filter((w) => w.code === 'filled_down');
    expect(said.map((w) => [w.field, w.cell, w.value])).toEqual([
      ['clients', 'A2', 'Maison Vernier SA'],
      ['owner', 'B2', 'Sophie L.'],
    ]);
    expect(translate('fr', 'import.warning.filled_down', { value: said[0].value, row: 2 })).toContain('ligne 2');
    expect(rows[0].warnings.some((w) => w.code === 'filled_down')).toBe(false);
  });

  it('leaves blank the cells of a column written on every row, and a cell left blank here and there', async () => {
    const p = await preview('registre.csv', [
      'Nom du traitement;Finalité;Service',
      'Paie;Verser les salaires;RH',
      'Recrutement;Recruter;RH',
      'Formation;Former les agents;',
      'Achats;Acheter;Finance',
      'Facturation;Facturer;Finance',
      'Visiteurs;Accueillir les visiteurs;',
    ]);
    const rows = p.rows.filter((r) => r.status !== 'skipped');
    expect(rows.map((r) => r.activity?.department)).toEqual(['RH', 'RH', '', 'Finance', 'Finance', '']);
    const sparse = await preview('registre2.csv', [
      'Nom du traitement;Finalité;Service',
      'Paie;Verser les salaires;RH',
      'Recrutement;Recruter;Communication',
      'Formation;Former les agents;Finance',
      'Achats;Acheter;Accueil',
      'Visiteurs;Accueillir les visiteurs;',
    ]);
    expect(sparse.rows.filter((r) => r.status !== 'skipped').map((r) => r.activity?.department)).toEqual(['RH', 'Communication', 'Finance', 'Accueil', '']);
  });
});
