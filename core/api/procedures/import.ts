/**
 * Importing departments' spreadsheets (XLSX, CSV, ODS incl. the CNIL template). Contract for the
 * screens (mapping, preview, progress, summary with undo) and the shells (File › Import…, drop):
 *
 * 1. Open a file → a session and its first preview (nothing is written):
 *    - `import/open` (trusted: main process after a file dialog, CLI) `{file, organisationId?}`
 *    - `import/openBytes` (renderer, e.g. drag and drop) `{fileName, base64, organisationId?}`;
 *      at most 25 MB. Both return an `ImportPreview` (see core/import/preview/preview.ts):
 *      `{sessionId, fileName, sha256, format: 'xlsx'|'ods'|'csv', encoding, delimiter,
 *        kind: 'table'|'cnil', organisationId, organisationName, organisations[{id,name}],
 *        sheets[{name, index, hidden, status: 'imported'|'not_selected'|'skipped', reason,
 *                headerRow (1-based|null), dataRows,
 *                columns[{index, letter, header, field|null, confidence 0..1,
 *                         source: 'auto'|'saved'|'user', hidden, samples[]}], savedMapping|null}],
 *        fields[{key, labelFr, labelEn, kind, multi, required}]   // the mapping dropdown
 *        organisation: {changes[{path, before, after}]} | null      // CNIL identity blocks
 *        newRecipients[],                                            // not yet in the directory
 *        newOrganisations[], ownExport: {lang, sheet}|null             // Art30 exports, empty registers
 *        rows[{key: 'Sheet!12', sheet, row (1-based), hidden,
 *              status: 'new'|'update'|'unchanged'|'duplicate'|'error'|'excluded',
 *              ref, name, existingId|null, duplicateOf|null (row key),
 *              changes[{path, before, after}]   // field-level diff of an update
 *              fieldChanges[{field, label, before[], after[], added[], removed[], replaceWouldRemove[],
 *                            mode: 'merge'|'replace'|'set'}]  // the update as values (in `lang`)
 *              organisationName,                 // the organisation the row goes to
 *              warnings[{field, cell: 'C12', value, message}], errors[same],
 *              newRecipients[], source[{field, cell, text}] (original text of the mapped cells),
 *              activity (normalised fields)|null}],
 *        offset, counts{rows, new, update, unchanged, duplicate, error, excluded, warnings, willWrite}}`
 *    Progress (`ctx.progress`): `import.phase.reading`, then `import.phase.checking` {done, total}.
 *    Bad files (not a spreadsheet, image or text named .xlsx, truncated, zip bomb, too big, empty,
 *    headers only, no recognisable header, a 40,000-character cell) → error `bad_input` whose
 *    message names the file, sheet, row/cell and field.
 * 2. `import/preview` `{sessionId, sheet?, mapping?, mappingFor?, excludedRows?, organisationId?,
 *    offset?, limit?, replace?, lang?}` → `ImportPreview` again. `replace` = `{"Sheet!12": ["recipients"]}`:
 *    the list fields of a row whose items the file replaces (by default an update merges: items already
 *    there are kept with their details). Warnings carry `code` + `params` (catalogue `import.warning.<code>`). `mapping` = `{"C": "purpose", "F": null}` (column
 *    letter or header text → field key, null to ignore), applied to `mappingFor` (default `sheet`,
 *    else the first sheet of activities) and remembered by the session. `sheet` restricts the import
 *    to one sheet. `excludedRows` = row keys ("Activités!12") or row numbers of the first sheet.
 *    `offset`/`limit` page the rows (counts always cover all rows). The organisation, once given,
 *    stays for the session's next previews; the mapping changes accumulate.
 * 3. `import/commit` `{sessionId, sheet?, mapping?, mappingFor?, excludedRows?, organisationId?}` →
 *    Options left out default to those of the last preview (same sheet, organisation, excluded rows).
 *    `{batchId, fileName, sha256, organisationId, created, updated, unchanged,
 *      skipped{excluded, duplicate}, recipientsCreated, organisationUpdated, backup (file path),
 *      activities[{id, ref, name, action}]}`. One transaction after a backup beside the register;
 *    history entries with source 'import', the file name, SHA-256 and batch id. Progress through
 *    `ctx.progress({phase, done, total})` (called synchronously during the transaction).
 *    Rows in `error` that are not excluded refuse the commit (`bad_input`, nothing written; details
 *    list every row: path 'Sheet!12.purpose'). The session is closed after a commit.
 * 4. `import/undo` `{batchId}` → `{batchId, activitiesDeleted, activitiesRestored, recipientsDeleted,
 *    organisationRestored, changedSince[refs], missing[]}` (one transaction, in the history).
 *    `import/batches` → `[{id, at, fileName, sha256, created, updated, undoneAt|null}]`, newest first.
 *    `import/close` `{sessionId}` forgets a session (e.g. the DPO cancels).
 * 5. Saved mappings: `mappings/list` → `[{name, headers[], columns{letter: field|null}, createdAt,
 *    updatedAt}]`; `mappings/save` `{name, sessionId, sheet?}` saves the session's current mapping of
 *    that sheet (default: the first sheet of activities) — re-applied automatically (column `source`
 *    'saved', sheet `savedMapping` = name) when a file with the same headers is opened;
 *    `mappings/delete` `{name}`.
 * 6. Blank department template: `import/template` (trusted) `{out, lang: 'fr'|'en'}` → `{file}`;
 *    `import/templateBytes` `{lang}` → `{fileName, base64}` (the renderer offers it for download).
 *    `import/fields` → the field list (same as `ImportPreview.fields`).
 *
 * Formulas are never evaluated: a formula cell gives the value the spreadsheet program saved with the
 * file, or the formula's text when there is none; the preview warns about each formula cell used.
 * Blank cells never erase a value when an existing activity is updated.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, text } from '../../errors.js';
import { writeFileAtomic } from '../../files.js';
import { importDocument, parseRegisterDocument } from '../../document/import.js';
import { commitImport } from '../../import/commit/commit.js';
import { FIELDS } from '../../import/assign/fields.js';
import { formatBytes, IMPORT_LIMITS } from '../../import/read/limits.js';

/** A file sent by the window, in base64: refused above the upload limit, saying the limit. */
const uploadBase64 = z.string().refine((s) => s.length <= Math.ceil((IMPORT_LIMITS.maxUploadBytes * 4) / 3) + 4, {
  error: 'is too large',
  params: { key: 'errors.uploadTooLarge', limit: formatBytes(IMPORT_LIMITS.maxUploadBytes) },
});
import { baseName, openImport } from '../../import/preview/open.js';
import { buildPreview, type PreviewOptions } from '../../import/preview/preview.js';
import { deleteMapping, listMappings, saveMapping } from '../../import/assign/saved-mappings.js';
import { closeSession, getSession } from '../../import/preview/sessions.js';
import { buildTemplate, templateFileName } from '../../import/template.js';
import { listBatches, undoImport } from '../../import/commit/undo.js';
import { columnLetter } from '../../import/read/workbook.js';
import type { Register } from '../../register.js';
import { procedure, type ProcedureContext } from '../procedure.js';
import { empty, id } from './common.js';

