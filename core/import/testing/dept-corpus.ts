/**
 * A generated corpus of department files (never checked in): French and English, headers written as
 * labels, questions, plain phrases, combined ("Finalité / base légale") or cryptic ("Colonne G", read
 * from the cells), tables below title blocks and starting in any column, two-level headers,
 * processor registers, CSVs without a name column, sheets chosen by content, Excel-written (exceljs)
 * and LibreOffice-written files (soffice converts a share of them to XLSX and ODS). Each file comes
 * with the field every column should map to, so the tests measure mapping accuracy per file.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

export interface CorpusFile {
  file: string;
  /** Sheet holding the table. */
  sheet: string | null;
  /** Header text → expected field (null: should stay unmapped; an array: any of these). */
  expected: { header: string; field: string | string[] | null }[];
  /** What the file is, for the report. */
  shape: string;
  rows: number;
  /** The rows need the drafts option (a required field has no column). */
  needsDrafts?: boolean;
}

type Lang = 'fr' | 'en';
type Style = 'label' | 'question' | 'phrase';

/** Header phrasings per field, language and style (each a way departments really write them). */
const HEADERS: Record<string, Record<Lang, Partial<Record<Style, string[]>>>> = {
  name: {
    fr: {
      label: ['Nom du traitement', 'Intitulé du traitement', 'Traitement'],
      question: ['Nom du traitement'],
      phrase: ['Libellé de l’activité', 'Nom de l’activité', 'Activité'],
    },
    en: { label: ['Processing activity', 'Activity name'], question: ['Name of the activity'], phrase: ['Process name', 'Title of processing', 'Activity'] },
  },
  purpose: {
    fr: {
      label: ['Finalité', 'Finalité(s)'],
      question: ['Pourquoi ?', 'À quoi sert le traitement ?', 'Dans quel but ?'],
      phrase: ['Objectif du traitement', 'Finalités poursuivies', 'Objectif poursuivi'],
    },
    en: {
      label: ['Purpose', 'Purpose of processing'],
      question: ['Why do we process it?', 'What is it for?', 'Why?'],
      phrase: ['Aim of the processing', 'Goal pursued', 'Business purpose'],
    },
  },
  legalBases: {
    fr: { label: ['Base légale'], question: ['Sur quelle base juridique ?', 'Quelle base légale ?'], phrase: ['Fondement juridique', 'Licéité du traitement'] },
    en: {
      label: ['Lawful basis', 'Legal basis'],
      question: ['Under what legal basis?', 'What is the lawful basis?'],
      phrase: ['Lawfulness of processing', 'Legal ground relied on'],
    },
  },
  dataSubjects: {
    fr: {
      label: ['Personnes concernées'],
      question: ['Qui est concerné ?', 'Sur qui portent les données ?'],
      phrase: ['Catégories de personnes', 'Population visée', 'Personnes dont les données sont traitées'],
    },
    en: { label: ['Data subjects'], question: ['Who is the data about?', 'Whose data is it?'], phrase: ['Individuals concerned', 'Categories of individuals', 'People concerned'] },
  },
  dataCategories: {
    fr: {
      label: ['Catégories de données'],
      question: ['Quelles données ?', 'Quelles données collecte-t-on ?'],
      phrase: ['Données collectées', 'Types de données traitées', 'Informations recueillies'],
    },
    en: {
      label: ['Data categories'],
      question: ['What personal data do we collect?', 'Which data?'],
      phrase: ['Personal data processed', 'Types of data', 'Information collected'],
    },
  },
  recipients: {
    fr: {
      label: ['Destinataires'],
      question: ['Qui a accès ?', 'Qui a accès aux données ?', 'À qui sont-elles transmises ?'],
      phrase: ['Destinataires des données', 'Données transmises à', 'Accès aux données'],
    },
    en: {
      label: ['Recipients'],
      question: ['Who has access?', 'Who has access to the data?', 'Who do we share it with?'],
      phrase: ['Shared with', 'Data disclosed to', 'Recipients of the data'],
    },
  },
  transferCountries: {
    fr: {
      label: ['Transferts hors UE'],
      question: ['Des données partent-elles hors UE ?', 'Vers quels pays ?'],
      phrase: ['Pays hors UE', 'Pays de destination', 'Transfert vers un pays tiers'],
    },
    en: {
      label: ['Transfers outside the EU'],
      question: ['Which countries is data sent to?', 'Is data sent outside the EU?'],
      phrase: ['Third countries', 'Country of transfer', 'International transfers'],
    },
  },
  retention: {
    fr: {
      label: ['Durée de conservation'],
      question: ['Combien de temps on garde ?', 'Combien de temps sont-elles conservées ?'],
      phrase: ['Délai de conservation', 'Conservation des données', 'Durée de conservation des données'],
    },
    en: { label: ['Retention period'], question: ['How long do we keep it?', 'How long is it kept?'], phrase: ['Kept for', 'Storage duration', 'Retention schedule'] },
  },
  securityMeasures: {
    fr: { label: ['Mesures de sécurité'], question: ['Comment les données sont-elles protégées ?'], phrase: ['Sécurité', 'Mesures de protection', 'Sécurité des données'] },
    en: { label: ['Security measures'], question: ['How is it protected?'], phrase: ['Security controls', 'Technical and organisational measures', 'Security'] },
  },
  department: {
    fr: { label: ['Service'], question: ['Quel service ?'], phrase: ['Direction', 'Service responsable', 'Pôle'] },
    en: { label: ['Department'], question: ['Which department?'], phrase: ['Business unit', 'Team', 'Owning department'] },
  },
  owner: {
    fr: { label: ['Responsable opérationnel'], question: ['Qui est le référent ?'], phrase: ['Référent', 'Contact (e-mail)', 'Pilote'] },
    en: { label: ['Owner'], question: ['Who owns it?'], phrase: ['Process owner', 'Contact e-mail', 'Business owner'] },
  },
  systems: {
    fr: { label: ['Logiciels'], question: ['Quel logiciel ?'], phrase: ['Outils utilisés', 'Application métier', 'Logiciel utilisé'] },
    en: { label: ['Systems'], question: ['Which software?'], phrase: ['Software used', 'IT system', 'Application'] },
  },
  ref: {
    fr: { label: ['Réf.'], question: ['N°'], phrase: ['Identifiant', 'Numéro de fiche'] },
    en: { label: ['Ref'], question: ['ID'], phrase: ['Record number', 'Reference'] },
  },
  dataSources: {
    fr: { label: ['Source des données'], question: ['D’où viennent les données ?'], phrase: ['Origine des données', 'Provenance'] },
    en: { label: ['Data source'], question: ['Where does the data come from?'], phrase: ['Source of the data', 'Origin of data'] },
  },
  description: {
    fr: { label: ['Description'], question: ['Description'], phrase: ['Commentaires', 'Remarques'] },
    en: { label: ['Description'], question: ['Description'], phrase: ['Notes', 'Comments'] },
  },
  hasSpecialData: {
    fr: { label: ['Données sensibles ?'], question: ['Données sensibles ?'], phrase: ['Données sensibles (oui/non)'] },
    en: { label: ['Special category data?'], question: ['Sensitive data?'], phrase: ['Sensitive data (yes/no)'] },
  },
};

