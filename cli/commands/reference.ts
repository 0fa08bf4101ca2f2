import path from 'node:path';
import { applyDatasetText } from '../../core/reference/apply.js';
import { isLang, t, type Lang } from '../../core/i18n/i18n.js';
import { inLang } from '../../core/i18n/localized.js';
import type { DatasetReport } from '../../core/reference/apply.js';
import { DatasetError } from '../../core/reference/dataset.js';
import { isModelsText } from '../../core/models/format.js';
import type { Command } from '../command.js';
import { EXIT, printJson, readInputFile, UsageError } from '../command.js';

/** `art30 reference update FILE` loads a newer reference data set offline; `art30 reference show` prints the one in use. */
export const referenceCommand: Command = {
  name: 'reference',
  options: { lang: { type: 'string' } },
  async run(ctx) {
    // --lang, else the command line's language (ART30_LANG, LANG…).
    const lang: Lang = isLang(ctx.values.lang) ? ctx.values.lang : ctx.lang;
    const [verb, file] = ctx.positionals;
    if (verb === 'show') {
      const d = await ctx.call('reference/dataset', {});
      if (ctx.json) printJson(ctx.io, d);
      else ctx.io.stdout(d ? `${t(lang, 'legal.cli.show', { asOf: d.asOf, appliedAt: d.appliedAt.slice(0, 10) })}\n` : `${t(lang, 'legal.dataset.none')}\n`);
      return EXIT.ok;
    }
    if (verb !== 'update' || !file || ctx.positionals.length > 2) throw new UsageError(t(lang, 'legal.cli.usage'));
    const text = readInputFile(file).toString('utf8');
    const name = path.basename(file);
    // A models data set (the catalogue of model activities) is recognised by its format.
    if (isModelsText(text)) {
      const r = await ctx.call('models/load', { text, fileName: name });
      if (ctx.json) printJson(ctx.io, r);
      else ctx.io.stdout(`${(await import('./models.js')).formatModelsReport(r, lang)}\n`);
      return EXIT.ok;
    }
    let report: DatasetReport;
    const reg = ctx.open();
    try {
      report = applyDatasetText(reg, text, name, { ...ctx.meta, sourceFile: name });
    } catch (error) {
      // Refused, nothing changed: the message in the DPO's language (the data set's errors carry their key).
      if (error instanceof DatasetError) {
        const message = (await import('../error-text.js')).errorText(lang, error).message;
        if (ctx.json) printJson(ctx.io, { error: { code: error.code, key: error.key, params: error.params, message } });
        else ctx.io.stderr(`${message}\n`);
        return EXIT.badInput;
      }
      throw error;
    }
    if (ctx.json) printJson(ctx.io, report);
    else ctx.io.stdout(`${formatReport(report, lang)}\n`);
    return EXIT.ok;
  },
};

export function formatReport(r: DatasetReport, lang: Lang): string {
  const lines = [
    t(lang, 'legal.dataset.updated', { asOf: r.asOf, previous: r.previousAsOf ?? '—' }),
    t(lang, 'legal.dataset.changed', { count: r.changed.length }),
    ...r.changed
      .filter((c) => c.entity !== 'vocabulary')
      .map(
        (c) =>
          `  ${c.code} ${inLang(c, 'name', lang)}: ${c.changes.map((x) => `${fieldLabel(lang, x.path)} ${JSON.stringify(x.before ?? '')} → ${JSON.stringify(x.after)}`).join('; ')}`,
      ),
  ];
  if (r.keptDpoEdits.length) lines.push(t(lang, 'legal.dataset.kept', { count: r.keptDpoEdits.length }), ...r.keptDpoEdits.map((c) => `  ${c.code} ${inLang(c, 'name', lang)}`));
  lines.push(r.activities.length ? t(lang, 'legal.dataset.activities', { count: r.activities.length }) : t(lang, 'legal.dataset.noActivity'));
  for (const a of r.activities)
    lines.push(`  ${a.ref} ${a.name} [${a.destinations.join(', ')}] ${t(lang, 'legal.dataset.points', { before: a.before.length, after: a.after.length })}`);
  return lines.join('\n');
}

/** A reference entry's field in the DPO's words. */
function fieldLabel(lang: Lang, path: string): string {
  const key = `legal.field.${path.replace(/\[\d+\]$/, '')}`;
  const text = t(lang, key);
  return text === key ? path : text;
}
