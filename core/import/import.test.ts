/**
 * The import engine through the API, on the messy corpus built in core/import/testing/corpus.ts:
 * table finding, mapping, normalisation, preview statuses, commit (one transaction, backup,
 * history), undo, saved mappings, the CNIL template and the department template round trip.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { activityFieldsSchema } from '../model/schemas.js';
import type { ImportPreview } from './preview/preview.js';
import { writeComptaCsv, writeFilledCnilOds, writeCnilAsXlsx, writeMarketingWorkbook, writeRhWorkbook, writeUtf8Csv, CNIL_ODS } from './testing/corpus.js';
import { TEMPLATE_FIELDS } from './template.js';

let t: TempRegister;
beforeEach(async () => {
  t = openTempRegister();
  await t.call('organisations/create', { organisation: { name: 'Mairie de Villefranche' } } as never);
});
afterEach(() => t.cleanup());

const state = () => ({
  activities: t.reg.sqlite.prepare('SELECT count(*) FROM activities').pluck().get(),
  recipients: t.reg.sqlite.prepare('SELECT count(*) FROM recipients').pluck().get(),
  history: t.reg.sqlite.prepare('SELECT count(*) FROM history').pluck().get(),
  batches: t.reg.sqlite.prepare('SELECT count(*) FROM import_batches').pluck().get(),
});
/** Every row the preview returns is already what the register's schema gives (see fast-validate.ts). */
function expectSchemaFixedPoint(p: ImportPreview): void {
  for (const r of p.rows) if (r.activity) expect(activityFieldsSchema.parse(r.activity), r.key).toEqual(r.activity);
}
const row = (p: ImportPreview, key: string) => {
  expectSchemaFixedPoint(p);
  const r = p.rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key} in ${p.rows.map((x) => x.key).join(', ')}`);
  return r;
};

describe('a French department workbook with a title block, group labels and several sheets', () => {
  it('finds the table, maps the columns, normalises the values and flags what it cannot read', async () => {
    const file = path.join(t.dir, 'registre-rh.xlsx');
    await writeRhWorkbook(file);
    const p = await t.call('import/open', { file });
    expect(p.format).toBe('xlsx');
    const sheets = Object.fromEntries(p.sheets.map((s) => [s.name, s]));
    expect(sheets.Instructions).toMatchObject({ status: 'skipped', reason: 'instructions' });
    expect(sheets.Listes).toMatchObject({ status: 'skipped', hidden: true });
    expect(sheets.Notes).toMatchObject({ status: 'skipped', reason: 'notes' });
    const rh = sheets['Registre RH'];
    expect(rh).toMatchObject({ status: 'imported', headerRow: 5 });
    const col = (letter: string) => rh.columns.find((c) => c.letter === letter)!;
    expect(col('A')).toMatchObject({ header: 'Nom du\ntraitement', field: 'name', confidence: 1 });
    expect(col('C').field).toBe('purpose');
    expect(col('D').field).toBe('legalBases');
    expect(col('H').field).toBe('transferCountries');
    expect(col('J').field).toBe('retention');
    expect(col('M').field).toBe('createdAt');
    expect(col('N').field).toBe('hasSpecialData');
    expect(col('O')).toMatchObject({ hidden: true });

    // Statuses: a row missing its purpose, a duplicate within the file, a hidden row.
    expect(row(p, 'Registre RH!14')).toMatchObject({ status: 'error', name: 'Vidéosurveillance' });
    expect(row(p, 'Registre RH!14').errors[0]).toMatchObject({ field: 'purpose' });
    expect(row(p, 'Registre RH!15')).toMatchObject({ status: 'duplicate', duplicateOf: 'Registre RH!6' });
    expect(row(p, 'Registre RH!9')).toMatchObject({ status: 'new', hidden: true, name: 'Annuaire interne' });
    expect(p.counts).toMatchObject({ rows: 10, new: 8, error: 1, duplicate: 1 });

    // Values: legal bases, countries, Excel dates, retention, multi-values, empty-equivalents.
    const paie = row(p, 'Registre RH!6').activity!;
    expect(paie.legalBases.map((b) => b.code)).toEqual(['legal_obligation']);
    expect(paie.dataCategories.map((c) => c.code)).toEqual(['identity', 'economic_financial']);
    expect(paie.retention[0]).toMatchObject({ text: '5 ans à compter du versement de la paie', duration: 'P5Y', trigger: 'versement de la paie' });
    expect(paie.securityMeasures.map((m) => m.type)).toEqual(['access_control', 'backup']);
    expect(paie.transfers).toEqual([]);
    expect(row(p, 'Registre RH!7').activity!.legalBases.map((b) => b.code)).toEqual(['consent', 'legitimate_interests']);
    expect(row(p, 'Registre RH!7').activity!.transfers).toEqual([
      { recipient: 'TalentBridge Ltd', country: 'GB', safeguard: 'adequacy', derogation: null, documentation: '', tiaRef: '' },
    ]);
    expect(row(p, 'Registre RH!8').activity!.retention[0]).toMatchObject({ duration: '', trigger: 'suppression du compte' });
    expect(row(p, 'Registre RH!9').activity!.dataSubjects.map((s) => s.code)).toEqual(['employees', 'service_providers']);
    expect(row(p, 'Registre RH!11').activity!.transfers[0]).toMatchObject({ country: 'US', safeguard: 'scc', recipient: 'SurveyNow Inc' });
    expect(row(p, 'Registre RH!11').activity!.retention[0]).toMatchObject({ duration: 'P10Y', trigger: 'contract end' });
    expect(row(p, 'Registre RH!13').activity!.transfers).toEqual([]); // Irlande is in the EEA
    expect(row(p, 'Registre RH!12').activity!.securityMeasures).toEqual([]); // "aucun"

    // Warnings, each on its cell.
    const warn = (key: string, field: string) => row(p, key).warnings.filter((w) => w.field === field);
    expect(warn('Registre RH!12', 'transferCountries')[0]).toMatchObject({ cell: 'H12', value: 'Inde' });
    expect(warn('Registre RH!12', 'transferCountries')[0].message).toMatch(/without a safeguard/);
    expect(warn('Registre RH!16', 'transferCountries')[0].message).toMatch(/Data Privacy Framework/);
    expect(warn('Registre RH!16', 'purpose')[0]).toMatchObject({ cell: 'C16', value: 'Contrôle des accès' });
    expect(warn('Registre RH!16', 'purpose')[0].message).toMatch(/formula/);
    expect(row(p, 'Registre RH!16').activity!.purpose).toBe('Contrôle des accès');
    expect(row(p, 'Registre RH!11').source).toContainEqual({ field: 'transferCountries', cell: 'H11', text: 'USA' });
    expect(p.newRecipients).toEqual(expect.arrayContaining(['PaieFacile SAS', 'URSSAF', 'SurveyNow Inc']));
  });

  it('refuses to commit while a row is in error, naming file, sheet, row and field, and writes nothing', async () => {
    const file = path.join(t.dir, 'registre-rh.xlsx');
    await writeRhWorkbook(file);
    const before = state();
    const p = await t.call('import/open', { file });
    const r = await t.result('import/commit', { sessionId: p.sessionId });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad_input');
    expect(r.error.message).toContain('registre-rh.xlsx');
    expect(r.error.message).toContain('sheet “Registre RH”, row 14, field Purpose');
    expect(state()).toEqual(before);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('before-import'))).toEqual([]);
  });

  it('commits in one batch with a backup and history, re-imports as unchanged, updates with a diff, and undoes', async () => {
    const file = path.join(t.dir, 'registre-rh.xlsx');
    await writeRhWorkbook(file);
    const sha = (await import('../files.js')).sha256File(file);
    const p = await t.call('import/open', { file });
    const phases: string[] = [];
    const r = await t.result('import/commit', { sessionId: p.sessionId, excludedRows: ['Registre RH!14'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value;
    expect(s).toMatchObject({ created: 8, updated: 0, skipped: { excluded: 1, duplicate: 1 } });
    expect(s.batchId).toBeGreaterThan(0);
    expect(fs.existsSync(s.backup!)).toBe(true);
    expect(path.dirname(s.backup!)).toBe(path.dirname(t.file));
    void phases;
    const list = await t.call('activities/list', {});
    expect(list.map((a) => a.ref).sort()).toEqual(['RH-01', 'RH-02', 'RH-03', 'RH-04', 'RH-05', 'RH-06', 'RH-07', 'RH-09']);
    const paie = await t.call('activities/getByRef', { ref: 'RH-01' });
    expect(paie.createdAt.slice(0, 10)).toBe('2021-03-15');
    const entries = t.reg.sqlite.prepare('SELECT source, source_file, source_sha256, batch_id, entity_type, action FROM history WHERE batch_id = ?').all(s.batchId) as Record<
      string,
      unknown
    >[];
    expect(entries.filter((e) => e.entity_type === 'activity' && e.action === 'create')).toHaveLength(8);
    expect(entries.every((e) => e.source === 'import' && e.source_file === 'registre-rh.xlsx' && e.source_sha256 === sha)).toBe(true);
    expect(entries.some((e) => e.entity_type === 'import' && e.action === 'import')).toBe(true);
    const batches = await t.call('import/batches', {});
    expect(batches[0]).toMatchObject({ id: s.batchId, fileName: 'registre-rh.xlsx', sha256: sha, created: 8, updated: 0, undoneAt: null });

    // The same file again: nothing to change.
    const again = await t.call('import/open', { file });
    expect(row(again, 'Registre RH!6')).toMatchObject({ status: 'unchanged', existingId: paie.id });

    // A changed cell: an update with its field-level diff.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('Registre RH')!.getCell('C6').value = 'Calcul, versement et archivage des salaires';
    wb.getWorksheet('Registre RH')!.getCell('H14').value = '';
    wb.getWorksheet('Registre RH')!.getCell('C14').value = 'Sécurité des locaux';
    const file2 = path.join(t.dir, 'registre-rh-v2.xlsx');
    await wb.xlsx.writeFile(file2);
    const p2 = await t.call('import/open', { file: file2 });
    expect(row(p2, 'Registre RH!6').status).toBe('update');
    expect(row(p2, 'Registre RH!6').changes).toEqual([{ path: 'purpose', before: 'Calcul et versement des salaires', after: 'Calcul, versement et archivage des salaires' }]);
    expect(row(p2, 'Registre RH!14').status).toBe('new');
    const s2 = await t.call('import/commit', { sessionId: p2.sessionId });
    expect(s2).toMatchObject({ created: 1, updated: 1 });
    expect((await t.call('activities/getByRef', { ref: 'RH-01' })).purpose).toBe('Calcul, versement et archivage des salaires');

    // Undo the second import: the update is reverted and the new activity removed.
    const u = await t.call('import/undo', { batchId: s2.batchId! });
    expect(u).toMatchObject({ activitiesDeleted: 1, activitiesRestored: 1 });
    expect((await t.call('activities/getByRef', { ref: 'RH-01' })).purpose).toBe('Calcul et versement des salaires');
    expect((await t.call('activities/list', {})).some((a) => a.ref === 'RH-08')).toBe(false);
    const again2 = await t.result('import/undo', { batchId: s2.batchId! });
    expect(again2.ok ? null : again2.error.code).toBe('conflict');
    // Undo the first: the register is back to empty, recipients created by the import removed.
    await t.call('import/undo', { batchId: s.batchId! });
    expect(await t.call('activities/list', {})).toEqual([]);
    expect(await t.call('recipients/list', {} as never)).toEqual([]);
    expect(t.reg.history.verify().ok).toBe(true);
    expect((await t.call('import/batches', {})).every((b) => b.undoneAt)).toBe(true);
  });
});

describe('English workbook, several sheets, columns reordered', () => {
  it('imports both sheets, warns on what it cannot read, and restricts to one sheet on request', async () => {
    const file = path.join(t.dir, 'marketing.xlsx');
    await writeMarketingWorkbook(file);
    const p = await t.call('import/open', { file });
    expect(p.sheets.map((s) => [s.name, s.status, s.headerRow])).toEqual([
      ['Marketing', 'imported', 1],
      ['Sales', 'imported', 3],
    ]);
    expect(p.counts.new).toBe(5);
    const news = row(p, 'Marketing!2').activity!;
    expect(news).toMatchObject({ name: 'Newsletter', purpose: 'Send the newsletter', department: 'Marketing', lastReviewedAt: '2024-01-12' });
    expect(news.transfers[0]).toMatchObject({ country: 'IN', safeguard: 'scc' });
    expect(news.dataSubjects.map((s) => s.code)).toEqual(['customers', 'prospects']);
    const messages = (key: string) =>
      row(p, key)
        .warnings.map((w) => `${w.field}: ${w.message}`)
        .join('\n');
    expect(messages('Marketing!3')).toMatch(/transferCountries: "Wakanda" is not a country/);
    expect(messages('Marketing!3')).toMatch(/lastReviewedAt: "yesterday" is not a date/);
    expect(messages('Marketing!4')).toMatch(/Privacy Shield was invalidated/);
    expect(messages('Marketing!4')).toMatch(/retention period "forever-ish" could not be read/);
    expect(row(p, 'Marketing!4').activity!.legalBases[0].code).toBe('contract');
    expect(row(p, 'Sales!5').activity!.legalBases[0].code).toBe('contract');
    const only = await t.call('import/preview', { sessionId: p.sessionId, sheet: 'Sales' });
    expect(only.rows.map((r) => r.key)).toEqual(['Sales!4', 'Sales!5']);
    expect(only.sheets.find((s) => s.name === 'Marketing')!.status).toBe('not_selected');
  });

  it('lets the DPO change the mapping, saves it, and re-applies it when the same headers come back', async () => {
    const file = path.join(t.dir, 'marketing.xlsx');
    await writeMarketingWorkbook(file);
    const p = await t.call('import/open', { file });
    expect(p.sheets[0].columns.find((c) => c.letter === 'J')!.field).toBe('department');
    const changed = await t.call('import/preview', { sessionId: p.sessionId, mapping: { J: 'owner', 'Last reviewed': null }, mappingFor: 'Marketing' });
    const cols = changed.sheets[0].columns;
    expect(cols.find((c) => c.letter === 'J')).toMatchObject({ field: 'owner', source: 'user' });
    expect(cols.find((c) => c.letter === 'K')).toMatchObject({ field: null, source: 'user' });
    // The Department column now goes to the owner: the sheet's name, a department's, gives the department.
    expect(row(changed, 'Marketing!2').activity).toMatchObject({ owner: 'Marketing', department: 'Marketing', lastReviewedAt: '' });
    await t.call('mappings/save', { name: 'Service marketing', sessionId: p.sessionId, sheet: 'Marketing' });
    expect((await t.call('mappings/list', {})).map((m) => m.name)).toEqual(['Service marketing']);
    const reopened = await t.call('import/open', { file });
    expect(reopened.sheets[0].savedMapping).toBe('Service marketing');
    expect(reopened.sheets[0].columns.find((c) => c.letter === 'J')).toMatchObject({ field: 'owner', source: 'saved' });
    expect(reopened.sheets[1].savedMapping).toBeNull();
    await t.call('mappings/delete', { name: 'Service marketing' });
    expect((await t.call('import/open', { file })).sheets[0].savedMapping).toBeNull();
  });
});

describe('CSV from French Excel and from elsewhere', () => {
  it('reads Windows-1252 with ";", CRLF and multi-line quoted cells', async () => {
    const file = path.join(t.dir, 'compta.csv');
    writeComptaCsv(file);
    const p = await t.call('import/open', { file });
    expect(p).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(p.sheets[0].columns.map((c) => c.header)).toContain('Finalité');
    const facture = row(p, 'compta!2').activity!;
    expect(facture.purpose).toBe('Émettre les factures; relancer les impayés');
    expect(facture.dataCategories.map((c) => c.label)).toEqual(['Identité', 'Coordonnées bancaires']);
    expect(facture.retention[0].duration).toBe('P10Y');
    expect(row(p, 'compta!4').activity!).toMatchObject({ name: 'Fournisseurs "stratégiques"' });
    expect(row(p, 'compta!4').activity!.transfers[0]).toMatchObject({ country: 'CH', safeguard: 'adequacy' });
    // No recipient on the row: the transfer is linked to none, and the preview says so.
    expect(row(p, 'compta!4').warnings.map((w) => w.code)).toEqual(['transfer_not_linked']);
  });

  it('reads UTF-8 with a BOM and ","', async () => {
    const file = path.join(t.dir, 'export.txt');
    writeUtf8Csv(file);
    const p = await t.call('import/open', { file });
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8 (BOM)', delimiter: ',' });
    const payroll = row(p, 'export!2').activity!;
    expect(payroll.name).toBe('Payroll, outsourced');
    expect(payroll.transfers.map((x) => x.country)).toEqual(['US', 'IN']);
  });
});

describe('the CNIL template', () => {
  it('refuses the blank template with the reason for every sheet', async () => {
    const r = await t.result('import/open', { file: CNIL_ODS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad_input');
    expect(r.error.message).toMatch(/registre-traitement-simplifie\.ods holds no activity/);
    expect(r.error.message).toMatch(/Tutoriel.*instructions/);
    expect(r.error.message).toMatch(/Exemple_de_fiche.*example/);
    expect(r.error.message).toMatch(/blank fiche/);
  });

  for (const format of ['ods', 'xlsx'] as const) {
    it(`imports a filled template (${format}): identity blocks to the organisation, one complete activity per fiche`, async () => {
      const ods = path.join(t.dir, 'registre-cnil.ods');
      writeFilledCnilOds(ods);
      let file = ods;
      if (format === 'xlsx') {
        file = path.join(t.dir, 'registre-cnil.xlsx');
        await writeCnilAsXlsx(ods, file);
      }
      const p = await t.call('import/open', { file });
      expect(p.kind).toBe('cnil');
      expectSchemaFixedPoint(p);
      const status = Object.fromEntries(p.sheets.map((s) => [s.name.replace(/_/g, ' '), s.status]));
      expect(status['Tutoriel']).toBe('skipped');
      expect(status['4 - Exemple de fiche']).toBe('skipped');
      expect(status['5 - Listes']).toBe('skipped');
      expect(status['3 - Modèle de fiche de registre']).toBe('skipped');
      expect(status['Fiche paie']).toBe('imported');
      const taken = p.rows.filter((r) => r.status !== 'skipped');
      expect(p.rows.filter((r) => r.status !== 'skipped').map((r) => [r.sheet, r.status, r.ref, r.name])).toEqual([
        ['Fiche paie', 'new', 'PAIE-01', 'Gestion de la paie'],
        ['Fiche recrutement', 'new', 'RECR-01', 'Recrutement'],
      ]);
      const paie = taken[0].activity!;
      expect(paie.purpose).toBe('Gestion de la paie');
      expect(paie.subPurposes).toEqual(['Calcul des rémunérations', 'Calcul du montant des versements adressés aux organismes sociaux', 'Ordre de virement à la banque']);
      expect(paie.dataCategories.map((c) => [c.code, c.description])).toEqual([
        ['identity', 'Noms, prénoms, adresses'],
        ['economic_financial', 'RIB'],
        ['nir', 'Numéros de sécurité sociale des salariés'],
      ]);
      expect(paie.retention.map((r) => [r.dataCategory.slice(0, 10), r.duration, r.trigger])).toEqual([
        ['État civil', 'P5Y', 'versement de la paie'],
        ['Informatio', 'P5Y', 'versement de la paie'],
        ['Numéro de ', 'P5Y', 'versement de la paie'],
      ]);
      expect(paie.dataSubjects).toEqual([{ code: 'employees', label: 'Salariés', precision: '', volume: '' }]);
      expect(paie.recipients.map((r) => [r.name, r.type])).toEqual([
        ['Dir. Administrative et Financière', 'internal'],
        ['Organismes sociaux', 'partner'],
        ["Banque d'Andorre", 'third_country_recipient'],
      ]);
      expect(paie.securityMeasures.map((m) => m.type)).toEqual(['software_protection', 'backup', 'access_control']);
      expect(paie.transfers).toEqual([
        { recipient: "Banque d'Andorre", country: 'AD', safeguard: 'scc', derogation: null, documentation: 'Contrat en date du 23/01/2018', tiaRef: '' },
      ]);
      expect(taken[0].warnings).toEqual([]);
      expect(taken[1].warnings.map((w) => w.message).join()).toMatch(/transfer to Inde without a safeguard/);
      const changes = Object.fromEntries(p.organisation!.changes.map((c) => [c.path, c.after]));
      expect(changes).toMatchObject({
        head: { name: 'Lefèvre', firstName: 'Anne', email: 'anne.lefevre@mairie.example', city: 'Villefranche' },
        representative: { name: 'Martin', firstName: 'Paul' },
        dpo: { name: 'Durand', firstName: 'Claire', company: 'Centre de gestion' },
      });

      const s = await t.call('import/commit', { sessionId: p.sessionId });
      expect(s).toMatchObject({ created: 2, organisationUpdated: true });
      const org = (await t.call('organisations/list', {} as never))[0];
      expect(org.head).toMatchObject({ name: 'Lefèvre', firstName: 'Anne', city: 'Villefranche' });
      expect(org.dpo).toMatchObject({ name: 'Durand', company: 'Centre de gestion' });
      const a = await t.call('activities/getByRef', { ref: 'PAIE-01' });
      expect(a.createdAt.slice(0, 10)).toBe('2018-05-26');
      expect(a.updatedAt.slice(0, 10)).toBe('2019-05-13');
      await t.call('import/undo', { batchId: s.batchId! });
      expect((await t.call('organisations/list', {} as never))[0].head).toBeNull();
    });
  }
});

describe('the blank department template', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`round-trips (${lang}): every column maps with full confidence and a filled template imports with no warning`, async () => {
      const out = path.join(t.dir, `modele-${lang}.xlsx`);
      await t.call('import/template', { out, lang });
      const bytes = await t.call('import/templateBytes', { lang });
      expect(Buffer.from(bytes.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const sheet = wb.worksheets.find((w) => w.name === (lang === 'fr' ? 'Activités' : 'Activities'))!;
      expect(wb.worksheets.map((w) => w.name)).toEqual(lang === 'fr' ? ['Instructions', 'Activités', 'Listes'] : ['Instructions', 'Activities', 'Lists']);
      expect(sheet.getCell('I2').dataValidation).toMatchObject({ type: 'list' });
      const lists = wb.worksheets[2];
      // Fill two rows with the dropdown values (first and last of each list) and plain text elsewhere.
      const listValues = new Map<string, string[]>();
      lists.getRow(1).eachCell((cell, c) => {
        const values: string[] = [];
        for (let r = 2; r <= lists.rowCount; r++) {
          const v = lists.getCell(r, c).value;
          if (v) values.push(String(v));
        }
        listValues.set(String(cell.value), values);
      });
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      const text: Record<string, [string, string]> = {
        ref: ['', 'D-002'],
        name: ['Gestion des congés', 'Accueil des visiteurs'],
        department: ['RH', 'Services généraux'],
        owner: ['A. Martin', 'B. Durand'],
        purpose: ['Gérer les congés des agents', 'Enregistrer les visiteurs'],
        subPurposes: ['Planning', 'Badges visiteurs'],
        legalBasisJustification: ['Code du travail', 'Sécurité des locaux'],
        dataSources: ['La personne', 'La personne'],
        recipients: ['Service RH', 'Accueil'],
        transferRecipients: ['Prestataire X', 'Prestataire Y'],
        transferDocumentation: ['Contrat 2024', 'Contrat 2025'],
        retention: ['5 ans à compter du départ', '1 mois'],
        systems: ['SIRH', 'Registre papier'],
        rights: ['Auprès du DPO', 'Auprès du DPO'],
        description: ['', ''],
        lastReviewedAt: ['12/03/2024', '01/02/2025'],
      };
      headers.forEach((h, i) => {
        const key = TEMPLATE_FIELDS[i];
        const values = listValues.get(h);
        const pair: [string, string] = values?.length ? [values[0], values[values.length - 1]] : (text[key] ?? ['', '']);
        if (key === 'specialCategories' || key === 'art9Conditions') pair[0] = '';
        sheet.getCell(2, i + 1).value = pair[0];
        sheet.getCell(3, i + 1).value = pair[1];
      });
      const filled = path.join(t.dir, `rempli-${lang}.xlsx`);
      await wb.xlsx.writeFile(filled);
      const p = await t.call('import/open', { file: filled });
      const cols = p.sheets.find((s) => s.status === 'imported')!.columns;
      expect(cols.map((c) => c.field)).toEqual([...TEMPLATE_FIELDS]);
      expect(cols.every((c) => c.confidence === 1)).toBe(true);
      expect(p.sheets.filter((s) => s.status === 'skipped').map((s) => s.reason)).toEqual(['instructions', 'lists behind the dropdowns']);
      expect(p.rows.map((r) => r.warnings)).toEqual([[], []]);
      expectSchemaFixedPoint(p);
      expect(p.rows.map((r) => r.status)).toEqual(['new', 'new']);
      const second = p.rows[1].activity!;
      expect(second.legalBases.length).toBe(1);
      expect(second.transfers.length).toBe(1);
      expect(second.dpia.status).toBe('completed');
      const s = await t.call('import/commit', { sessionId: p.sessionId });
      expect(s.created).toBe(2);
    });
  }
});

describe('the window’s path (drag and drop)', () => {
  it('opens bytes, pages the rows, targets another organisation and excludes rows by number', async () => {
    const other = await t.call('organisations/create', { organisation: { name: 'CCAS de Villefranche' } } as never);
    const file = path.join(t.dir, 'marketing.xlsx');
    await writeMarketingWorkbook(file);
    const p = await t.call('import/openBytes', { fileName: 'C:\\Users\\dpo\\Desktop\\marketing.xlsx', base64: fs.readFileSync(file).toString('base64'), organisationId: other.id });
    expect(p).toMatchObject({ fileName: 'marketing.xlsx', organisationId: other.id, organisationName: 'CCAS de Villefranche' });
    const page = await t.call('import/preview', { sessionId: p.sessionId, offset: 1, limit: 2, excludedRows: [2] });
    expect(page.rows.map((r) => r.key)).toEqual(['Marketing!3', 'Marketing!4']);
    expect(page.counts).toMatchObject({ rows: 5, excluded: 1, new: 4 });
    const progress: string[] = [];
    const { dispatch } = await import('../api/dispatch.js');
    const again = await dispatch(
      t.reg,
      'import/preview',
      { sessionId: p.sessionId, excludedRows: [2] },
      { source: 'ui' },
      { context: { progress: (x) => progress.push(`${x.phase} ${x.done}/${x.total}`) } },
    );
    expect(again.ok && again.value.organisationId).toBe(other.id);
    expect(progress).toEqual(['import.phase.checking 0/5']);
    // The commit takes the last preview's organisation and excluded rows.
    const r = await dispatch(
      t.reg,
      'import/commit',
      { sessionId: p.sessionId },
      { source: 'ui' },
      { context: { progress: (x) => progress.push(`${x.phase} ${x.done}/${x.total}`) } },
    );
    expect(r.ok && r.value.created).toBe(4);
    expect(progress).toContain('import.phase.writing 4/4');
    expect((await t.call('activities/list', { organisationId: other.id })).map((a) => a.name).sort()).toEqual(['CRM', 'Contests', 'Quotes', 'Web analytics']);
    // The session is closed after a commit; the untrusted caller cannot use file paths.
    expect((await t.result('import/preview', { sessionId: p.sessionId })).ok).toBe(false);
    const untrusted = await dispatch(t.reg, 'import/open', { file }, { source: 'ui' });
    expect(untrusted.ok ? null : untrusted.error.code).toBe('unknown_procedure');
  });
});

describe('the commit', () => {
  it('builds the plan again when the register changed since the preview (no duplicate is created)', async () => {
    const file = path.join(t.dir, 'marketing.xlsx');
    await writeMarketingWorkbook(file);
    const p = await t.call('import/open', { file });
    expect(row(p, 'Marketing!2').status).toBe('new');
    // Someone adds "Newsletter" in the app between the preview and the commit.
    await t.call('activities/create', { organisationId: p.organisationId, activity: { name: 'Newsletter', department: 'Marketing', purpose: 'Envoyer la lettre' } });
    const s = await t.call('import/commit', { sessionId: p.sessionId });
    expect(s).toMatchObject({ created: 4, updated: 1 });
    const list = await t.call('activities/list', {});
    expect(list.filter((a) => a.name === 'Newsletter')).toHaveLength(1);
    expect(list.find((a) => a.name === 'Newsletter')!.purpose).toBe('Send the newsletter');
  });
});