const VALUES: Record<string, Record<Lang, string[]>> = {
  name: {
    fr: [
      'Gestion de la paie',
      'Recrutement',
      'Formation des agents',
      'Gestion des badges',
      'Inscriptions scolaires',
      'Fichier clients',
      'Newsletter',
      'Gestion des congés',
      'Vidéoprotection',
      'Support informatique',
    ],
    en: ['Payroll', 'Recruitment', 'Staff training', 'Access badges', 'School enrolment', 'Customer file', 'Newsletter', 'Leave management', 'CCTV', 'IT helpdesk'],
  },
  purpose: {
    fr: [
      'Calculer et verser les salaires',
      'Sélectionner les candidats',
      'Suivre les formations suivies',
      'Contrôler l’accès aux locaux',
      'Inscrire les élèves à la cantine',
      'Gérer la relation client',
      'Informer les abonnés des nouveautés',
      'Gérer les absences des agents',
      'Assurer la sécurité des biens et des personnes',
      'Traiter les demandes d’assistance',
    ],
    en: [
      'Pay staff salaries',
      'Select job applicants',
      'Track training attended',
      'Control access to the premises',
      'Enrol pupils in school meals',
      'Manage customer relations',
      'Inform subscribers of news',
      'Manage staff absences',
      'Protect people and property',
      'Handle support requests',
    ],
  },
  legalBases: {
    fr: ['Obligation légale', 'Contrat', 'Consentement', 'Intérêt légitime', 'Mission d’intérêt public', 'Art. 6(1)(c)'],
    en: ['Legal obligation', 'Contract', 'Consent', 'Legitimate interests', 'Public task', 'Art. 6(1)(b)'],
  },
  dataSubjects: {
    fr: ['Salariés', 'Candidats', 'Clients', 'Élèves; Parents', 'Usagers', 'Visiteurs'],
    en: ['Employees', 'Applicants', 'Customers', 'Pupils; Parents', 'Citizens', 'Visitors'],
  },
  dataCategories: {
    fr: [
      'Identité; coordonnées',
      'État civil, identité, données d’identification, images',
      'Vie professionnelle',
      'Données bancaires',
      'Données de connexion',
      'Identité\nAdresse',
    ],
    en: ['Identity; contact details', 'Name, address, phone', 'Professional life', 'Bank details', 'Connection data', 'Identity\nAddress'],
  },
  recipients: {
    fr: ['Service RH', 'Trésor public; URSSAF', 'Direction générale', 'Prestataire de paie', 'Service informatique'],
    en: ['HR department', 'Tax office; Pension fund', 'Management', 'Payroll provider', 'IT department'],
  },
  transferCountries: { fr: ['États-Unis', 'Non', 'Inde', 'Royaume-Uni', 'Aucun', 'Suisse'], en: ['United States', 'No', 'India', 'United Kingdom', 'None', 'Canada'] },
  retention: {
    fr: ['5 ans', '2 ans après le dernier contact', 'Durée du contrat + 5 ans', 'deux ans', '3 ans à compter du départ', 'un an', '6 mois'],
    en: ['5 years', '2 years after last contact', 'three years', '10 years after contract end', 'one year', '6 months', '2 years'],
  },
  securityMeasures: {
    fr: ['Contrôle d’accès', 'Chiffrement; Sauvegarde', 'Mot de passe', 'Journalisation'],
    en: ['Access control', 'Encryption; Backups', 'Passwords', 'Logging'],
  },
  department: { fr: ['RH', 'Finances', 'Scolaire', 'Communication', 'DSI'], en: ['HR', 'Finance', 'Schools', 'Communications', 'IT'] },
  owner: { fr: ['marie.dupont@mairie.fr', 'j.martin@mairie.fr', 'paul.leroy@mairie.fr'], en: ['jane.doe@example.org', 'j.smith@example.org', 'a.khan@example.org'] },
  systems: { fr: ['Excel', 'Logiciel paie', 'Intranet', 'GRH interne'], en: ['Excel', 'Payroll software', 'Intranet', 'In-house HR tool'] },
  ref: { fr: ['T-01', 'T-02', 'T-03', 'T-04', 'T-05', 'T-06', 'T-07', 'T-08', 'T-09', 'T-10'], en: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'] },
  dataSources: { fr: ['La personne elle-même', 'Formulaire en ligne', 'Pôle emploi'], en: ['The individual', 'Online form', 'Job board'] },
  description: { fr: ['Traitement historique', 'Revu en 2024', 'À compléter par le service'], en: ['Legacy process', 'Reviewed in 2024', 'To be completed by the team'] },
  hasSpecialData: { fr: ['Non', 'Oui', 'Non'], en: ['No', 'Yes', 'No'] },
};

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: T[]): T => list[Math.floor(r() * list.length)];

