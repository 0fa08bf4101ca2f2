/**
 * The CNIL's own register template ("registre-traitement-simplifie.ods", or the same layout saved as
 * XLSX): sheet 2's identity blocks (responsable de l'organisme, représentant, DPO) go to the
 * organisation; every filled "fiche" sheet becomes a complete activity; sheet 2's list of activities
 * adds the activities that have no fiche. The tutorial, example and list sheets are not imported.
 * Sections of a fiche are found by their labels in column A, their columns by the section's header
 * row, so a fiche whose columns were moved a little still reads.
 */
import type { Contact, Dpo } from '../../model/schemas.js';
import { emailText } from '../../model/schemas.js';
import type { RecipientType, SecurityMeasureType } from '../../model/codes.js';
import { fold as foldKey } from '../fold.js';
import { buildRow, type BuiltRow, type RowCells } from '../values/build-row.js';
import type { ImportContext } from '../values/context.js';
import { findTable, skipByName, type SheetTable } from './find-table.js';
import { cleanText } from '../normalise/empty.js';
import { parseRetention } from '../normalise/retention.js';
import { cellName, type SheetData, type WorkbookData } from '../read/workbook.js';

export interface CnilFiche {
  sheet: SheetData;
  /** 0-based row of the activity's name. */
  row: number;
  built: BuiltRow;
}

export interface CnilIdentity {
  head: Partial<Contact> | null;
  representative: Partial<Contact> | null;
  dpo: Partial<Dpo> | null;
}

export interface CnilWorkbook {
  listSheet: SheetTable | null;
  identity: CnilIdentity;
  /** Sheets that are fiches (filled or not). */
  ficheSheets: number[];
  skipped: { index: number; reason: string }[];
}

const label = (s: string | undefined) => foldKey(s ?? '');
const isFicheSheet = (s: SheetData) => {
  const labels = new Set(s.rows.slice(0, 80).map((r) => label(r[0])));
  return labels.has('finalite principale') && labels.has('nom du traitement');
};

export function looksLikeCnil(wb: WorkbookData): boolean {
  return wb.sheets.some(isFicheSheet);
}

/** Which sheets are fiches, which is the list, the identity blocks. */
export function analyseCnil(wb: WorkbookData): CnilWorkbook {
  const out: CnilWorkbook = { listSheet: null, identity: { head: null, representative: null, dpo: null }, ficheSheets: [], skipped: [] };
  for (const sheet of wb.sheets) {
    const byName = skipByName(sheet.name);
    if (byName) {
      out.skipped.push({ index: sheet.index, reason: byName });
      continue;
    }
    if (isFicheSheet(sheet)) {
      const nameRow = sheet.rows.findIndex((r) => label(r[0]) === 'nom du traitement');
      const name = firstValue(sheet.rows[nameRow] ?? []);
      if (name) out.ficheSheets.push(sheet.index);
      else out.skipped.push({ index: sheet.index, reason: 'blank fiche (the activity has no name)' });
      continue;
    }
    const k = foldKey(sheet.name.replace(/_/g, ' '));
    if (/liste des traitements|list of processing/.test(k) || sheet.rows.slice(0, 10).some((r) => /coordonnees du responsable/.test(label(r[0])))) {
      out.identity = readIdentity(sheet);
      const table = findTable(sheet);
      if (table.status === 'table') out.listSheet = table;
      else out.skipped.push({ index: sheet.index, reason: table.reason === 'headers only: no rows of data below the header' ? 'list of activities is empty' : table.reason });
      continue;
    }
    out.skipped.push({ index: sheet.index, reason: 'not part of the CNIL register layout' });
  }
  return out;
}

/** The first value right of a label, within the fiche's columns (B to H; the CNIL's notes are in J). */
function firstValue(row: string[], from = 1): string {
  for (let c = from; c < Math.min(row.length, 8); c++) {
    const v = cleanText(row[c] ?? '');
    if (v) return v;
  }
  return '';
}

