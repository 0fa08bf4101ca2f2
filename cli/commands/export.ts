import { t } from '../../core/i18n/i18n.js';
import type { Command, CommandContext } from '../command.js';
import { cliText, langOption, organisationOption, outputFile, printJson, requireString, UsageError } from '../command.js';

const FORMATS = ['xlsx', 'pdf', 'csv', 'json', 'docx', 'html'] as const;
const AUDIENCES = ['authority', 'internal', 'public'] as const;

export const exportCommand: Command = {
  name: 'export',
  options: {
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
    org: { type: 'string' },
    role: { type: 'string' },
    refs: { type: 'string' },
    lang: { type: 'string', default: 'fr' },
    fiches: { type: 'boolean' },
    'no-fiches': { type: 'boolean' },
    audience: { type: 'string' },
    notice: { type: 'boolean' },
    subjects: { type: 'string' },
    records: { type: 'boolean' },
    'as-of': { type: 'string' },
    bundle: { type: 'boolean' },
  },
  async run(ctx) {
    requireString(ctx, 'out');
    if (ctx.values.bundle) return exportBundle(ctx);
    const format = String(ctx.values.format);
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(cliText(ctx, 'cli.usage.format', { format }));
    const notice = Boolean(ctx.values.notice);
    if (notice && !['html', 'pdf', 'docx'].includes(format)) throw new UsageError(cliText(ctx, 'cli.usage.noticeFormat'));
    if (!notice && format === 'html') throw new UsageError(cliText(ctx, 'cli.usage.htmlNotice'));
    const audience = ctx.values.audience;
    if (audience !== undefined && !(AUDIENCES as readonly unknown[]).includes(audience)) throw new UsageError(cliText(ctx, 'cli.usage.audience'));
    if (audience !== undefined && format === 'json') throw new UsageError(cliText(ctx, 'cli.usage.audienceJson'));
    const lang = langOption(ctx);
    const out = outputFile(ctx);
    const scope = await scopeOptions(ctx);
    const asOf = ctx.values['as-of'];
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(asOf))) throw new UsageError(cliText(ctx, 'cli.usage.asOf'));
    if (format === 'json' && asOf === undefined) {
      const result = await ctx.call('register/exportJson', { out, scope });
      if (ctx.json) printJson(ctx.io, result);
      else ctx.io.stdout(`${cliText(ctx, 'cli.export.doneJson', { file: result.file, sha256: result.sha256 })}\n`);
      return;
    }
    const fiches = ctx.values.fiches ? true : ctx.values['no-fiches'] ? false : undefined;
    const subjects =
      typeof ctx.values.subjects === 'string'
        ? ctx.values.subjects
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean)
        : undefined;
    const result = await ctx.call('export/file', {
      format: format as 'xlsx' | 'pdf' | 'csv' | 'docx' | 'html',
      lang,
      out,
      scope,
      fiches,
      records: Boolean(ctx.values.records),
      audience: audience as (typeof AUDIENCES)[number] | undefined,
      ...(notice ? { document: 'notice' as const, subjects } : {}),
      ...(asOf !== undefined ? { asOf: String(asOf) } : {}),
    });
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`${cliText(ctx, 'cli.export.done', { count: result.activities, file: result.file, sha256: result.sha256 })}\n`);
  },
};

/** --org, --role and --refs: the activities in scope. */
async function scopeOptions(ctx: CommandContext) {
  const role = ctx.values.role;
  if (role !== undefined && role !== 'controller' && role !== 'processor') throw new UsageError(cliText(ctx, 'cli.usage.role'));
  return {
    organisationId: await organisationOption(ctx),
    role: role === 'controller' ? ('controller_register' as const) : (role as 'processor' | undefined),
    refs:
      typeof ctx.values.refs === 'string'
        ? ctx.values.refs
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean)
        : undefined,
  };
}

/** `export --bundle`: the audit bundle (register PDF and XLSX, documents in scope, manifest) as one ZIP. */
async function exportBundle(ctx: CommandContext): Promise<void> {
  if (ctx.values.notice || ctx.values.format !== 'json' || ctx.values['as-of'] !== undefined) throw new UsageError(t(ctx.lang, 'documents.cli.bundleFormat'));
  const audience = ctx.values.audience;
  if (audience !== undefined && !(AUDIENCES as readonly unknown[]).includes(audience)) throw new UsageError(cliText(ctx, 'cli.usage.audience'));
  const lang = langOption(ctx);
  const out = outputFile(ctx);
  const result = await ctx.call('documents/bundle', { out, scope: await scopeOptions(ctx), lang, audience: audience as (typeof AUDIENCES)[number] | undefined });
  if (ctx.json) printJson(ctx.io, result);
  else ctx.io.stdout(`${t(ctx.lang, 'documents.bundle.done', { file: result.file, count: result.files, sha256: result.sha256 })}\n`);
}
