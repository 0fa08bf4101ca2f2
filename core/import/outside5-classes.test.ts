/**
 * The classes of the fifth outside measure (files in shapes no test held): a whole record written line by line in
 * one cell, lists and parallel lists separated by "|", a two-letter "no" read as the country its ISO code spells,
 * a citation whose paragraph word is cut short ("(1) bek. b) pont"). Each input is built here from its shape, in
 * several languages, with values no rule names.
 */
import { describe, expect, it } from 'vitest';
import { activitiesOf, importTestRegister } from './testing/open-files.js';
import { parseLegalBases } from './normalise/legal-basis.js';
import { labelledColumn, labelledLines } from './values/labelled-lines.js';
import { matchHeader } from './assign/mapping.js';

const { open, openCsv } = importTestRegister();
const activities = activitiesOf;

describe('a record written line by line in one cell ("Label: value" lines)', () => {
  // Each language's labels as a DPO writes them (bulleted or not, an accent left out), the details column's header
  // naming no field.
  const languages = [
    {
      lang: 'it',
      name: 'Trattamento',
      details: 'Dettagli',
      purpose: 'Finalita',
      basis: 'Base giuridica',
      basisText: 'contratto / obbligo legale',
      subjects: 'Categorie interessati',
      data: 'Categorie dati',
      recipients: 'Destinatari',
      bullet: '- ',
    },
    {
      lang: 'fr',
      name: 'Traitement',
      details: 'Détails',
      purpose: 'Finalité',
      basis: 'Base légale',
      basisText: 'contrat / obligation légale',
      subjects: 'Personnes concernées',
      data: 'Données traitées',
      recipients: 'Destinataires',
      bullet: '• ',
    },
    {
      lang: 'en',
      name: 'Processing activity',
      details: 'Details',
      purpose: 'Purpose',
      basis: 'Lawful basis',
      basisText: 'Contract; legal obligation',
      subjects: 'Data subjects',
      data: 'Personal data',
      recipients: 'Recipients',
      bullet: '',
    },
    {
      lang: 'de',
      name: 'Verarbeitungstätigkeit',
      details: 'Angaben',
      purpose: 'Zweck',
      basis: 'Rechtsgrundlage',
      basisText: 'Art. 6 Abs. 1 lit. b und c DSGVO',
      subjects: 'Betroffene Personen',
      data: 'Datenkategorien',
      recipients: 'Empfänger',
      bullet: '- ',
    },
    {
      lang: 'es',
      name: 'Actividad de tratamiento',
      details: 'Detalle',
      purpose: 'Finalidad',
      basis: 'Base jurídica',
      basisText: 'art. 6.1.b y 6.1.c RGPD',
      subjects: 'Categorías de interesados',
      data: 'Categorías de datos',
      recipients: 'Destinatarios',
      bullet: '- ',
    },
  ];
  for (const L of languages)
    it(`gives each line its field, in ${L.lang}`, async () => {
      const record = (n: number) =>
        [
          `${L.bullet}${L.purpose}: goal ${n} of the team`,
          `${L.bullet}${L.subjects}: group${n}a, group${n}b`,
          `${L.bullet}${L.data}: item${n}a, item${n}b, item${n}c`,
          `${L.bullet}${L.basis}: ${L.basisText}`,
          `${L.bullet}${L.recipients}: Org${n} Alpha, Org${n} Beta`,
        ].join('\n');
      const p = await open({
        Registro: [['Title of the register'], [], ['N.', L.name, L.details], [1, 'Activity one', record(1)], [2, 'Activity two', record(2)], [3, 'Activity three', record(3)]],
      });
      const acts = activities(p);
      expect(acts.map((a) => a.name)).toEqual(['Activity one', 'Activity two', 'Activity three']);
      for (const [i, a] of acts.entries()) {
        const n = i + 1;
        expect(a.purpose).toBe(`goal ${n} of the team`);
        expect(a.legalBases.map((b) => b.code)).toEqual(['contract', 'legal_obligation']);
        expect(a.dataSubjects.map((s) => s.label)).toEqual([`group${n}a`, `group${n}b`]);
        expect(a.dataCategories.map((c) => c.label)).toEqual([`item${n}a`, `item${n}b`, `item${n}c`]);
        expect(a.recipients.map((r) => r.name)).toEqual([`Org${n} Alpha`, `Org${n} Beta`]);
        // Nothing the lines gave is left in the description.
        expect(a.description).toBe('');
      }
      expect(p.rows.every((r) => !r.errors.length)).toBe(true);
      // The column says why it was read so, and no field is said to be missing.
      const column = p.sheets[0].columns.find((c) => c.header === L.details)!;
      expect(column.field).toBe('description');
      expect(column.why?.key).toBe('importLines.why.labelledLines');
      expect(p.sheets[0].missing ?? []).toEqual([]);
    });

  it('keeps the row’s own column, and the lines that give no field, where they were', async () => {
    const details = 'Finalità: a purpose from the lines\nBase giuridica: consenso\nNota interna: revisione nel 2026';
    const p = await open({
      R: [
        ['Trattamento', 'Finalità', 'Note'],
        ['Newsletter', 'Sending the newsletter', details],
        ['Eventi', 'Inviting to events', details],
      ],
    });
    const [a] = activities(p);
    expect(a.purpose).toBe('Sending the newsletter');
    expect(a.legalBases.map((b) => b.code)).toEqual(['consent']);
    expect(a.description).toContain('Finalità: a purpose from the lines');
  });

  it('reads one labelled line, or prose with a colon, as the text it is', () => {
    expect(labelledLines('Zweck: Plattformbereitstellung')).toBeNull();
    expect(labelledLines('Meeting at 14:02\nthen lunch')).toBeNull();
    expect(labelledLines('Weather: sunny\nPurpose: something')).toBeNull();
    expect(labelledColumn(['Purpose: a\nLegal basis: consent', 'A plain sentence about the processing', 'Another one'])).toBeNull();
    expect(labelledColumn(['Purpose: a\nLegal basis: consent\nand more of it', 'Purpose: b\nRecipients: X'])).toEqual(['purpose', 'legalBases', 'recipients']);
  });
});