const filePath = z.string().min(1).max(4096);
const sessionId = z.string().uuid({ error: 'is not an open import' });
const lang = z.enum(['fr', 'en']).default('fr');

const previewOptions = {
  sheet: z.string().max(300).optional(),
  mapping: z.record(z.string().max(300), z.string().max(60).nullable()).optional(),
  mappingFor: z.string().max(300).optional(),
  excludedRows: z
    .array(z.union([z.number().int().positive(), z.string().max(400)]))
    .max(100_000)
    .optional(),
  /** Skipped rows (not activities) the DPO takes back as activities, by key. */
  includedRows: z.array(z.string().max(400)).max(100_000).optional(),
  organisationId: id.optional(),
  /** Rows lacking a required field are imported as drafts, each with a point to review. */
  drafts: z.boolean().optional(),
  /** Row key → list fields whose items the file replaces (the DPO's choice, after seeing the values). */
  replace: z.record(z.string().max(400), z.array(z.string().max(60)).max(60)).optional(),
  lang: z.enum(['fr', 'en']).optional(),
};

function preview(reg: Register, sessionIdValue: string, opts: PreviewOptions, ctx: ProcedureContext = {}) {
  const session = getSession(sessionIdValue, reg.file);
  // The organisation chosen once stays chosen (like the mapping); sheet and excluded rows are as given.
  const plan = buildPreview(
    reg,
    session,
    { ...opts, organisationId: opts.organisationId ?? session.lastOptions.organisationId, lang: opts.lang ?? session.lastOptions.lang },
    ctx.progress,
  );
  session.last = plan;
  session.lastOptions = {
    sheet: opts.sheet,
    organisationId: plan.organisationId || undefined,
    excludedRows: opts.excludedRows,
    includedRows: opts.includedRows,
    drafts: opts.drafts,
    replace: opts.replace,
    lang: opts.lang ?? session.lastOptions.lang,
  };
  return plan.preview;
}