const IDENTITY_FIELDS: [RegExp, keyof Dpo][] = [
  [/^adresse (mel|mail|e mail|email|electronique)$|^e ?mail$|^courriel$/, 'email'],
  [/^prenom$/, 'firstName'],
  [/^nom$/, 'name'],
  [/^societe/, 'company'],
  [/^adresse$/, 'address'],
  [/^code postal$/, 'postalCode'],
  [/^ville$/, 'city'],
  [/^pays$/, 'country'],
  [/^telephone$|^tel$/, 'phone'],
];

function readIdentity(sheet: SheetData): CnilIdentity {
  const id: CnilIdentity = { head: null, representative: null, dpo: null };
  let block: keyof CnilIdentity | null = null;
  for (let r = 0; r < Math.min(sheet.rows.length, 30); r++) {
    const row = sheet.rows[r] ?? [];
    const a = label(row[0]);
    if (/^identification du traitement|^nom du traitement/.test(a)) break;
    // The block's own words come before its explanation in brackets ("… (responsable … ou son représentant …)").
    const own = label((row[0] ?? '').split(/\n|\(/)[0]);
    if (own) block = /delegue|dpo/.test(own) ? 'dpo' : /representant/.test(own) ? 'representative' : /responsable/.test(own) ? 'head' : block;
    if (!block) continue;
    for (let c = 1; c < row.length; c++) {
      const raw = row[c] ?? '';
      if (!/:\s*$/.test(raw)) continue;
      const field = IDENTITY_FIELDS.find(([re]) => re.test(label(raw)))?.[1];
      const value = cleanText(row[c + 1] ?? '');
      if (!field || !value || /:\s*$/.test(value)) continue;
      const target = (id[block] ??= {}) as Record<string, string>;
      target[field] = value;
    }
  }
  return id;
}

/** Column index of each header of a section, by folded text. */
function sectionColumns(row: string[]): Map<string, number> {
  const m = new Map<string, number>();
  row.forEach((v, c) => {
    const k = label(v);
    if (k && c > 0 && !m.has(k)) m.set(k, c);
  });
  return m;
}
const col = (cols: Map<string, number>, ...names: RegExp[]): number => {
  for (const re of names) for (const [k, c] of cols) if (re.test(k)) return c;
  return -1;
};

/** One fiche sheet → a complete activity. */
export function readFiche(sheet: SheetData, ctx: ImportContext): CnilFiche {
  const simple: RowCells = new Map();
  const put = (field: string, r: number, c: number) => {
    const text = sheet.rows[r]?.[c] ?? '';
    if (!cleanText(text)) return;
    const list = simple.get(field) ?? [];
    list.push({ cell: cellName(r, c), text, formula: sheet.formulas.has(`${r}:${c}`) });
    simple.set(field, list);
  };
  const valueCol = (r: number) => {
    const row = sheet.rows[r] ?? [];
    for (let c = 1; c < Math.min(row.length, 8); c++) if (cleanText(row[c] ?? '')) return c;
    return 1;
  };
  let nameRow = 0;
  let section = '';
  let cols = new Map<string, number>();
  const extra: { kind: string; r: number; cols: Map<string, number> }[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const a = label(row[0]);
    if (!a) continue;
    if (a === 'nom du traitement') {
      nameRow = r;
      put('name', r, valueCol(r));
    } else if (a === 'n ref' || a === 'ref' || a === 'reference') put('ref', r, valueCol(r));
    else if (/^date de creation/.test(a)) put('createdAt', r, valueCol(r));
    else if (/^(mise a jour|derniere mise a jour|date de mise a jour)/.test(a)) put('updatedAt', r, valueCol(r));
    else if (a === 'finalite principale') put('purpose', r, valueCol(r));
    else if (/^sous finalite/.test(a)) put('subPurposes', r, valueCol(r));
    else if (a === 'acteurs') [section, cols] = ['actors', sectionColumns(row)];
    else if (/^finalite s? du traitement/.test(a)) section = 'purposes';
    else if (/^categories de donnees personnelles/.test(a)) [section, cols] = ['data', sectionColumns(row)];
    else if (a === 'donnees sensibles' && row.some((v) => label(v) === 'description')) [section, cols] = ['special', sectionColumns(row)];
    else if (/^categories de personnes concernees/.test(a)) [section, cols] = ['subjects', sectionColumns(row)];
    else if (a === 'destinataires' && row.some((v) => /type/.test(label(v)))) [section, cols] = ['recipients', sectionColumns(row)];
    else if (a === 'mesures de securite' && row.some((v) => /type/.test(label(v)))) [section, cols] = ['security', sectionColumns(row)];
    else if (/^transferts? hors/.test(a)) [section, cols] = ['transfers', sectionColumns(row)];
    else if (section) extra.push({ kind: section, r, cols });
  }
  const built = buildRow(simple, ctx);
  const f = built.fields;
  const at = (r: number, c: number) => (c < 0 ? '' : cleanText(sheet.rows[r]?.[c] ?? ''));
  const warn = (field: string, r: number, c: number, message: string) => built.warnings.push({ field, cell: cellName(r, c), value: sheet.rows[r]?.[c] ?? '', message });
  const dc = ctx.vocab('data_category');
  for (const e of extra) {
    const rowLabel = cleanText(sheet.rows[e.r]?.[0] ?? '');
    if (e.kind === 'data' || e.kind === 'special') {
      const dCol = col(e.cols, /^description/);
      const rCol = col(e.cols, /conservation|retention/);
      const description = at(e.r, dCol);
      const retention = at(e.r, rCol);
      if (!description && !retention) continue;
      const m = dc.match(rowLabel) ?? dc.match(rowLabel.replace(/^donnees (revelant|concernant|relatives a) (l |les |la )?/i, ''));
      const categoryLabel = m ? (dc.term(m.code)?.labelFr ?? rowLabel) : rowLabel;
      (f.dataCategories ??= []).push({ code: m?.code ?? '', label: categoryLabel, description, special: e.kind === 'special' || Boolean(m && dc.term(m.code)?.special) });
      built.present.add('dataCategories');
      if (retention) {
        const p = parseRetention(retention);
        if (!p.understood) warn('retention', e.r, rCol, `the retention period "${retention}" could not be read as a duration: kept as text.`);
        (f.retention ??= []).push({
          dataCategory: categoryLabel,
          text: retention,
          duration: p.duration,
          trigger: p.trigger,
          activePeriod: p.activePeriod,
          archivePeriod: p.archivePeriod,
          finalFate: p.finalFate,
        });
        built.present.add('retention');
      }
    } else if (e.kind === 'subjects') {
      const description = at(e.r, col(e.cols, /^description/));
      const precision = at(e.r, col(e.cols, /^precision/));
      if (!description && !precision) continue;
      const text = description || precision;
      (f.dataSubjects ??= []).push({ code: ctx.vocab('data_subject_category').match(text)?.code ?? '', label: text, precision: description ? precision : '', volume: '' });
      built.present.add('dataSubjects');
    } else if (e.kind === 'recipients') {
      const tCol = col(e.cols, /type/);
      const typeText = at(e.r, tCol);
      const precision = at(e.r, col(e.cols, /^precision/));
      if (!typeText && !precision) continue;
      const type = typeText ? ctx.vocab('recipient_type').match(typeText) : undefined;
      if (typeText && !type) warn('recipientType', e.r, tCol, `"${typeText}" is not a known recipient type: the recipient is created as "other".`);
      const name = precision || typeText;
      const known = ctx.recipients.get(foldKey(name));
      f.recipients ??= [];
      if (f.recipients.some((x) => foldKey(x.name) === foldKey(known?.name ?? name))) continue;
      if (known) f.recipients.push({ recipientId: known.id, name: known.name, role: typeText, precision: '' });
      else {
        f.recipients.push({ name, type: (type?.code ?? 'other') as RecipientType, role: typeText, precision: '' });
        built.newRecipients.push(name);
      }
      built.present.add('recipients');
    } else if (e.kind === 'security') {
      const typeText = at(e.r, col(e.cols, /type/));
      const precision = at(e.r, col(e.cols, /^precision/));
      if (!typeText && !precision) continue;
      const m = typeText ? ctx.vocab('security_measure_type').match(typeText) : undefined;
      (f.securityMeasures ??= []).push({ type: (m?.code ?? 'other') as SecurityMeasureType, precision: m ? precision : [typeText, precision].filter(Boolean).join(': ') });
      built.present.add('securityMeasures');
    } else if (e.kind === 'transfers') {
      const cells: RowCells = new Map();
      const add = (field: string, c: number) => {
        if (c >= 0 && at(e.r, c)) cells.set(field, [{ cell: cellName(e.r, c), text: sheet.rows[e.r][c] }]);
      };
      add('transferRecipients', col(e.cols, /^destinataire/));
      add('transferCountries', col(e.cols, /^pays/));
      add('transferSafeguard', col(e.cols, /garantie/));
      add('transferDocumentation', col(e.cols, /documentation|liens?/));
      if (!cells.has('transferCountries')) {
        if (cells.has('transferRecipients')) warn('transferCountries', e.r, col(e.cols, /^pays/), `the transfer to "${at(e.r, col(e.cols, /^destinataire/))}" names no country.`);
        continue;
      }
      const t = buildRow(cells, ctx);
      built.warnings.push(...t.warnings);
      if (t.fields.transfers?.length) {
        (f.transfers ??= []).push(...t.fields.transfers);
        built.present.add('transfers');
      }
    } else if (e.kind === 'actors' && /conjoint/.test(label(rowLabel))) {
      const contact = readContact(sheet.rows[e.r] ?? [], e.cols);
      if (contact.name) {
        (f.jointControllers ??= []).push({
          firstName: '',
          company: '',
          address: '',
          postalCode: '',
          city: '',
          country: '',
          phone: '',
          email: '',
          ...contact,
          name: contact.name,
          responsibilities: '',
        });
        built.present.add('jointControllers');
      }
    }
  }
  return { sheet, row: nameRow, built };
}

function readContact(row: string[], cols: Map<string, number>): Partial<Contact> {
  const get = (re: RegExp) => cleanText(row[col(cols, re)] ?? '');
  const email = get(/^adresse (mel|mail|email)/);
  return {
    name: get(/^nom$/),
    address: get(/^adresse$/),
    postalCode: get(/^code postal/),
    city: get(/^ville/),
    country: get(/^pays/),
    phone: get(/^telephone/),
    email: emailText.safeParse(email).success ? email : '',
  };
}

/** The actors of a fiche (responsable, DPO, représentant), to fill identity blocks left empty on sheet 2. */
export function ficheActors(sheet: SheetData): CnilIdentity {
  const id: CnilIdentity = { head: null, representative: null, dpo: null };
  let cols: Map<string, number> | null = null;
  for (const row of sheet.rows) {
    const a = label(row[0]);
    if (a === 'acteurs') cols = sectionColumns(row);
    else if (cols && /^finalite/.test(a)) break;
    else if (cols) {
      const which = /^responsable du traitement/.test(a)
        ? 'head'
        : /^delegue/.test(a)
          ? 'dpo'
          : /^representant/.test(a)
            ? 'representative'
            : /^societe du dpo/.test(a)
              ? 'dpoCompany'
              : null;
      if (!which) continue;
      if (which === 'dpoCompany') {
        const company = firstValue(row);
        if (company) id.dpo = { ...(id.dpo ?? {}), company };
        continue;
      }
      const c = readContact(row, cols);
      if (c.name) id[which] = { ...(id[which] ?? {}), ...Object.fromEntries(Object.entries(c).filter(([, v]) => v)) };
    }
  }
  return id;
}
