/**
 * The classes of the fourth outside measure (files in shapes no test held): a register pasted into one column
 * with each label and its value in the same cell, … Each input is built here from its shape, in several
 * languages, with values no rule names.
 */
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from './preview/preview.js';
import { activitiesOf, importTestRegister } from './testing/open-files.js';

const { open, openCsv } = importTestRegister();
const activities = activitiesOf;

describe('one column of "Label: value" cells', () => {
  // The labels of each language as a DPO writes them; the heading of each activity numbered in front of its name.
  const languages = [
    {
      heading: 'Verarbeitungstätigkeit',
      purpose: 'Zweck',
      subjects: 'Betroffene Personen',
      data: 'Datenkategorien',
      recipients: 'Empfänger',
      basis: 'Rechtsgrundlage',
      retention: 'Speicherdauer',
      basisText: 'Art. 6 Abs. 1 lit. b DSGVO',
      years: '5 Jahre',
    },
    {
      heading: 'Processing activity',
      purpose: 'Purpose',
      subjects: 'Data subjects',
      data: 'Categories of personal data',
      recipients: 'Recipients',
      basis: 'Legal basis',
      retention: 'Retention period',
      basisText: 'Contract',
      years: '5 years',
    },
    {
      heading: 'Traitement',
      purpose: 'Finalité',
      subjects: 'Personnes concernées',
      data: 'Catégories de données',
      recipients: 'Destinataires',
      basis: 'Base légale',
      retention: 'Durée de conservation',
      basisText: 'Exécution du contrat',
      years: '5 ans',
    },
  ];
  for (const l of languages) {
    it(`${l.heading}: each heading starts an activity, each cell's label gives its field (times and links are no labels)`, async () => {
      const rows: string[][] = [['Register 2026'], [], ['Stand: 01.02.2026 14:02'], []];
      for (const [i, name] of ['Kundenkonten', 'Zahlungen', 'Protokolle'].entries()) {
        rows.push([`${l.heading} ${i + 1}: ${name}`]);
        rows.push([`${l.purpose}: ${name} verwalten, https://example.org/${i}`]);
        rows.push([`${l.subjects}: Kunden ${i}`]);
        rows.push([`${l.data}: Name, E-Mail, Konto ${i}`]);
        rows.push([`${l.recipients}: Dienstleister ${i} GmbH`]);
        rows.push([`${l.basis}: ${l.basisText}`]);
        rows.push([`${l.retention}: ${l.years}`]);
        rows.push([]);
      }
      const acts = activities(await open({ Register: rows }));
      expect(acts.map((a) => a.name)).toEqual(['Kundenkonten', 'Zahlungen', 'Protokolle']);
      expect(acts.map((a) => a.purpose)).toEqual([0, 1, 2].map((i) => `${['Kundenkonten', 'Zahlungen', 'Protokolle'][i]} verwalten, https://example.org/${i}`));
      expect(acts.map((a) => a.dataSubjects.map((s) => s.label ?? s.precision).join())).toEqual(['Kunden 0', 'Kunden 1', 'Kunden 2']);
      expect(acts[2].dataCategories.map((c) => c.label)).toEqual(['Name', 'E-Mail', 'Konto 2']);
      expect(acts[1].recipients.map((r) => r.name)).toEqual(['Dienstleister 1 GmbH']);
      expect(acts.map((a) => a.legalBases.map((b) => b.code))).toEqual([['contract'], ['contract'], ['contract']]);
      expect(acts.map((a) => a.retention.map((r) => r.duration))).toEqual([['P5Y'], ['P5Y'], ['P5Y']]);
    });
  }

  it("the register's own lines above the first activity (its controller) are not the first activity's", async () => {
    const rows: string[][] = [['Verzeichnis'], ['Verantwortlicher: Muster GmbH, Hauptstraße 1, Hamburg'], []];
    for (const name of ['Konten', 'Zahlungen']) rows.push([`Verarbeitungstätigkeit: ${name}`], [`Zweck: ${name} führen`], ['Empfänger: Hoster AG'], ['Speicherdauer: 3 Jahre'], []);
    const acts = activities(await open({ VVT: rows }));
    expect(acts.map((a) => [a.name, a.owner])).toEqual([
      ['Konten', ''],
      ['Zahlungen', ''],
    ]);
  });

  it('a label whose value continues on the lines under it, in the same column, takes them up to the blank line', async () => {
    const acts = activities(
      await open({
        VVT: [['Activity: Payroll'], ['Purpose: paying salaries'], ['Categories of personal data:'], ['- Name'], ['- Bank account'], ['Legal basis: Legal obligation'], []],
      }),
    );
    expect(acts).toHaveLength(1);
    expect(acts[0].name).toBe('Payroll');
    expect(acts[0].dataCategories.map((c) => c.label)).toEqual(['Name', 'Bank account']);
  });
});

