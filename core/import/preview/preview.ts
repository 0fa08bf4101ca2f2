/**
 * The preview: what the import would do, row by row, without writing anything. Each row is a new
 * activity, an update of an existing one (matched by reference, else by name and department) with
 * its field-level diff, unchanged, a duplicate of an earlier row of the file, an error (with the
 * cell and the reason), or excluded by the DPO. Cells carry warnings (unknown country, retention not
 * understood, unknown legal basis, transfer without safeguard, formula…).
 */
import { diffRecords } from '../../diff.js';
import { AppError, notFound, text, type ErrorText, type MessageParams } from '../../errors.js';
import { sheetReason, sheetWithReason } from '../locate/sheet-reason.js';
import type { HistoryChange } from '../../model/register.js';
import { activityFieldsSchema, organisationInputSchema, type ActivityFields, type OrganisationData } from '../../model/schemas.js';
import type { Register } from '../../register.js';
import { activityFields } from '../../services/activities.js';
import { listOrganisations, organisationData } from '../../services/organisations.js';
import { fold as foldKey } from '../fold.js';
import { buildRow, type BuiltRow, type CellIssue, type RowCells } from '../values/build-row.js';
import { asDraft, deriveFields, missingFields, missingMessages, type MissingField } from '../values/derive.js';
import { t, type Message } from '../../i18n/i18n.js';
import { issueText } from '../../validate.js';
import { ficheActors, readFiche } from '../locate/cnil-template.js';
import { ficheBlocks, readGenericFiche } from '../locate/fiche.js';
import { ficheSideCells } from '../assemble/fiche-sides.js';
import { groupedColumns } from '../assemble/grouped-columns.js';
import { partIndex, sideTableIndex } from '../assemble/relational.js';
import { PURPOSE_BASIS_FIELDS, withPurposeBases, type PurposeLine } from '../assemble/purpose-bases.js';
import { importContext, type ImportContext } from '../values/context.js';
import { quickFields } from '../values/fast-validate.js';
import { FIELDS, FIELD_BY_KEY } from '../assign/fields.js';
import type { ImportSession, SheetMappingState } from './sessions.js';
import { cellName, columnLetter, parseA1 } from '../read/workbook.js';
import { Labels } from '../../export/labels.js';
import { fieldChanges, fieldLabel, valueLines, type FieldChange } from './changes.js';
import { mergeActivity } from './merge.js';
import { readOwnExport } from '../own-export/read.js';
import { classifyRows, type RowKind } from '../classify/rows.js';
import { isRegisterWord } from '../vocabulary/index.js';
import { parseYesNo } from '../normalise/yes-no.js';
import type { SheetTable } from '../locate/find-table.js';
import type { SheetData, WorkbookData } from '../read/workbook.js';

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export interface PreviewOptions {
  /** Import only this sheet (by name). */
  sheet?: string;
  /** Column (letter such as "C", or header text) → field key, or null to ignore the column. */
  mapping?: Record<string, string | null>;
  /** The sheet `mapping` applies to (default: `sheet`, else the first sheet of activities). */
  mappingFor?: string;
  /** Rows left out: keys such as "Activités!12", or row numbers of the (first) imported sheet. */
  excludedRows?: (string | number)[];
  /** Rows the import skipped (not activities) that the DPO takes back as activities, by key ("Activités!3"). */
  includedRows?: string[];
  organisationId?: number;
  /** Rows of the preview to return (counts always cover every row). */
  offset?: number;
  limit?: number;
  /** Rows lacking a required field are imported as drafts, each with a point to review. */
  drafts?: boolean;
  /** Row key → list fields for which the file's items replace the activity's (removing the others). */
  replace?: Record<string, string[]>;
  /** The language of the values shown in `fieldChanges` and of the texts written into drafts ("À compléter"); default French. */
  lang?: 'fr' | 'en';
}

export type RowStatus = 'new' | 'update' | 'unchanged' | 'duplicate' | 'error' | 'excluded' | 'skipped';

export interface PreviewColumn {
  index: number;
  letter: string;
  header: string;
  field: string | null;
  confidence: number;
  source: 'auto' | 'saved' | 'user';
  hidden: boolean;
  samples: string[];
  /** Why the column was mapped (or why an obvious header was left unmapped), and what else it could be. */
  why?: Message;
  alternatives?: { field: string; confidence: number }[];
}

export interface PreviewSheet {
  name: string;
  index: number;
  hidden: boolean;
  status: 'imported' | 'not_selected' | 'skipped';
  reason: string;
  /** Why a sheet is skipped, as a text of the catalogue (`errors.sheet.*`) for the DPO. */
  why?: ErrorText;
  /** 1-based, null when the sheet has no table. */
  headerRow: number | null;
  dataRows: number;
  columns: PreviewColumn[];
  savedMapping: string | null;
  /** Required fields no column gives, with the closest columns (one message per sheet). */
  missing?: MissingField[];
  messages?: Message[];
}

export interface PreviewRow {
  key: string;
  sheet: string;
  /** 1-based row of the sheet. */
  row: number;
  hidden: boolean;
  status: RowStatus;
  ref: string;
  name: string;
  existingId: number | null;
  duplicateOf: string | null;
  changes: HistoryChange[];
  /** The update as values, field by field: before → after, added, removed, what "replace" would remove. */
  fieldChanges: FieldChange[];
  /** The organisation the row goes to (Art30 exports name it on each row). */
  organisationName: string;
  warnings: CellIssue[];
  errors: CellIssue[];
  newRecipients: string[];
  /** The original text of the row's mapped cells, kept alongside the normalised activity. */
  source: { field: string; cell: string; text: string }[];
  /** The activity as it would be saved (normalised). */
  activity: ActivityFields | null;
  /** What the row writes, field by field, as the DPO reads it (labels and the register's words; not the name and reference). */
  values: { field: string; label: string; lines: string[] }[];
  /** Skipped rows (not an activity): what the row is and why; `import/preview` with `includedRows` takes it back. */
  skip?: { kind: RowKind; reason: Message };
}

