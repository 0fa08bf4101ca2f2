/**
 * Test fixtures built in the tests (never checked in): the messy department files DPOs receive —
 * French and English headers, title blocks, group labels, several sheets, hidden rows and columns,
 * formulas, Windows-1252 CSV with ";", multi-line quoted cells, and every value form of the issue
 * (legal bases, countries, yes/no, Excel dates, retention wording, multi-values, empty-equivalents) —
 * plus the CNIL template filled in (ODS, and the same layout as XLSX).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { readOds } from '../read/read-ods.js';
import { ZipReader } from '../read/zip.js';

/** The CNIL's template, copied from shared/fixtures (see fixtures/SOURCE.md). */
export const CNIL_ODS = path.resolve(import.meta.dirname, 'fixtures/registre-traitement-simplifie.ods');

/** Rows of the French HR file: [name, ref, purpose, legal basis, subjects, categories, recipients, countries, safeguard, retention, security, department, created, sensitive, comment]. */
export const RH_ROWS: (string | number | Date | { formula: string; result: string })[][] = [
  [
    'Gestion de la paie',
    'RH-01',
    'Calcul et versement des salaires',
    'Obligation légale',
    'Salariés',
    'État civil, identité, données d’identification, images;\nInformations d’ordre économique et financier (revenus, situation financière, situation fiscale, etc.)',
    'PaieFacile SAS; URSSAF',
    '-',
    '',
    '5 ans à compter du versement de la paie',
    'Contrôle d’accès des utilisateurs\nSauvegarde des données',
    'RH',
    new Date(Date.UTC(2021, 2, 15)),
    'Non',
    'revu en 2023',
  ],
  [
    'Recrutement',
    'RH-02',
    'Sélection des candidats',
    'consentement, intérêt légitime',
    'Candidats',
    'CV / Diplômes',
    'TalentBridge Ltd',
    'Royaume-Uni',
    '',
    '2 ans après le dernier contact',
    'Chiffrement',
    'RH',
    '03/04/2022',
    'non',
    '',
  ],
  [
    'Médecine du travail',
    'RH-03',
    'Suivi de l’aptitude médicale',
    'Art. 6(1)(c)',
    'Salariés',
    'Identité',
    'Santé Travail Rhône',
    'néant',
    '',
    "jusqu'à la suppression du compte",
    'Mesures de traçabilité',
    'RH',
    44562,
    'Oui',
    '',
  ],
  [
    'Annuaire interne',
    'RH-04',
    'Permettre aux salariés de se joindre',
    'Art. 6(1)(f)',
    'Salariés / Prestataires',
    'Identité',
    'Service interne qui traite les données',
    'N/A',
    '',
    '1 mois',
    '• Contrôle d’accès des utilisateurs\n• Sauvegarde des données',
    'RH',
    '2022-09-01',
    'X',
    '',
  ],
  [
    'Outil de sondage',
    'RH-05',
    'Enquêtes de satisfaction des salariés',
    'contrat',
    'Salariés',
    'Vie professionnelle (CV, scolarité, formation professionnelle, distinctions, diplômes, etc.)',
    'SurveyNow Inc',
    'USA',
    'Clauses contractuelles types (CCT)',
    '10 years after contract end',
    'Chiffrement',
    'RH',
    '',
    'FALSE',
    '',
  ],
  [
    'Support informatique',
    'RH-06',
    'Assistance aux utilisateurs',
    'intérêt légitime',
    'Salariés',
    'Données de connexion (adresse IP, logs, identifiants des terminaux, horodatage, etc.)',
    'HelpDesk India Pvt',
    'Inde',
    '',
    '6 mois',
    'aucun',
    'DSI',
    '',
    'TRUE',
    '',
  ],
  [
    'Formation',
    'RH-07',
    'Suivi des formations',
    'obligation légale',
    'Salariés',
    'Vie professionnelle (CV, scolarité, formation professionnelle, distinctions, diplômes, etc.)',
    'sans objet',
    'Irlande',
    '',
    '3 ans',
    'Contrôle d’accès des utilisateurs',
    'RH',
    '',
    'Non',
    '',
  ],
  [
    'Vidéosurveillance',
    'RH-08',
    '',
    'intérêt légitime',
    'Salariés; Visiteurs',
    'Images',
    'SecureVideo SARL',
    '',
    '',
    '1 mois',
    'Contrôle d’accès des utilisateurs',
    'Services généraux',
    '',
    'Non',
    'purpose missing on purpose',
  ],
  [
    'Gestion de la paie',
    'RH-01',
    'Calcul et versement des salaires',
    'Obligation légale',
    'Salariés',
    'Identité',
    'URSSAF',
    '',
    '',
    '5 ans',
    '',
    'RH',
    '',
    'Non',
    'duplicate of row 6',
  ],
  [
    'Badges',
    'RH-09',
    { formula: 'CONCATENATE("Contrôle"," des accès")', result: 'Contrôle des accès' },
    'Obligation légale',
    'Salariés',
    'Identité',
    '',
    'États-Unis',
    '',
    'durée du contrat',
    'Contrôle d’accès des utilisateurs',
    'Services généraux',
    '',
    'Non',
    '',
  ],
];

