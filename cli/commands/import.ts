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
import { t } from '../../core/i18n/i18n.js';
import { detectFormat } from '../../core/import/detect-format.js';
import type { ImportPreview, PreviewRow } from '../../core/import/preview.js';
import { parseRegisterDocument } from '../../core/document/import.js';
import type { Command, CommandContext } from '../command.js';
import { EXIT, organisationOption, printJson, readInputFile, UsageError } from '../command.js';

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
  if (!saved) throw new UsageError(`--mapping ${value}: no such file, and no saved mapping has this name.`);
  return { mapping: saved.columns };
}

function rowLine(r: PreviewRow): string {
  const label = `${r.sheet}!${r.row}`.padEnd(22);
  const status = r.status.toUpperCase().padEnd(10);
  const what = `${r.ref ? `${r.ref} ` : ''}${r.name || '(no name)'}`;
  const extra = r.status === 'duplicate' ? ` (same as ${r.duplicateOf})` : r.status === 'update' ? ` (${r.changes.length} field${r.changes.length > 1 ? 's' : ''} changed)` : '';
  return `  ${label} ${status} ${what}${extra}\n`;
}

function printPreview(ctx: CommandContext, p: ImportPreview): void {
  const io = ctx.io;
  io.stdout(
    `${p.fileName} (${p.format.toUpperCase()}${p.encoding ? `, ${p.encoding}` : ''}${p.delimiter ? `, delimiter "${p.delimiter === '\t' ? 'tab' : p.delimiter}"` : ''}) → ${p.organisationName}\n`,
  );
  for (const s of p.sheets) {
    io.stdout(
      `Sheet "${s.name}": ${s.status === 'imported' ? `${s.dataRows} row${s.dataRows === 1 ? '' : 's'}${s.headerRow ? `, header on row ${s.headerRow}` : ''}${s.savedMapping ? `, saved mapping "${s.savedMapping}"` : ''}` : `${s.status.replace('_', ' ')}${s.reason ? ` (${s.reason})` : ''}`}${s.hidden ? ' [hidden]' : ''}\n`,
    );
    if (s.status !== 'imported') continue;
    for (const m of s.messages ?? []) io.stdout(`  ! ${t(ctx.lang, m.key, m.params)}\n`);
    for (const c of s.columns) {
      if (!c.header && !c.field) continue;
      io.stdout(
        `  ${c.letter.padEnd(3)} ${JSON.stringify(c.header.replace(/\s+/g, ' ')).padEnd(40)} → ${c.field ? `${c.field} (${Math.round(c.confidence * 100)}%${c.source !== 'auto' ? `, ${c.source}` : ''})` : 'ignored'}${c.hidden ? ' [hidden column]' : ''}\n`,
      );
    }
  }
  if (p.organisation) {
    io.stdout(`Organisation ${p.organisationName}: ${p.organisation.changes.length} field(s) from the identity blocks\n`);
  }
  io.stdout('Rows:\n');
  for (const r of p.rows) {
    io.stdout(rowLine(r));
    for (const e of r.errors) io.stdout(`      error   ${e.cell ? `${e.cell} ` : ''}${e.field ? `[${e.field}] ` : ''}${e.message}\n`);
    for (const w of r.warnings) io.stdout(`      warning ${w.cell ? `${w.cell} ` : ''}[${w.field}] ${w.message}\n`);
    for (const c of r.fieldChanges ?? []) {
      io.stdout(`      ${c.label}${c.mode === 'replace' ? ' (replaced)' : ''}:\n`);
      for (const x of c.added) io.stdout(`        + ${x.replace(/\n/g, ' ')}\n`);
      for (const x of c.removed) io.stdout(`        - ${x.replace(/\n/g, ' ')}\n`);
      if (c.mode === 'set') io.stdout(`        ${c.before.join(' / ') || '(empty)'} → ${c.after.join(' / ')}\n`);
      for (const x of c.replaceWouldRemove) io.stdout(`        = ${x.replace(/\n/g, ' ')} (kept; --replace ${c.field} would remove it)\n`);
    }
  }
  if (p.newRecipients.length) io.stdout(`New recipients for the directory: ${p.newRecipients.join(', ')}\n`);
  const c = p.counts;
  io.stdout(
    `${c.new} new, ${c.update} updated, ${c.unchanged} unchanged, ${c.duplicate} duplicate, ${c.error} in error, ${c.excluded} excluded; ${c.warnings} warning${c.warnings === 1 ? '' : 's'}.\n`,
  );
}