export interface ImportPreview {
  sessionId: string;
  fileName: string;
  sha256: string;
  format: 'xlsx' | 'ods' | 'csv';
  encoding: string | null;
  delimiter: string | null;
  kind: 'table' | 'cnil';
  organisationId: number;
  organisationName: string;
  organisations: { id: number; name: string }[];
  sheets: PreviewSheet[];
  fields: { key: string; labelFr: string; labelEn: string; kind: string; multi: boolean; required: boolean }[];
  /** CNIL template: what the identity blocks change on the organisation. */
  organisation: { changes: HistoryChange[] } | null;
  /** Organisations the commit creates (named by the file, or the register has none yet). */
  newOrganisations: string[];
  /** The file is an export written by Art30 (read exactly, column by column). */
  ownExport: { lang: 'fr' | 'en'; sheet: string } | null;
  newRecipients: string[];
  rows: PreviewRow[];
  offset: number;
  counts: Record<RowStatus, number> & { rows: number; warnings: number; willWrite: number };
}

export interface PlanRow {
  key: string;
  status: RowStatus;
  existingId: number | null;
  existingVersion: number | null;
  fields: ActivityFields | null;
  stamps: { createdAt?: string; updatedAt?: string };
  errors: CellIssue[];
  sheet: string;
  row: number;
  name: string;
  /** 0 when the organisation is created by the commit (see PreviewPlan.newOrganisations). */
  organisationId: number;
  organisationName: string;
}

export interface PreviewPlan {
  optionsKey: string;
  registerState: string;
  organisationId: number;
  rows: PlanRow[];
  organisationUpdate: OrganisationData | null;
  /** Created by the commit, before the rows; rows with organisationId 0 name one of them. */
  newOrganisations: { name: string; data: OrganisationData | null }[];
  /** Directory details read from an Art30 export (contract, DPF), by folded recipient name. */
  recipientDetails: Map<string, { contractRef?: string; contractDate?: string; dpfCertified?: boolean }>;
  preview: ImportPreview;
}

interface Candidate {
  key: string;
  sheet: string;
  row: number;
  hidden: boolean;
  built: BuiltRow;
  source: PreviewRow['source'];
  /** CNIL list rows: rows that a fiche describes are duplicates of the fiche. */
  describedBy?: string;
  /** Art30 exports: the organisation named on the row. */
  organisationName?: string;
  /** A row that is not an activity (section label, example, totals, notes, continuation of the row above). */
  skip?: { kind: RowKind; reason: Message };
}

/** Which field of the spreadsheet a path of the activity comes from. */
const PATH_FIELD: Record<string, string> = { transfers: 'transferCountries', automatedDecision: 'automatedDecision', dpia: 'dpiaStatus' };

/** A value as the preview shows it; a row in error may hold a value not yet normalised: shown as read. */
function shownLines(field: string, v: unknown, L: Labels, typeOf: (name: string) => string | undefined): string[] {
  try {
    return valueLines(field, v, L, typeOf);
  } catch {
    return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : v === undefined || v === null ? [] : [String(v)];
  }
}

export function registerState(reg: Register): string {
  return String(reg.imports.lastHistoryId());
}

function resolveColumn(state: { headers: string[] }, key: string): number {
  if (/^[A-Z]{1,3}$/.test(key)) return parseA1(`${key}1`)!.c;
  if (/^\d+$/.test(key)) return Number(key) - 1;
  const k = foldKey(key);
  return state.headers.findIndex((h) => foldKey(h) === k);
}

/** Applies the DPO's column choices to one sheet's mapping. */
export function applyMapping(session: ImportSession, sheetIndex: number, mapping: Record<string, string | null>, source: 'user' | 'saved'): void {
  const table = session.tables[sheetIndex];
  const state = session.mappings.get(sheetIndex);
  if (!table || !state) throw new AppError('bad_input', text('errors.import.noTableToMap'));
  for (const [col, field] of Object.entries(mapping)) {
    const c = resolveColumn(table, col);
    if (c < 0 || c >= Math.max(table.headers.length, 1) + 50) throw new AppError('bad_input', text('errors.import.noColumn', { sheet: table.sheet.name, column: col }));
    const value = field === '' || field === null || field === 'ignore' ? null : field;
    const def = value ? FIELD_BY_KEY.get(value) : undefined;
    if (value && !def) throw new AppError('bad_input', text('errors.import.notAField', { value }));
    if (def && !def.multi) for (const [other, f] of state.fields) if (f === value && other !== c) state.fields.set(other, null);
    state.fields.set(c, value);
    state.confidence.set(c, 1);
    state.source.set(c, source);
  }
}

export function initialMapping(session: ImportSession, sheetIndex: number): SheetMappingState {
  const table = session.tables[sheetIndex];
  const state: SheetMappingState = { fields: new Map(), confidence: new Map(), source: new Map(), savedMapping: null };
  for (const m of table.mapping) {
    state.fields.set(m.column, m.field);
    state.confidence.set(m.column, m.field ? m.confidence : 0);
    state.source.set(m.column, 'auto');
  }
  return state;
}

function findSheet(session: ImportSession, name: string): number {
  const k = foldKey(name.replace(/_/g, ' '));
  const s = session.workbook.sheets.find((x) => x.name === name) ?? session.workbook.sheets.find((x) => foldKey(x.name.replace(/_/g, ' ')) === k);
  if (!s)
    throw new AppError('bad_input', text('errors.import.noSheet', { file: session.fileName, sheet: name, sheets: session.workbook.sheets.map((x) => `“${x.name}”`).join(', ') }));
  return s.index;
}

