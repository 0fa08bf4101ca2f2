/**
 * `art30 import FILE`: an Art30 JSON register document (register/importJson), or a department's
 * spreadsheet (XLSX, ODS incl. the CNIL template, CSV) through the import/* procedures: preview,
 * then commit in one transaction once confirmed (--yes), or only the preview (--dry-run).
 * `art30 import --batches` lists past imports; `art30 import --undo ID` undoes one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch, unwrap } from '../../core/api/dispatch.js';
import { AppError, text } from '../../core/errors.js';
import { fieldLabel, localiseText } from '../../core/i18n/error-text.js';
import { sheetReason } from '../../core/import/locate/sheet-reason.js';
import { hasKey, t, type MessageParams } from '../../core/i18n/i18n.js';
import type { CellIssue } from '../../core/import/values/build-row.js';
import { detectFormat } from '../../core/import/read/detect-format.js';
import type { ImportPreview, PreviewRow } from '../../core/import/preview/preview.js';
import { parseRegisterDocument } from '../../core/document/import.js';
import type { Command, CommandContext } from '../command.js';
import { cliText, EXIT, organisationOption, printJson, readInputFile, UsageError } from '../command.js';
import { cliTranslator } from '../error-text.js';
import { groupByKind } from '../summary.js';

/** --mapping FILE (JSON: {"C": "purpose"} or {"sheet": "…", "mapping": {…}}) or the name of a saved mapping. */
async function mappingOption(ctx: CommandContext, value: string): Promise<{ mapping: Record<string, string | null>; mappingFor?: string }> {
  if (fs.existsSync(value) && fs.statSync(value).isFile()) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(value, 'utf8'));
    } catch (error) {
      throw new AppError('bad_input', text('errors.cli.mappingNotJson', { value, reason: (error as Error).message }));
    }
    const obj = raw as { mapping?: Record<string, string | null>; sheet?: string };
    if (obj && typeof obj === 'object' && obj.mapping && typeof obj.mapping === 'object') return { mapping: obj.mapping, mappingFor: obj.sheet };
    if (obj && typeof obj === 'object' && !Array.isArray(obj)) return { mapping: obj as Record<string, string | null> };
    throw new AppError('bad_input', text('errors.cli.mappingNotObject', { value }));
  }
  const saved = (await ctx.call('mappings/list', {})).find((m) => m.name === value);
  if (!saved) throw new UsageError(cliText(ctx, 'cli.usage.mapping', { value }));
  return { mapping: saved.columns };
}

/** A text of the `cli` area; a field by its label (never its path), an issue of a cell in the command line's language. */
function words(ctx: CommandContext, p: ImportPreview) {
  const T = (key: string, params?: MessageParams) => cliText(ctx, key, params);
  const labels = new Map(p.fields.map((f) => [f.key, ctx.lang === 'fr' ? f.labelFr : f.labelEn]));
  const tr = cliTranslator(ctx.lang);
  const field = (key: string) => labels.get(key) || fieldLabel(tr, key) || key;
  const issue = (e: CellIssue) => (e.code && hasKey(`import.warning.${e.code}`) ? t(ctx.lang, `import.warning.${e.code}`, { value: e.value, ...(e.params ?? {}) }) : e.message);
  // Why a sheet is skipped: the readers say it in English (with details such as the sheet read instead), the catalogue in every language.
  const reason = (r: string) => (ctx.lang === 'en' ? r : localiseText(tr, sheetReason(r).key, sheetReason(r).params));
  return { T, field, issue, reason };
}

function rowLine(ctx: CommandContext, T: (key: string, params?: MessageParams) => string, r: PreviewRow): string {
  const label = `${r.sheet}!${r.row}`.padEnd(22);
  const status = T(`cli.import.status.${r.status}`).padEnd(ctx.lang === 'fr' ? 12 : 10);
  const what = `${r.ref ? `${r.ref} ` : ''}${r.name || T('cli.import.noName')}`;
  const extra =
    r.status === 'duplicate'
      ? ` ${T('cli.import.sameAs', { ref: r.duplicateOf ?? '' })}`
      : r.status === 'update'
        ? ` ${T('cli.import.fieldsChanged', { count: r.changes.length })}`
        : '';
  return `  ${label} ${status} ${what}${extra}\n`;
}

