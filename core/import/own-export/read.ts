/**
 * Art30's own exports read back exactly. A workbook (or CSV) whose table has the header of Art30's
 * detailed sheet (`Détail des traitements` / CSV: every column of core/export/fields.ts, in French or
 * in English) is not guessed at: each column is the field it was written from, each list item is
 * decoded with the codec it was written with (codec.ts), codes come back through the register's own
 * labels. The XLSX's `Registre` sheet gives each organisation's identity blocks, its `Destinataires`
 * sheet the directory's contract details. Organisations are named on every row.
 */
import { DETAIL_COLUMNS } from '../../export/fields.js';
import { Labels, type ExportLang, type TextKey } from '../../export/labels.js';
import { ACTIVITY_ROLES, ACTIVITY_STATUSES, ART35_CASES, DPIA_CRITERIA, DPIA_STATUSES, RETENTION_FINAL_FATES } from '../../model/codes.js';
import type { VocabularyKind } from '../../model/codes.js';
import { activityFieldsSchema, type ActivityFields, type Contact, type OrganisationData } from '../../model/schemas.js';
import type { Register } from '../../register.js';
import { fold } from '../fold.js';
import { parseDate } from '../normalise/date.js';
import type { SheetData, WorkbookData } from '../read/workbook.js';
import { decodeItem, PART_KEYS, readLines, SEP } from './codec.js';
import { SERVED_SEP } from '../../export/format.js';

export interface OwnRow {
  key: string;
  sheet: string;
  row: number;
  organisationName: string;
  fields: ActivityFields;
  stamps: { createdAt?: string; updatedAt?: string };
  /** Directory details of the row's recipients (type, countries; contract from the XLSX). */
  recipients: Map<string, { type?: string; countries: string[]; contractRef?: string; contractDate?: string; dpfCertified?: boolean }>;
}

export interface OwnExport {
  lang: ExportLang;
  detailSheet: string;
  organisations: { name: string; data: OrganisationData | null }[];
  rows: OwnRow[];
}

function headerLang(sheet: SheetData, reg: Register): { lang: ExportLang; row: number; L: Labels } | null {
  for (const lang of ['fr', 'en'] as const) {
    const L = Labels.forRegister(reg, lang);
    const want = DETAIL_COLUMNS.map((c) => fold(L.t(c.label)));
    for (let r = 0; r < Math.min(sheet.rows.length, 5); r++) {
      // By label, wherever the column is: an audience's export leaves some columns out (issue 12).
      const have = new Set((sheet.rows[r] ?? []).map((x) => fold(x)));
      const hits = want.filter((w) => have.has(w)).length;
      if (hits >= Math.ceil(want.length * 0.7) && have.has(fold(L.t('name'))) && have.has(fold(L.t('ref')))) return { lang, row: r, L };
    }
  }
  return null;
}