export function buildPreview(
  reg: Register,
  session: ImportSession,
  opts: PreviewOptions = {},
  progress?: (p: { phase: string; done: number; total: number }) => void,
): PreviewPlan {
  const orgs = listOrganisations(reg);
  const own = readOwnExport(session.workbook, reg);
  // An empty register: the file's organisations (Art30 exports), or one named after the file.
  const placeholder = { id: 0, name: own?.organisations[0]?.name || session.fileName.replace(/\.[^.]+$/, '') || 'Organisation', version: 0 };
  const organisation = opts.organisationId ? orgs.find((o) => o.id === opts.organisationId) : ([...orgs].sort((a, b) => a.id - b.id)[0] ?? (placeholder as never));
  if (!organisation) throw notFound('organisation', opts.organisationId ?? 0);
  const lang = opts.lang ?? 'fr';
  const labels = Labels.forRegister(reg, lang);
  const replaceFor = (key: string) => new Set(opts.replace?.[key] ?? []);
  const orgByName = new Map(orgs.map((o) => [foldKey(o.name), o]));
  const newOrganisations: PreviewPlan['newOrganisations'] = [];
  if (!orgs.length && !own?.organisations.length) newOrganisations.push({ name: placeholder.name, data: null });
  const recipientDetails: PreviewPlan['recipientDetails'] = new Map();
  const selected = opts.sheet ? findSheet(session, opts.sheet) : null;
  if (selected !== null && session.cnil === null && session.tables[selected].status !== 'table' && !session.fiches?.has(selected)) {
    throw new AppError(
      'bad_input',
      text('errors.import.sheetSkipped', { file: session.fileName, sheet: session.workbook.sheets[selected].name, reason: sheetReason(session.tables[selected].reason) }),
    );
  }
  const tableSheets = session.tables.filter((t) => t.status === 'table' && (session.cnil ? t === session.cnil.listSheet : true));
  if (opts.mapping && Object.keys(opts.mapping).length) {
    const target = opts.mappingFor ? findSheet(session, opts.mappingFor) : (selected ?? tableSheets[0]?.sheet.index);
    if (target === undefined) throw new AppError('bad_input', text('errors.import.nothingToMap', { file: session.fileName }));
    applyMapping(session, target, opts.mapping, 'user');
  }
  const ctx = importContext(reg);
  const candidates: Candidate[] = [];
  const missingBySheet = new Map<number, MissingField[]>();

  if (own) {
    for (const o of own.organisations) if (!orgByName.has(foldKey(o.name))) newOrganisations.push(o);
    for (const r of own.rows) {
      const present = new Set((Object.keys(r.fields) as (keyof ActivityFields)[]).filter((k) => !isBlank(r.fields[k])));
      const built: BuiltRow = {
        fields: r.fields,
        present,
        stamps: r.stamps,
        warnings: [],
        errors: [],
        newRecipients: r.fields.recipients.filter((x) => !ctx.recipients.has(foldKey(x.name))).map((x) => x.name),
      };
      for (const [name, d] of r.recipients) recipientDetails.set(foldKey(name), d);
      candidates.push({ key: r.key, sheet: r.sheet, row: r.row, hidden: false, built, source: [], organisationName: r.organisationName });
    }
  }
  const included = new Set(opts.includedRows ?? []);
  const sheetDepartment = sheetDepartments(session.workbook, tableSheets);
  // Table sheets (and the CNIL list of activities).
  for (const table of own ? [] : tableSheets) {
    if (selected !== null && table.sheet.index !== selected) continue;
    const sheet = table.sheet;
    const state = session.mappings.get(sheet.index)!;
    const mapped = [...state.fields].filter(([, f]) => f);
    const ownParts = session.parts?.filter((p) => p.main === sheet.index) ?? [];
    const linked = ownParts.length ? partIndex(session.tables, ownParts) : null;
    const keyCols = mapped.filter(([, f]) => f === 'ref' || f === 'name').map(([c]) => c);
    const missing = missingFields(table, state).filter((m) => !ownParts.some((p) => [...p.fields.values()].includes(m.field)));
    missingBySheet.set(sheet.index, missing);
    const plan = classifyRows({ sheet, headerRow: table.headerRow, fields: state.fields });
    // A second table under the register, keyed by the activities' names: its rows complete them.
    const side = sideTableIndex(sheet, plan);
    // Columns named once per group of rows (a client, a department, a contact left blank below): their blanks take the value above.
    const grouped = groupedColumns(sheet.rows, plan, state.fields, (r, c) => mergedValue(sheet, r, c));
    const continued = new Map<number, number[]>();
    for (const p of plan) if (p.kind === 'continuation' && !included.has(`${sheet.name}!${p.r + 1}`)) continued.set(p.of!, [...(continued.get(p.of!) ?? []), p.r]);
    const department = sheetDepartment.get(sheet.index);
    // A transposed sheet's cells are named as the DPO sees them (activities in columns).
    const at = (r: number, c: number) => (sheet.transposed ? cellName(c, r) : cellName(r, c));
    for (const p of plan) {
      if (p.kind === 'blank') continue;
      const r = p.r;
      const row = sheet.rows[r];
      const key = `${sheet.name}!${r + 1}`;
      if (p.kind !== 'activity' && !included.has(key)) {
        const texts = row.map((text, c) => ({ text, c })).filter((x) => x.text.trim());
        const source = texts.map((x) => ({ field: state.fields.get(x.c) ?? '', cell: at(r, x.c), text: x.text }));
        candidates.push({ key, sheet: sheet.name, row: r + 1, hidden: sheet.hiddenRows.has(r), built: EMPTY_ROW, source, skip: { kind: p.kind, reason: p.reason! } });
        continue;
      }
      if (!mapped.some(([c]) => (row[c] ?? '').trim())) continue;
      const name = row[mapped.find(([, f]) => f === 'name')?.[0] ?? -1] ?? '';
      if (session.cnil && /^\(?\s*(exemple|example)\b/i.test(name.trim())) continue;
      const cells: RowCells = new Map();
      const source: PreviewRow['source'] = [];
      const purposeLines: PurposeLine[] = [];
      const filledDown: CellIssue[] = [];
      // The activity's row, then the rows that continue it (one item more per row, below).
      for (const rr of [r, ...(continued.get(r) ?? [])]) {
        const line = sheet.rows[rr] ?? [];
        // A continuation row naming a sub-purpose with its basis beside it: that basis serves it (issue 25).
        const subColumn = rr === r ? -1 : (mapped.find(([c, field]) => field === 'subPurposes' && (line[c] ?? '').trim())?.[0] ?? -1);
        const withBasis = subColumn >= 0 && mapped.some(([c, field]) => PURPOSE_BASIS_FIELDS.includes(field as never) && (line[c] ?? '').trim());
        const own: PurposeLine | null = withBasis ? { subPurpose: line[subColumn], cells: new Map() } : null;
        if (own) purposeLines.push(own);
        for (const [c, field] of mapped) {
          let text = line[c] || (rr === r ? mergedValue(sheet, rr, c) : '');
          const above = rr === r && !text.trim() ? grouped.get(c)?.get(r) : undefined;
          if (above !== undefined) {
            text = sheet.rows[above]?.[c] || mergedValue(sheet, above, c);
            filledDown.push({
              field: field!,
              cell: at(above, c),
              value: text.trim(),
              message: `"${text.trim()}" is taken from row ${above + 1} above: the column names it once for the rows below.`,
              code: 'filled_down',
              params: { row: above + 1 },
            });
          }
          if (!text.trim()) continue;
          // A ticked column gives its header as the value; an unticked one gives nothing.
          const tick = table.ticks?.get(c);
          if (tick !== undefined && state.source.get(c) === 'auto') {
            if (parseYesNo(text) !== true) continue;
            text = tick;
          }
          const cell = above !== undefined ? at(above, c) : at(rr, c);
          const entry = { cell, text, formula: sheet.formulas.size > 0 && sheet.formulas.has(`${rr}:${c}`) };
          if (own && PURPOSE_BASIS_FIELDS.includes(field as never)) {
            own.cells.set(field!, [...(own.cells.get(field!) ?? []), entry]);
            source.push({ field: field!, cell, text });
            continue;
          }
          const list = cells.get(field!);
          if (list) {
            // A single-value field continued below: its text goes on (a purpose written over two rows).
            if (rr !== r && !FIELD_BY_KEY.get(field!)?.multi && list.length === 1) list[0] = { ...list[0], text: `${list[0].text}\n${text}` };
            else list.push(entry);
          } else cells.set(field!, [entry]);
          // In the order of the columns.
          source.push({ field: field!, cell, text });
        }
      }
      // The section label above the rows, else the sheet's own department: the department of rows that give none.
      if (!cells.has('department')) {
        if (p.section !== undefined) cells.set('department', [{ cell: at(p.sectionRow!, 0), text: p.section, formula: false }]);
        else if (department) cells.set('department', [{ cell: department.cell, text: department.text, formula: false }]);
      }
      for (const key of side ? new Set(keyCols.map((c) => foldKey(row[c] ?? ''))) : []) {
        for (const x of side!.get(key) ?? []) {
          const list = cells.get(x.field);
          const entry = { cell: at(x.r, x.c), text: x.text, formula: false };
          if (list) list.push(entry);
          else cells.set(x.field, [entry]);
          source.push({ field: x.field, cell: entry.cell, text: x.text });
        }
      }
      if (linked) {
        // The rows of the part sheets that name this activity (by reference or name), or all of them for a single activity.
        const seenKeys = new Set<string>();
        for (const key of [...keyCols.map((c) => foldKey(row[c] ?? '')), '*']) {
          if (!key || seenKeys.has(key)) continue;
          seenKeys.add(key);
          for (const x of linked.get(key) ?? []) {
            const list = cells.get(x.field);
            const entry = { cell: x.cell, text: x.text, formula: false };
            if (list) list.push(entry);
            else cells.set(x.field, [entry]);
            source.push(x);
          }
        }
      }
      const read = withPurposeBases(buildRow(cells, ctx), purposeLines, ctx);
      const built = filledDown.length ? { ...read, warnings: [...read.warnings, ...filledDown] } : read;
      if (!built.fields.name || !built.fields.purpose) {
        // The name from the purpose, the purpose of a processor's processing: a copy, the built row is shared.
        const own: BuiltRow = { ...built, fields: { ...built.fields }, present: new Set(built.present), warnings: [...built.warnings] };
        deriveFields(own, (f) => (cells.get(f) ?? []).map((c) => c.text), opts.lang ?? 'en');
        candidates.push({ key: `${sheet.name}!${r + 1}`, sheet: sheet.name, row: r + 1, hidden: sheet.hiddenRows.has(r), built: own, source });
        continue;
      }
      candidates.push({ key: `${sheet.name}!${r + 1}`, sheet: sheet.name, row: r + 1, hidden: sheet.hiddenRows.has(r), built, source });
    }
  }
  // Fiches of any workbook: one activity per sheet of labels and values.
  for (const [index, labels] of own ? [] : (session.fiches ?? [])) {
    if (selected !== null && index !== selected) continue;
    // Several fiches stacked in one sheet: one activity per block.
    const sheet = session.workbook.sheets[index];
    for (const block of ficheBlocks(sheet, labels)) {
      const f = readGenericFiche(sheet, block, ctx, session.ficheSides?.length ? ficheSideCells(session.tables, session.ficheSides) : undefined);
      const own: BuiltRow = { ...f.built, fields: { ...f.built.fields }, present: new Set(f.built.present), warnings: [...f.built.warnings] };
      const guide = session.guidance?.get(index);
      if (guide?.length) {
        const columns = guide.map(columnLetter).join(', ');
        own.warnings.push({
          field: '',
          cell: '',
          value: columns,
          message: `column ${columns} explains each label (the template's guidance): not read as values.`,
          code: 'guidance_column',
          params: { columns },
        });
      }
      deriveFields(own, (field) => f.source.filter((x) => x.field === field).map((x) => x.text), opts.lang ?? 'en');
      candidates.push({ key: `${f.sheet.name}!${f.row + 1}`, sheet: f.sheet.name, row: f.row + 1, hidden: f.sheet.hidden, built: own, source: f.source });
    }
  }
  // CNIL fiches: one complete activity per filled fiche sheet.
  let organisationUpdate: OrganisationData | null = null;
  let orgChanges: HistoryChange[] = [];
  if (session.cnil && !own) {
    const fiches = session.cnil.ficheSheets.filter((i) => selected === null || i === selected).map((i) => readFiche(session.workbook.sheets[i], ctx));
    const fromFiche = new Map<string, string>();
    for (const f of fiches) {
      const key = `${f.sheet.name}!${f.row + 1}`;
      candidates.push({ key, sheet: f.sheet.name, row: f.row + 1, hidden: f.sheet.hidden, built: f.built, source: [] });
      if (f.built.fields.ref) fromFiche.set(`ref:${foldKey(f.built.fields.ref)}`, key);
      if (f.built.fields.name) fromFiche.set(`name:${foldKey(f.built.fields.name)}`, key);
    }
    for (const c of candidates) {
      if (c.sheet !== session.cnil.listSheet?.sheet.name) continue;
      const byRef = c.built.fields.ref ? fromFiche.get(`ref:${foldKey(c.built.fields.ref)}`) : undefined;
      c.describedBy = byRef ?? (c.built.fields.name ? fromFiche.get(`name:${foldKey(c.built.fields.name)}`) : undefined);
    }
    // Identity blocks → the organisation (sheet 2 first, then the actors of the fiches).
    const identity = { ...session.cnil.identity };
    for (const i of session.cnil.ficheSheets) {
      const actors = ficheActors(session.workbook.sheets[i]);
      for (const k of ['head', 'representative', 'dpo'] as const) if (!identity[k] && actors[k]) identity[k] = actors[k];
    }
    if (identity.head || identity.representative || identity.dpo) {
      const current = organisationData(organisation);
      const next = structuredClone(current) as OrganisationData;
      for (const k of ['head', 'representative', 'dpo'] as const) {
        if (identity[k]) next[k] = { ...(current[k] ?? {}), ...identity[k] } as never;
      }
      const parsed = organisationInputSchema.safeParse(next);
      if (parsed.success) {
        orgChanges = diffRecords(current, parsed.data);
        if (orgChanges.length) organisationUpdate = parsed.data;
      }
    }
  }
  if (!candidates.some((c) => !c.skip) && !organisationUpdate) {
    const onlySkipped = new Set(candidates.map((c) => c.sheet));
    const reasons = session.tables.map((t, i) =>
      sheetWithReason(
        t.sheet.name,
        session.cnil
          ? (session.cnil.skipped.find((s) => s.index === i)?.reason ?? (t === session.cnil.listSheet ? 'the list holds only the CNIL’s example row' : 'nothing to import'))
          : onlySkipped.has(t.sheet.name)
            ? 'no row is an activity'
            : t.reason,
      ),
    );
    throw new AppError('bad_input', text('errors.import.noActivity', { file: session.fileName, why: reasons }));
  }

  // Excluded rows: keys, or row numbers of the first imported sheet.
  const firstSheet = candidates[0]?.sheet ?? '';
  const excluded = new Set((opts.excludedRows ?? []).map((x) => (typeof x === 'number' || /^\d+$/.test(x) ? `${firstSheet}!${x}` : x)));

  // Existing activities of each organisation, for matching.
  type Existing = ReturnType<typeof reg.activities.loadMany>;
  const indexes = new Map<number, { byRef: Map<string, Existing[number]>; byNameDept: Map<string, Existing[number]>; byName: Map<string, Existing> }>();
  const indexOf = (organisationId: number) => {
    let ix = indexes.get(organisationId);
    if (!ix) {
      const existing = organisationId ? reg.activities.loadMany({ organisationId }) : [];
      const byName = new Map<string, Existing>();
      for (const a of existing) byName.set(foldKey(a.name), [...(byName.get(foldKey(a.name)) ?? []), a]);
      ix = { byRef: new Map(existing.map((a) => [a.ref.toUpperCase(), a])), byNameDept: new Map(existing.map((a) => [`${foldKey(a.name)}|${foldKey(a.department)}`, a])), byName };
      indexes.set(organisationId, ix);
    }
    return ix;
  };

  const seen = new Map<string, string>();
  const planRows: PlanRow[] = [];
  const rows: PreviewRow[] = [];
  const counts = { new: 0, update: 0, unchanged: 0, duplicate: 0, error: 0, excluded: 0, skipped: 0, rows: 0, warnings: 0, willWrite: 0 };
  const allNewRecipients = new Set<string>();
  const step = Math.max(500, Math.floor(candidates.length / 20));
  for (const [index, c] of candidates.entries()) {
    if (progress && index % step === 0) progress({ phase: 'import.phase.checking', done: index, total: candidates.length });
    if (c.skip) {
      counts.skipped++;
      counts.rows++;
      const row = { key: c.key, sheet: c.sheet, row: c.row, hidden: c.hidden, status: 'skipped' as const, ref: '', name: c.source[0]?.text.trim().slice(0, 200) ?? '' };
      planRows.push({
        ...row,
        existingId: null,
        existingVersion: null,
        fields: null,
        stamps: {},
        errors: [],
        organisationId: organisation.id,
        organisationName: organisation.name,
      });
      rows.push({
        ...row,
        existingId: null,
        duplicateOf: null,
        changes: [],
        fieldChanges: [],
        organisationName: organisation.name,
        warnings: [],
        errors: [],
        newRecipients: [],
        source: c.source,
        activity: null,
        values: [],
        skip: c.skip,
      });
      continue;
    }
    const b = c.built;
    const target = c.organisationName ? (orgByName.get(foldKey(c.organisationName)) ?? { id: 0, name: c.organisationName }) : organisation;
    const { byRef, byNameDept, byName } = indexOf(target.id);
    const errors = [...b.errors];
    const ref = b.fields.ref ?? '';
    const name = b.fields.name ?? '';
    const dept = b.fields.department ?? '';
    const nameKey = foldKey(name);
    const nameDeptKey = `${nameKey}|${foldKey(dept)}`;
    const sameName = byName.get(nameKey);
    // A processor's activity is the service and the client together: two clients buying one service are two activities.
    const clientsKey = clientKey(b.fields.clients ?? []);
    const sameClients = (a: Parameters<typeof activityFields>[0] | undefined) => (!clientsKey || !a || clientKey(activityFields(a).clients) === clientsKey ? a : undefined);
    const match =
      (ref && byRef.get(ref.toUpperCase())) ||
      (name &&
        (b.present.has('department')
          ? sameClients(byNameDept.get(nameDeptKey))
          : clientsKey
            ? sameName?.find((a) => sameClients(a))
            : sameName?.length === 1
              ? sameName[0]
              : undefined)) ||
      undefined;
    const dupKey = `${foldKey(target.name)}|${ref ? `ref:${ref.toUpperCase()}` : `name:${nameDeptKey}${clientsKey ? `|clients:${clientsKey}` : ''}`}`;
    let status: RowStatus;
    let duplicateOf: string | null = c.describedBy ?? null;
    let fields: ActivityFields | null = null;
    let changes: HistoryChange[] = [];
    const fieldCell = (field: string) => {
      const issue = b.warnings.find((w) => w.field === field);
      return issue?.cell ?? '';
    };
    if (!duplicateOf && (ref || name)) duplicateOf = seen.get(dupKey) ?? null;
    if (!duplicateOf && (ref || name)) seen.set(dupKey, c.key);
    const base = match ? activityFields(match) : null;
    const replace = replaceFor(c.key);
    const merged: Record<string, unknown> = base ? mergeActivity(base, b.fields, b.present, replace) : {};
    if (!base) for (const k of b.present) merged[k] = b.fields[k];
    let fieldChangeList: FieldChange[] = [];
    const warnings = [...b.warnings];
    if (base && ref && base.ref.toUpperCase() !== ref.toUpperCase()) {
      // Matched by name: the register's reference stays.
      merged.ref = base.ref;
      warnings.push({
        field: 'ref',
        cell: '',
        value: ref,
        message: `matched to the existing activity ${base.ref} by its name; its reference ${base.ref} is kept (the file says ${ref}).`,
        code: 'matched_by_name',
        params: { ref: base.ref },
      });
    }
    const sheetMissing = missingOf(missingBySheet, session, c.sheet);
    if (!name && !base)
      errors.push({
        field: 'name',
        cell: '',
        value: '',
        message: sheetMissing.has('name')
          ? 'no column of this sheet gives the name (see the sheet’s message for the closest columns).'
          : 'the activity has no name (column "Nom du traitement" / "Processing activity" is empty).',
        code: sheetMissing.has('name') ? 'no_name_column' : 'no_name',
      });
    if (!b.fields.purpose && !base?.purpose)
      errors.push({
        field: 'purpose',
        cell: '',
        value: '',
        message: sheetMissing.has('purpose')
          ? 'no column of this sheet gives the purpose (see the sheet’s message for the closest columns).'
          : 'the purpose is empty: every activity needs one (column "Finalité" / "Purpose").',
        code: sheetMissing.has('purpose') ? 'no_purpose_column' : 'no_purpose',
      });
    // A sheet without a purpose (or name) column at all says nothing of it on any row: its rows are drafts
    // to complete, not errors (the sheet's message says so); a row that left its cell empty needs `drafts`.
    const columnLacking = errors.length > 0 && errors.every((e) => e.code === 'no_purpose_column' || e.code === 'no_name_column');
    if (errors.length && (opts.drafts || columnLacking) && asDraft(merged, errors, warnings, c.key, opts.lang ?? 'fr')) {
      b.present.add('name');
      b.present.add('purpose');
      b.present.add('status');
    }
    if (!errors.length) fields = quickFields(merged, b.present);
    if (!errors.length && !fields) {
      const parsed = activityFieldsSchema.safeParse(merged);
      if (parsed.success) fields = parsed.data;
      else {
        for (const issue of parsed.error.issues) {
          const top = String(issue.path[0] ?? '');
          const field = PATH_FIELD[top] ?? top;
          const label = FIELD_BY_KEY.get(field)?.labelEn ?? field;
          // The detail in the preview's language (the catalogue's words for the problem, as the API's errors say it).
          const said = issueText(issue);
          errors.push({
            field,
            cell: fieldCell(field),
            value: '',
            message: `${label} ${issue.message}.`,
            code: 'invalid',
            params: { detail: t(lang, said.key, flatParams(said.params)) },
          });
        }
      }
    }
    if (excluded.has(c.key)) status = 'excluded';
    else if (duplicateOf) status = 'duplicate';
    else if (errors.length) status = 'error';
    else if (match) {
      changes = diffRecords(comparable(base!), comparable(fields!));
      fieldChangeList = fieldChanges(base!, fields!, b.fields, b.present, replace, labels, lang, (n) => ctx.recipients.get(foldKey(n))?.type);
      status = changes.length ? 'update' : 'unchanged';
    } else status = 'new';
    counts[status]++;
    counts.rows++;
    counts.warnings += warnings.length;
    if (status === 'new' || status === 'update') {
      counts.willWrite++;
      for (const r of b.newRecipients) allNewRecipients.add(r);
    }
    planRows.push({
      key: c.key,
      status,
      existingId: match?.id ?? null,
      existingVersion: match?.version ?? null,
      fields,
      stamps: b.stamps,
      errors,
      sheet: c.sheet,
      row: c.row,
      name: fields?.name ?? name,
      organisationId: target.id,
      organisationName: target.name,
    });
    rows.push({
      key: c.key,
      sheet: c.sheet,
      row: c.row,
      hidden: c.hidden,
      status,
      ref: ref || match?.ref || '',
      name: fields?.name ?? name,
      existingId: match?.id ?? null,
      duplicateOf,
      changes,
      fieldChanges: fieldChangeList,
      organisationName: target.name,
      warnings,
      errors,
      newRecipients: b.newRecipients,
      source: c.source,
      activity: fields,
      values: [],
    });
    // The values each row writes, as the preview lists them: worked out when first read (the window and
    // `--json` read them; an import committed without showing its rows never does).
    lazyValue(rows[rows.length - 1], 'values', shownValues([...b.present], fields ?? merged, labels, lang, ctx));
  }

  const sheets: PreviewSheet[] = session.tables.map((t) => {
    const s = t.sheet;
    const cnilSkip = session.cnil?.skipped.find((x) => x.index === s.index);
    const isFiche = !own && ((session.cnil?.ficheSheets.includes(s.index) ?? false) || (session.fiches?.has(s.index) ?? false));
    const state = session.mappings.get(s.index);
    const importable = own ? s.name === own.detailSheet : session.cnil ? isFiche || session.cnil.listSheet === t : t.status === 'table' || isFiche;
    const status: PreviewSheet['status'] = !importable ? 'skipped' : selected !== null && selected !== s.index ? 'not_selected' : 'imported';
    const columns: PreviewColumn[] =
      state && !isFiche
        ? t.headers.map((header, index) => ({
            index,
            letter: columnLetter(index),
            header,
            field: state.fields.get(index) ?? null,
            confidence: state.fields.get(index) ? (state.confidence.get(index) ?? 0) : 0,
            source: state.source.get(index) ?? 'auto',
            hidden: s.hiddenCols.has(index),
            samples: samplesOf(t.sheet.rows, t.headerRow, index),
            why:
              state.source.get(index) === 'user'
                ? { key: 'mapping.why.user' }
                : state.source.get(index) === 'saved'
                  ? { key: 'mapping.why.saved' }
                  : columnWhy(t, index, state.fields.get(index) ?? null),
            alternatives: t.mapping[index]?.alternatives,
          }))
        : [];
    return {
      name: s.name,
      index: s.index,
      hidden: s.hidden,
      status,
      reason: !importable
        ? own
          ? `Art30 export: its activities are read from the sheet "${own.detailSheet}"`
          : (cnilSkip?.reason ?? t.reason)
        : isFiche
          ? session.cnil
            ? 'CNIL fiche: one activity'
            : 'fiche: one activity'
          : '',
      ...(!importable ? { why: sheetReason(own ? 'Art30 export' : (cnilSkip?.reason ?? t.reason)) } : {}),
      headerRow: t.headerRow >= 0 && !isFiche ? t.headerRow + 1 : null,
      dataRows: isFiche ? 1 : rows.filter((r) => r.sheet === s.name).length,
      columns,
      savedMapping: state?.savedMapping ?? null,
      ...(missingBySheet.get(s.index)?.length
        ? {
            missing: missingBySheet.get(s.index),
            messages: [
              ...missingMessages(s.name, missingBySheet.get(s.index)!),
              { key: missingBySheet.get(s.index)!.some((m) => FIELD_BY_KEY.get(m.field)?.required) ? 'mapping.missing.asDrafts' : 'mapping.missing.drafts' },
            ],
          }
        : fallbacks(t, state).length
          ? { messages: fallbacks(t, state) }
          : {}),
    };
  });

  const offset = Math.max(0, opts.offset ?? 0);
  const limit = opts.limit ?? rows.length;
  const preview: ImportPreview = {
    sessionId: session.id,
    fileName: session.fileName,
    sha256: session.sha256,
    format: session.workbook.format,
    encoding: session.workbook.encoding ?? null,
    delimiter: session.workbook.delimiter ?? null,
    kind: session.cnil ? 'cnil' : 'table',
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisations: orgs.map((o) => ({ id: o.id, name: o.name })),
    sheets,
    fields: FIELDS.map((d) => ({ key: d.key, labelFr: d.labelFr, labelEn: d.labelEn, kind: d.kind, multi: d.multi, required: Boolean(d.required) })),
    organisation: organisationUpdate ? { changes: orgChanges } : null,
    newOrganisations: newOrganisations.map((o) => o.name),
    ownExport: own ? { lang: own.lang, sheet: own.detailSheet } : null,
    newRecipients: [...allNewRecipients],
    rows: rows.slice(offset, offset + limit),
    offset,
    counts,
  };
  return {
    optionsKey: optionsKey({ ...opts, organisationId: organisation.id }),
    registerState: registerState(reg),
    organisationId: organisation.id,
    rows: planRows,
    organisationUpdate,
    newOrganisations,
    recipientDetails,
    preview,
  };
}

/**
 * The values a row writes, as the preview lists them, worked out on first read. A function of its own: the
 * closure keeps what it names, not the whole of the row's scope (ten thousand rows of a file stay in memory).
 */
function shownValues(present: string[], shown: Record<string, unknown>, labels: Labels, lang: Parameters<typeof fieldLabel>[1], ctx: ImportContext): () => PreviewRow['values'] {
  return () =>
    present
      .filter((f) => f !== 'name' && f !== 'ref')
      .map((f) => ({
        field: f,
        label: fieldLabel(f, lang),
        lines: shownLines(f, shown[f], labels, (n) => ctx.recipients.get(foldKey(n))?.type),
      }))
      .filter((v) => v.lines.length > 0);
}

/** An enumerable property computed on first read (JSON and structured clone read it like any other), then kept. */
function lazyValue<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
    set(value: T[K]) {
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    },
  });
}

