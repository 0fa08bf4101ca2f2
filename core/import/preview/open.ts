/** Opening a file for import: read it, find its tables, apply saved mappings, start a session. */
import path from 'node:path';
import { AppError, text } from '../../errors.js';
import { sheetWithReason } from '../locate/sheet-reason.js';
import { sha256 } from '../../files.js';
import type { Register } from '../../register.js';
import { analyseCnil, looksLikeCnil } from '../locate/cnil-template.js';
import { ficheLabels, guidanceColumns, withoutColumns, withoutTemplateHeader } from '../locate/fiche.js';
import { findTable } from '../locate/find-table.js';
import { findParts } from '../assemble/relational.js';
import { findFicheSides } from '../assemble/fiche-sides.js';
import { undoFallback } from '../assign/columns.js';
import { legalEntityShare } from '../assign/content-signal.js';
import { findTickRuns, tickMapping, type TickField } from '../assign/ticks.js';
import { parseLegalBases } from '../normalise/legal-basis.js';
import { VocabularyMatcher } from '../normalise/vocab.js';
import type { VocabularyKind } from '../../model/codes.js';
import { CountryMatcher } from '../normalise/country.js';
import { IMPORT_LIMITS } from '../read/limits.js';
import { columnLetter, transposeSheet, type SheetData } from '../read/workbook.js';
import { applyMapping, initialMapping } from './preview.js';
import { readWorkbook } from '../read/read-workbook.js';
import { mappingForHeaders } from '../assign/saved-mappings.js';
import { addSession, type ImportSession } from './sessions.js';

/** The file's own name, whatever the platform wrote before it ("C:\\Users\\…\\rh.xlsx"). */
export function baseName(fileName: string): string {
  return path.basename(fileName.split(/[\\/]/).pop() || fileName);
}

export function openImport(reg: Register, data: Buffer, fileName: string, limits = IMPORT_LIMITS): ImportSession {
  const name = baseName(fileName);
  const read = readWorkbook(data, name, limits);
  if (read.kind === 'json') {
    throw new AppError('bad_input', text('errors.file.json', { file: name }));
  }
  const workbook = read.workbook;
  if (!workbook.sheets.length || workbook.sheets.every((s) => !s.rows.some((r) => r.some((c) => c.trim())))) {
    throw new AppError('bad_input', text('errors.file.noValue', { file: name }));
  }
  const countries = new CountryMatcher(reg.reference.countries());
  const tables = workbook.sheets.map((s) => findTable(s, { country: (t) => countries.match(t) }));
  const cnil = looksLikeCnil(workbook) ? analyseCnil(workbook) : null;
  if (cnil && cnil.listSheet) tables[cnil.listSheet.sheet.index] = cnil.listSheet;
  // Fiches in any workbook: a sheet without a table whose labels and values describe one activity.
  const fiches = new Map<number, NonNullable<ReturnType<typeof ficheLabels>>>();
  const guidance = new Map<number, number[]>();
  if (!cnil) {
    for (const [i, t] of tables.entries()) {
      if (t.reason === 'empty sheet' || (t.status !== 'table' && !/no recognisable header row|headers only/.test(t.reason))) continue;
      // A table whose header reads as five fields or more is a table (a fiche read as a table maps one or two columns).
      if (t.status === 'table' && t.mapping.filter((m) => m.field).length >= 5) continue;
      const found = ficheLabels(t.sheet);
      if (!found) continue;
      // A template's guidance between the labels and the values: read as blank (the rows say so, preview.ts).
      const guide = guidanceColumns(t.sheet, found);
      const labels = withoutTemplateHeader(t.sheet, found, guide);
      if (guide.length) {
        workbook.sheets[i] = withoutColumns(t.sheet, guide);
        guidance.set(i, guide);
      }
      const sheet = workbook.sheets[i];
      // A column of labels read as a table gives one or two mapped columns; as a fiche, many fields.
      const mapped = t.mapping.filter((m) => m.field).length;
      if (t.status === 'table' && mapped >= new Set(labels.map((l) => l.field)).size) continue;
      // Labels down a column with several columns of values beside them: activities as columns, read transposed.
      if (valueColumns(sheet, labels) >= 2) {
        const turned = findTable(transposeSheet(sheet), { country: (x) => countries.match(x) });
        if (turned.status === 'table' && turned.dataRows.length >= 2) {
          tables[i] = turned;
          continue;
        }
      }
      fiches.set(t.sheet.index, labels);
      tables[i] = { ...t, sheet, status: 'skipped', reason: 'fiche: one activity' };
    }
  }
  // Runs of ticked columns: each column a value of one list field.
  if (!cnil) {
    const valueOf = tickValues(reg, countries);
    for (const t of tables) {
      if (t.status !== 'table') continue;
      const ticks = findTickRuns(t.sheet, t.headerRow, t.dataRows, valueOf);
      if (!ticks.length) continue;
      t.ticks = new Map(ticks.filter((x) => x.field).map((x) => [x.column, x.value]));
      for (const x of ticks) t.mapping[x.column] = tickMapping(t.mapping[x.column] ?? { column: x.column, header: x.value, field: null, confidence: 0 }, x);
    }
  }
  // Relational workbooks: sheets of purposes, data, recipients… linked to the activity sheet.
  // (after the fiches: a fiche sheet is never a part)
  const parts = cnil ? [] : findParts(tables);
  for (const p of parts) for (const field of p.fields.values()) undoFallback(tables[p.main].mapping, field);
  // A sheet with no column naming an activity (no name, purpose or processing) beside a register that
  // has one: a list that goes with the register (sub-processors, contacts), not activities of its own.
  // (a column only guessed at — "Render.com (USA)" read as a purpose at 50 % — names nothing)
  const identity = (t: (typeof tables)[number]) => t.mapping.some((m) => m.field && IDENTITY_FIELDS.has(m.field) && m.confidence >= 0.7);
  // Fiches of activities (one per sheet) beside a sheet that holds only their organisation's identity (a name,
  // dates, no purpose): that sheet is a cover, not an activity.
  const withPurpose = [...fiches].filter(([, labels]) => labels.some((l) => PURPOSE_FIELDS.has(l.field)));
  if (withPurpose.length)
    for (const [i, labels] of [...fiches]) {
      if (labels.some((l) => PURPOSE_FIELDS.has(l.field))) continue;
      fiches.delete(i);
      tables[i] = { ...tables[i], status: 'skipped', reason: 'a list beside the register' };
    }
  // One activity over several sheets: the only fiche, and sheets named after its lists beside it.
  const ficheSides = fiches.size === 1 && !cnil ? findFicheSides(tables, [...fiches.keys()][0]) : [];
  for (const side of ficheSides) tables[side.sheet] = { ...tables[side.sheet], status: 'skipped', reason: 'part of the fiche' };
  if (!cnil && (fiches.size > 0 || tables.some((t) => t.status === 'table' && identity(t))))
    for (const [i, t] of tables.entries())
      if (t.status === 'table' && !identity(t) && !parts.some((p) => p.index === t.sheet.index)) tables[i] = { ...t, status: 'skipped', reason: 'a list beside the register' };
  // A sheet whose names are companies' ("CloudSuite Ireland Ltd.", "MainRack GmbH", most of them): a list of vendors or
  // sub-processors, whatever its other columns say (a "Zweck" there is what the vendor does), not activities.
  for (const [i, t] of tables.entries()) {
    const nameColumn = t.status === 'table' ? t.mapping.find((m) => m.field === 'name')?.column : undefined;
    if (nameColumn === undefined) continue;
    const names = t.dataRows.map((r) => t.sheet.rows[r]?.[nameColumn] ?? '').filter((v) => v.trim());
    if (names.length >= 2 && legalEntityShare(names) >= 0.6) tables[i] = { ...t, status: 'skipped', reason: 'a list of organisations' };
  }
  const session = addSession({
    registerFile: reg.file,
    fileName: name,
    sha256: sha256(data),
    size: data.length,
    workbook,
    tables,
    cnil,
    mappings: new Map(),
    fiches,
    guidance,
    parts,
    ficheSides,
  });
  for (const t of tables) {
    if (t.status !== 'table' || (cnil && t !== cnil.listSheet)) continue;
    session.mappings.set(t.sheet.index, initialMapping(session, t.sheet.index));
    const saved = mappingForHeaders(reg, t.headers);
    if (saved) {
      const columns: Record<string, string | null> = {};
      for (const [letter, field] of Object.entries(saved.columns)) if (t.headers[letterIndex(letter)] !== undefined) columns[letter] = field;
      applyMapping(session, t.sheet.index, columns, 'saved');
      session.mappings.get(t.sheet.index)!.savedMapping = saved.name;
    }
  }
  if (!cnil && !fiches.size && !tables.some((t) => t.status === 'table')) {
    throw new AppError('bad_input', text('errors.file.noTable', { file: name, why: tables.map((t) => sheetWithReason(t.sheet.name, t.reason)) }));
  }
  return session;
}