describe('lists separated by "|" (a GRC tool’s export)', () => {
  const header = [
    'Processing Activity Name',
    'Purpose(s) of Processing',
    'Lawful Basis (Art 6)',
    'Data Subject Types',
    'Personal Data Elements',
    'External Recipients',
    'Cross-Border Transfer Countries',
    'Transfer Mechanism',
  ];
  it('splits every list field at its bars, and pairs parallel lists of destinations and safeguards in order', async () => {
    const p = await openCsv([
      header,
      [
        'Onboarding',
        'Verifying identity\nAnti-fraud checks',
        'Legal Obligation|Contract',
        'Customers|Owners',
        'Name|Date of birth|Passport copy',
        'Vendor One Ltd|Agency Two',
        'United States|India',
        'Data Privacy Framework|SCCs',
      ],
      ['Payroll', 'Paying staff', 'Legal Obligation', 'Employees', 'Name|IBAN', 'Bureau Three', '', ''],
      ['Support', 'Answering customers', 'Contract', 'Customers', 'Name|Email|Ticket text', 'Desk Four Inc.|Desk Four Manila', 'United States|Philippines', 'SCCs'],
    ]);
    const [a, b, c] = activities(p);
    expect(a.legalBases.map((x) => x.code)).toEqual(['legal_obligation', 'contract']);
    expect(a.dataSubjects).toHaveLength(2);
    expect(a.dataCategories.map((x) => x.label)).toEqual(['Name', 'Date of birth', 'Passport copy']);
    expect(a.recipients.map((x) => x.name)).toEqual(['Vendor One Ltd', 'Agency Two']);
    expect(a.transfers.map((x) => [x.country, x.safeguard])).toEqual([
      ['US', 'adequacy'],
      ['IN', 'scc'],
    ]);
    expect(b.dataCategories.map((x) => x.label)).toEqual(['Name', 'IBAN']);
    expect(b.transfers).toEqual([]);
    // One safeguard for two destinations: it serves both.
    expect(c.transfers.map((x) => [x.country, x.safeguard])).toEqual([
      ['US', 'scc'],
      ['PH', 'scc'],
    ]);
  });
});