function samplesOf(rows: string[][], headerRow: number, c: number): string[] {
  const out: string[] = [];
  for (let r = headerRow + 1; r < rows.length && out.length < 3; r++) {
    const v = (rows[r]?.[c] ?? '').trim();
    if (v) out.push(v.length > 80 ? `${v.slice(0, 79)}…` : v);
  }
  return out;
}

/** What the diff compares: recipients by name (new ones have no directory entry yet). */
function comparable(f: ActivityFields): unknown {
  return { ...f, recipients: f.recipients.map((r) => ({ name: r.name, role: r.role, precision: r.precision })) };
}

export function optionsKey(opts: PreviewOptions): string {
  return JSON.stringify({
    sheet: opts.sheet ?? null,
    organisationId: opts.organisationId ?? null,
    drafts: Boolean(opts.drafts),
    excludedRows: [...(opts.excludedRows ?? [])].map(String).sort(),
    includedRows: [...(opts.includedRows ?? [])].sort(),
    replace: opts.replace ?? {},
    lang: opts.lang ?? 'fr',
  });
}

/** The mapping's reason for a column; an unmapped header that reads like a field is flagged. */
function columnWhy(
  t: { mapping: { column: number; why?: Message; alternatives?: { field: string; confidence: number }[]; confidence: number }[] },
  index: number,
  field: string | null,
): Message | undefined {
  const m = t.mapping[index];
  if (!m) return undefined;
  if (field) return m.why;
  if (m.why?.key === 'mapping.why.taken' || m.why?.key === 'mapping.why.tickGroup') return m.why;
  if ((m.alternatives?.[0]?.confidence ?? 0) >= 0.3) return { key: 'mapping.unmapped.obvious' };
  return undefined;
}