describe('a SharePoint list exported as it stores it', () => {
  // Its internal column names escape each space as "_x0020_"; multiple values are "a;#b", a lookup "id;#value".
  const internal = (h: string) => h.replace(/ /g, '_x0020_');
  const headers = [
    ['Title', 'Purpose', 'Data Subjects', 'Personal Data Categories', 'Recipients'],
    ['Title', 'Finalité', 'Personnes concernées', 'Catégories de données', 'Destinataires'],
    ['Title', 'Zweck', 'Betroffene Personen', 'Kategorien personenbezogener Daten', 'Empfänger'],
  ];
  for (const h of headers) {
    it(`${h.slice(1).map(internal).join(', ')}: each column its field, each ";#" a separate value`, async () => {
      const p = await openCsv([
        [...h.map(internal), 'Modified', 'Created By'],
        ['Payroll', 'Paying salaries', 'Employees;#Interns', 'Identity;#Bank details', 'Tax office;#Pension fund', '03/11/2025 14:02', 'Jane Doe'],
        ['Visitors', 'Knowing who is on site', '12;#Visitors', 'Name', '7;#Security firm Ltd', '03/11/2025 14:05', 'Jane Doe'],
      ]);
      const fields = p.sheets[0].columns.slice(0, 5).map((c) => c.field);
      expect(fields).toEqual(['name', 'purpose', 'dataSubjects', 'dataCategories', 'recipients']);
      const acts = activities(p);
      expect(acts[0].dataSubjects.map((s) => s.label ?? s.precision)).toEqual(['Employees', 'Interns']);
      expect(acts[0].dataCategories.map((c) => c.label)).toEqual(['Identity', 'Bank details']);
      expect(acts[0].recipients.map((r) => r.name)).toEqual(['Tax office', 'Pension fund']);
      expect(acts[1].dataSubjects.map((s) => s.label ?? s.precision)).toEqual(['Visitors']);
      expect(acts[1].recipients.map((r) => r.name)).toEqual(['Security firm Ltd']);
    });
  }
});

describe('a question asks for its field, whatever other field words it contains', () => {
  const persons = [
    '4. Whose personal data do we process?',
    'Wessen personenbezogene Daten verarbeiten wir?',
    'De qui traitons-nous les données ?',
    'Van wie verwerken we gegevens?',
  ];
  const data = ['5. Which personal data do we process?', 'Welche Daten verarbeiten wir?', 'Quelles données traitons-nous ?', 'Welke gegevens verwerken we?'];
  for (const [i, who] of persons.entries()) {
    it(`"${who}" is the data subjects' column; "${data[i]}" the data categories'`, async () => {
      const p = await openCsv([
        ['Activity', 'Purpose', who, data[i]],
        ['Fleet', 'Planning routes', 'Drivers', 'GPS location'],
        ['Chat', 'Answering prospects', 'Website visitors', 'Chat transcript'],
      ]);
      expect(p.sheets[0].columns.map((c) => c.field)).toEqual(['name', 'purpose', 'dataSubjects', 'dataCategories']);
      expect(activities(p).map((a) => a.dataSubjects.map((s) => s.label ?? s.precision).join())).toEqual(['Drivers', 'Website visitors']);
    });
  }
});