interface Column {
  header: string;
  field: string | string[] | null;
  value: (i: number) => string;
}

function column(r: () => number, field: string, lang: Lang, style: Style): Column {
  const byStyle = HEADERS[field][lang];
  const header = pick(r, byStyle[style] ?? byStyle.label!);
  const values = VALUES[field][lang];
  return { header, field, value: (i) => values[(i + Math.floor(r() * 3)) % values.length] };
}

/** The table of one department file. */
function table(seed: number, lang: Lang, style: Style, fields: string[], extras: Column[] = []): Column[] {
  const r = rng(seed);
  const cols = fields.map((f) => column(r, f, lang, style));
  for (const e of extras) cols.splice(Math.floor(r() * (cols.length + 1)), 0, e);
  return cols;
}

const BASE_FIELDS = ['name', 'purpose', 'legalBases', 'dataSubjects', 'dataCategories', 'recipients', 'transferCountries', 'retention', 'securityMeasures', 'department'];
const MORE_FIELDS = ['ref', 'owner', 'systems', 'dataSources', 'description', 'hasSpecialData'];

async function writeTable(file: string, sheets: { name: string; cols: Column[]; rows: number; top?: number; left?: number; title?: string; groups?: boolean }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const top = s.top ?? 1;
    const left = s.left ?? 1;
    if (s.title) {
      ws.getCell(1, left).value = s.title;
      ws.getCell(2, left).value = 'Document interne — version 3';
    }
    if (s.groups) {
      // A row of group labels, merged over the columns below (a two-level header).
      const half = Math.ceil(s.cols.length / 2);
      ws.getCell(top - 1, left).value = 'Identification';
      ws.mergeCells(top - 1, left, top - 1, left + half - 1);
      ws.getCell(top - 1, left + half).value = 'Données et conservation';
      ws.mergeCells(top - 1, left + half, top - 1, left + s.cols.length - 1);
    }
    s.cols.forEach((c, j) => (ws.getCell(top, left + j).value = c.header));
    for (let i = 0; i < s.rows; i++) s.cols.forEach((c, j) => (ws.getCell(top + 1 + i, left + j).value = c.value(i)));
  }
  await wb.xlsx.writeFile(file);
}

