/**
 * The classes of department files measured from outside (files written by others, in other shapes and
 * languages): lines of a list cell that qualify the item before them, notes among the items, a yes/no
 * leading a transfer cell, the wordings of every language read (countries, safeguards, Art. 6(1) and its
 * citation styles), rows above the header, lists of companies, transposed registers under their titles,
 * one-column pages, activities over several sheets, processor registers. Each written in the shape real
 * files use, with values no rule names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import type { ImportPreview } from './preview/preview.js';
import ExcelJS from 'exceljs';
import { writeXlsx } from './testing/corpus.js';

let t: TempRegister;
beforeEach(async () => {
  t = openTempRegister();
  await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
});
afterEach(() => t.cleanup());

async function preview(header: string[], ...rows: string[][]): Promise<ImportPreview> {
  const file = path.join(t.dir, 'dept.csv');
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  fs.writeFileSync(file, [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n'));
  return (await t.call('import/open', { file })) as ImportPreview;
}

const codes = (p: ImportPreview, row = 0) => p.rows[row].warnings.map((w) => w.code);

describe('lines that qualify the item before them', () => {
  it('"Server-Standort: USA; Rechtsgrundlage: EU-US Data Privacy Framework" are where the recipient is and its safeguard', async () => {
    const p = await preview(
      ['Verarbeitungstätigkeit', 'Zweck', 'Empfänger'],
      ['KI-Texte', 'Texte erzeugen', '- Vendo AI: {https://vendo.example} - USA; Server-Standort: USA; Rechtsgrundlage: EU-US Data Privacy Framework'],
    );
    const a = p.rows[0].activity!;
    expect(a.recipients.map((r) => r.name)).toEqual(['Vendo AI']);
    expect(a.recipients[0].precision).toContain('Server-Standort: USA');
    expect(a.transfers).toMatchObject([{ recipient: 'Vendo AI', country: 'US', safeguard: 'adequacy' }]);
  });

  it('a place on its own line after a recipient is where that recipient is; on a line of its own with a name, it is a recipient', async () => {
    const p = await preview(
      ['Nom du traitement', 'Finalité', 'Destinataires'],
      ['Support', 'Répondre', 'Helpdeskly\nLocalisation : Inde'],
      ['Ventes', 'Vendre', 'Salesly : États-Unis\nOVHcloud'],
    );
    const [support, ventes] = p.rows.map((r) => r.activity!);
    expect(support.recipients.map((r) => r.name)).toEqual(['Helpdeskly']);
    expect(support.transfers).toMatchObject([{ recipient: 'Helpdeskly', country: 'IN' }]);
    expect(ventes.recipients.map((r) => r.name)).toEqual(['Salesly', 'OVHcloud']);
    expect(ventes.transfers).toMatchObject([{ recipient: 'Salesly', country: 'US' }]);
  });

  it('"Hosting-Provider: Render.com (USA)": the label is the kind of recipient, the value its name', async () => {
    const p = await preview(
      ['Verarbeitungstätigkeit', 'Zweck', 'Kategorien von Empfängern'],
      ['Website', 'Website betreiben', '- Hosting-Provider: Hostaro (USA)\n- IT-Dienstleister: Netzwerk GmbH'],
    );
    const a = p.rows[0].activity!;
    expect(a.recipients.map((r) => [r.name, r.type, r.precision])).toEqual([
      ['Hostaro', 'processor', 'Hosting-Provider'],
      ['Netzwerk GmbH', 'processor', 'IT-Dienstleister'],
    ]);
    expect(a.transfers).toMatchObject([{ recipient: 'Hostaro', country: 'US' }]);
  });

  it('notes among the items ("Achtung: …", "NB : …") are kept in the description, never a category or a recipient', async () => {
    const p = await preview(
      ['Nom du traitement', 'Finalité', 'Données', 'Destinataires', 'Description'],
      ['Chatbot', 'Répondre', '- Questions posées\n- Attention : ne jamais saisir de données de santé', 'Botly\nNB : contrat en cours de signature', 'Un robot.'],
    );
    const a = p.rows[0].activity!;
    expect(a.dataCategories.map((c) => c.label)).toEqual(['Questions posées']);
    expect(a.recipients.map((r) => r.name)).toEqual(['Botly']);
    expect(a.description.split('\n').sort()).toEqual(['Attention : ne jamais saisir de données de santé', 'NB : contrat en cours de signature', 'Un robot.']);
    expect(codes(p).filter((c) => c === 'annotation')).toHaveLength(2);
  });
});

describe('a yes or a no leading a transfer cell', () => {
  it('"NEIN" beside a recipient in the USA: the transfer is kept and the contradiction said', async () => {
    const p = await preview(
      ['Verarbeitungstätigkeit', 'Zweck', 'Empfänger', 'Übermittlung an Drittländer'],
      ['Website', 'Betrieb', 'Hostaro (USA)', 'NEIN (empfohlen: nur EU-Server)'],
    );
    expect(p.rows[0].activity!.transfers).toMatchObject([{ recipient: 'Hostaro', country: 'US' }]);
    expect(codes(p)).toContain('transfer_contradiction');
  });

  it('"JA - USA" names the destination; a safeguard line naming a recipient goes to that recipient’s transfer', async () => {
    const p = await preview(
      ['Verarbeitungstätigkeit', 'Zweck', 'Empfänger', 'Übermittlung an Drittländer'],
      ['Social Media', 'Posten', '- Planly\n- Postly', '- JA - USA (siehe Empfänger)\n- Standardvertragsklauseln (für Planly)'],
      ['Website', 'Betrieb', 'Hostaro', 'NEIN'],
    );
    const [social, website] = p.rows.map((r) => r.activity!);
    expect(social.transfers.map((x) => [x.country, x.safeguard])).toEqual([['US', null]]);
    expect(codes(p).filter((c) => c === 'country_unknown')).toEqual([]);
    expect(website.transfers).toEqual([]);
    expect(codes(p, 1)).not.toContain('transfer_contradiction');
  });
});

describe('the wordings of every language the import reads', () => {
  it('countries named in German, Spanish, Italian and Dutch', async () => {
    const p = await preview(
      ['Nom du traitement', 'Finalité', 'Destinataires', 'Pays'],
      ['A', 'a', 'Dienstleister', 'Indien'],
      ['B', 'b', 'Proveedor', 'Estados Unidos'],
      ['C', 'c', 'Fornitore', 'Stati Uniti'],
      ['D', 'd', 'Leverancier', 'Verenigde Staten'],
    );
    expect(p.rows.map((r) => r.activity!.transfers.map((x) => x.country))).toEqual([['IN'], ['US'], ['US'], ['US']]);
  });

  it('safeguards named in German, Spanish, Italian and Dutch', async () => {
    const p = await preview(
      ['Nom du traitement', 'Finalité', 'Destinataires', 'Pays', 'Garanties'],
      ['A', 'a', 'Dienstleister', 'Indien', 'EU-Standardvertragsklauseln'],
      ['B', 'b', 'Proveedor', 'India', 'Cláusulas contractuales tipo'],
      ['C', 'c', 'Fornitore', 'India', 'Clausole contrattuali tipo'],
      ['D', 'd', 'Leverancier', 'India', 'Standaardcontractbepalingen'],
      ['E', 'e', 'Anbieter', 'Indien', 'Ausnahme nach Art. 49: ausdrückliche Einwilligung'],
    );
    expect(p.rows.map((r) => r.activity!.transfers.map((x) => [x.safeguard, x.derogation]))).toEqual([
      [['scc', null]],
      [['scc', null]],
      [['scc', null]],
      [['scc', null]],
      [['derogation', 'explicit_consent']],
    ]);
  });

  it('Art. 6(1)(b) in the words of the law: "à la demande de l’intéressé" is the contract basis', async () => {
    const p = await preview(['Nom du traitement', 'Finalité', 'Base légale'], ['Devis', 'Établir un devis', 'Consentement / Exécution d’une action à la demande de l’intéressé']);
    expect(p.rows[0].activity!.legalBases.map((b) => b.code)).toEqual(['consent', 'contract']);
  });
});

describe('rows above the header', () => {
  it('a row above the header filled as an activity is listed as skipped, never dropped without a word, and can be taken back', async () => {
    const p = await preview(
      ['Registre RH', '', '', ''],
      ['Paie', 'Payer les salaires', 'Salariés', 'URSSAF'],
      ['Nom du traitement', 'Finalité', 'Personnes concernées', 'Destinataires'],
      ['Recrutement', 'Recruter', 'Candidats', 'Cabinet'],
    );
    expect(p.rows.filter((r) => r.status !== 'skipped').map((r) => r.activity!.name)).toEqual(['Recrutement']);
    const skipped = p.rows.filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => [r.row, r.skip?.reason.key])).toEqual([[2, 'import.rowKind.aboveHeader']]);
    const back = (await t.call('import/preview', { sessionId: p.sessionId, includedRows: [skipped[0].key] } as never)) as ImportPreview;
    expect(back.rows.filter((r) => r.status !== 'skipped').map((r) => [r.activity!.name, r.activity!.purpose])).toEqual([
      ['Paie', 'Payer les salaires'],
      ['Recrutement', 'Recruter'],
    ]);
  });
});

describe('a list of companies', () => {
  it('a sub-processor list (names with a legal form, a country, a purpose) is not a register of activities', async () => {
    const file = path.join(t.dir, 'subprocessors.csv');
    fs.writeFileSync(
      file,
      [
        'Name,Rolle,Land,Zweck,Transferinstrument',
        'Nimbus Cloud Inc.,Plattformbetreiber,USA,Support und Betrieb,SCC Modul 2',
        'Nimbus Ireland Ltd.,EU Processor,Irland,Vertragsverwaltung,Kein Drittlandtransfer',
        'Rackhaus GmbH,Hosting,Deutschland,Hosting Frankfurt,Kein Drittlandtransfer',
      ].join('\n'),
    );
    await expect(t.call('import/open', { file })).rejects.toThrow(/organisations|organismes/);
  });

  it('activities named after the tools they use stay activities', async () => {
    const p = await preview(
      ['Name', 'Zweck', 'Empfänger'],
      ['Salesforce CRM', 'Kunden betreuen', 'Vertrieb'],
      ['Lucca (congés)', 'Gérer les congés', 'RH'],
      ['Gmail', 'Messagerie', 'IT'],
    );
    expect(p.rows.map((r) => r.activity!.name)).toEqual(['Salesforce CRM', 'Lucca (congés)', 'Gmail']);
  });
});

describe('a transposed register under its titles', () => {
  it('activities as columns, title lines above, a row citing Art. 6 in every column: read as one activity per column', async () => {
    const file = path.join(t.dir, 'rcp.xlsx');
    const cite = (l: string, more: string) => `art. 6 ust. 1 lit. ${l} RODO - ${more}`;
    await writeXlsx(file, {
      RCP: [
        ['Record of processing activities - Lebus'],
        ['Controller: Lebus Sp. z o.o., ul. Owcza 10'],
        ['Person responsible for the register: R. M.'],
        [],
        ['Processing activity', '1. Logistyka', '2. Pracownicy', '3. Konta użytkowników'],
        ['Purpose', 'planowanie tras i dostaw', 'organizacja czasu pracy', 'logowanie i kontrola dostępu'],
        ['Categories of data subjects', 'kierowcy, klienci', 'pracownicy', 'użytkownicy aplikacji'],
        ['Legal basis (proposal)', cite('f', 'uzasadniony interes; oraz lit. b w zakresie umów'), cite('c', 'obowiązki pracodawcy'), cite('f', 'bezpieczeństwo')],
        ['Recipients', 'administratorzy', 'administratorzy', 'dostawcy techniczni'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const acts = p.rows.filter((r) => r.status !== 'skipped').map((r) => r.activity!);
    expect(acts.map((a) => a.name)).toEqual(['1. Logistyka', '2. Pracownicy', '3. Konta użytkowników']);
    expect(acts.map((a) => a.purpose)).toEqual(['planowanie tras i dostaw', 'organizacja czasu pracy', 'logowanie i kontrola dostępu']);
    expect(acts.map((a) => a.legalBases.map((b) => b.code))).toEqual([['legitimate_interests', 'contract'], ['legal_obligation'], ['legitimate_interests']]);
  });

  it('Art. 6(1) cited in the styles of other EU languages', async () => {
    const p = await preview(
      ['Nom du traitement', 'Finalité', 'Base légale'],
      ['A', 'a', 'čl. 6 odst. 1 písm. c) GDPR'],
      ['B', 'b', 'artigo 6.º, n.º 1, alínea b) do RGPD'],
      ['C', 'c', 'art. 6, stk. 1, litra e'],
      ['D', 'd', 'artikel 6, lid 1, onder b AVG'],
    );
    expect(p.rows.map((r) => r.activity!.legalBases.map((b) => b.code))).toEqual([['legal_obligation'], ['contract'], ['public_task'], ['contract']]);
  });
});

describe('a page written in one column', () => {
  it('headings and paragraphs: each heading that reads as a field takes the lines below it, up to the blank line', async () => {
    const file = path.join(t.dir, 'page.csv');
    const lines = [
      'Record of processing activities',
      'Trustcheck',
      '',
      'Controller',
      'Trustcheck AB',
      'Box 171',
      '',
      'Processing activity',
      'Register of user names and passwords',
      '',
      'Purpose of the processing',
      'To create user accounts and keep the history of each user.',
      '',
      'Legal basis',
      '- Contract',
      '- Consent',
      '',
      'Categories of personal data',
      '- User name',
      '- Password',
      '- E-mail address',
      '',
      'Retention period',
      '2 years after the last login',
    ];
    fs.writeFileSync(file, lines.map((l) => (l ? `"${l}"` : '')).join('\n'));
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const acts = p.rows.filter((r) => r.status !== 'skipped').map((r) => r.activity!);
    expect(acts).toHaveLength(1);
    const [a] = acts;
    expect([a.name, a.purpose, a.role]).toEqual(['Register of user names and passwords', 'To create user accounts and keep the history of each user.', 'controller']);
    expect(a.legalBases.map((b) => b.code)).toEqual(['contract', 'consent']);
    expect(a.dataCategories.map((c) => c.label)).toEqual(['User name', 'Password', 'E-mail address']);
    expect(a.retention.map((r) => r.duration)).toEqual(['P2Y']);
  });
});

describe('Art. 6(1) citations joining letters', () => {
  it('"a" and "e" that join two letters are not letters themselves', async () => {
    const p = await preview(
      ['Nom du traitement', 'Finalité', 'Base légale'],
      ['A', 'a', 'čl. 6 odst. 1 písm. c) a e)'],
      ['B', 'b', 'art. 6, par. 1, lett. b) e c)'],
      ['C', 'c', 'EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan a alakohta'],
      ['D', 'd', 'art. 6 ust. 1 lit. b, c i f'],
    );
    expect(p.rows.map((r) => r.activity!.legalBases.map((b) => b.code))).toEqual([
      ['legal_obligation', 'public_task'],
      ['contract', 'legal_obligation'],
      ['consent'],
      ['contract', 'legal_obligation', 'legitimate_interests'],
    ]);
  });
});

describe('one activity over several sheets', () => {
  it('a fiche, and sheets named after its lists beside it, make one activity with those lists', async () => {
    const file = path.join(t.dir, 'rat.xlsx');
    await writeXlsx(file, {
      Identification: [
        ['Register of processing — local assistant'],
        [],
        ['Processing activity', 'Document analysis assistant'],
        ['Purpose', 'Analyse and summarise documents'],
        ['Transfers outside the EU', 'None'],
        ['Security measures', 'Encryption at rest'],
      ],
      'Data subjects': [
        ['Category', 'Description', 'Legal basis'],
        ['Clients', 'Contacts at client companies', 'Contract (Art. 6(1)(b))'],
        ['Students', 'Students in courses', 'Consent (Art. 6(1)(a))'],
      ],
      'Personal data': [
        ['Category', 'Kind of data'],
        ['Identification data', 'Name, address'],
        ['Professional data', 'Job, company'],
        [],
        ['* footnote: financial data only with a legal basis'],
      ],
      Retention: [
        ['Data', 'Period'],
        ['Inputs', '30 days after processing'],
        ['System logs', '1 year'],
      ],
      'Change log': [
        ['Version', 'Date', 'Change'],
        ['1.0', '2025-02-26', 'Created'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const acts = p.rows.filter((r) => r.status !== 'skipped').map((r) => r.activity!);
    expect(acts).toHaveLength(1);
    const [a] = acts;
    expect(a.name).toBe('Document analysis assistant');
    expect(a.dataSubjects.map((s) => s.label)).toEqual(['Clients', 'Students']);
    expect(a.legalBases.map((b) => b.code)).toEqual(['contract', 'consent']);
    expect(a.dataCategories.map((c) => c.label)).toEqual(['Identification data', 'Professional data']);
    expect(a.retention.map((r) => [r.dataCategory, r.duration])).toEqual([
      ['Inputs', 'P30D'],
      ['System logs', 'P1Y'],
    ]);
    expect(p.sheets.filter((s) => s.reason === 'part of the fiche').map((s) => s.name)).toEqual(['Data subjects', 'Personal data', 'Retention']);
  });
});

describe('processor registers in the wording of Art. 30(2)', () => {
  it('Italian: the client, the category of processing done for it, the sub-processors', async () => {
    const p = await preview(
      ['Titolare (cliente)', 'Categoria di trattamento', 'Categorie di interessati', 'Sub-responsabili'],
      ['Rossi S.r.l.', 'Elaborazione buste paga', 'Dipendenti', 'Paghe Cloud S.p.A.'],
      ['Bianchi S.p.A.', 'Elaborazione buste paga', 'Dipendenti', 'Paghe Cloud S.p.A.'],
    );
    const acts = p.rows.map((r) => r.activity!);
    expect(acts.map((a) => [a.role, a.name, a.clients.map((c) => c.name)])).toEqual([
      ['processor', 'Elaborazione buste paga', ['Rossi S.r.l.']],
      ['processor', 'Elaborazione buste paga', ['Bianchi S.p.A.']],
    ]);
    expect(acts[0].recipients.map((r) => [r.name, r.type])).toEqual([['Paghe Cloud S.p.A.', 'processor']]);
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'new']);
  });
});

describe('a header on two rows', () => {
  it('group labels merged over the columns’ own headers: ticks under "art. 6(1)" are bases, ticks under the categories are categories', async () => {
    const file = path.join(t.dir, 'two-rows.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Register');
    ws.addRow(['Register of processing activities']);
    ws.addRow(['Ref.', 'Processing activity', 'Purpose', 'Legal basis (Art. 6(1) GDPR)', '', '', 'Categories of personal data', '', 'Recipients']);
    ws.addRow(['', '', '', 'letter a', 'letter c', 'letter e', 'Identification data', 'Health data', '']);
    ws.addRow(['R-1', 'Passports', 'Issue passports', '', 'X', 'X', 'X', '', 'Police']);
    ws.addRow(['R-2', 'Sick leave follow-up', 'Follow up sick leave', 'X', 'X', '', 'X', 'X', 'Doctor']);
    for (const c of ['A', 'B', 'C', 'I']) ws.mergeCells(`${c}2:${c}3`);
    ws.mergeCells('D2:F2');
    ws.mergeCells('G2:H2');
    await wb.xlsx.writeFile(file);
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const acts = p.rows.filter((r) => r.status !== 'skipped').map((r) => r.activity!);
    expect(acts.map((a) => a.name)).toEqual(['Passports', 'Sick leave follow-up']);
    expect(acts.map((a) => a.legalBases.map((b) => b.code))).toEqual([
      ['legal_obligation', 'public_task'],
      ['consent', 'legal_obligation'],
    ]);
    expect(acts.map((a) => a.dataCategories.map((c) => c.label))).toEqual([['Identification data'], ['Identification data', 'Health data']]);
    expect(acts.map((a) => a.recipients.map((r) => r.name))).toEqual([['Police'], ['Doctor']]);
  });
});

describe('a destination and its safeguard in one cell', () => {
  it('"USA – standard contractual clauses", "Indien (Standardvertragsklauseln)": the country and its safeguard', async () => {
    const p = await preview(
      ['Name', 'Purpose', 'Recipients', 'Transfers outside the EU'],
      ['Support', 'Answer customers', 'Helpdeskly', 'USA – standard contractual clauses'],
      ['Payroll', 'Pay staff', 'Paysoft', 'Indien (Standardvertragsklauseln)'],
      ['Hosting', 'Host the site', 'Hostaro', 'Switzerland'],
    );
    expect(p.rows.map((r) => r.activity!.transfers.map((x) => [x.country, x.safeguard]))).toEqual([[['US', 'scc']], [['IN', 'scc']], [['CH', 'adequacy']]]);
  });
});

describe('a template in three columns: the field, what to write, what was written', () => {
  // Each language's template explains its labels as templates do: by restating them, or with examples and instructions.
  const TEMPLATES = {
    en: {
      head: ['Field', 'Guidance', 'Answer'],
      rows: [
        ['Name of the processing', 'The name of the processing activity as the organisation calls it', 'Visitor badges'],
        ['Purpose', 'The purpose of the processing (one purpose, or the main one)', 'Issue badges to visitors of the premises'],
        ['Data subjects', 'Who the data is about (e.g. employees, customers)', 'Visitors'],
        ['Categories of personal data', 'Describe the data processed about them', 'Name, company, time of visit'],
        ['Recipients', 'Who receives the data (for example authorities, processors)', 'Security company'],
        ['Retention', 'How long the data is kept: give the period for each category', '3 months'],
      ],
    },
    fr: {
      head: ['Rubrique', 'Aide au remplissage', 'Réponse'],
      rows: [
        ['Nom du traitement', 'Le nom du traitement tel que le service le désigne', 'Badges visiteurs'],
        ['Finalité', 'Indiquez la finalité principale du traitement', 'Délivrer un badge aux visiteurs'],
        ['Personnes concernées', 'Par exemple : salariés, clients, visiteurs', 'Visiteurs'],
        ['Catégories de données', 'Décrivez les catégories de données traitées', 'Nom, société, heure de visite'],
        ['Destinataires', 'Précisez qui reçoit les données (ex. prestataires)', 'Société de gardiennage'],
        ['Durée de conservation', 'La durée de conservation de chaque catégorie', '3 mois'],
      ],
    },
    de: {
      head: ['Angabe', 'Erläuterung', 'Eintrag'],
      rows: [
        ['Bezeichnung der Verarbeitung', 'Bezeichnung der Verarbeitungstätigkeit, wie sie intern genannt wird', 'Besucherausweise'],
        ['Zweck', 'Zweck der Verarbeitung angeben', 'Ausweise für Besucher ausstellen'],
        ['Betroffene Personen', 'z. B. Beschäftigte, Kunden, Besucher', 'Besucher'],
        ['Datenkategorien', 'Beschreiben Sie die verarbeiteten Daten', 'Name, Firma, Uhrzeit des Besuchs'],
        ['Empfänger', 'Empfänger der Daten, zum Beispiel Dienstleister', 'Sicherheitsdienst'],
        ['Löschfrist', 'Löschfrist je Datenkategorie', '3 Monate'],
      ],
    },
  };

  for (const [lang, template] of Object.entries(TEMPLATES)) {
    it(`${lang}: the answers are the activity, the guidance is not read and the preview says so`, async () => {
      const file = path.join(t.dir, `fiche-${lang}.xlsx`);
      await writeXlsx(file, { Fiche: [['Record of processing'], [], template.head, ...template.rows] });
      const p = (await t.call('import/open', { file })) as ImportPreview;
      const rows = p.rows.filter((r) => r.status !== 'skipped');
      expect(rows).toHaveLength(1);
      const a = rows[0].activity!;
      const answers = template.rows.map((r) => r[2]);
      expect(a.name).toBe(answers[0]);
      expect(a.purpose).toBe(answers[1]);
      expect(a.dataSubjects.map((s) => s.label)).toEqual([answers[2]]);
      expect(a.dataCategories.map((c) => c.label)).toEqual(answers[3].split(', '));
      expect(a.recipients.map((r) => r.name)).toEqual([answers[4]]);
      expect(a.retention.map((r) => r.duration)).toEqual(['P3M']);
      // Nothing of the guidance column anywhere in the activity.
      const all = JSON.stringify(a);
      for (const r of template.rows) expect(all).not.toContain(r[1]);
      expect(rows[0].warnings.filter((w) => w.code === 'guidance_column').map((w) => w.params)).toEqual([{ columns: 'B' }]);
    });
  }

  it('two activities side by side beside the labels are two activities, not an activity and its guidance', async () => {
    const file = path.join(t.dir, 'two.xlsx');
    const [en] = [TEMPLATES.en.rows];
    await writeXlsx(file, {
      Register: [
        ['Name of the processing', 'Visitor badges', 'Payroll'],
        ['Purpose', en[1][2], 'Pay the staff'],
        ['Data subjects', 'Visitors', 'Employees'],
        ['Categories of personal data', en[3][2], 'Name, bank details'],
        ['Recipients', 'Security company', 'Tax office'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const acts = p.rows.filter((r) => r.status !== 'skipped').map((r) => r.activity!);
    expect(acts.map((a) => a.name)).toEqual(['Visitor badges', 'Payroll']);
    expect(p.rows.flatMap((r) => r.warnings).filter((w) => w.code === 'guidance_column')).toEqual([]);
  });
});

describe('a label, then nothing', () => {
  it('"Sensitive data: none" in a list is not an item, in any language of the vocabularies', async () => {
    const p = await preview(
      ['Processing activity', 'Purpose', 'Data categories', 'Recipients'],
      ['Members', 'Keep the list of members', 'Contact data: name, e-mail\nSensitive data: none', 'Processors: none\nThe federation'],
      ['Medlemmer', 'Medlemsliste', 'Navn, e-mail\nOplysninger, der er tillagt en højere grad af beskyttelse: Ingen', 'Databehandlere: ingen'],
      ['Adhérents', 'Tenir la liste', 'Identité : nom, prénom\nDonnées sensibles : aucune', 'Sous-traitants : néant'],
    );
    const acts = p.rows.map((r) => r.activity!);
    expect(acts.map((a) => a.dataCategories.map((c) => c.label))).toEqual([
      ['name', 'e-mail'],
      ['Navn', 'e-mail'],
      ['nom', 'prénom'],
    ]);
    expect(acts.map((a) => a.recipients.map((r) => r.name))).toEqual([['The federation'], [], []]);
  });
});

describe('a heading, then several recipients', () => {
  it('"Plattformen: TikTok (China/Singapur), Instagram (USA), Pinterest" are three recipients and their countries; "Buffer: posting, scheduling" is one', async () => {
    const p = await preview(
      ['Verarbeitungstätigkeit', 'Zweck', 'Empfänger', 'Drittlandübermittlung'],
      [
        'Social Media',
        'Beiträge veröffentlichen',
        'Buffer: posting, scheduling\nSocial Media Plattformen: TikTok (China/Singapur), Instagram (USA), Pinterest',
        'Rechtsgrundlage: EU-US Data Privacy Framework (für Meta)',
      ],
    );
    const a = p.rows[0].activity!;
    expect(a.recipients.map((r) => r.name)).toEqual(['Buffer', 'TikTok', 'Instagram', 'Pinterest']);
    expect(a.recipients.find((r) => r.name === 'Buffer')!.precision).toBe('posting, scheduling');
    expect(a.recipients.find((r) => r.name === 'TikTok')!.precision).toBe('Social Media Plattformen');
    // The Data Privacy Framework is an adequacy decision for the United States: never the safeguard of China or Singapore (no adequacy).
    expect(a.transfers.map((t) => [t.recipient, t.country, t.safeguard])).toEqual([
      ['TikTok', 'CN', null],
      ['TikTok', 'SG', null],
      ['Instagram', 'US', 'adequacy'],
    ]);
  });
});

describe('a recipient written as a sentence', () => {
  it('the one web domain a sentence names is the recipient, the sentence its precision; names, groups and lists stay as they are', async () => {
    const p = await preview(
      ['Behandling', 'Formål', 'Modtagere'],
      ['App', 'Holdtilmelding', 'Data videresendes og behandles af Flexybox.com'],
      ['Newsletter', 'Send news', 'Data is shared with mailchimp.com and brevo.com'],
      ['Support', 'Help', 'Zendesk Inc. (zendesk.com)'],
      ['Group', 'Sell', 'Produits et sociétés du groupe Dialogra'],
      ['Contact', 'Answer', 'Replies are sent from support@example.org to the customer'],
    );
    const names = p.rows.map((r) => r.activity!.recipients.map((x) => x.name));
    expect(names).toEqual([
      ['Flexybox.com'],
      ['Data is shared with mailchimp.com and brevo.com'],
      ['Zendesk Inc. (zendesk.com)'],
      ['Produits et sociétés du groupe Dialogra'],
      ['Replies are sent from support@example.org to the customer'],
    ]);
    expect(p.rows[0].activity!.recipients[0].precision).toBe('Data videresendes og behandles af Flexybox.com');
  });
});

describe('a safeguard said to be missing', () => {
  it('"SCC FEHLT", "CCT non signées", "SCC pending" give no safeguard (the transfer is flagged); "SCC vorhanden" gives the clauses', async () => {
    const p = await preview(
      ['Verarbeitungstätigkeit', 'Zweck', 'Drittlandübermittlung'],
      ['Entwicklung', 'Software entwickeln', 'Sundara Tech (Indien) — SCC FEHLT'],
      ['Abrechnung', 'Abrechnen', 'Stripe (USA) — SCC vorhanden'],
      ['Support', 'Aider', 'Helpdeskly (Inde) — CCT non signées'],
      ['Hosting', 'Host', 'Hostaro (India) — SCC pending'],
    );
    expect(p.rows.map((r) => r.activity!.transfers.map((t) => [t.country, t.safeguard]))).toEqual([[['IN', null]], [['US', 'scc']], [['IN', null]], [['IN', null]]]);
    for (const i of [0, 2, 3]) expect(codes(p, i)).toContain('transfer_without_safeguard');
  });
});

describe('one item per row below the activity', () => {
  it('a text alone under the data categories, right below an activity, continues it; a text alone in the name column is a section', async () => {
    const p = await preview(
      ['Traitement', 'Finalité', 'Personnes concernées', 'Données', 'Destinataires'],
      ['État civil', 'Tenir les registres', 'Habitants', 'nom et prénom', 'Préfecture'],
      ['', '', '', 'date de naissance', ''],
      ['', '', '', 'adresse', ''],
      ['Service technique', '', '', '', ''],
      ['Voirie', 'Entretenir les routes', 'Riverains', 'adresse', 'Entreprise de travaux'],
    );
    const acts = p.rows.filter((r) => r.status !== 'skipped');
    expect(acts.map((r) => r.activity!.name)).toEqual(['État civil', 'Voirie']);
    expect(acts[0].activity!.dataCategories.map((c) => c.label)).toEqual(['nom et prénom', 'date de naissance', 'adresse']);
    expect(acts[1].activity!.department).toBe('Service technique');
    expect(p.rows.filter((r) => r.status === 'skipped').map((r) => r.skip?.kind)).toEqual(['continuation', 'continuation', 'section']);
  });
});

describe('fiches and tables under the register’s own lines', () => {
  it('a data inventory above the table of processing activities: the activities are read', async () => {
    const file = path.join(t.dir, 'carto.xlsx');
    await writeXlsx(file, {
      RGPD: [
        ['1. Cartographie des données'],
        ['Catégorie de données', 'Données spécifiques', 'Sensibilité', 'Localisation', 'Durée de conservation'],
        ['Identification', 'ID, identifiant', 'Normale', 'Base utilisateurs', 'Durée du compte'],
        ['Contact', 'Email', 'Normale', 'Base utilisateurs', 'Durée du compte'],
        [],
        ['2. Analyse des traitements'],
        ['Traitement', 'Description', 'Données utilisées', 'Finalité', 'Acteurs concernés'],
        ['Gestion des comptes', 'Administration des utilisateurs', 'identifiant, email', 'Administration', 'Administrateurs'],
        ['Authentification', 'Vérification d’identité', 'identifiant', 'Sécurité', 'Utilisateurs'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const acts = p.rows.filter((r) => r.status !== 'skipped').map((r) => r.activity!);
    expect(acts.map((a) => [a.name, a.purpose])).toEqual([
      ['Gestion des comptes', 'Administration'],
      ['Authentification', 'Sécurité'],
    ]);
  });

  it('stacked fiches opened by "ACTIVIDAD n: …" under the register’s lines: one activity each, the register’s lines given to none', async () => {
    const file = path.join(t.dir, 'rat.xlsx');
    const fiche = (n: number, name: string, purpose: string) => [
      [`ACTIVIDAD ${n}: ${name}`],
      ['Campo', 'Información'],
      ['Responsable', 'Estudio Pérez'],
      ['Finalidad', purpose],
      ['Base jurídica', 'Consentimiento del interesado'],
      ['Categorías de interesados', 'Clientes'],
      [],
    ];
    await writeXlsx(file, {
      RAT: [
        ['REGISTRO DE ACTIVIDADES DE TRATAMIENTO'],
        ['Responsable del tratamiento:', 'Estudio Pérez'],
        ['Fecha:', '13 de enero de 2026'],
        [],
        ...fiche(1, 'CONSULTAS WEB', 'Gestionar consultas'),
        ...fiche(2, 'BOLETÍN', 'Enviar el boletín'),
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const acts = p.rows.filter((r) => r.status !== 'skipped');
    expect(acts.map((r) => [r.status, r.activity!.name, r.activity!.purpose])).toEqual([
      ['new', 'CONSULTAS WEB', 'Gestionar consultas'],
      ['new', 'BOLETÍN', 'Enviar el boletín'],
    ]);
  });

  it('"Verarbeitungstätigkeit: …" and "Stand: …" written above a fiche of labels and values name it, and nothing else', async () => {
    const file = path.join(t.dir, 'vvt.xlsx');
    await writeXlsx(file, {
      VVT: [
        ['Transferregister und VVT-Auszug'],
        ['Verarbeitungstätigkeit: CRM und Support'],
        ['Stand: 18.05.2026'],
        [],
        ['Feld', 'Eintrag'],
        ['Fachbereich', 'Vertrieb'],
        ['Zweck', 'Kundenkommunikation und Support'],
        ['Betroffene', 'Kundenkontakte'],
        ['Datenarten', 'Kontaktdaten'],
      ],
    });
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const acts = p.rows.filter((r) => r.status !== 'skipped');
    expect(acts.map((r) => [r.status, r.activity!.name, r.activity!.purpose, r.activity!.department])).toEqual([
      ['new', 'CRM und Support', 'Kundenkommunikation und Support', 'Vertrieb'],
    ]);
  });
});