describe('headers cut short or contracted with a dot', () => {
  // Each field word of a language cut after every length a DPO uses (4 letters to two before its end), dotted.
  const words: [string, string, string][] = [
    ['es', 'Destinatarios', 'recipients'],
    ['pt', 'Destinatários', 'recipients'],
    ['es', 'Departamento', 'department'],
    ['en', 'Department', 'department'],
    ['de', 'Aufbewahrungsfrist', 'retention'],
  ];
  for (const [lang, word, field] of words) {
    it(`${lang} "${word}" cut at every length is the ${field}`, async () => {
      const cuts = Array.from({ length: word.length - 5 }, (_, i) => `${word.slice(0, i + 4)}.`);
      for (const cut of cuts) {
        const p = await openCsv([
          ['Activ.', 'Fin.', cut],
          ['Nóminas', 'Pagar', 'Valor uno'],
        ]);
        expect([cut, p.sheets[0].columns[2].field]).toEqual([cut, field]);
      }
    });
  }
  it('a contraction keeps the first and last letters and some between: "Dpto.", "Depto.", "Dpt." are the department', async () => {
    for (const h of ['Dpto.', 'Depto.', 'Dpt.']) {
      const p = await openCsv([
        ['Nombre del tratamiento', 'Finalidad', h],
        ['Nóminas', 'Pagar', 'RRHH'],
      ]);
      expect([h, p.sheets[0].columns[2].field]).toEqual([h, 'department']);
      expect(activities(p)[0].department).toBe('RRHH');
    }
  });
  it('"EE. UU. – CCT" in a transfers column: the United States under standard contractual clauses', async () => {
    const p = await openCsv([
      ['Nombre del tratamiento', 'Finalidad', 'Destinatarios', 'Transferencias internacionales'],
      ['Soporte remoto', 'Mantenimiento', 'TeamViewer', 'EE. UU. – CCT'],
      ['Correo', 'Comunicación', 'Proveedor', 'EEUU'],
    ]);
    expect(activities(p).map((a) => a.transfers.map((x) => [x.country, x.safeguard]))).toEqual([[['US', 'scc']], [['US', null]]]);
  });
});

describe('numbered section rows, however loud, name the department of the rows below', () => {
  const styles: [string, (n: number) => string][] = [
    ['1.', (n) => `${n}.`],
    ['1)', (n) => `${n})`],
    ['A.', (n) => `${'ABC'[n - 1]}.`],
    ['II.', (n) => `${['I', 'II', 'III'][n - 1]}.`],
  ];
  const departments = ['Dados de pacientes', 'Ressources humaines et paie', 'Dienst Burgerzaken Oost'];
  for (const [, number] of styles)
    for (const loud of [false, true]) {
      it(`"${number(1)} ${loud ? departments[0].toUpperCase() : departments[0]}" merged across a table whose first column is the reference`, async () => {
        const rows: string[][] = [['Ref.', 'Activity', 'Purpose', 'Legal basis', 'Retention']];
        departments.forEach((d, i) => {
          rows.push([`${number(i + 1)} ${loud ? d.toUpperCase() : d}`]);
          rows.push([`${i + 1}.1`, `Activity ${i}a`, `Purpose ${i}a`, 'Contract', '5 years']);
          rows.push([`${i + 1}.2`, `Activity ${i}b`, `Purpose ${i}b`, 'Consent', '1 year']);
        });
        rows.push([], ['Drafted by: the DPO']);
        const p = await open({ Register: rows });
        const acts = activities(p);
        expect(acts.map((a) => a.name)).toEqual(departments.flatMap((_, i) => [`Activity ${i}a`, `Activity ${i}b`]));
        const want = departments.map((d) => (loud ? d.toUpperCase() : d));
        expect(acts.map((a) => a.department)).toEqual(want.flatMap((d) => [d, d]));
      });
    }
});

describe('a second table under the register, keyed by the activities’ names', () => {
  const layouts = [
    {
      register: ['Traitement', 'Description', 'Finalité'],
      side: ['Traitement', 'Base juridique', 'Durée de conservation'],
      bases: ['Intérêt légitime', 'Exécution du contrat'],
      keep: ['3 ans', '5 ans'],
    },
    {
      register: ['Activity', 'Description', 'Purpose'],
      side: ['Activity', 'Lawful basis', 'Retention period'],
      bases: ['Legitimate interests', 'Contract'],
      keep: ['3 years', '5 years'],
    },
    {
      register: ['Verarbeitungstätigkeit', 'Beschreibung', 'Zweck'],
      side: ['Verarbeitungstätigkeit', 'Rechtsgrundlage', 'Speicherdauer'],
      bases: ['Berechtigtes Interesse', 'Vertrag'],
      keep: ['3 Jahre', '5 Jahre'],
    },
  ];
  for (const l of layouts) {
    it(`"${l.side.join(' | ')}" completes the activities it names; its header and rows are no activities`, async () => {
      const p = await open({
        Sheet1: [
          l.register,
          ['Comptes', 'Administration des comptes', 'Administrer'],
          ['Connexion', 'Vérifier les identités', 'Sécuriser'],
          [],
          ['3. ' + l.side[1]],
          l.side,
          ['Connexion', l.bases[1], l.keep[1]],
          ['Comptes', l.bases[0], l.keep[0]],
          ['[Autre traitement]', l.bases[0], ''],
        ],
      });
      expect(p.rows.filter((r) => r.status !== 'new').map((r) => [r.row, r.status])).toEqual([5, 6, 7, 8, 9].map((n) => [n, 'skipped']));
      const acts = activities(p);
      expect(acts.map((a) => a.name)).toEqual(['Comptes', 'Connexion']);
      expect(acts.map((a) => a.legalBases.map((b) => b.code))).toEqual([['legitimate_interests'], ['contract']]);
      expect(acts.map((a) => a.retention.map((r) => r.duration))).toEqual([['P3Y'], ['P5Y']]);
    });
  }
});