export const RH_HEADERS = [
  'Nom du\ntraitement',
  'N° / RÉF',
  'Finalité(s)',
  'Base légale',
  'Personnes concernées',
  'Catégories de données',
  'Destinataires',
  'Transfert hors UE',
  'Garanties',
  'Durée de conservation',
  'Mesures de sécurité',
  'Service',
  'Date de création',
  'Données sensibles ?',
  'Commentaire interne DPO',
];

/** The French HR workbook: instructions sheet first, title block, group labels, hidden column and row, a formula, a hidden lists sheet. */
export async function writeRhWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const instr = wb.addWorksheet('Instructions');
  instr.getCell('A1').value = 'Remplissez une ligne par traitement. Nom du traitement, Finalité, Base légale…';
  instr.getCell('A2').value = 'Nom du traitement';
  instr.getCell('B2').value = 'Finalité';
  const ws = wb.addWorksheet('Registre RH');
  ws.getCell('A1').value = 'Registre des traitements — Direction des ressources humaines';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = 'Version du 12/03/2024 — document interne';
  // row 3 blank; row 4 group labels (merged)
  ws.getCell('A4').value = 'Identification';
  ws.mergeCells('A4:C4');
  ws.getCell('D4').value = 'Licéité et données';
  ws.mergeCells('D4:F4');
  ws.getCell('G4').value = 'Destinataires et transferts';
  ws.mergeCells('G4:I4');
  RH_HEADERS.forEach((h, i) => (ws.getCell(5, i + 1).value = h));
  RH_ROWS.forEach((row, r) => {
    // a blank row in the middle of the data
    const excelRow = r < 4 ? 6 + r : 7 + r;
    row.forEach((v, c) => {
      const cell = ws.getCell(excelRow, c + 1);
      if (v instanceof Date) {
        cell.value = v;
        cell.numFmt = 'dd/mm/yyyy';
      } else if (typeof v === 'number') cell.value = v;
      else if (typeof v === 'object') cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
      else cell.value = v;
    });
  });
  ws.getColumn(15).hidden = true; // the DPO's comment column
  ws.getRow(9).hidden = true; // "Annuaire interne" is a hidden row
  const lists = wb.addWorksheet('Listes', { state: 'hidden' });
  lists.getCell('A1').value = 'Consentement';
  wb.addWorksheet('Notes').getCell('A1').value = 'Relu par le DPO le 12/03/2024';
  await wb.xlsx.writeFile(file);
}

/** English workbook with two sheets of activities, columns in another order. */
export async function writeMarketingWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('Marketing');
  a.addRow([
    'Purpose of the processing',
    'Processing activity',
    'Lawful basis',
    'Categories of data subjects',
    'Personal data',
    'Recipients',
    'Third countries',
    'Safeguards',
    'Retention period',
    'Department',
    'Last reviewed',
  ]);
  a.addRow([
    'Send the newsletter',
    'Newsletter',
    'Consent',
    'Customers; Prospects',
    'Identity, email',
    'MailReach Technologies Pvt Ltd',
    'India',
    'SCC',
    '3 years from last contact',
    'Marketing',
    '12/01/2024',
  ]);
  a.addRow([
    'Measure the audience of the website',
    'Web analytics',
    'Legitimate interests',
    'Website or app users',
    'Internet (cookies, trackers, browsing data, audience measurement, etc.)',
    'Matomo',
    'Wakanda',
    '',
    '13 months',
    'Marketing',
    'yesterday',
  ]);
  a.addRow(['Run prize draws', 'Contests', 'Art. 6(1)(b)', 'Customers', 'Identity', '', 'US', 'Privacy Shield', 'forever-ish', 'Marketing', '']);
  const b = wb.addWorksheet('Sales');
  b.addRow(['Sales register — FY 2024']);
  b.addRow([]);
  b.addRow(['Activity name', 'Purpose', 'Legal basis', 'Data subjects', 'Data categories', 'Retention']);
  b.addRow(['CRM', 'Manage the customer relationship', 'Contract', 'Customers', 'Identity', '5 years after contract end']);
  b.addRow(['Quotes', 'Send quotes to prospects', 'pre-contractual steps', 'Prospects', 'Identity', '1 year']);
  await wb.xlsx.writeFile(file);
}

