/**
 * Updates you can trust: a file that mentions an existing activity with one legal basis, one data
 * category and one new recipient adds the recipient and loses nothing; the preview shows the values
 * before → after; "replace", chosen for one field, removes exactly what the preview showed. Transfers
 * go to the recipient the row links them to, or to none with a warning. Negations never make a
 * special category.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';

let t: TempRegister;
beforeEach(() => {
  t = openTempRegister({ demo: true });
});
afterEach(() => t.cleanup());

const csv = (name: string, rows: string[][]) => {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, '\uFEFF' + rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n') + '\r\n');
  return file;
};

describe('an update from a partial file', () => {
  it('merges: nothing is lost, the new recipient is added, the preview shows values, and "replace" removes exactly what it showed', async () => {
    const before = await t.call('activities/getByRef', { ref: 'T-001', organisationId: 1 });
    const file = csv('rh.csv', [
      ['Référence', 'Nom du traitement', 'Base légale', 'Catégories de données', 'Destinataires'],
      ['T-001', 'Gestion de la paie', 'Contrat', 'Vie professionnelle', 'Cabinet Expertise Sociale'],
    ]);
    const p = await t.call('import/open', { file, lang: 'fr' });
    const r = p.rows[0];
    expect(r.status).toBe('update');
    const recipients = r.fieldChanges.find((c) => c.field === 'recipients')!;
    expect(recipients).toMatchObject({ label: 'Destinataires', mode: 'merge', removed: [] });
    expect(recipients.before).toHaveLength(3);
    expect(recipients.after).toHaveLength(4);
    expect(recipients.added).toEqual(['Cabinet Expertise Sociale (Autre)']);
    expect(recipients.replaceWouldRemove).toEqual(recipients.before);
    // Legal bases and categories: the file names items already there; nothing changes, but "replace" would remove the others.
    const bases = r.fieldChanges.find((c) => c.field === 'legalBases')!;
    expect(bases.before).toEqual(bases.after);
    // (The demo gives each purpose its basis, issue 25: the contract of the first sub-purpose is the one the file names.)
    expect(bases.replaceWouldRemove).toEqual([
      expect.stringMatching(/^Obligation légale.*Code du travail/),
      expect.stringMatching(/^Obligation légale.*DSN.*Finalité servie : sous-finalité 2$/),
      expect.stringMatching(/^Obligation légale.*Code du travail.*Finalité servie : sous-finalité 3$/),
    ]);
    expect(r.fieldChanges.find((c) => c.field === 'dataCategories')!.replaceWouldRemove).toHaveLength(3);

    const s = await t.call('import/commit', { sessionId: p.sessionId });
    expect(s).toMatchObject({ created: 0, updated: 1 });
    const after = await t.call('activities/getByRef', { ref: 'T-001', organisationId: 1 });
    expect(after.legalBases).toEqual(before.legalBases);
    expect(after.dataCategories).toEqual(before.dataCategories);
    expect(after.retention).toEqual(before.retention);
    expect(after.recipients.slice(0, 3)).toEqual(before.recipients);
    expect(after.recipients[3]).toMatchObject({ name: 'Cabinet Expertise Sociale', role: '', precision: '' });
    expect({ ...after, recipients: [], version: 0, updatedAt: '' }).toEqual({ ...before, recipients: [], version: 0, updatedAt: '' });

    // The DPO chooses "replace" for the recipients only: exactly the items the preview showed go.
    const p2 = await t.call('import/open', {
      file: csv('rh2.csv', [
        ['Référence', 'Nom du traitement', 'Destinataires', 'Base légale'],
        ['T-001', 'Gestion de la paie', 'URSSAF; PaieFacile SAS', 'Contrat'],
      ]),
    });
    const shown = p2.rows[0].fieldChanges.find((c) => c.field === 'recipients')!.replaceWouldRemove;
    expect(shown).toEqual(['Service des ressources humaines (Service interne qui traite les données) — Gestion interne de la paie', 'Cabinet Expertise Sociale (Autre)']);
    const p3 = await t.call('import/preview', { sessionId: p2.sessionId, replace: { [p2.rows[0].key]: ['recipients'] } });
    const rc = p3.rows[0].fieldChanges.find((c) => c.field === 'recipients')!;
    expect(rc).toMatchObject({ mode: 'replace', removed: shown, replaceWouldRemove: [] });
    await t.call('import/commit', { sessionId: p2.sessionId });
    const replaced = await t.call('activities/getByRef', { ref: 'T-001', organisationId: 1 });
    // Kept items keep their details (role, precision); only the two shown are gone; legal bases untouched.
    expect(replaced.recipients.map((x) => x.name)).toEqual(['PaieFacile SAS', 'URSSAF']);
    expect(replaced.recipients).toEqual(before.recipients.filter((x) => x.name !== 'Service des ressources humaines'));
    expect(replaced.legalBases).toEqual(before.legalBases);
  });
});

describe('transfers and negations', () => {
  it('links each transfer to the recipient the row names for it, or to none with a warning', async () => {
    const file = csv('transferts.csv', [
      ['Nom du traitement', 'Finalité', 'Destinataires', 'Transferts hors UE (pays)', 'Garanties du transfert'],
      ['Emailing', 'Campagnes', 'Service des ressources humaines; CloudCRM Inc.', 'États-Unis', 'Clauses contractuelles types'],
      ['Support', 'Assistance', 'Service des ressources humaines; Infosys (Inde)', 'Inde', 'Clauses contractuelles types'],
      ['Hébergement', 'Stockage', 'Service des ressources humaines; Prestataire X', 'Inde', 'Clauses contractuelles types'],
    ]);
    const p = await t.call('import/open', { file });
    const [emailing, support, hosting] = p.rows;
    expect(emailing.activity!.transfers).toEqual([expect.objectContaining({ country: 'US', recipient: 'CloudCRM Inc.' })]);
    expect(support.activity!.transfers).toEqual([expect.objectContaining({ country: 'IN', recipient: 'Infosys' })]);
    // The country written beside the name is the recipient's country, not part of its name.
    expect(support.activity!.recipients.find((r) => r.name === 'Infosys')?.countries).toEqual(['IN']);
    expect(hosting.activity!.transfers).toEqual([expect.objectContaining({ country: 'IN', recipient: '' })]);
    expect(hosting.warnings.some((w) => w.field === 'transferCountries' && /not linked/.test(w.message))).toBe(true);
    expect(emailing.warnings.filter((w) => w.field === 'transferCountries')).toEqual([]);
    const s = await t.call('import/commit', { sessionId: p.sessionId });
    expect(s.created).toBe(3);
  });

  it('never makes a special category from a negation', async () => {
    const file = csv('absences.csv', [
      ['Nom du traitement', 'Finalité', 'Catégories de données'],
      ['Absences', 'Suivi des absences', 'Absences et motifs (hors médical); Données de santé'],
      ['Badges', 'Accès', 'Tout sauf biométrie; Identité, excluding health data'],
    ]);
    const p = await t.call('import/open', { file });
    const cats = p.rows[0].activity!.dataCategories;
    expect(cats.map((c) => [c.label, c.special])).toEqual([
      ['Absences et motifs (hors médical)', false],
      ['Données de santé', true],
    ]);
    expect(p.rows[1].activity!.dataCategories.every((c) => !c.special)).toBe(true);
  });
});

describe('an empty register', () => {
  it('accepts a department spreadsheet: the organisation is created, named after the file, and undone with the import', async () => {
    const empty = openTempRegister();
    try {
      const file = path.join(empty.dir, 'Mairie de Villefranche.csv');
      fs.writeFileSync(file, 'Nom du traitement;Finalité\r\nÉtat civil;Tenir les registres\r\n');
      const p = await empty.call('import/open', { file });
      expect(p.newOrganisations).toEqual(['Mairie de Villefranche']);
      expect(p.rows[0].status).toBe('new');
      const s = await empty.call('import/commit', { sessionId: p.sessionId });
      const orgs = await empty.call('organisations/list', {});
      expect(orgs.map((o) => o.name)).toEqual(['Mairie de Villefranche']);
      expect(s.organisationId).toBe(orgs[0].id);
      expect((await empty.call('activities/list', {})).map((a) => a.name)).toEqual(['État civil']);
      await empty.call('import/undo', { batchId: s.batchId! });
      expect(await empty.call('organisations/list', {})).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });
});