describe('a two-letter "no" in the transfers column', () => {
  // Romanian, Croatian/Slovenian/Czech, English and Norwegian answers that spell an ISO code (Niue, Niger, Norway).
  for (const no of ['NU', 'Ne', 'NE', 'No', 'NO'])
    it(`reads "${no}" as no transfer, and a country beside it as one`, async () => {
      const p = await open({
        R: [
          ['Name', 'Purpose', 'Third country transfer'],
          ['Alpha', 'Purpose alpha', no],
          ['Beta', 'Purpose beta', 'USA – SCC'],
          ['Gamma', 'Purpose gamma', no],
        ],
      });
      const [a, b, c] = activities(p);
      expect(a.transfers).toEqual([]);
      expect(c.transfers).toEqual([]);
      expect(b.transfers.map((x) => [x.country, x.safeguard])).toEqual([['US', 'scc']]);
      expect(p.rows.flatMap((r) => r.warnings).filter((w) => w.code === 'transfer_without_safeguard')).toEqual([]);
    });
});

describe('a citation whose paragraph word is cut short', () => {
  it.each([
    ['GDPR 6. cikk (1) bek. b) és c) pont', ['contract', 'legal_obligation']],
    ['GDPR 6. cikk (1) bekezd. f) pont', ['legitimate_interests']],
    ['6 straipsnio 1 dal. b punktas', ['contract']],
    ['BDSG 6 Abs. 1 lit. b', ['contract']],
    ['Art. 6(1)(e)', ['public_task']],
  ])('%s', (text, codes) => expect(parseLegalBases(text)).toEqual(codes));

  it('reads a Hungarian register’s legal bases in the import', async () => {
    const p = await open({
      N: [
        ['Adatkezelés megnevezése', 'Adatkezelés célja', 'Jogalap'],
        ['Bérszámfejtés', 'Munkabér kifizetése', 'GDPR 6. cikk (1) bek. b) és c) pont'],
        ['Hírlevél', 'Hírlevél küldése', 'GDPR 6. cikk (1) bek. a) pont'],
      ],
    });
    expect(activities(p).map((a) => a.legalBases.map((b) => b.code))).toEqual([['contract', 'legal_obligation'], ['consent']]);
  });
});

describe('a side sheet naming the activities in other words', () => {
  // The register's names, and the side sheet's shorter ones (a word left out, another ending, a word of its own).
  const cases = [
    {
      lang: 'ro',
      header: ['Activitate', 'Scop prelucrare', 'Categorii persoane'],
      side: ['Scop prelucrare', 'Bază legală GDPR', 'Legislație specifică'],
      names: ['Gestionare utilizatori platformă', 'Instruire personal nou', 'Audit și monitorizare sistem'],
      keys: ['Gestionare cont utilizator', 'Instruiri personal', 'Audit log', 'Alerte și notificări'],
    },
    {
      lang: 'en',
      header: ['Processing activity', 'Purpose', 'Data subjects'],
      side: ['Purpose', 'Lawful basis', 'Notes'],
      names: ['Customer account administration', 'Staff training records', 'Security logging of the platform'],
      keys: ['Account administration', 'Training', 'Security logs', 'Alerts and notifications'],
    },
  ];
  const bases = ['Art. 6(1)(b)', 'Art. 6(1)(c)', 'Art. 6(1)(f)', 'Art. 6(1)(f)'];
  for (const C of cases)
    it(`gives each activity the rows that mean it, and makes no activity of the sheet, in ${C.lang}`, async () => {
      const p = await open({
        Register: [C.header, ...C.names.map((n, i) => [n, `Purpose number ${i + 1}`, `Group ${i + 1}`])],
        Bases: [C.side, ...C.keys.map((k, i) => [k, bases[i], `Law ${i + 1}`])],
      });
      const acts = activities(p);
      expect(acts.map((a) => a.name)).toEqual(C.names);
      expect(acts.map((a) => a.legalBases.map((b) => b.code))).toEqual([['contract'], ['legal_obligation'], ['legitimate_interests']]);
    });

  it('links nothing when the names share no words, or two keys mean one activity', async () => {
    const p = await open({
      Register: [
        ['Processing activity', 'Purpose', 'Data subjects'],
        ['Payroll', 'Paying staff', 'Employees'],
        ['Recruitment', 'Hiring', 'Candidates'],
      ],
      Other: [
        ['Purpose', 'Lawful basis'],
        ['Newsletter sending', 'Consent'],
        ['Event invitations', 'Consent'],
      ],
    });
    expect(
      activities(p)
        .filter((a) => a.name === 'Payroll' || a.name === 'Recruitment')
        .every((a) => !a.legalBases.some((b) => b.code === 'consent')),
    ).toBe(true);
  });
});