const PURPOSE_FIELDS = new Set(['purpose', 'description', 'clientProcessing', 'subPurposes']);
const IDENTITY_FIELDS = new Set(['name', 'purpose', 'clientProcessing', 'description']);

function letterIndex(letter: string): number {
  for (let c = 0; c < 1000; c++) if (columnLetter(c) === letter) return c;
  return -1;
}

const TICK_VOCABULARY: Partial<Record<TickField, VocabularyKind>> = {
  specialCategories: 'data_category',
  dataCategories: 'data_category',
  dataSubjects: 'data_subject_category',
  securityMeasures: 'security_measure_type',
  art9Conditions: 'art9_condition',
};

/** Whether a header is a value of a field: a legal basis, a term of the register's vocabularies, a destination. */
function tickValues(reg: Register, countries: CountryMatcher): (field: TickField, header: string) => boolean {
  const terms = reg.reference.terms();
  const matchers = new Map<VocabularyKind, VocabularyMatcher>();
  const vocab = (kind: VocabularyKind) => {
    let m = matchers.get(kind);
    if (!m)
      matchers.set(
        kind,
        (m = new VocabularyMatcher(
          kind,
          terms.filter((t) => t.kind === kind),
        )),
      );
    return m;
  };
  return (field, header) => {
    if (!header.trim()) return false;
    if (field === 'legalBases') return parseLegalBases(header).length > 0;
    if (field === 'transferCountries') return Boolean(countries.match(header));
    const kind = TICK_VOCABULARY[field];
    if (!kind) return false;
    const m = vocab(kind).match(header);
    if (field === 'specialCategories') return Boolean(m && vocab(kind).term(m.code)?.special);
    return Boolean(m);
  };
}

/** Columns right of a fiche's labels that hold a value on most label rows (one per activity when transposed). */
function valueColumns(sheet: SheetData, labels: { r: number; c: number }[]): number {
  const c0 = labels[0].c;
  const width = Math.max(0, ...labels.map((l) => sheet.rows[l.r]?.length ?? 0));
  let n = 0;
  for (let c = c0 + 1; c < width; c++) if (labels.filter((l) => (sheet.rows[l.r]?.[c] ?? '').trim()).length >= labels.length * 0.5) n++;
  return n;
}
