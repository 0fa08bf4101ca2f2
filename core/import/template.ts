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
import { FIELD_BY_KEY, type FieldDef } from './assign/fields.js';
import { columnLetter } from './read/workbook.js';
import { t as translate } from '../i18n/i18n.js';
import { inLang } from '../i18n/localized.js';

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

/** Closed lists, in the words the exports print (so that a filled template reads back like an export). */
const FIXED_LISTS: Record<string, string[]> = {
  role: ['doc.role.controller', 'doc.role.joint_controller', 'doc.role.processor'],
  status: ['doc.status.draft', 'doc.status.active', 'doc.status.retired'],
  dpiaStatus: ['doc.dpiaStatus.not_required', 'doc.dpiaStatus.planned', 'doc.dpiaStatus.in_progress', 'doc.dpiaStatus.completed'],
  automatedDecision: ['doc.yes', 'doc.no'],
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

/** The template's own words: keys `import.template.<…>` of the catalogue. */
const INTRO_LINES = 6;

export async function buildTemplate(reg: Register, lang: TemplateLang = 'fr'): Promise<Buffer> {
  const tr = (key: string) => translate(lang, `import.template.${key}`);
  const t = { sheet: tr('sheet'), lists: tr('lists'), instructions: tr('instructions'), title: tr('title'), column: tr('column'), help: tr('help') };
  const intro = Array.from({ length: INTRO_LINES }, (_, i) => tr(`intro${i + 1}`));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Art30';
  wb.created = new Date(reg.now());
  const instructions = wb.addWorksheet(t.instructions);
  const sheet = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet(t.lists, { state: 'hidden' });
  const defs = TEMPLATE_FIELDS.map((k) => FIELD_BY_KEY.get(k)!) as FieldDef[];
  const label = (d: FieldDef) => inLang(d, 'label', lang);

  // Lists behind the dropdowns, one column per field.
  const terms = reg.reference.terms();
  const countries = [...reg.reference.countries().values()].filter((c) => !c.eea).map((c) => inLang(c, 'name', lang));
  countries.sort((a, b) => a.localeCompare(b, lang));
  // International organisations are destinations too (Art. 30(1)(e)), listed after the countries.
  const organisations = [...reg.reference.organisations().values()].map((o) => inLang(o, 'name', lang)).sort((a, b) => a.localeCompare(b, lang));
  countries.push(...organisations);
  const listRanges = new Map<string, string>();
  let listCol = 0;
  for (const d of defs) {
    let values: string[] | undefined = FIXED_LISTS[d.key]?.map((key) => translate(lang, key));
    const v = VOCAB_LISTS[d.key];
    if (v) values = terms.filter((x) => x.kind === v.kind && (!v.filter || v.filter(x))).map((x) => inLang(x, 'label', lang));
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
    const help = inLang(d, 'help', lang);
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
  intro.forEach((line, i) => (instructions.getCell(`A${i + 3}`).value = `• ${line}`));
  const start = intro.length + 4;
  instructions.getCell(`A${start}`).value = t.column;
  instructions.getCell(`B${start}`).value = t.help;
  instructions.getRow(start).font = { bold: true };
  defs.forEach((d, i) => {
    instructions.getCell(`A${start + 1 + i}`).value = label(d) + (d.required ? ' *' : '');
    instructions.getCell(`B${start + 1 + i}`).value = inLang(d, 'help', lang) || (listRanges.has(d.key) ? tr('chooseFromList') : '');
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function templateFileName(lang: TemplateLang): string {
  return translate(lang, 'import.template.fileName');
}
