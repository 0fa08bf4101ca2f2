/**
 * The blank department template the DPO sends out: one sheet of activities whose headers are the
 * register's fields (French or English), a dropdown for every controlled vocabulary (the lists live
 * on a hidden sheet, taken from the register so the DPO's wording is used), and an instructions
 * sheet. Dropdowns suggest but do not forbid typing: a cell may list several values separated by
 * ";" or on separate lines. A filled template imports with no warning.
 */
import ExcelJS from 'exceljs';
import type { VocabularyKind } from '../model/codes.js';
import type { Register } from '../register.js';
import { FIELD_BY_KEY, type FieldDef } from './fields.js';
import { columnLetter } from './workbook.js';

export type TemplateLang = 'fr' | 'en';

/** The template's columns, in order. */
export const TEMPLATE_FIELDS = [
  'ref',
  'name',
  'department',
  'owner',
  'role',
  'status',
  'purpose',
  'subPurposes',
  'legalBases',
  'legalBasisJustification',
  'dataSubjects',
  'dataCategories',
  'specialCategories',
  'art9Conditions',
  'dataSources',
  'recipients',
  'recipientType',
  'transferCountries',
  'transferRecipients',
  'transferSafeguard',
  'transferDocumentation',
  'retention',
  'securityMeasures',
  'systems',
  'dpiaStatus',
  'automatedDecision',
  'rights',
  'description',
  'lastReviewedAt',
] as const;

const FIXED_LISTS: Record<string, { fr: string[]; en: string[] }> = {
  role: { fr: ['Responsable de traitement', 'Responsable conjoint', 'Sous-traitant'], en: ['Controller', 'Joint controller', 'Processor'] },
  status: { fr: ['Brouillon', 'Actif', 'Retiré'], en: ['Draft', 'Active', 'Retired'] },
  dpiaStatus: { fr: ['Non requise', 'Prévue', 'En cours', 'Réalisée'], en: ['Not required', 'Planned', 'In progress', 'Completed'] },
  automatedDecision: { fr: ['Oui', 'Non'], en: ['Yes', 'No'] },
};

const VOCAB_LISTS: Partial<Record<string, { kind: VocabularyKind; filter?: (t: { special: boolean; legacy: boolean; code: string }) => boolean }>> = {
  legalBases: { kind: 'legal_basis' },
  dataSubjects: { kind: 'data_subject_category', filter: (t) => t.code !== 'other' },
  dataCategories: { kind: 'data_category', filter: (t) => !t.special },
  specialCategories: { kind: 'data_category', filter: (t) => t.special },
  art9Conditions: { kind: 'art9_condition' },
  recipientType: { kind: 'recipient_type' },
  transferSafeguard: { kind: 'transfer_safeguard', filter: (t) => !t.legacy && t.code !== 'derogation' },
  securityMeasures: { kind: 'security_measure_type', filter: (t) => t.code !== 'other' },
};

const TEXT = {
  fr: {
    sheet: 'Activités',
    lists: 'Listes',
    instructions: 'Instructions',
    title: 'Registre des activités de traitement — modèle à remplir par le service',
    intro: [
      'Une ligne par activité de traitement (un traitement = une finalité, pas un logiciel).',
      'Ne modifiez pas la ligne d’en-tête : le DPO importe ce fichier tel quel dans Art30.',
      'Les listes déroulantes proposent les valeurs attendues ; plusieurs valeurs dans une cellule : séparez-les par « ; » ou allez à la ligne (Alt+Entrée).',
      'Les colonnes « Nom du traitement » et « Finalité » sont obligatoires ; laissez vide ce que vous ne savez pas.',
      'Durée de conservation : une durée et son point de départ, par ex. « 3 ans à compter de la fin du contrat ».',
      'Transferts hors UE : le pays (nom ou code ISO) et la garantie (clauses contractuelles types, BCR…).',
    ],
    column: 'Colonne',
    help: 'Ce qu’il faut écrire',
  },
  en: {
    sheet: 'Activities',
    lists: 'Lists',
    instructions: 'Instructions',
    title: 'Record of processing activities — template for departments',
    intro: [
      'One row per processing activity (an activity is a purpose, not a piece of software).',
      'Do not change the header row: the DPO imports this file as it is into Art30.',
      'Dropdowns suggest the expected values; for several values in one cell, separate them with ";" or start a new line (Alt+Enter).',
      '"Processing activity" and "Purpose" are required; leave empty what you do not know.',
      'Retention period: a duration and its starting point, e.g. "3 years after contract end".',
      'Transfers outside the EU: the country (name or ISO code) and the safeguard (standard contractual clauses, BCR…).',
    ],
    column: 'Column',
    help: 'What to write',
  },
};