/** Every row, with its errors, warnings and field changes (`--verbose`, or a short file). */
function printRows(ctx: CommandContext, p: ImportPreview): void {
  const io = ctx.io;
  const { T, field, issue } = words(ctx, p);
  io.stdout(`${T('cli.import.rows')}\n`);
  const errorWord = T('cli.import.error');
  const warningWord = T('cli.import.warning');
  const w = Math.max(errorWord.length, warningWord.length);
  for (const r of p.rows) {
    io.stdout(rowLine(ctx, T, r));
    for (const e of r.errors) io.stdout(`      ${errorWord.padEnd(w)} ${e.cell ? `${e.cell} ` : ''}${e.field ? `[${field(e.field)}] ` : ''}${issue(e)}\n`);
    for (const x of r.warnings) io.stdout(`      ${warningWord.padEnd(w)} ${x.cell ? `${x.cell} ` : ''}${x.field ? `[${field(x.field)}] ` : ''}${issue(x)}\n`);
    for (const c of r.fieldChanges ?? []) {
      io.stdout(`      ${t(ctx.lang, 'doc.kv', { label: `${c.label}${c.mode === 'replace' ? ` ${T('cli.import.replaced')}` : ''}`, value: '' }).trimEnd()}\n`);
      for (const x of c.added) io.stdout(`        + ${x.replace(/\n/g, ' ')}\n`);
      for (const x of c.removed) io.stdout(`        - ${x.replace(/\n/g, ' ')}\n`);
      if (c.mode === 'set') io.stdout(`        ${c.before.join(' / ') || T('cli.import.empty')} → ${c.after.join(' / ')}\n`);
      for (const x of c.replaceWouldRemove) io.stdout(`        = ${x.replace(/\n/g, ' ')} ${T('cli.import.kept', { field: c.field })}\n`);
    }
  }
}

/** Up to this many rows, the preview lists every row; beyond, it summarises them (--verbose lists them all). */
export const ROWS_LISTED = 20;
/** Examples shown for each kind of warning, error or skipped row. */
const EXAMPLES = 3;

/**
 * A long file's rows summarised: errors, warnings and skipped rows grouped by kind (its count, what
 * it is, where the first few are and how many more), duplicates and updates counted; where to see
 * the rest. Always a few dozen lines, whatever the file's length.
 */
function printRowSummary(ctx: CommandContext, p: ImportPreview): void {
  const io = ctx.io;
  const { T, field, issue } = words(ctx, p);
  const S = (key: string, params?: MessageParams) => t(ctx.lang, `cliSummary.${key}`, params);
  const clip = (v: string) => (v.length > 30 ? `${v.slice(0, 29)}…` : v).replace(/\s+/g, ' ');
  type Found = { row: PreviewRow; issue: CellIssue };
  const where = ({ row, issue: e }: Found) => `${row.sheet}!${e.cell || row.row}${e.value ? ` "${clip(e.value)}"` : ''}`;
  // A kind is what is wrong (the issue's code, else its text) and in which field.
  const kindOf = ({ issue: e }: Found) => `${e.field}\u0000${e.code ?? e.message}`;
  // What a kind is: its message with the cell's own text left out ("…"), the field first.
  const what = ({ issue: e }: Found) =>
    `${e.field ? `[${field(e.field)}] ` : ''}${e.code && hasKey(`import.warning.${e.code}`) ? issue({ ...e, value: '…', params: { ...(e.params ?? {}), value: '…' } }) : e.message}${e.code ? ` (${e.code})` : ''}`;
  const more = (count: number, shown: number) => (count > shown ? `; ${S('more', { count: count - shown })}` : '');
  const section = (title: string, found: Found[]) => {
    if (!found.length) return;
    io.stdout(`${title}\n`);
    for (const g of groupByKind(found, kindOf, EXAMPLES)) {
      io.stdout(`  ${S('kind', { count: g.count, what: what(g.examples[0]) })}\n`);
      io.stdout(`      ${g.examples.map(where).join(', ')}${more(g.count, g.examples.length)}\n`);
    }
  };
  const errors = p.rows.flatMap((row) => row.errors.map((e) => ({ row, issue: e })));
  const warnings = p.rows.flatMap((row) => row.warnings.map((e) => ({ row, issue: e })));
  section(S('errorsTitle', { count: errors.length, rows: p.rows.filter((r) => r.errors.length).length }), errors);
  section(S('warningsTitle', { count: warnings.length, rows: p.rows.filter((r) => r.warnings.length).length }), warnings);

  const skipped = p.rows.filter((r) => r.skip);
  if (skipped.length) {
    io.stdout(`${S('skippedTitle', { count: skipped.length })}\n`);
    for (const g of groupByKind(skipped, (r) => r.skip!.kind, EXAMPLES)) {
      io.stdout(`  ${S('kind', { count: g.count, what: t(ctx.lang, g.examples[0].skip!.reason.key, g.examples[0].skip!.reason.params) })}\n`);
      io.stdout(`      ${g.examples.map((r) => `${r.sheet}!${r.row}`).join(', ')}${more(g.count, g.examples.length)}\n`);
    }
  }
  const duplicates = p.rows.filter((r) => r.status === 'duplicate');
  if (duplicates.length) {
    io.stdout(`${S('duplicatesTitle', { count: duplicates.length })}\n`);
    io.stdout(
      `      ${duplicates
        .slice(0, EXAMPLES)
        .map((r) => `${r.sheet}!${r.row} ${T('cli.import.sameAs', { ref: r.duplicateOf ?? '' })}`)
        .join(', ')}${more(duplicates.length, EXAMPLES)}\n`,
    );
  }
  const updates = p.rows.filter((r) => r.status === 'update');
  if (updates.length) io.stdout(`${S('updates', { count: updates.length, fields: updates.reduce((n, r) => n + r.changes.length, 0) })}\n`);
  io.stdout(`${S('seeAll')}\n`);
}