describe('several periods in one retention cell', () => {
  const cases: [string, string[], string[]][] = [
    ['Formation + 5 ans (certificats : 20 ans)', ['P5Y', 'P20Y'], ['', 'certificats']],
    ['Abonnement + 30 jours (sauf N° FABER : 5 ans légal)', ['P30D', 'P5Y'], ['', 'N° FABER']],
    ['14 mois (GA4), 90 jours (Sentry)', ['P14M', 'P90D'], ['', '']],
    ['3 years after the contract (invoices: 10 years)', ['P3Y', 'P10Y'], ['', 'invoices']],
    ['6 Monate (außer Rechnungen: 10 Jahre)', ['P6M', 'P10Y'], ['', 'Rechnungen']],
    ['5 ans (durée légale)', ['P5Y'], ['']],
    ['Durée du contrat, puis archivage', [''], ['']],
  ];
  for (const [cell, durations, categories] of cases) {
    it(`"${cell}": ${durations.length} line(s)`, async () => {
      const p = await openCsv([
        ['Activity', 'Purpose', 'Retention period'],
        ['Training', 'Training drivers', cell],
      ]);
      const r = activities(p)[0].retention;
      expect(r.map((x) => x.duration ?? '')).toEqual(durations);
      expect(r.map((x) => x.dataCategory)).toEqual(categories);
    });
  }
});

describe('a list cell whose every line is "Label : items"', () => {
  // The lines built from groups and items, with each bullet style and separator a DPO writes.
  const groups: [string, string[]][] = [
    ['Identité', ['nom', 'prénom']],
    ['Contact', ['email', 'téléphone']],
    ['Connexion', ['mot de passe', 'adresse IP']],
  ];
  for (const bullet of ['- ', '• ', '']) {
    for (const colon of [' : ', ': ']) {
      it(`"${bullet}Identité${colon}nom, prénom⏎…": each item a category, its label beside it`, async () => {
        const cell = groups.map(([g, xs]) => `${bullet}${g}${colon}${xs.join(', ')}`).join('\n');
        const p = await openCsv([
          ['Activity', 'Purpose', 'Personal data'],
          ['Accounts', 'Managing accounts', cell],
          ['Payroll', 'Paying', 'Usage data: frequency of connection, settings used'],
        ]);
        const [accounts, payroll] = activities(p);
        expect(accounts.dataCategories.map((c) => [c.label, c.description])).toEqual(groups.flatMap(([g, xs]) => xs.map((x) => [x, g])));
        // The labels are kinds of data, not people.
        expect(accounts.dataSubjects).toEqual([]);
        // One labelled line alone of short items gives them too, its label beside each.
        expect(payroll.dataCategories.map((c) => [c.label, c.description])).toEqual([
          ['frequency of connection', 'Usage data'],
          ['settings used', 'Usage data'],
        ]);
      });
    }
  }
  it('a group stating none ("Special categories: none") gives no category', async () => {
    const p = await openCsv([
      ['Activity', 'Purpose', 'Personal data'],
      ['Gym', 'Members', 'General data: name, e-mail\nSpecial categories: none'],
    ]);
    expect(activities(p)[0].dataCategories.map((c) => c.label)).toEqual(['name', 'e-mail']);
  });
});