function csvText(cols: Column[], rows: number, sep: string): string {
  const q = (v: string) => (/[";,\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [cols.map((c) => q(c.header)).join(sep)];
  for (let i = 0; i < rows; i++) lines.push(cols.map((c) => q(c.value(i))).join(sep));
  return `${lines.join('\r\n')}\r\n`;
}

const expectedOf = (cols: Column[]) => cols.map((c) => ({ header: c.header, field: c.field }));

/** A cryptic header whose cells say what the column is. */
function cryptic(header: string, field: string, values: string[]): Column {
  return { header, field, value: (i) => values[i % values.length] };
}

/** Builds the corpus into `dir` (Excel-written and CSV files), returns its description. */
export async function buildDepartmentCorpus(dir: string): Promise<CorpusFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: CorpusFile[] = [];
  const styles: Style[] = ['label', 'question', 'phrase'];
  let n = 0;
  // 1–18: plain tables, both languages, each header style, with or without a title block, starting in any column.
  for (const lang of ['fr', 'en'] as Lang[]) {
    for (const style of styles) {
      for (const variant of [0, 1, 2]) {
        n++;
        const seed = n * 7919;
        const r = rng(seed);
        const fields = [...BASE_FIELDS.filter(() => r() > 0.15), ...MORE_FIELDS.filter(() => r() > 0.6)];
        if (!fields.includes('name')) fields.unshift('name');
        if (!fields.includes('purpose')) fields.splice(1, 0, 'purpose');
        const cols = table(seed, lang, style, fields);
        const file = path.join(dir, `d${String(n).padStart(2, '0')}-${lang}-${style}-${variant}.xlsx`);
        const sheet = lang === 'fr' ? 'Registre' : 'Register';
        const layout =
          variant === 0
            ? {}
            : variant === 1
              ? { top: 5, left: 2, title: lang === 'fr' ? 'Registre des traitements du service' : 'Record of processing activities' }
              : { top: 4, left: 3, groups: true };
        await writeTable(file, [{ name: sheet, cols, rows: 6, ...layout }]);
        out.push({
          file,
          sheet,
          expected: expectedOf(cols),
          shape: `table ${lang} ${style}${variant === 1 ? ' below a title, from column B' : variant === 2 ? ' two-level header from column C' : ''}`,
          rows: 6,
        });
      }
    }
  }
  // 19–24: processor registers (Art. 30(2)): client controller, service, processing on behalf, sub-processors, hosting place.
  for (const [i, lang] of (['fr', 'en', 'fr', 'en', 'fr', 'en'] as Lang[]).entries()) {
    n++;
    const fr = lang === 'fr';
    const cols: Column[] = [
      {
        header: fr
          ? pick(rng(n), ['Client (responsable de traitement)', 'Responsable de traitement client', 'Donneur d’ordre'])
          : pick(rng(n), ['Client controller', 'Controller (client)', 'Name of the controller']),
        field: 'clients',
        value: (k) => ['Mairie de Lyon', 'Clinique du Parc', 'Lycée Jean Moulin', 'ACME SAS'][k % 4],
      },
      {
        header: fr ? 'Service' : 'Service',
        field: ['department', 'clientProcessing'],
        value: (k) => (fr ? ['Hébergement', 'Paie externalisée', 'Support'] : ['Hosting', 'Outsourced payroll', 'Support'])[k % 3],
      },
      {
        header: fr
          ? pick(rng(n + 1), [
              'Traitements effectués pour le compte du client',
              'Catégories de traitements effectués pour le compte du client',
              'Traitement réalisé pour le compte du client',
            ])
          : pick(rng(n + 1), [
              'Processing carried out on behalf of the client',
              'Processing done on behalf of the client',
              'Categories of processing carried out on behalf of each controller',
            ]),
        field: 'clientProcessing',
        value: (k) =>
          (fr ? ['Hébergement des dossiers patients', 'Calcul de la paie', 'Assistance aux utilisateurs'] : ['Hosting of patient files', 'Payroll calculation', 'User support'])[
            k % 3
          ],
      },
      {
        header: fr ? pick(rng(n + 2), ['Sous-traitants ultérieurs', 'Sous-traitants']) : pick(rng(n + 2), ['Sub-processors', 'Subprocessors']),
        field: 'processors',
        value: (k) => ['OVHcloud SAS', 'Microsoft Ireland Ltd', 'Scaleway SAS'][k % 3],
      },
      {
        header: fr ? 'Lieu d’hébergement' : 'Hosting location',
        field: 'transferCountries',
        value: (k) => (fr ? ['France', 'Irlande', 'États-Unis'] : ['France', 'Ireland', 'United States'])[k % 3],
      },
      {
        header: fr ? 'Mesures de sécurité' : 'Security measures',
        field: 'securityMeasures',
        value: (k) => (fr ? ['Chiffrement', 'Contrôle d’accès'] : ['Encryption', 'Access control'])[k % 2],
      },
    ];
    if (i >= 2) cols.push({ header: fr ? 'Transferts hors UE' : 'Transfers outside the EU', field: 'transferCountries', value: (k) => ['Non', 'USA', 'Inde'][k % 3] });
    const file = path.join(dir, `d${n}-processor-${lang}.xlsx`);
    await writeTable(file, [
      {
        name: fr ? 'Registre sous-traitant' : 'Processor register',
        cols,
        rows: 5,
        top: i % 2 ? 3 : 1,
        title: i % 2 ? (fr ? 'Registre des activités de sous-traitance' : 'Processor record') : undefined,
      },
    ]);
    out.push({ file, sheet: fr ? 'Registre sous-traitant' : 'Processor register', expected: expectedOf(cols), shape: `processor register ${lang}`, rows: 5 });
  }
  // 25–30: CSVs without a name column (the name comes from the purpose), ";" or ",".
  for (const [i, lang] of (['fr', 'en', 'fr', 'en', 'fr', 'en'] as Lang[]).entries()) {
    n++;
    const cols = table(n * 104729, lang, styles[i % 3], ['purpose', 'legalBases', 'dataSubjects', 'dataCategories', 'retention', 'recipients', 'department']);
    const file = path.join(dir, `d${n}-noname-${lang}.csv`);
    fs.writeFileSync(file, csvText(cols, 5, i % 2 ? ',' : ';'));
    out.push({ file, sheet: null, expected: expectedOf(cols), shape: `CSV without a name column ${lang}`, rows: 5 });
  }
  // 31–36: cryptic headers, read from the cells (countries, legal bases, durations, e-mails, vendors).
  for (const [i, lang] of (['fr', 'en', 'fr', 'en', 'fr', 'en'] as Lang[]).entries()) {
    n++;
    const fr = lang === 'fr';
    const extras = [
      cryptic(fr ? 'Colonne G' : 'Column G', 'transferCountries', fr ? ['États-Unis', 'Inde', 'Royaume-Uni', 'Non'] : ['United States', 'India', 'Japan', 'No']),
      cryptic(fr ? 'Info 2' : 'Field 7', 'legalBases', fr ? ['Obligation légale', 'Consentement', 'Contrat'] : ['Legal obligation', 'Consent', 'Contract']),
      cryptic(fr ? 'Champ 9' : 'Misc', 'retention', fr ? ['5 ans', 'deux ans', '6 mois'] : ['5 years', 'three years', '6 months']),
    ];
    if (i % 2) extras.push(cryptic(fr ? 'Prestataires / outils' : 'Tools / vendors', 'processors', ['Salesforce Inc', 'Mailchimp', 'OVHcloud SAS']));
    const cols = table(n * 15485863, lang, styles[i % 3], ['name', 'purpose', 'dataSubjects', 'dataCategories', 'department'], extras);
    const file = path.join(dir, `d${n}-cryptic-${lang}.xlsx`);
    await writeTable(file, [{ name: fr ? 'Feuil1' : 'Sheet1', cols, rows: 6 }]);
    out.push({ file, sheet: fr ? 'Feuil1' : 'Sheet1', expected: expectedOf(cols), shape: `cryptic headers read from the cells ${lang}`, rows: 6 });
  }
  // 37–40: combined headers, sheets chosen by content (a notes-like sheet first, the data on an oddly named sheet).
  for (const [i, lang] of (['fr', 'en', 'fr', 'en'] as Lang[]).entries()) {
    n++;
    const fr = lang === 'fr';
    const combined: Column[] = [
      { header: fr ? 'Finalité / base légale' : 'Purpose and legal basis', field: 'purpose', value: (k) => VALUES.purpose[lang][k % 10] },
      {
        header: fr ? 'Données et personnes concernées' : 'Data subjects / categories',
        field: fr ? 'dataCategories' : 'dataSubjects',
        value: (k) => VALUES.dataSubjects[lang][k % 6],
      },
    ];
    const cols = table(n * 32452843, lang, styles[i % 3], ['name', 'recipients', 'retention', 'transferCountries'], combined);
    const file = path.join(dir, `d${n}-combined-${lang}.xlsx`);
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet(fr ? 'Synthèse' : 'Overview');
    first.getCell('A1').value = fr ? 'Ce classeur recense les traitements du service.' : 'This workbook lists the team’s processing.';
    first.getCell('A2').value = fr ? 'Mise à jour : mars 2025' : 'Updated: March 2025';
    const ws = wb.addWorksheet(fr ? 'Export 2025' : 'Data 2025');
    cols.forEach((c, j) => (ws.getCell(1, j + 1).value = c.header));
    for (let k = 0; k < 5; k++) cols.forEach((c, j) => (ws.getCell(2 + k, j + 1).value = c.value(k)));
    await wb.xlsx.writeFile(file);
    out.push({ file, sheet: ws.name, expected: expectedOf(cols), shape: `combined headers, sheet chosen by content ${lang}`, rows: 5 });
  }
  // 41–42: a GRC tool's export: header from column B, a description but no purpose (imported as drafts).
  for (const lang of ['en', 'fr'] as Lang[]) {
    n++;
    const fr = lang === 'fr';
    const cols: Column[] = [
      { header: fr ? 'Identifiant' : 'Record ID', field: 'ref', value: (k) => `GRC-${k + 1}` },
      { header: fr ? 'Nom' : 'Name', field: 'name', value: (k) => VALUES.name[lang][k % 10] },
      { header: 'Description', field: 'description', value: (k) => VALUES.purpose[lang][k % 10] },
      { header: fr ? 'Propriétaire' : 'Owner', field: 'owner', value: (k) => VALUES.owner[lang][k % 3] },
      { header: fr ? 'Statut' : 'Status', field: 'status', value: (k) => (fr ? ['Actif', 'Brouillon'] : ['Active', 'Draft'])[k % 2] },
      { header: fr ? 'Base légale' : 'Lawful basis', field: 'legalBases', value: (k) => VALUES.legalBases[lang][k % 6] },
    ];
    const file = path.join(dir, `d${n}-grc-${lang}.xlsx`);
    await writeTable(file, [{ name: 'Processing Activities', cols, rows: 4, left: 2 }]);
    out.push({ file, sheet: 'Processing Activities', expected: expectedOf(cols), shape: `GRC export without a purpose ${lang}`, rows: 4, needsDrafts: true });
  }
  return out;
}

/**
 * Has LibreOffice convert files (to XLSX and ODS): the output is cached in a temporary folder keyed
 * by the inputs' content, so the tests pay the conversion once. Returns [] when soffice is missing.
 */
export function libreOfficeCopies(files: string[], format: 'xlsx' | 'ods'): string[] {
  const hash = crypto.createHash('sha256');
  for (const f of files) hash.update(fs.readFileSync(f));
  const dir = path.join(os.tmpdir(), `art30-lo-corpus-${format}-${hash.digest('hex').slice(0, 16)}`);
  const target = (f: string) => path.join(dir, `${path.basename(f, path.extname(f))}.${format}`);
  if (!files.every((f) => fs.existsSync(target(f)))) {
    const work = path.join(os.tmpdir(), `art30-lo-in-${process.pid}-${format}`);
    fs.mkdirSync(work, { recursive: true });
    const inputs = files.map((f) => {
      // A distinct name: LibreOffice refuses to convert xlsx → xlsx in place.
      const copy = path.join(work, `${path.basename(f, path.extname(f))}${path.extname(f)}`);
      fs.copyFileSync(f, copy);
      return copy;
    });
    fs.mkdirSync(dir, { recursive: true });
    const profile = path.join(os.tmpdir(), `art30-lo-profile-${process.pid}`);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'ods', '--outdir', dir, ...inputs],
      { stdio: 'ignore', timeout: 240_000 },
    );
  }
  return files.map(target).filter((f) => fs.existsSync(f));
}