function printPreview(ctx: CommandContext, p: ImportPreview, verbose: boolean): void {
  const io = ctx.io;
  const { T, field, reason } = words(ctx, p);
  const delimiter = p.delimiter ? `, ${T('cli.import.delimiter', { delimiter: p.delimiter === '\t' ? T('cli.import.tab') : p.delimiter })}` : '';
  io.stdout(`${p.fileName} (${p.format.toUpperCase()}${p.encoding ? `, ${p.encoding}` : ''}${delimiter}) → ${p.organisationName}\n`);
  for (const s of p.sheets) {
    const what =
      s.status === 'imported'
        ? [
            T('cli.import.sheetRows', { count: s.dataRows }),
            s.headerRow ? T('cli.import.headerRow', { row: s.headerRow }) : '',
            s.savedMapping ? T('cli.import.savedMapping', { name: s.savedMapping }) : '',
          ]
            .filter(Boolean)
            .join(', ')
        : `${T(`cli.import.sheetStatus.${s.status}`)}${s.reason ? ` (${reason(s.reason)})` : ''}`;
    io.stdout(`${T('cli.import.sheet', { name: s.name, what })}${s.hidden ? ` ${T('cli.import.hidden')}` : ''}\n`);
    if (s.status !== 'imported') continue;
    for (const m of s.messages ?? []) io.stdout(`  ! ${t(ctx.lang, m.key, m.params)}\n`);
    for (const c of s.columns) {
      if (!c.header && !c.field) continue;
      const to = c.field
        ? `${field(c.field)} (${T('cli.import.confidence', { percent: Math.round(c.confidence * 100) })}${c.source !== 'auto' ? `, ${T(`cli.import.source.${c.source}`)}` : ''})`
        : T('cli.import.ignored');
      io.stdout(`  ${c.letter.padEnd(3)} ${JSON.stringify(c.header.replace(/\s+/g, ' ')).padEnd(40)} → ${to}${c.hidden ? ` ${T('cli.import.hiddenColumn')}` : ''}\n`);
    }
  }
  if (p.organisation) io.stdout(`${T('cli.import.orgFields', { name: p.organisationName, count: p.organisation.changes.length })}\n`);
  const listed = verbose || p.rows.length <= ROWS_LISTED;
  if (listed) printRows(ctx, p);
  if (p.newRecipients.length) {
    const shown = listed ? p.newRecipients : p.newRecipients.slice(0, 10);
    const rest = p.newRecipients.length - shown.length;
    io.stdout(`${T('cli.import.newRecipients', { names: `${shown.join(', ')}${rest ? `; ${t(ctx.lang, 'cliSummary.more', { count: rest })}` : ''}` })}\n`);
  }
  const c = p.counts;
  io.stdout(
    `${T('cli.import.counts', { new: c.new, update: c.update, unchanged: c.unchanged, duplicate: c.duplicate, error: c.error, excluded: c.excluded, warnings: T('cli.import.warnings', { count: c.warnings }) })}\n`,
  );
  // Counts first, then what is behind them.
  if (!listed) printRowSummary(ctx, p);
}