export async function buildTemplate(reg: Register, lang: TemplateLang = 'fr'): Promise<Buffer> {
  const t = TEXT[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Art30';
  wb.created = new Date(reg.now());
  const instructions = wb.addWorksheet(t.instructions);
  const sheet = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet(t.lists, { state: 'hidden' });
  const defs = TEMPLATE_FIELDS.map((k) => FIELD_BY_KEY.get(k)!) as FieldDef[];
  const label = (d: FieldDef) => (lang === 'fr' ? d.labelFr : d.labelEn);

  // Lists behind the dropdowns, one column per field.
  const terms = reg.reference.terms();
  const countries = [...reg.reference.countries().values()].filter((c) => !c.eea).map((c) => (lang === 'fr' ? c.nameFr : c.nameEn));
  countries.sort((a, b) => a.localeCompare(b, lang));
  // International organisations are destinations too (Art. 30(1)(e)), listed after the countries.
  const organisations = [...reg.reference.organisations().values()].map((o) => (lang === 'fr' ? o.nameFr : o.nameEn)).sort((a, b) => a.localeCompare(b, lang));
  countries.push(...organisations);
  const listRanges = new Map<string, string>();
  let listCol = 0;
  for (const d of defs) {
    let values: string[] | undefined = FIXED_LISTS[d.key]?.[lang];
    const v = VOCAB_LISTS[d.key];
    if (v) values = terms.filter((x) => x.kind === v.kind && (!v.filter || v.filter(x))).map((x) => (lang === 'fr' ? x.labelFr : x.labelEn));
    if (d.key === 'transferCountries') values = countries;
    if (!values?.length) continue;
    const letter = columnLetter(listCol++);
    lists.getCell(`${letter}1`).value = label(d);
    values.forEach((value, i) => (lists.getCell(`${letter}${i + 2}`).value = value));
    listRanges.set(d.key, `'${t.lists}'!$${letter}$2:$${letter}$${values.length + 1}`);
  }

  defs.forEach((d, i) => {
    const cell = sheet.getCell(1, i + 1);
    cell.value = label(d);
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: d.required ? 'FF1F4E79' : 'FF2E75B6' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    const help = lang === 'fr' ? d.helpFr : d.helpEn;
    if (help) cell.note = help;
    sheet.getColumn(i + 1).width = d.key === 'purpose' || d.key === 'description' ? 40 : d.kind === 'list' ? 30 : 20;
    const range = listRanges.get(d.key);
    for (let r = 2; r <= 501; r++) {
      const c = sheet.getCell(r, i + 1);
      c.alignment = { wrapText: true, vertical: 'top' };
      if (range) c.dataValidation = { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: false };
      else if (d.kind === 'date')
        c.dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1990, 0, 1))], showErrorMessage: false };
    }
  });
  sheet.getRow(1).height = 36;

  instructions.getColumn(1).width = 34;
  instructions.getColumn(2).width = 100;
  instructions.getCell('A1').value = t.title;
  instructions.getCell('A1').font = { bold: true, size: 14 };
  t.intro.forEach((line, i) => (instructions.getCell(`A${i + 3}`).value = `• ${line}`));
  const start = t.intro.length + 4;
  instructions.getCell(`A${start}`).value = t.column;
  instructions.getCell(`B${start}`).value = t.help;
  instructions.getRow(start).font = { bold: true };
  defs.forEach((d, i) => {
    instructions.getCell(`A${start + 1 + i}`).value = label(d) + (d.required ? ' *' : '');
    instructions.getCell(`B${start + 1 + i}`).value =
      (lang === 'fr' ? d.helpFr : d.helpEn) || (listRanges.has(d.key) ? (lang === 'fr' ? 'Choisir dans la liste.' : 'Choose from the list.') : '');
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function templateFileName(lang: TemplateLang): string {
  return lang === 'fr' ? 'modele-registre-service.xlsx' : 'register-department-template.xlsx';
}