export interface FicheFile {
  file: string;
  /** Per fiche sheet: the activity it should give. */
  activities: { sheet: string; name: string; purpose: string; legalBasis: string; duration: string; recipients: number }[];
}

/** Fiche workbooks (one activity per sheet, labels and values), French and English, in several layouts. */
export async function buildFicheCorpus(dir: string): Promise<FicheFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: FicheFile[] = [];
  const layouts = [
    {
      lang: 'fr' as Lang,
      col: 1,
      colon: true,
      labels: {
        name: 'Nom du traitement',
        purpose: 'Finalité',
        basis: 'Base légale',
        subjects: 'Personnes concernées',
        recipients: 'Destinataires',
        retention: 'Durée de conservation',
        dept: 'Service',
      },
    },
    {
      lang: 'en' as Lang,
      col: 2,
      colon: false,
      labels: {
        name: 'Name of the processing',
        purpose: 'Why do we process it?',
        basis: 'Lawful basis',
        subjects: 'Who is the data about?',
        recipients: 'Who has access?',
        retention: 'How long do we keep it?',
        dept: 'Department',
      },
    },
    {
      lang: 'fr' as Lang,
      col: 1,
      colon: false,
      labels: {
        name: 'Intitulé',
        purpose: 'Objectif poursuivi',
        basis: 'Fondement juridique',
        subjects: 'Qui est concerné ?',
        recipients: 'Qui a accès aux données ?',
        retention: 'Combien de temps on garde ?',
        dept: 'Direction',
      },
    },
    {
      lang: 'en' as Lang,
      col: 1,
      colon: true,
      labels: {
        name: 'Activity',
        purpose: 'Purpose',
        basis: 'Legal basis',
        subjects: 'Data subjects',
        recipients: 'Recipients',
        retention: 'Retention period',
        dept: 'Business unit',
      },
    },
  ];
  for (const [i, l] of layouts.entries()) {
    const wb = new ExcelJS.Workbook();
    const intro = wb.addWorksheet(l.lang === 'fr' ? 'Présentation' : 'About');
    intro.getCell('A1').value = l.lang === 'fr' ? 'Fiches de traitement du service' : 'Processing records of the team';
    const activities: FicheFile['activities'] = [];
    for (let k = 0; k < 3; k++) {
      const sheet = l.lang === 'fr' ? `Fiche ${k + 1}` : `Record ${k + 1}`;
      const ws = wb.addWorksheet(sheet);
      const name = VALUES.name[l.lang][(i * 3 + k) % 10];
      const purpose = VALUES.purpose[l.lang][(i * 3 + k) % 10];
      const basis = VALUES.legalBases[l.lang][k % 5];
      const retention = l.lang === 'fr' ? ['5 ans', 'deux ans à compter du départ', '6 mois'][k] : ['5 years', 'two years after leaving', '6 months'][k];
      const duration = ['P5Y', 'P2Y', 'P6M'][k];
      const lab = (s: string) => (l.colon ? `${s} :` : s);
      let r = 1;
      ws.getCell(r, l.col).value = l.lang === 'fr' ? 'FICHE DE TRAITEMENT' : 'PROCESSING RECORD';
      r += 2;
      const line = (label: string, value: string) => {
        ws.getCell(r, l.col).value = lab(label);
        ws.getCell(r, l.col + 1).value = value;
        r++;
      };
      line(l.labels.name, name);
      line(l.labels.dept, VALUES.department[l.lang][k]);
      line(l.labels.purpose, purpose);
      line(l.labels.basis, basis);
      line(l.labels.subjects, VALUES.dataSubjects[l.lang][k]);
      // Recipients as a list continued on the rows below the label.
      const recipients = l.lang === 'fr' ? ['Service RH', 'Trésor public', 'Prestataire de paie'] : ['HR department', 'Tax office', 'Payroll provider'];
      ws.getCell(r, l.col).value = lab(l.labels.recipients);
      recipients.forEach((x, j) => (ws.getCell(r + j, l.col + 1).value = x));
      r += recipients.length;
      line(l.labels.retention, retention);
      activities.push({ sheet, name, purpose, legalBasis: basis, duration, recipients: recipients.length });
    }
    const file = path.join(dir, `fiche-${i + 1}-${l.lang}.xlsx`);
    await wb.xlsx.writeFile(file);
    out.push({ file, activities });
  }
  return out;
}