describe('lines of a list cell that are themselves lists of a few words', () => {
  it('"identyfikator konta, login, rola; bez Session Replay i bez PII.": the part between semicolons that lists words gives each', async () => {
    const p = await openCsv([
      ['Activity', 'Purpose', 'Personal data'],
      ['Monitoring', 'Finding errors', 'identyfikator konta, login, rola, URL widoku; bez Session Replay, bez danych osobowych i bez nagrań ekranu.'],
    ]);
    expect(
      activities(p)[0]
        .dataCategories.map((c) => c.label)
        .slice(0, 4),
    ).toEqual(['identyfikator konta', 'login', 'rola', 'URL widoku']);
  });
  for (const bullet of ['- ', '• ', '']) {
    it(`"${bullet}Namn, personnummer, adress⏎${bullet}E-postadress, telefonnummer": each word an item; a phrase with commas stays whole`, async () => {
      const p = await openCsv([
        ['Activity', 'Purpose', 'Personal data', 'Data subjects'],
        [
          'Members',
          'Keeping the members list',
          `${bullet}Namn, personnummer, adress\n${bullet}E-postadress, telefonnummer\n${bullet}Kontoinformation för avgifter`,
          `${bullet}Medlemmar, styrelse\n${bullet}Hyresgäster`,
        ],
        ['Logs', 'Security', `${bullet}Logs kept when, after a failed login, the account is locked\n${bullet}IP address`, 'Users'],
      ]);
      const [members, logs] = activities(p);
      expect(members.dataCategories.map((c) => c.label)).toEqual(['Namn', 'personnummer', 'adress', 'E-postadress', 'telefonnummer', 'Kontoinformation för avgifter']);
      expect(members.dataSubjects.map((s) => s.label)).toEqual(['Medlemmar', 'styrelse', 'Hyresgäster']);
      expect(logs.dataCategories.map((c) => c.label)).toEqual(['Logs kept when, after a failed login, the account is locked', 'IP address']);
    });
  }
});

describe('one item alone under a list column, below its activity', () => {
  const lists: [string, string, (a: ImportPreview['rows'][number]['activity']) => string[]][] = [
    ['Kategorie osobních údajů', 'dataCategories', (a) => a!.dataCategories.map((c) => c.label)],
    ['Příjemci', 'recipients', (a) => a!.recipients.map((r) => r.name)],
    ['Kategorie subjektů údajů', 'dataSubjects', (a) => a!.dataSubjects.map((s) => s.label)],
  ];
  for (const [header, field, values] of lists) {
    it(`under "${header}" (${field}): one more item of the activity above, never a section label`, async () => {
      const columns = ['Agenda', 'Účel zpracování', header, 'Lhůta pro výmaz'];
      const p = await openCsv([
        columns,
        ['Evidence obyvatel', 'Vedení evidence', 'Položka A', '10 let'],
        ['', '', 'Položka B', ''],
        ['', '', 'Položka C', ''],
        ['Místní poplatky', 'Správa poplatků', 'Položka D', '5 let'],
        ['', '', 'Položka E', ''],
      ]);
      const acts = activities(p);
      expect(acts.map((a) => a.name)).toEqual(['Evidence obyvatel', 'Místní poplatky']);
      expect(acts.map((a) => values(a))).toEqual([
        ['Položka A', 'Položka B', 'Položka C'],
        ['Položka D', 'Položka E'],
      ]);
      expect(acts.map((a) => a.department)).toEqual(['', '']);
    });
  }
});

describe('a safeguard said to be missing is no safeguard', () => {
  const missing = ['SCC FEHLT', 'SCC fehlen', 'SCC missing', 'no SCC', 'CCT à signer', 'CCT manquantes', 'sin CCT', 'EU-Standardvertragsklauseln (noch nicht unterzeichnet)'];
  for (const said of missing) {
    it(`"Sundara Tech (India) — ${said}": the transfer to India, without a safeguard, said; the name stays the vendor's`, async () => {
      const p = await openCsv([
        ['Activity', 'Purpose', 'Recipients'],
        ['Development', 'Building the product', `Sundara Tech (India) — ${said}`],
        ['Support', 'Helping users', 'Helply Inc. (USA) — SCC'],
      ]);
      const [dev, support] = activities(p);
      expect(dev.recipients.map((r) => r.name)).toEqual(['Sundara Tech']);
      expect(dev.transfers.map((t) => [t.country, t.safeguard])).toEqual([['IN', null]]);
      expect(p.rows[0].warnings.map((w) => w.code)).toContain('transfer_without_safeguard');
      expect(support.transfers.map((t) => [t.country, t.safeguard])).toEqual([['US', 'scc']]);
    });
  }
});