/** Windows-1252 CSV with ";" from French Excel: CRLF, quoted multi-line cells, accents. */
export function writeComptaCsv(file: string): void {
  const lines = [
    'Nom du traitement;Finalité;Base légale;Personnes concernées;Données;Durée de conservation;Destinataires;Pays',
    'Facturation clients;"Émettre les factures; relancer les impayés";Obligation légale;Clients;"Identité\r\nCoordonnées bancaires";10 ans;Expert-comptable Durand;',
    'Notes de frais;Rembourser les frais des salariés;obligation légale;Salariés;"Identité; RIB";"6 ans à compter de l\'exercice";;',
    '"Fournisseurs ""stratégiques""";Gérer les fournisseurs;Contrat;Fournisseurs;Identité;"5 ans après la fin du contrat";;Suisse',
  ];
  fs.writeFileSync(file, Buffer.from(new TextEncoder().encode('')));
  const text = lines.join('\r\n') + '\r\n';
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    const map: Record<number, number> = { 0x2019: 0x92, 0x20ac: 0x80, 0x2026: 0x85, 0x0153: 0x9c };
    bytes[i] = cp < 256 ? cp : (map[cp] ?? 0x3f);
  }
  fs.writeFileSync(file, bytes);
}

/** UTF-8 CSV with BOM and "," delimiter, English. */
export function writeUtf8Csv(file: string): void {
  const text =
    '\uFEFFProcessing activity,Purpose,Legal basis,Countries,Safeguard\n"Payroll, outsourced",Pay staff,Legal obligation,"USA, India",Standard contractual clauses\nTicketing,Handle support tickets,Contract,,\n';
  fs.writeFileSync(file, text, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// The CNIL template, filled in.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The CNIL ODS with sheet 2's identity blocks filled and a copy of the example fiche under another
 * name (so it is a real fiche, not the example), with a second transfer to India without safeguard.
 */
export function writeFilledCnilOds(file: string): void {
  const data = fs.readFileSync(CNIL_ODS);
  const zip = new ZipReader(data, 'cnil.ods');
  let content = zip.readText('content.xml')!;
  // Fill sheet 2's identity blocks: the cell after each "Nom :" / "Prénom :" / "Adresse mél :" label.
  const fill: [string, string[]][] = [
    ['Nom :', ['Lefèvre', 'Martin', 'Durand']],
    ['Prénom :', ['Anne', 'Paul', 'Claire']],
    ['Adresse mél :', ['anne.lefevre@mairie.example', 'p.martin@rep.example', 'dpo@cdg.example']],
    ['Ville :', ['Villefranche', 'Bruxelles', 'Lyon']],
  ];
  for (const [labelText, values] of fill) {
    let n = 0;
    content = content.replace(
      new RegExp(`(<text:p>${esc(labelText)}</text:p></table:table-cell>)(<table:table-cell[^>]*?)(/>|>\\s*</table:table-cell>)`, 'g'),
      (m, a: string, b: string) => {
        const v = values[n++];
        if (v === undefined) return m;
        return `${a}${b.replace(/ table:number-columns-repeated="\d+"/, '')} office:value-type="string"><text:p>${esc(v)}</text:p></table:table-cell>`;
      },
    );
  }
  content = content.replace(
    /(<text:p>Société \(si DPO externe\) :<\/text:p><\/table:table-cell>)(<table:table-cell[^>]*?)(\/>|>\s*<\/table:table-cell>)/,
    (_m, a: string, b: string) => `${a}${b.replace(/ table:number-columns-repeated="\d+"/, '')} office:value-type="string"><text:p>Centre de gestion</text:p></table:table-cell>`,
  );
  // A real fiche: the example under another name, with another transfer.
  const start = content.indexOf('<table:table table:name="4_-_Exemple_de_fiche"');
  const end = content.indexOf('</table:table>', start) + '</table:table>'.length;
  let fiche = content
    .slice(start, end)
    .replace('table:name="4_-_Exemple_de_fiche"', 'table:name="Fiche paie"')
    .replace(/1 - Exemple/g, 'PAIE-01');
  fiche = fiche.replace('<text:p>Organisme destinataire 1</text:p>', '<text:p>Organisme destinataire 1</text:p>');
  let fiche2 = content
    .slice(start, end)
    .replace('table:name="4_-_Exemple_de_fiche"', 'table:name="Fiche recrutement"')
    .replace(/1 - Exemple/g, 'RECR-01')
    .replace(/Gestion de la paie/g, 'Recrutement')
    .replace(/Banque d&apos;Andorre|Banque d'Andorre/g, 'HireFast Pvt Ltd')
    .replace('<text:p>Andorre</text:p>', '<text:p>Inde</text:p>')
    .replace('<text:p>Clauses contractuelles types (CCT)</text:p>', '<text:p>-</text:p>');
  fiche2 = fiche2.replace(/5 ans à compter du versement de la paie/g, '2 ans après le dernier contact');
  content = content.slice(0, end) + fiche + fiche2 + content.slice(end);
  const files: Zippable = { mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] };
  for (const name of zip.entries.keys()) {
    if (name === 'mimetype' || name.endsWith('/')) continue;
    files[name] = name === 'content.xml' ? strToU8(content) : new Uint8Array(zip.read(name)!);
  }
  fs.writeFileSync(file, zipSync(files));
}

/** The same layout saved as XLSX (what Excel gives when the DPO opens the CNIL file and saves it). */
export async function writeCnilAsXlsx(odsFile: string, xlsxFile: string): Promise<void> {
  const wbData = readOds(new ZipReader(fs.readFileSync(odsFile), 'cnil.ods'), 'cnil.ods');
  const wb = new ExcelJS.Workbook();
  for (const s of wbData.sheets) {
    const ws = wb.addWorksheet(s.name.replace(/_/g, ' ').slice(0, 31), { state: s.hidden ? 'hidden' : 'visible' });
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
    for (const m of s.merges) {
      try {
        ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
      } catch {
        // overlapping merges are ignored
      }
    }
  }
  await wb.xlsx.writeFile(xlsxFile);
}

/** A plain XLSX from rows (first row = headers). */
export async function writeXlsx(file: string, sheets: Record<string, (string | number)[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  await wb.xlsx.writeFile(file);
}

/** A large activity table, for the killed-import test and the benchmark. */
export function bigRows(n: number): (string | number)[][] {
  const bases = ['Consentement', 'Contrat', 'Obligation légale', 'Intérêt légitime', 'Art. 6(1)(e)'];
  const countries = ['', 'USA', 'Inde', 'Suisse', 'Royaume-Uni', ''];
  const rows: (string | number)[][] = [
    [
      'Nom du traitement',
      'Finalité',
      'Base légale',
      'Personnes concernées',
      'Catégories de données',
      'Destinataires',
      'Pays',
      'Garanties',
      'Durée de conservation',
      'Service',
      'Mesures de sécurité',
      'Date de création',
    ],
  ];
  for (let i = 0; i < n; i++) {
    const country = countries[i % countries.length];
    rows.push([
      `Traitement ${i + 1}`,
      `Finalité du traitement numéro ${i + 1} pour le service ${i % 20}`,
      bases[i % bases.length],
      i % 2 ? 'Salariés; Candidats' : 'Clients',
      i % 3 ? 'Identité; Données de connexion (adresse IP, logs, identifiants des terminaux, horodatage, etc.)' : 'Identité',
      `Prestataire ${i % 50}`,
      country,
      country ? 'Clauses contractuelles types (CCT)' : '',
      `${(i % 9) + 1} ans à compter de la fin du contrat`,
      `Service ${i % 20}`,
      'Contrôle d’accès des utilisateurs; Chiffrement des données',
      45000 + (i % 1000),
    ]);
  }
  return rows;
}