describe('a transfers sheet with a safeguard on each row', () => {
  it('gives each destination the safeguard of its own row', async () => {
    const p = await open({
      Activities: [
        ['ID', 'Name of the processing', 'Purpose', 'Transfer to a third country'],
        ['A-1', 'Support desk', 'Answering customers', 'yes – see sheet Transfers'],
        ['A-2', 'Hiring', 'Selecting candidates', 'yes – see sheet Transfers'],
        ['A-3', 'Payroll', 'Paying staff', 'no'],
      ],
      Transfers: [
        ['Activity ID', 'Recipient', 'Third country', 'Safeguard'],
        ['A-1', 'Desk Inc.', 'USA', 'Data Privacy Framework'],
        ['A-1', 'Desk Manila', 'Philippines', 'Standard contractual clauses'],
        ['A-2', 'Hire GmbH', 'India', 'Standard contractual clauses'],
      ],
    });
    const [a, b, c] = activities(p);
    expect(a.transfers.map((x) => [x.country, x.safeguard])).toEqual([
      ['US', 'adequacy'],
      ['PH', 'scc'],
    ]);
    expect(b.transfers.map((x) => [x.country, x.safeguard])).toEqual([['IN', 'scc']]);
    expect(c.transfers).toEqual([]);
  });
});

describe('a header of cut words that spells a phrase of the vocabulary', () => {
  it.each([
    ['Cat. tit. dados', 'dataSubjects'],
    ['Cat. dados pess.', 'dataCategories'],
    ['Kat. betr. Pers.', 'dataSubjects'],
    ['Cat. datos pers.', 'dataCategories'],
    ['Fund. licit.', 'legalBases'],
  ])('%s → %s', (header, field) => expect(matchHeader(header).field).toBe(field));

  it('gives the persons and the data their own columns in a Portuguese register', async () => {
    const p = await open({
      RAT: [
        ['Ativ. trat.', 'Final.', 'Fund. licit.', 'Cat. tit. dados', 'Cat. dados pess.'],
        ['Vencimentos', 'Pagar os trabalhadores', 'art. 6.º, n.º 1, al. c) do RGPD', 'Trabalhadores', 'Nome, NIF, IBAN'],
        ['Newsletter', 'Enviar a agenda', 'art. 6.º, n.º 1, al. a) do RGPD', 'Subscritores', 'Nome, e-mail'],
      ],
    });
    const acts = activities(p);
    expect(acts.map((a) => a.dataSubjects.map((s) => s.label))).toEqual([['Trabalhadores'], ['Subscritores']]);
    expect(acts.map((a) => a.dataCategories.length)).toEqual([3, 2]);
    expect(acts.map((a) => a.legalBases.map((b) => b.code))).toEqual([['legal_obligation'], ['consent']]);
  });
});

describe('letter words of other citation styles', () => {
  it.each([
    ['art. 6.º, n.º 1, al. c) do RGPD', ['legal_obligation']],
    ['art. 6.º, n.º 1, al. a) e b) do RGPD', ['consent', 'contract']],
    ['Art. 6 al. 1 let. b RGPD', ['contract']],
    ['art. 6 alin. (1) lit. b) din GDPR', ['contract']],
  ])('%s', (text, codes) => expect(parseLegalBases(text)).toEqual(codes));
});