export const importCommand: Command = {
  name: 'import',
  createsRegister: true,
  usage: 'import FILE [--sheet NAME] [--mapping FILE|NAME] [--exclude ROWS] [--org ID] [--drafts] [--replace FIELDS] [--dry-run] [--yes]  |  import --batches  |  import --undo ID',
  summary: 'Import a spreadsheet (XLSX, ODS, CSV; preview, then one transaction) or a JSON register document',
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
  },
  async run(ctx) {
    const v = ctx.values;
    if (v.batches) {
      const batches = await ctx.call('import/batches', {});
      if (ctx.json) printJson(ctx.io, batches);
      else if (!batches.length) ctx.io.stdout('No import yet.\n');
      else
        for (const b of batches)
          ctx.io.stdout(
            `#${b.id}  ${b.at.slice(0, 19).replace('T', ' ')}  ${b.fileName}  ${b.created} created, ${b.updated} updated${b.undoneAt ? `  (undone ${b.undoneAt.slice(0, 10)})` : ''}\n`,
          );
      return;
    }
    if (typeof v.undo === 'string') {
      const batchId = Number(v.undo);
      if (!Number.isInteger(batchId) || batchId <= 0) throw new UsageError('--undo takes the number of an import (see art30 import --batches).');
      const r = await ctx.call('import/undo', { batchId });
      if (ctx.json) printJson(ctx.io, r);
      else
        ctx.io.stdout(
          `Import #${r.batchId} undone: ${r.activitiesDeleted} activities deleted, ${r.activitiesRestored} restored, ${r.recipientsDeleted} recipients removed${r.changedSince.length ? ` (edited since the import: ${r.changedSince.join(', ')})` : ''}.\n`,
        );
      return;
    }
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('say which file to import.');
    const data = readInputFile(file);

    // An Art30 JSON register document goes through register/importJson, as before.
    if (detectFormat(data, path.basename(file)).format === 'json') {
      if (v['dry-run']) {
        const doc = parseRegisterDocument(data.toString('utf8'), path.basename(file));
        if (ctx.json)
          printJson(ctx.io, { format: 'art30-register', organisations: doc.organisations.length, recipients: doc.recipients.length, activities: doc.activities.length });
        else
          ctx.io.stdout(
            `${file} is a valid register document: ${doc.organisations.length} organisations, ${doc.recipients.length} recipients, ${doc.activities.length} activities. Nothing was written (--dry-run).\n`,
          );
        return;
      }
      const result = await ctx.call('register/importJson', { file });
      if (ctx.json) printJson(ctx.io, result);
      else {
        ctx.io.stdout(
          `Imported ${file}: ${result.activities.created} activities created, ${result.activities.updated} updated; ` +
            `${result.recipients.created} recipients created; ${result.organisations.created} organisations created.\n`,
        );
        if (result.breaches && result.requests) {
          ctx.io.stdout(
            `Breaches: ${result.breaches.created} created, ${result.breaches.updated} updated; requests: ${result.requests.created} created, ${result.requests.updated} updated.\n`,
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
    const opened = await ctx.call('import/open', { file, organisationId });
    const mapping = typeof v.mapping === 'string' ? await mappingOption(ctx, v.mapping) : undefined;
    const drafts = v.drafts ? { drafts: true, lang: ctx.lang } : {};
    const base = { sheet, excludedRows, organisationId, ...drafts, ...(mapping ?? {}) };
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
        printPreview(ctx, preview);
        ctx.io.stdout('Nothing was written (--dry-run).\n');
      }
      return preview.counts.error > 0 ? EXIT.badInput : EXIT.ok;
    }
    if (!ctx.json) printPreview(ctx, preview);
    if (!v.yes) {
      const ok = await ctx.io.confirm(`Import ${preview.counts.willWrite} activit${preview.counts.willWrite === 1 ? 'y' : 'ies'} into ${preview.organisationName}?`);
      if (!ok) {
        ctx.io.stderr('Nothing was imported (confirm with --yes to import without asking).\n');
        return EXIT.usage;
      }
    }
    // Progress on stderr (a pipe is written synchronously, so it is seen while the transaction runs).
    let lastShown = -1;
    const progress = (p: { phase: string; done: number; total: number }) => {
      const pct = p.total ? Math.floor((p.done / p.total) * 100) : 0;
      if (p.phase === 'import.phase.writing' && pct < lastShown + 10 && p.done !== p.total) return;
      lastShown = pct;
      ctx.io.stderr(`${t(ctx.lang, p.phase)}: ${p.done}/${p.total}\n`);
    };
    const summary = unwrap(await dispatch(ctx.open(), 'import/commit', { sessionId: preview.sessionId, ...options }, ctx.meta, { trusted: true, context: { progress } }));
    if (ctx.json) printJson(ctx.io, summary);
    else {
      ctx.io.stdout(
        `Imported ${summary.fileName}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged` +
          `${summary.recipientsCreated ? `, ${summary.recipientsCreated} recipients added to the directory` : ''}${summary.organisationUpdated ? ', organisation identity updated' : ''}.\n`,
      );
      if (summary.batchId) ctx.io.stdout(`Import #${summary.batchId}; backup before the import: ${summary.backup}\nUndo with: art30 import --undo ${summary.batchId}\n`);
    }
  },
};