export const importProcedures = {
  'import/open': procedure({
    summary: 'Read a spreadsheet (XLSX, ODS, CSV) and preview its import; nothing is written',
    trusted: true,
    input: z.object({ file: filePath, organisationId: id.optional(), lang: z.enum(['fr', 'en']).optional() }),
    run: (reg, i, _meta, ctx) => {
      const name = path.basename(i.file);
      if (!fs.existsSync(i.file)) throw new AppError('bad_input', text('errors.fileNotFound', { file: i.file }));
      const stat = fs.statSync(i.file);
      if (stat.isDirectory()) throw new AppError('bad_input', text('errors.isFolder', { file: i.file }));
      if (stat.size > IMPORT_LIMITS.maxFileBytes)
        throw new AppError('bad_input', text('errors.file.tooLarge', { file: name, size: formatBytes(stat.size), limit: formatBytes(IMPORT_LIMITS.maxFileBytes) }));
      ctx.progress?.({ phase: 'import.phase.reading', done: 0, total: 1 });
      const session = openImport(reg, fs.readFileSync(i.file), name);
      return preview(reg, session.id, { organisationId: i.organisationId, lang: i.lang }, ctx);
    },
  }),
  'import/openBytes': procedure({
    summary: 'Read a spreadsheet sent by the window (drag and drop) and preview its import',
    input: z.object({
      fileName: z.string().min(1).max(300),
      base64: uploadBase64,
      organisationId: id.optional(),
      lang: z.enum(['fr', 'en']).optional(),
    }),
    run: (reg, i, _meta, ctx) => {
      ctx.progress?.({ phase: 'import.phase.reading', done: 0, total: 1 });
      const data = Buffer.from(i.base64, 'base64');
      const session = openImport(reg, data, baseName(i.fileName), { ...IMPORT_LIMITS, maxFileBytes: IMPORT_LIMITS.maxUploadBytes });
      return preview(reg, session.id, { organisationId: i.organisationId, lang: i.lang }, ctx);
    },
  }),
  'import/documentBytes': procedure({
    summary: 'Import an Art30 JSON register document sent by the window (one transaction, all or nothing)',
    input: z.object({
      fileName: z.string().min(1).max(300),
      base64: uploadBase64,
    }),
    run: (reg, i, meta) => {
      const data = Buffer.from(i.base64, 'base64');
      const fileName = baseName(i.fileName);
      const doc = parseRegisterDocument(data.toString('utf8'), fileName);
      return importDocument(reg, doc, { ...meta, sourceFile: fileName, sourceSha256: createHash('sha256').update(data).digest('hex') });
    },
  }),
  'import/preview': procedure({
    summary: 'Preview an open import again, with another sheet, mapping, excluded rows or organisation',
    input: z.object({ sessionId, ...previewOptions, offset: z.number().int().min(0).optional(), limit: z.number().int().positive().max(100_000).optional() }),
    run: (reg, i, _meta, ctx) => {
      const { sessionId: sid, ...opts } = i;
      return preview(reg, sid, opts, ctx);
    },
  }),
  'import/commit': procedure({
    summary: 'Write the previewed import in one transaction (backup first; can be undone)',
    input: z.object({ sessionId, ...previewOptions }),
    run: (reg, i, meta, ctx) => {
      const { sessionId: sid, ...given } = i;
      const session = getSession(sid, reg.file);
      // What the DPO saw last is what is committed, unless the call says otherwise.
      const opts: PreviewOptions = { ...session.lastOptions };
      for (const [k, v] of Object.entries(given)) if (v !== undefined) (opts as Record<string, unknown>)[k] = v;
      return commitImport(reg, session, opts, meta, ctx);
    },
  }),
  'import/close': procedure({
    summary: 'Forget an open import',
    input: z.object({ sessionId }),
    run: (_reg, i) => {
      closeSession(i.sessionId);
      return { closed: i.sessionId };
    },
  }),
  'import/undo': procedure({
    summary: 'Undo an import: delete what it created, restore what it changed',
    input: z.object({ batchId: id }),
    run: (reg, i, meta) => undoImport(reg, i.batchId, meta),
  }),
  'import/batches': procedure({
    summary: 'Past imports, newest first',
    input: empty,
    run: (reg) => listBatches(reg),
  }),
  'import/fields': procedure({
    summary: 'The register fields a column can be mapped to',
    input: empty,
    run: () => FIELDS.map((d) => ({ key: d.key, labelFr: d.labelFr, labelEn: d.labelEn, kind: d.kind, multi: d.multi, required: Boolean(d.required) })),
  }),
  'import/template': procedure({
    summary: 'Write the blank department template (XLSX with dropdowns and instructions)',
    trusted: true,
    input: z.object({ out: filePath, lang }),
    run: async (reg, i) => {
      writeFileAtomic(i.out, await buildTemplate(reg, i.lang));
      return { file: path.resolve(i.out) };
    },
  }),
  'import/templateBytes': procedure({
    summary: 'The blank department template, as bytes for the window to save',
    input: z.object({ lang }).default({ lang: 'fr' }),
    run: async (reg, i) => ({ fileName: templateFileName(i.lang), base64: (await buildTemplate(reg, i.lang)).toString('base64') }),
  }),
  'mappings/list': procedure({
    summary: 'Saved column mappings',
    input: empty,
    run: (reg) => listMappings(reg),
  }),
  'mappings/save': procedure({
    summary: 'Save the current mapping of an open import under a name',
    input: z.object({ name: z.string().trim().min(1).max(200), sessionId, sheet: z.string().max(300).optional() }),
    run: (reg, i) => {
      const session = getSession(i.sessionId, reg.file);
      const sheet = i.sheet
        ? session.workbook.sheets.find((s) => s.name === i.sheet)
        : session.tables.find((t) => t.status === 'table' && session.mappings.has(t.sheet.index))?.sheet;
      const state = sheet ? session.mappings.get(sheet.index) : undefined;
      if (!sheet || !state)
        throw new AppError(
          'bad_input',
          i.sheet ? text('errors.import.noMappingOnSheet', { file: session.fileName, sheet: i.sheet }) : text('errors.import.noMapping', { file: session.fileName }),
        );
      const headers = session.tables[sheet.index].headers;
      const columns: Record<string, string | null> = {};
      headers.forEach((_h, c) => (columns[columnLetter(c)] = state.fields.get(c) ?? null));
      const saved = saveMapping(reg, i.name, headers, columns);
      state.savedMapping = saved.name;
      return saved;
    },
  }),
  'mappings/delete': procedure({
    summary: 'Delete a saved mapping',
    input: z.object({ name: z.string().min(1).max(200) }),
    run: (reg, i) => {
      deleteMapping(reg, i.name);
      return { deleted: i.name };
    },
  }),
};
