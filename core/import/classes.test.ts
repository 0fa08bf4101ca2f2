/**
 * Classes of input met in files written by others (measured from outside): statements of "none",
 * countries named in a sentence, headers written as code or in Dutch, durations in every language,
 * a question ticked by its answers, criteria ticked under a question.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import type { ImportPreview } from './preview/preview.js';

let t: TempRegister;
beforeEach(async () => {
  t = openTempRegister();
  await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
});
afterEach(() => t.cleanup());

async function csv(lines: string[][]): Promise<ImportPreview> {
  const file = path.join(t.dir, 'dept.csv');
  fs.writeFileSync(file, lines.map((l) => l.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n'));
  return (await t.call('import/open', { file })) as ImportPreview;
}

describe('values written as sentences', () => {
  it('a statement of none gives nothing; a country named in a sentence gives its transfer, with the safeguard the sentence names', async () => {
    const p = await csv([
      ['Nom du traitement', 'Finalité', 'Destinataires', 'Transferts hors UE', 'Catégories de données'],
      ['Annuaire', 'Annuaire du personnel', 'Aucun tiers n’a accès aux données.', 'Aucun transfert de données hors de l’UE.', 'Identité'],
      [
        'Planning',
        'Congés',
        'Service RH',
        'Données transférées vers la Suisse (pays adéquat), et l’Algérie (clauses contractuelles types).',
        'Non concerné (aucune donnée financière)',
      ],
      ['Export', 'Ventes', 'Nessuno', 'Sans objet — aucun transfert hors UE', 'Identité'],
    ]);
    const [a, b, c] = p.rows.map((r) => r.activity!);
    expect(a.recipients).toEqual([]);
    expect(a.transfers).toEqual([]);
    expect(b.transfers.map((x) => [x.country, x.safeguard])).toEqual([
      ['CH', 'adequacy'],
      ['DZ', 'scc'],
    ]);
    expect(b.dataCategories).toEqual([]);
    expect(c.recipients).toEqual([]);
    expect(c.transfers).toEqual([]);
    expect(p.rows.flatMap((r) => r.warnings).filter((w) => w.code === 'country_unknown')).toEqual([]);
  });

  it('durations in every language; a second duration in brackets is not added to the first', async () => {
    const p = await csv([
      ['Activity', 'Purpose', 'Retention'],
      ['A', 'a', '30 days (90 days for incidents)'],
      ['B', 'b', '12 meses'],
      ['C', 'c', '10 anni'],
      ['D', 'd', '24 mnd'],
      ['E', 'e', '1 year 6 months'],
    ]);
    expect(p.rows.map((r) => r.activity!.retention[0].duration)).toEqual(['P30D', 'P12M', 'P10Y', 'P24M', 'P1Y6M']);
  });
});

describe('headers', () => {
  it('written as code (camelCase, snake_case) and in Dutch', async () => {
    const code = await csv([
      ['name', 'purpose', 'dataTypes', 'legal_basis', 'retentionPeriod'],
      ['CRM', 'Sales', 'Email; phone', 'Contract', '3 years'],
    ]);
    expect(code.sheets[0].columns.map((c) => c.field)).toEqual(['name', 'purpose', 'dataCategories', 'legalBases', 'retention']);
    const nl = await csv([
      ['Proces', 'Doel', 'Betrokkenen', 'Persoonsgegevens', 'Ontvangers', 'Rechtsgrond', 'Bewaartermijn', 'Beveiliging'],
      ['Salarisadministratie', 'Salaris betalen', 'Medewerkers', 'NAW; IBAN', 'Belastingdienst', 'Wettelijke verplichting', '7 jaar', 'Versleuteling'],
    ]);
    expect(nl.sheets[0].columns.map((c) => c.field)).toEqual(['name', 'purpose', 'dataSubjects', 'dataCategories', 'recipients', 'legalBases', 'retention', 'securityMeasures']);
    const a = nl.rows[0].activity!;
    expect([a.legalBases[0].code, a.retention[0].duration]).toEqual(['legal_obligation', 'P7Y']);
  });
});

describe('ticks under a question', () => {
  it('"AIPD nécessaire ?" over "Oui | Non" gives the ticked answer; criteria ticked under a question are left aside, said', async () => {
    const file = path.join(t.dir, 'aipd.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Registre');
    ws.addRow(['', '', 'Nécessité d’une AIPD (au moins deux critères)', '', '', 'Ce traitement nécessite une AIPD ?', '']);
    ws.mergeCells(1, 3, 1, 5);
    ws.mergeCells(1, 6, 1, 7);
    ws.addRow(['Nom du traitement', 'Finalité', 'Données sensibles', 'Grande échelle', 'Décision automatisée', 'Oui', 'Non']);
    ws.addRow(['Annuaire', 'Annuaire', '', '', '', '', 'x']);
    ws.addRow(['Vidéoprotection', 'Sécurité', 'x', 'x', '', 'x', '']);
    await wb.xlsx.writeFile(file);
    const p = (await t.call('import/open', { file })) as ImportPreview;
    expect(p.rows.map((r) => r.activity!.dpia.status)).toEqual(['not_required', 'planned']);
    const cols = p.sheets[0].columns;
    expect(cols.filter((c) => c.why?.key === 'mapping.why.tickGroup').map((c) => [c.header.replace(/^.*critères\) /, ''), c.field])).toEqual([
      ['Données sensibles', null],
      ['Grande échelle', null],
      ['Décision automatisée', null],
    ]);
    // "Données sensibles" there is a criterion: no "holds sensitive data" warning.
    expect(p.rows.flatMap((r) => r.warnings).filter((w) => w.code === 'special_without_category')).toEqual([]);
  });
});

describe('a row whose first cell is a marker word of another column', () => {
  it('is an activity when it is full and names its activity ("À compléter" as its status, the columns in another order)', async () => {
    const p = await csv([
      ['Statut', 'Base juridique', 'Finalité', 'Nom du traitement'],
      ['Validé', 'Contrat', 'Verser les salaires', 'Paie'],
      ['À compléter', 'Obligation légale', 'Informer les représentants', 'Représentants du personnel'],
      ['Total', '', '', ''],
    ]);
    expect(p.rows.map((r) => [r.name, r.status])).toEqual([
      ['Paie', 'new'],
      ['Représentants du personnel', 'new'],
      ['Total', 'skipped'],
    ]);
  });
});
