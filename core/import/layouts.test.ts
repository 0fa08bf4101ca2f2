/** Layouts of a table: activities as columns (transposed), runs of ticks, processor registers. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { writeXlsx } from './testing/corpus.js';
import type { ImportPreview } from './preview/preview.js';

let t: TempRegister;
beforeEach(async () => {
  t = openTempRegister();
  await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
});
afterEach(() => t.cleanup());

const taken = (p: ImportPreview) => p.rows.filter((r) => r.status !== 'skipped' && r.status !== 'excluded');

describe('a transposed sheet: fields as rows, activities as columns', () => {
  it('gives one activity per column, its cells named as the DPO sees them', async () => {
    const file = path.join(t.dir, 'transpose.xlsx');
    await writeXlsx(file, {
      'Fiches RH': [
        ['Registre du service RH'],
        [],
        ['Nom du traitement', 'Paie', 'Recrutement', 'Formation', 'Badges'],
        ['Finalité', 'Verser les salaires', 'Recruter', 'Former les salariés', 'Contrôler les accès'],
        ['Base légale', 'Obligation légale', 'Mesures précontractuelles', 'Contrat', 'Intérêt légitime'],
        ['Personnes concernées', 'Salariés', 'Candidats', 'Salariés', 'Salariés; visiteurs'],
        ['Catégories de données', 'Identité; RIB', 'CV', 'Formations suivies', 'Identité; horaires'],
        ['Durée de conservation', '5 ans', '2 ans', '3 ans', '3 mois'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const rows = taken(p);
    expect(rows.map((r) => r.name)).toEqual(['Paie', 'Recrutement', 'Formation', 'Badges']);
    expect(rows.map((r) => r.status)).toEqual(['new', 'new', 'new', 'new']);
    expect(rows[3].activity!.dataSubjects.map((s) => s.label)).toEqual(['Salariés', 'visiteurs']);
    expect(rows[1].activity!.legalBases.map((b) => b.code)).toEqual(['contract']);
    expect(rows[3].activity!.retention[0].duration).toBe('P3M');
    // "Badges" stands in column E: its purpose is cell E4.
    expect(rows[3].source.find((s) => s.field === 'purpose')?.cell).toBe('E4');
  });
});

describe('runs of ticks', () => {
  it('legal bases and data categories ticked, each run read from its headers', async () => {
    const file = path.join(t.dir, 'ticks.xlsx');
    await writeXlsx(file, {
      Registre: [
        ['Traitement', 'Finalité', 'Consentement', 'Contrat', 'Obligation légale', 'Intérêt légitime', 'Identité', 'Coordonnées bancaires', 'Données de santé', 'AIPD'],
        ['Paie', 'Payer', '', 'X', '✓', '', 'x', 'X', '', 'Non'],
        ['Newsletter', 'Informer', 'Oui', '', '', '', '1', '', '', ''],
        ['Mutuelle', 'Couvrir', '', '✔', '', '', '•', 'X', 'X', 'Oui'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const [paie, news, mutuelle] = taken(p).map((r) => r.activity!);
    expect(paie.legalBases.map((b) => b.code)).toEqual(['contract', 'legal_obligation']);
    expect(news.legalBases.map((b) => b.code)).toEqual(['consent']);
    expect(paie.dataCategories.map((c) => c.label)).toEqual(['Identité', 'Coordonnées bancaires']);
    expect(mutuelle.dataCategories.map((c) => [c.label, c.special])).toEqual([
      ['Identité', false],
      ['Coordonnées bancaires', false],
      ['Données de santé', true],
    ]);
    // The DPIA column of yes/no stays the DPIA.
    expect(mutuelle.dpia.status).toBe('planned');
    const mapping = p.sheets[0].columns;
    expect(mapping.find((c) => c.header === 'Contrat')?.why?.key).toBe('mapping.why.ticks');
  });
});

describe('a processor register', () => {
  it('two clients buying the same service are two activities, each matched again by service and client', async () => {
    const file = path.join(t.dir, 'st.xlsx');
    await writeXlsx(file, {
      'Registre sous-traitant': [
        ['Client (responsable de traitement)', 'Prestation', 'Traitements effectués pour le compte du client', 'Catégories de données'],
        ['Mairie de Lyon', 'Hébergement', 'Héberger le portail citoyen', 'Identité'],
        ['Clinique du Parc', 'Hébergement', 'Héberger le dossier patient', 'Santé'],
        ['Mairie de Lyon', 'Hébergement', 'Héberger le portail citoyen (doublon)', 'Identité'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    expect(taken(p).map((r) => r.status)).toEqual(['new', 'new', 'duplicate']);
    await t.call('import/commit', { sessionId: p.sessionId, excludedRows: ['Registre sous-traitant!4'] } as never);
    const again = (await t.call('import/open', { file })) as ImportPreview;
    expect(taken(again).map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'duplicate']);
  });
});

describe('several fiches stacked in one sheet', () => {
  it('a label met again starts the next activity; each heading names its activity; a table below is not read', async () => {
    const file = path.join(t.dir, 'stacked.xlsx');
    await writeXlsx(file, {
      Registro: [
        ['REGISTRO DE ACTIVIDADES DE TRATAMIENTO'],
        ['Responsable:', 'Ayuntamiento'],
        [],
        ['ACTIVIDAD 1: GESTIÓN DE NÓMINAS'],
        ['Campo', 'Información'],
        ['Finalidad', 'Pagar los salarios'],
        ['Base jurídica', 'Art. 6.1.c RGPD'],
        ['Categorías de interesados', 'Empleados'],
        ['Plazo de supresión', '5 años'],
        ['Fecha inicio tratamiento', '01/02/2020'],
        [],
        ['ACTIVIDAD 2: VIDEOVIGILANCIA'],
        ['Campo', 'Información'],
        ['Finalidad', 'Seguridad de las instalaciones'],
        ['Base jurídica', 'Art. 6.1.e RGPD'],
        ['Categorías de interesados', 'Visitantes; empleados'],
        ['Plazo de supresión', '30 días'],
        [],
        ['ANÁLISIS DE RIESGOS'],
        ['Riesgo', 'Probabilidad', 'Impacto', 'Medidas'],
        ['Transferencias internacionales inválidas', 'Media', 'Alto', 'CCT'],
        ['Brecha en encargados del tratamiento', 'Baja', 'Alto', 'Contratos'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const rows = taken(p);
    expect(rows.map((r) => r.name)).toEqual(['GESTIÓN DE NÓMINAS', 'VIDEOVIGILANCIA']);
    expect(rows.map((r) => r.activity!.purpose)).toEqual(['Pagar los salarios', 'Seguridad de las instalaciones']);
    expect(rows[1].activity!.legalBases.map((b) => b.code)).toEqual(['public_task']);
    expect(rows[1].activity!.dataSubjects.map((s) => s.label)).toEqual(['Visitantes', 'empleados']);
    // The risk table's words ("Transferencias", "encargados") give nothing to the second activity.
    expect(rows[1].activity!.transfers).toEqual([]);
    expect(rows[1].activity!.recipients).toEqual([]);
    expect(rows[1].source.some((s) => Number(s.cell.slice(1)) >= 20)).toBe(false);
    // "Fecha inicio tratamiento" is a date, not the activity's name.
    expect(rows[0].source.find((s) => s.field === 'name')?.cell).toBe('A4');
  });
});

describe('another table below the register', () => {
  it('a change log under the activities is listed as skipped, never read as activities', async () => {
    const file = path.join(t.dir, 'changelog.xlsx');
    await writeXlsx(file, {
      RoPA: [
        ['Processing Activity', 'Purpose of Processing', 'Data Subjects', 'Lawful Basis', 'Next review'],
        ['Payroll', 'Pay the staff', 'Employees', 'Legal obligation', '01/03/2027'],
        ['CCTV', 'Secure the premises', 'Visitors', 'Legitimate interests', ''],
        [],
        ['Change Log'],
        ['Date', 'Change Description', 'Updated By'],
        ['2026-01-05', 'Added CCTV', 'J. Smith'],
        ['2026-02-10', 'Reviewed payroll retention', 'A. Jones'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    expect(taken(p).map((r) => r.name)).toEqual(['Payroll', 'CCTV']);
    expect(taken(p)[0].activity!.nextReviewAt).toBe('2027-03-01');
    const skipped = p.rows.filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => r.row)).toEqual(expect.arrayContaining([6, 7, 8]));
    expect(skipped.find((r) => r.row === 6)?.skip?.reason.key).toBe('import.rowKind.table');
    expect(p.counts.error).toBe(0);
  });
});

describe('a register whose transfer column gives safeguards and countries together', () => {
  it('reads the destination from the safeguard cell, the recipient type from its parentheses, and a column of codes as the reference', async () => {
    const file = path.join(t.dir, 'safeguards.xlsx');
    await writeXlsx(file, {
      RoPA: [
        ['Processing Reference', 'Purpose of Processing', 'Data Subjects', 'Processors / Recipients', 'Transfers Outside UK/EU (Safeguards)'],
        ['PA-001', 'Payroll', 'Employees', 'ADP (processor)', 'USA (SCCs)'],
        ['PA-002', 'Newsletter', 'Subscribers', 'Mailchimp', 'US (DPF)'],
        ['PA-003', 'Recruitment', 'Candidates', 'Workable', 'Standard Contractual Clauses'],
        ['PA-004', 'Visitors book', 'Visitors', 'Reception desk (internal)', 'None'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const rows = taken(p);
    expect(p.sheets[0].columns[0]).toMatchObject({ field: 'ref' });
    expect(rows.map((r) => r.activity!.ref)).toEqual(['PA-001', 'PA-002', 'PA-003', 'PA-004']);
    const [payroll, news, recruit, visitors] = rows.map((r) => r.activity!);
    expect(payroll.recipients.map((r) => [r.name, r.type])).toEqual([['ADP', 'processor']]);
    expect(payroll.transfers).toEqual([expect.objectContaining({ recipient: 'ADP', country: 'US', safeguard: 'scc' })]);
    expect(news.transfers).toEqual([expect.objectContaining({ recipient: 'Mailchimp', country: 'US' })]);
    // A safeguard without a destination: no transfer invented, a warning that says so.
    expect(recruit.transfers ?? []).toEqual([]);
    expect(rows[2].warnings.map((w) => w.code)).toContain('transfer_without_country');
    expect(visitors.transfers ?? []).toEqual([]);
    expect(visitors.recipients.map((r) => [r.name, r.type])).toEqual([['Reception desk', 'internal']]);
  });
});

describe("a template's hints left in the cells", () => {
  it('are never read as values, each said in a warning, and a row of hints only is the example row', async () => {
    const file = path.join(t.dir, 'hints.xlsx');
    await writeXlsx(file, {
      Registro: [
        ['Trattamento', 'Finalità', 'Destinatari', 'Conservazione', 'Trasferimenti extra UE'],
        ['[Nome del trattamento]', '[Finalità]', '{Se presenti}', '[es. 10 anni]', '[SI/NO + garanzie]'],
        ['Paghe', 'Pagare gli stipendi', 'Consulente del lavoro; CDN-Provider: {Falls vorhanden}', '[es. 10 anni fiscale, 24 mesi operativa]', ''],
        ['Newsletter', 'Inviare la newsletter', 'Mailchimp', 'Es. 24 mesi', 'Stati Uniti'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const rows = taken(p);
    expect(rows.map((r) => r.name)).toEqual(['Paghe', 'Newsletter']);
    expect(p.rows.find((r) => r.row === 2)?.skip?.kind).toBe('example');
    const [paghe, news] = rows.map((r) => r.activity!);
    expect(paghe.recipients.map((r) => r.name)).toEqual(['Consulente del lavoro']);
    expect(paghe.retention).toEqual([]);
    expect(news.retention).toEqual([]);
    expect(rows[0].warnings.filter((w) => w.code === 'placeholder').map((w) => w.cell)).toEqual(['C3', 'D3']);
    expect(rows[1].warnings.map((w) => w.code)).toContain('placeholder');
  });
});

describe('stacked fiches headed by a numbered label', () => {
  it('"1) Traitement : Formulaire de contact" names the activity "Formulaire de contact"', async () => {
    const file = path.join(t.dir, 'blocs.xlsx');
    await writeXlsx(file, {
      Registre: [
        ['1) Traitement : Formulaire de contact'],
        ['Finalité', 'Répondre aux demandes'],
        ['Base légale', 'Intérêt légitime'],
        ['Personnes concernées', 'Prospects'],
        [],
        ['2) Traitement : Newsletter'],
        ['Finalité', 'Informer les abonnés'],
        ['Base légale', 'Consentement'],
        ['Personnes concernées', 'Abonnés'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    expect(taken(p).map((r) => [r.name, r.activity!.purpose])).toEqual([
      ['Formulaire de contact', 'Répondre aux demandes'],
      ['Newsletter', 'Informer les abonnés'],
    ]);
  });
});

describe('a relational workbook whose part sheet keeps the template’s example row', () => {
  it('reads the part’s items, never its example row', async () => {
    const file = path.join(t.dir, 'relational-example.xlsx');
    await writeXlsx(file, {
      Traitement: [
        ['Nom du traitement', 'Finalité', 'Base légale'],
        ['Paie', 'Verser les salaires', 'Obligation légale'],
      ],
      Données: [
        ['Catégorie de données', 'Personnes concernées'],
        ['Exemple : fichier des clients', 'Clients'],
        ['Identité', 'Salariés'],
        ['Coordonnées bancaires', 'Salariés'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const rows = taken(p);
    expect(rows.map((r) => r.name)).toEqual(['Paie']);
    expect(rows[0].activity!.dataCategories.map((c) => c.label)).toEqual(['Identité', 'Coordonnées bancaires']);
    expect(rows[0].activity!.dataSubjects.map((s) => s.label)).toEqual(['Salariés']);
  });
});
