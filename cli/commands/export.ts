import type { Command } from '../command.js';
import { organisationOption, outputFile, printJson, requireString, UsageError } from '../command.js';

const FORMATS = ['xlsx', 'pdf', 'csv', 'json', 'docx', 'html'] as const;
const AUDIENCES = ['authority', 'internal', 'public'] as const;

export const exportCommand: Command = {
  name: 'export',
  usage:
    'export --format xlsx|pdf|docx|csv|json --out FILE [--force] [--lang fr|en] [--org ORG] [--role controller|processor] [--refs T-001,T-004] [--audience authority|internal|public] [--fiches|--no-fiches] [--records] [--as-of YYYY-MM-DD]\n' +
    '       export --notice --format html|pdf|docx --out FILE [--force] [--subjects Clients] [--refs …] [--org ORG] [--lang fr|en]',
  summary: 'Export the register, or an extract of it, for an audit (XLSX, PDF, CSV) or as a JSON document',
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
  },
  async run(ctx) {
    requireString(ctx, 'out');
    const format = String(ctx.values.format);
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format} is not supported (xlsx, pdf, docx, csv or json; html for --notice).`);
    const notice = Boolean(ctx.values.notice);
    if (notice && !['html', 'pdf', 'docx'].includes(format)) throw new UsageError('--notice is written as --format html, pdf or docx.');
    if (!notice && format === 'html') throw new UsageError('--format html is for the information notice (--notice).');
    const audience = ctx.values.audience;
    if (audience !== undefined && !(AUDIENCES as readonly unknown[]).includes(audience)) throw new UsageError('--audience is authority, internal or public.');
    if (audience !== undefined && format === 'json') throw new UsageError('--audience applies to XLSX, PDF, DOCX and CSV exports, not to the JSON document.');
    const lang = String(ctx.values.lang);
    if (lang !== 'fr' && lang !== 'en') throw new UsageError('--lang is fr or en.');
    const role = ctx.values.role;
    if (role !== undefined && role !== 'controller' && role !== 'processor') throw new UsageError('--role is controller or processor.');
    const out = outputFile(ctx);
    const scope = {
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
    const asOf = ctx.values['as-of'];
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(asOf))) throw new UsageError('--as-of is a date: YYYY-MM-DD.');
    if (format === 'json' && asOf === undefined) {
      const result = await ctx.call('register/exportJson', { out, scope });
      if (ctx.json) printJson(ctx.io, result);
      else ctx.io.stdout(`Exported to ${result.file} (SHA-256 ${result.sha256})\n`);
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
    else ctx.io.stdout(`Exported ${result.activities} activit${result.activities === 1 ? 'y' : 'ies'} to ${result.file} (SHA-256 ${result.sha256})\n`);
  },
};