export interface RelationalFile {
  file: string;
  activities: { name: string; purposes: number; categories: number; subjects: number; recipients: number; countries: string[] }[];
}

/** Relational workbooks (a GRC tool's export): an activity sheet plus one sheet per part, linked by ID or name. */
export async function buildRelationalCorpus(dir: string): Promise<RelationalFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: RelationalFile[] = [];
  const variants = [
    {
      lang: 'en' as Lang,
      by: 'id',
      count: 4,
      sheets: {
        main: 'Processing Activities',
        purposes: 'Purposes',
        data: 'Personal data',
        subjects: 'Data subjects',
        recipients: 'Recipients',
        contractors: 'Contractors',
        transfers: 'Transfers',
      },
      link: 'Activity ID',
    },
    {
      lang: 'fr' as Lang,
      by: 'name',
      count: 3,
      sheets: {
        main: 'Traitements',
        purposes: 'Finalités',
        data: 'Données personnelles',
        subjects: 'Personnes concernées',
        recipients: 'Destinataires',
        contractors: 'Sous-traitants',
        transfers: 'Transferts',
      },
      link: 'Traitement',
    },
    {
      lang: 'en' as Lang,
      by: 'one',
      count: 1,
      sheets: {
        main: 'Activity',
        purposes: 'Purposes',
        data: 'Personal data',
        subjects: 'Data subjects',
        recipients: 'Recipients',
        contractors: 'Contractors',
        transfers: 'Transfers',
      },
      link: '',
    },
  ];
  for (const [i, v] of variants.entries()) {
    const wb = new ExcelJS.Workbook();
    const fr = v.lang === 'fr';
    const main = wb.addWorksheet(v.sheets.main);
    main.addRow(fr ? ['Identifiant', 'Nom', 'Description', 'Responsable'] : ['ID', 'Name', 'Description', 'Owner']);
    const acts: RelationalFile['activities'] = [];
    const rows: Record<string, (string | number)[][]> = { purposes: [], data: [], subjects: [], recipients: [], contractors: [], transfers: [] };
    for (let k = 0; k < v.count; k++) {
      const id = `PA-${100 + k}`;
      const name = VALUES.name[v.lang][k];
      main.addRow([id, name, VALUES.description[v.lang][k % 3], VALUES.owner[v.lang][k % 3]]);
      const link = v.by === 'id' ? id : name;
      const key = (vals: string[]) => (v.by === 'one' ? vals : [link, ...vals]);
      rows.purposes.push(key([VALUES.purpose[v.lang][k]]));
      const cats = fr ? ['Identité', 'Coordonnées', 'Données bancaires'].slice(0, 1 + (k % 3)) : ['Identity', 'Contact details', 'Bank details'].slice(0, 1 + (k % 3));
      for (const c of cats) rows.data.push(key([c]));
      rows.subjects.push(key([VALUES.dataSubjects[v.lang][k % 6].split(';')[0]]));
      rows.recipients.push(key([VALUES.recipients[v.lang][k % 5].split(';')[0]]));
      rows.contractors.push(key([['OVHcloud SAS', 'Salesforce Inc', 'Workday Ltd'][k % 3]]));
      const countries = k % 2 ? ['US'] : [];
      if (k % 2) rows.transfers.push(key([fr ? 'États-Unis' : 'United States', fr ? 'Clauses contractuelles types' : 'Standard contractual clauses']));
      acts.push({ name, purposes: 1, categories: cats.length, subjects: 1, recipients: 2, countries });
    }
    const header = (h: string[]) => (v.by === 'one' ? h : [v.link, ...h]);
    const add = (name: string, h: string[], data: (string | number)[][]) => {
      const ws = wb.addWorksheet(name);
      ws.addRow(header(h));
      for (const r of data) ws.addRow(r);
    };
    add(v.sheets.purposes, [fr ? 'Finalité' : 'Purpose'], rows.purposes);
    add(v.sheets.data, [fr ? 'Catégorie' : 'Category'], rows.data);
    add(v.sheets.subjects, [fr ? 'Catégorie' : 'Category'], rows.subjects);
    add(v.sheets.recipients, [fr ? 'Nom' : 'Name'], rows.recipients);
    add(v.sheets.contractors, [fr ? 'Nom' : 'Name'], rows.contractors);
    add(v.sheets.transfers, [fr ? 'Pays' : 'Country', fr ? 'Garanties' : 'Safeguard'], rows.transfers);
    const file = path.join(dir, `relational-${i + 1}-${v.lang}-${v.by}.xlsx`);
    await wb.xlsx.writeFile(file);
    out.push({ file, activities: acts });
  }
  return out;
}