export const importCommand: Command = {
  name: 'import',
  createsRegister: true,
  options: {
    sheet: { type: 'string' },
    mapping: { type: 'string' },
    exclude: { type: 'string' },
    org: { type: 'string' },
    drafts: { type: 'boolean', default: false },
    /** List fields (e.g. "recipients,legalBases") whose items the file replaces in the activities it updates. */
    replace: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    yes: { type: 'boolean', short: 'y', default: false },
    undo: { type: 'string' },
    batches: { type: 'boolean', default: false },
    /** Lists every row of a long file (the preview otherwise summarises them by kind). */
    verbose: { type: 'boolean', short: 'v', default: false },
    /** Progress lines even when the error stream is not a terminal (as git's --progress). */
    progress: { type: 'boolean', default: false },
  },
  async run(ctx) {
    const v = ctx.values;
    if (v.batches) {
      const batches = await ctx.call('import/batches', {});
      if (ctx.json) printJson(ctx.io, batches);
      else if (!batches.length) ctx.io.stdout(`${cliText(ctx, 'cli.import.noBatch')}\n`);
      else
        for (const b of batches)
          ctx.io.stdout(
            `#${b.id}  ${b.at.slice(0, 19).replace('T', ' ')}  ${b.fileName}  ${cliText(ctx, 'cli.import.batchLine', { created: b.created, updated: b.updated })}${b.undoneAt ? `  ${cliText(ctx, 'cli.import.batchUndone', { date: b.undoneAt.slice(0, 10) })}` : ''}\n`,
          );
      return;
    }
    if (typeof v.undo === 'string') {
      const batchId = Number(v.undo);
      if (!Number.isInteger(batchId) || batchId <= 0) throw new UsageError(cliText(ctx, 'cli.usage.undo'));
      const r = await ctx.call('import/undo', { batchId });
      if (ctx.json) printJson(ctx.io, r);
      else
        ctx.io.stdout(
          `${cliText(ctx, 'cli.import.undone', {
            id: r.batchId,
            deleted: r.activitiesDeleted,
            restored: r.activitiesRestored,
            recipients: r.recipientsDeleted,
            changed: r.changedSince.length ? cliText(ctx, 'cli.import.changedSince', { refs: r.changedSince.join(', ') }) : '',
          })}\n`,
        );
      return;
    }
    const verbose = Boolean(v.verbose);
    const file = ctx.positionals[0];
    if (!file) throw new UsageError(cliText(ctx, 'cli.usage.importWhich'));
    const data = readInputFile(file);

    // An Art30 JSON register document goes through register/importJson, as before.
    if (detectFormat(data, path.basename(file)).format === 'json') {
      if (v['dry-run']) {
        const doc = parseRegisterDocument(data.toString('utf8'), path.basename(file));
        if (ctx.json)
          printJson(ctx.io, { format: 'art30-register', organisations: doc.organisations.length, recipients: doc.recipients.length, activities: doc.activities.length });
        else
          ctx.io.stdout(
            `${cliText(ctx, 'cli.import.validDocument', {
              file,
              organisations: cliText(ctx, 'cli.import.organisations', { count: doc.organisations.length }),
              recipients: cliText(ctx, 'cli.import.recipients', { count: doc.recipients.length }),
              activities: cliText(ctx, 'cli.import.activities', { count: doc.activities.length }),
            })} ${cliText(ctx, 'cli.import.dryRun')}\n`,
          );
        return;
      }
      const result = await ctx.call('register/importJson', { file });
      if (ctx.json) printJson(ctx.io, result);
      else {
        ctx.io.stdout(
          `${cliText(ctx, 'cli.import.jsonDone', {
            file,
            activities: result.activities.created,
            updated: result.activities.updated,
            recipients: result.recipients.created,
            organisations: result.organisations.created,
          })}\n`,
        );
        if (result.breaches && result.requests) {
          ctx.io.stdout(
            `${cliText(ctx, 'cli.import.recordsDone', {
              breachesCreated: result.breaches.created,
              breachesUpdated: result.breaches.updated,
              requestsCreated: result.requests.created,
              requestsUpdated: result.requests.updated,
            })}\n`,
          );
        }
      }
      return;
    }

    const organisationId = await organisationOption(ctx);
    const excludedRows =
      typeof v.exclude === 'string'
        ? v.exclude
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
    const sheet = typeof v.sheet === 'string' ? v.sheet : undefined;
    const opened = await ctx.call('import/open', { file, organisationId, lang: ctx.lang });
    const mapping = typeof v.mapping === 'string' ? await mappingOption(ctx, v.mapping) : undefined;
    const drafts = v.drafts ? { drafts: true } : {};
    // The preview's words (fields changed, drafts' texts) in the command line's language.
    const base = { sheet, excludedRows, organisationId, lang: ctx.lang, ...drafts, ...(mapping ?? {}) };
    const first = sheet || excludedRows || mapping || v.drafts ? await ctx.call('import/preview', { sessionId: opened.sessionId, ...base }) : opened;
    // --replace applies to every row that updates an activity: the preview shows what it removes.
    const replaceFields =
      typeof v.replace === 'string'
        ? v.replace
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    const replace = replaceFields.length ? Object.fromEntries(first.rows.filter((r) => r.existingId).map((r) => [r.key, replaceFields])) : undefined;
    const options = { ...base, replace };
    const preview = replace ? await ctx.call('import/preview', { sessionId: opened.sessionId, ...options }) : first;

    if (v['dry-run']) {
      if (ctx.json) printJson(ctx.io, preview);
      else {
        printPreview(ctx, preview, verbose);
        ctx.io.stdout(`${cliText(ctx, 'cli.import.dryRun')}\n`);
      }
      return preview.counts.error > 0 ? EXIT.badInput : EXIT.ok;
    }
    if (!ctx.json) printPreview(ctx, preview, verbose);
    if (!v.yes) {
      const ok = await ctx.io.confirm(cliText(ctx, 'cli.import.confirm', { count: preview.counts.willWrite, organisation: preview.organisationName }));
      if (!ok) {
        ctx.io.stderr(`${cliText(ctx, 'cli.import.cancelled')}\n`);
        return EXIT.usage;
      }
    }
    // Progress on stderr: a line rewritten in place on a terminal, nothing when piped (unless --progress).
    // Written synchronously, so it is seen while the transaction runs.
    const line = ctx.io.progress?.(Boolean(v.progress)) ?? (() => {});
    const step = v.progress ? 10 : 1;
    let lastShown = -1;
    const progress = (p: { phase: string; done: number; total: number }) => {
      const pct = p.total ? Math.floor((p.done / p.total) * 100) : 0;
      if (p.phase === 'import.phase.writing' && pct < lastShown + step && p.done !== p.total) return;
      lastShown = pct;
      line(cliText(ctx, 'cli.import.progress', { phase: t(ctx.lang, p.phase), done: p.done, total: p.total }), p.done === p.total);
    };
    const summary = unwrap(await dispatch(ctx.open(), 'import/commit', { sessionId: preview.sessionId, ...options }, ctx.meta, { trusted: true, context: { progress } }));
    if (ctx.json) printJson(ctx.io, summary);
    else {
      ctx.io.stdout(
        `${cliText(ctx, 'cli.import.done', {
          file: summary.fileName,
          created: summary.created,
          updated: summary.updated,
          unchanged: summary.unchanged,
          recipients: summary.recipientsCreated ? cliText(ctx, 'cli.import.recipientsAdded', { count: summary.recipientsCreated }) : '',
          organisation: summary.organisationUpdated ? cliText(ctx, 'cli.import.organisationUpdated') : '',
        })}\n`,
      );
      if (summary.batchId)
        ctx.io.stdout(`${cliText(ctx, 'cli.import.batch', { id: summary.batchId, backup: summary.backup })}\n${cliText(ctx, 'cli.import.undoHint', { id: summary.batchId })}\n`);
    }
  },
};