/** Recognises an Art30 export and reads it; null when the workbook is not one. */
export function readOwnExport(wb: WorkbookData, reg: Register): OwnExport | null {
  let found: { sheet: SheetData; lang: ExportLang; row: number; L: Labels } | null = null;
  for (const sheet of wb.sheets) {
    const h = headerLang(sheet, reg);
    if (h) {
      found = { sheet, ...h };
      break;
    }
  }
  if (!found) return null;
  const { sheet, L, lang } = found;
  const dec = new Decoder(reg, L);
  const col = new Map<string, number>();
  DETAIL_COLUMNS.forEach((c) => {
    const k = `${String(c.field)}|${c.label}`;
    const at = (sheet.rows[found!.row] ?? []).findIndex((h) => fold(h) === fold(L.t(c.label)));
    // A column the DPO removed reads as empty (never as its neighbour).
    col.set(k, at);
  });
  // The CSV neutralises text that a spreadsheet would take for a formula with an apostrophe (csv.ts).
  const unquote = wb.format === 'csv' ? (x: string) => (/^'[=+\-@\t\r]/.test(x) ? x.slice(1) : x) : (x: string) => x;
  const get = (cells: string[], field: string, label: TextKey) => unquote(cells[col.get(`${field}|${label}`) ?? -1] ?? '').replace(/\r\n/g, '\n');

  const directory = readRecipientSheet(wb, L);
  const rows: OwnRow[] = [];
  const orgNames: string[] = [];
  for (let r = found.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (!cells.some((x) => x.trim())) continue;
    const v = (field: string, label: TextKey = field as TextKey) => get(cells, field, label);
    const orgName = v('organisation').trim();
    if (orgName && !orgNames.includes(orgName)) orgNames.push(orgName);
    const recipients: OwnRow['recipients'] = new Map();
    const fields = dec.activity(v, recipients);
    for (const [name, d] of recipients) {
      const extra = directory.get(fold(name));
      if (extra) Object.assign(d, extra);
    }
    const date = (s: string) => {
      const d = parseDate(s);
      return d ? `${d}T00:00:00.000Z` : undefined;
    };
    rows.push({
      key: `${sheet.name}!${r + 1}`,
      sheet: sheet.name,
      row: r + 1,
      organisationName: orgName,
      fields,
      stamps: { createdAt: date(v('createdAt')), updatedAt: date(v('updatedAt')) },
      recipients,
    });
  }
  const identities = readRegisterSheet(wb, L);
  // Every organisation of the `Registre` sheet (one without activities too), then any other the rows name.
  const names = [...[...identities.values()].map((d) => d.name), ...orgNames.filter((n) => !identities.has(fold(n)))];
  return { lang, detailSheet: sheet.name, organisations: names.map((name) => ({ name, data: identities.get(fold(name)) ?? null })), rows };
}

class Decoder {
  private readonly labels: { key: TextKey; label: string }[];
  private readonly terms = new Map<string, string>();
  private readonly countries = new Map<string, string>();
  constructor(
    reg: Register,
    private readonly L: Labels,
  ) {
    this.labels = PART_KEYS.map((key) => ({ key, label: L.t(key) })).sort((a, b) => b.label.length - a.label.length);
    for (const t of reg.reference.terms()) this.terms.set(`${t.kind}:${fold(L.term(t.kind, t.code))}`, t.code);
    for (const c of reg.reference.countries().values()) this.countries.set(fold(L.country(c.code)), c.code);
  }
  code(kind: VocabularyKind, label: string): string | null {
    return label ? (this.terms.get(`${kind}:${fold(label)}`) ?? null) : null;
  }
  country(name: string): string {
    return this.countries.get(fold(name)) ?? '';
  }
  duration(text: string): string {
    if (!text) return '';
    const units: Record<string, string> = {
      an: 'Y',
      ans: 'Y',
      year: 'Y',
      years: 'Y',
      mois: 'M',
      month: 'M',
      months: 'M',
      semaine: 'W',
      semaines: 'W',
      week: 'W',
      weeks: 'W',
      jour: 'D',
      jours: 'D',
      day: 'D',
      days: 'D',
    };
    let out = 'P';
    for (const m of text.matchAll(/(\d+)\s+([a-zé]+)/gi)) out += `${Number(m[1])}${units[m[2].toLowerCase()] ?? ''}`;
    return out === 'P' ? '' : out;
  }
  item(text: string, hasHead = true) {
    return decodeItem(text, this.labels, hasHead);
  }
  reverse<T extends string>(codes: readonly T[], label: (c: T) => string, text: string): T | undefined {
    return codes.find((c) => fold(label(c)) === fold(text));
  }

  /** Items of a list cell: one per line; a line that cannot start an item continues the previous. */
  lines(cell: string): string[] {
    return readLines(cell);
  }

  /**
   * Legal bases and Art. 9 conditions: "Term (article) : justification", justification on several lines;
   * with several purposes, each ends with the purpose it serves ("— Finalité servie : Calcul des salaires").
   * `said`: whether the cell said the purpose of its bases (files of an older Art30 do not).
   */
  basis(kind: 'legal_basis' | 'art9_condition', cell: string, purposes: string[]): { items: { code: string; justification: string; purpose: number }[]; said: boolean } {
    const heads = [...this.terms.keys()]
      .filter((k) => k.startsWith(`${kind}:`))
      .map((k) => this.terms.get(k)!)
      .map((code) => {
        const article = this.L.article(kind, code);
        return { code, head: `${this.L.term(kind, code)}${article ? ` (${article})` : ''}` };
      })
      .sort((a, b) => b.head.length - a.head.length);
    // The purpose part, longest purpose first (one purpose's words may end another's).
    const served = purposes
      .map((text, index) => ({ index, suffix: `${SERVED_SEP}${this.L.kv(this.L.t('purposes.served'), text)}` }))
      .sort((a, b) => b.suffix.length - a.suffix.length);
    const items: { code: string; justification: string; purpose: number }[] = [];
    let said = false;
    for (const item of this.lines(cell)) {
      const part = purposes.length > 1 ? served.find((x) => item.endsWith(x.suffix)) : undefined;
      if (part) said = true;
      const text = part ? item.slice(0, -part.suffix.length) : item;
      const [first, ...more] = text.split('\n');
      const h = heads.find((x) => first === x.head || first.startsWith(`${x.head} : `) || first.startsWith(`${x.head}: `));
      const justification = [h ? first.slice(h.head.length).replace(/^ ?: /, '') : first, ...more].join('\n');
      if (h) items.push({ code: h.code, justification, purpose: part?.index ?? 0 });
      else if (items.length) items[items.length - 1].justification += `\n${text}`;
    }
    return { items, said };
  }

  activity(v: (field: string, label?: TextKey) => string, recipients: OwnRow['recipients']): ActivityFields {
    const L = this.L;
    const p = (d: ReturnType<Decoder['item']>, k: TextKey) => d.parts.get(L.t(k)) ?? '';
    const contact = (d: ReturnType<Decoder['item']>): Contact => ({
      name: p(d, 'lastName'),
      firstName: p(d, 'firstName'),
      company: p(d, 'companyShort'),
      address: p(d, 'address'),
      postalCode: p(d, 'postalCode'),
      city: p(d, 'city'),
      country: p(d, 'country'),
      phone: p(d, 'phone'),
      email: p(d, 'email'),
    });
    const override = v('dpia', 'dpiaOverride');
    let dpiaOverride: ActivityFields['dpia']['override'] = null;
    if (override) {
      const [first, ...rest] = override.split(SEP);
      const yes = fold(first).endsWith(fold(L.yesNo(true)));
      dpiaOverride = { required: yes, justification: rest.join(SEP) };
    }
    const subPurposes = this.lines(v('subPurposes'));
    const purposes = [v('purpose'), ...subPurposes];
    const bases = this.basis('legal_basis', v('legalBases'), purposes);
    const conditions = this.basis('art9_condition', v('art9Conditions'), purposes);
    const fields = {
      ref: v('ref'),
      name: v('name'),
      role: this.reverse(ACTIVITY_ROLES, (c) => L.role(c), v('role')) ?? 'controller',
      status: this.reverse(ACTIVITY_STATUSES, (c) => L.status(c), v('status')) ?? 'draft',
      department: v('department'),
      owner: v('owner'),
      description: v('description'),
      purpose: v('purpose'),
      subPurposes,
      legalBases: bases.items,
      art9Conditions: conditions.items,
      // A file of an older Art30 gave the bases to the whole activity: on its main purpose, for the DPO to check.
      purposeBasesToCheck: subPurposes.length > 0 && bases.items.length + conditions.items.length > 0 && !bases.said && !conditions.said,
      criminalDataBasis: v('criminalDataBasis'),
      dataSubjects: this.lines(v('dataSubjects')).map((line) => {
        const d = this.item(line);
        return { code: this.code('data_subject_category', p(d, 'personCategory') || d.head) ?? '', label: d.head, precision: p(d, 'precisions'), volume: p(d, 'volume') };
      }),
      dataCategories: this.lines(v('dataCategories')).map((line) => {
        const d = this.item(line);
        return { code: this.code('data_category', p(d, 'category') || d.head) ?? '', label: d.head, description: p(d, 'description'), special: d.parts.has(L.t('special')) };
      }),
      dataSources: this.lines(v('dataSources')),
      recipients: this.lines(v('recipients')).map((line) => {
        const d = this.item(line);
        const m = /^(.*) \(([^()]*)\)$/.exec(d.head);
        const type = m ? this.code('recipient_type', m[2]) : null;
        const name = type ? m![1] : d.head;
        const countries = p(d, 'countries')
          ? p(d, 'countries')
              .split(', ')
              .map((c) => this.country(c))
              .filter(Boolean)
          : [];
        recipients.set(name, { type: type ?? undefined, countries });
        return { name, type: (type ?? undefined) as never, role: p(d, 'recipientRole'), precision: p(d, 'precisions'), countries };
      }),
      transfers: this.lines(v('transfers')).map((line) => {
        const d = this.item(line);
        const at = d.head.lastIndexOf('→');
        return {
          recipient: d.head.slice(0, Math.max(0, at)).trim(),
          country: this.country(d.head.slice(at + 1).trim()),
          safeguard: this.code('transfer_safeguard', p(d, 'safeguard')) as never,
          derogation: this.code('art49_derogation', p(d, 'derogation')) as never,
          documentation: p(d, 'documentation'),
        };
      }),
      retention: this.lines(v('retention')).map((line) => {
        const d = this.item(line);
        return {
          dataCategory: p(d, 'appliesTo'),
          text: d.head,
          duration: this.duration(p(d, 'duration')),
          trigger: p(d, 'trigger'),
          activePeriod: this.duration(p(d, 'activePeriod')),
          archivePeriod: this.duration(p(d, 'archivePeriod')),
          finalFate: this.reverse(RETENTION_FINAL_FATES, (c) => L.finalFate(c), p(d, 'finalFate')) ?? null,
        };
      }),
      securityMeasures: this.lines(v('securityMeasures')).map((line) => {
        const d = this.item(line);
        return { type: (this.code('security_measure_type', d.head) ?? 'other') as never, precision: p(d, 'precisions') };
      }),
      securityNotes: v('securityNotes'),
      jointControllers: this.lines(v('jointControllers')).map((line) => {
        const d = this.item(line, false);
        return { ...contact(d), responsibilities: p(d, 'responsibilities') };
      }),
      clients: this.lines(v('clients')).map((line) => {
        const d = this.item(line, false);
        return {
          ...contact(d),
          representative: p(d, 'clientRepresentative'),
          dpo: p(d, 'clientDpo'),
          processingCategories: p(d, 'processingCategories') ? p(d, 'processingCategories').split(' ; ') : [],
        };
      }),
      dpia: {
        criteria: this.lines(v('dpia', 'dpiaCriteria'))
          .map((l) => this.reverse(DPIA_CRITERIA, (c) => L.term('dpia_criterion', c), l))
          .filter(Boolean) as never[],
        art35Cases: this.lines(v('dpia', 'dpiaArt35'))
          .map((l) => this.reverse(ART35_CASES, (c) => L.term('art35_case', c), l))
          .filter(Boolean) as never[],
        override: dpiaOverride,
        status: this.reverse(DPIA_STATUSES, (c) => L.dpiaStatus(c), v('dpia', 'dpiaStatus')) ?? 'not_assessed',
        date: parseDate(v('dpia', 'dpiaDate')) ?? '',
        link: v('dpia', 'dpiaLink'),
      },
      automatedDecision: { exists: fold(v('automatedDecision')) === fold(L.yesNo(true)), description: v('automatedDecision', 'automatedDecisionDescription') },
      systems: this.lines(v('systems')).map((line) => {
        const d = this.item(line);
        return { name: d.head, hosting: p(d, 'hosting'), country: p(d, 'country') ? this.country(p(d, 'country')) : '' };
      }),
      rights: v('rights'),
      consentRecords: v('consentRecords'),
      breaches: v('breaches'),
      lastReviewedAt: parseDate(v('lastReviewedAt')) ?? '',
    };
    const parsed = activityFieldsSchema.safeParse(fields);
    return parsed.success ? parsed.data : (fields as unknown as ActivityFields);
  }
}

/** The `Registre` sheet's identity blocks: organisation, head, representative, DPO. */
function readRegisterSheet(wb: WorkbookData, L: Labels): Map<string, OrganisationData> {
  const out = new Map<string, OrganisationData>();
  const sheet = wb.sheets.find((s) => fold(s.name) === fold(L.t('sheetRegister')));
  if (!sheet) return out;
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const first = rows[r]?.[0] ?? '';
    const orgHeader = (rows[r + 1] ?? []).map(fold);
    if (!first || !(fold(first).startsWith(fold(L.t('organisation'))) && orgHeader[0] === fold(L.t('organisation')) && orgHeader[1] === fold(L.t('legalForm')))) continue;
    const o = rows[r + 2] ?? [];
    const c = (i: number) => (o[i] ?? '').trim();
    const contactAt = (row: string[] | undefined, dpo = false) => {
      if (!row || !row.slice(1).some((x) => x.trim())) return null;
      const x = (i: number) => (row[i] ?? '').trim();
      let email = x(9);
      let cnil = '';
      if (dpo && email.includes('\n')) {
        const [e, ...rest] = email.split('\n');
        email = e;
        cnil = rest.join('\n').replace(new RegExp(`^${L.t('cnilDesignationNumber')} ?: `), '');
      } else if (dpo && email.startsWith(L.t('cnilDesignationNumber'))) {
        cnil = email.replace(new RegExp(`^${L.t('cnilDesignationNumber')} ?: `), '');
        email = '';
      }
      const contact = { name: x(1), firstName: x(2), company: x(3), address: x(4), postalCode: x(5), city: x(6), country: x(7), phone: x(8), email };
      return dpo ? { ...contact, cnilDesignationNumber: cnil } : contact;
    };
    const data: OrganisationData = {
      name: c(0),
      legalForm: c(1),
      registrationNumber: c(2),
      address: c(4),
      postalCode: c(5),
      city: c(6),
      country: c(7),
      phone: c(8),
      email: c(9),
      head: contactAt(rows[r + 4]),
      representative: contactAt(rows[r + 5]),
      dpo: contactAt(rows[r + 6], true) as OrganisationData['dpo'],
      reviewPeriodMonths: 12,
    };
    if (data.name) out.set(fold(data.name), data);
    r += 6;
  }
  return out;
}

/** The `Destinataires` sheet: contract reference, date and DPF certification of each recipient. */
function readRecipientSheet(wb: WorkbookData, L: Labels): Map<string, { contractRef?: string; contractDate?: string; dpfCertified?: boolean }> {
  const out = new Map<string, { contractRef?: string; contractDate?: string; dpfCertified?: boolean }>();
  const sheet = wb.sheets.find((s) => fold(s.name) === fold(L.t('sheetRecipients')));
  const header = sheet?.rows[0]?.map(fold) ?? [];
  if (!sheet || !header.includes(fold(L.t('recipient'))) || !header.includes(fold(L.t('contract')))) return out;
  const at = (k: TextKey) => header.indexOf(fold(L.t(k)));
  for (const row of sheet.rows.slice(1)) {
    const name = (row[at('recipient')] ?? '').trim();
    if (!name || out.has(fold(name))) continue;
    out.set(fold(name), {
      contractRef: row[at('contract')] ?? '',
      contractDate: parseDate(row[at('contractDate')] ?? '') ?? '',
      dpfCertified: fold(row[at('dpfCertified')] ?? '') === fold(L.yesNo(true)),
    });
  }
  return out;
}