function missingOf(bySheet: Map<number, MissingField[]>, session: ImportSession, sheet: string): Set<string> {
  const s = session.workbook.sheets.find((x) => x.name === sheet);
  return new Set((s ? bySheet.get(s.index) : undefined)?.map((m) => m.field) ?? []);
}

/** Plain parameters of a zod issue's text (values only: a schema's refinements give no nested texts). */
function flatParams(params: MessageParams | undefined): Record<string, string | number> | undefined {
  if (!params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

const EMPTY_ROW: BuiltRow = { fields: {}, present: new Set(), stamps: {}, warnings: [], errors: [], newRecipients: [] };

/** The text of a merge that covers cell (r, c) from above (a department or purpose merged down several rows). */
function mergedValue(sheet: SheetData, r: number, c: number): string {
  for (const m of sheet.merges) if (m.r1 < r && m.r2 >= r && m.c1 <= c && m.c2 >= c && m.c1 === c) return sheet.rows[m.r1]?.[m.c1] ?? '';
  return '';
}

/**
 * Context as a signal: when a workbook holds several registers, each sheet is a department's (its name,
 * or the label a contents sheet gives it). A sheet whose name is a register word is no department.
 */
function sheetDepartments(workbook: WorkbookData, tables: SheetTable[]): Map<number, { text: string; cell: string }> {
  const out = new Map<number, { text: string; cell: string }>();
  const contents = new Map<string, { text: string; cell: string }>();
  for (const s of workbook.sheets) {
    if (tables.some((t) => t.sheet === s)) continue;
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const target = tables.find((t) => t.sheet.name.trim() === cell.trim());
        const label = row.find((x, k) => k !== c && x.trim() && !/^\d+$/.test(x.trim()) && x.trim().length <= 60);
        if (target && label && !contents.has(target.sheet.name)) contents.set(target.sheet.name, { text: label.trim(), cell: `${s.name}!${cellName(r, row.indexOf(label))}` });
      }),
    );
  }
  for (const t of tables) {
    const named = contents.get(t.sheet.name);
    if (named) out.set(t.sheet.index, named);
    else if (tables.length >= 2 && !isRegisterWord(t.sheet.name)) out.set(t.sheet.index, { text: t.sheet.name.trim(), cell: `${t.sheet.name}!` });
  }
  return out;
}

/** A required field given by its most plausible column, not a confident one: said once per sheet. */
function fallbacks(t: SheetTable, state: SheetMappingState | undefined): Message[] {
  if (!state) return [];
  return t.mapping
    .filter((m) => m.why?.key === 'mapping.why.fallback' && state.fields.get(m.column) === m.field && state.source.get(m.column) === 'auto')
    .map((m) => ({
      key: 'mapping.fallback',
      params: {
        sheet: t.sheet.name,
        column: `${columnLetter(m.column)} “${m.header}”`,
        fieldFr: String(m.why?.params?.fieldFr ?? ''),
        fieldEn: String(m.why?.params?.fieldEn ?? ''),
      },
    }));
}

/** The clients of a processor's activity, folded and sorted: part of what identifies it. */
function clientKey(clients: { name: string }[]): string {
  return clients
    .map((c) => foldKey(c.name))
    .filter(Boolean)
    .sort()
    .join('+');
}
