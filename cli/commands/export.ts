import type { Command } from '../command.js';
import { organisationOption, outputFile, printJson, requireString, UsageError } from '../command.js';

const FORMATS = ['xlsx', 'pdf', 'csv', 'json'] as const;

export const exportCommand: Command = {
  name: 'export',
  usage: 'export --format xlsx|pdf|csv|json --out FILE [--force] [--lang fr|en] [--org ORG] [--role controller|processor] [--refs T-001,T-004] [--fiches|--no-fiches]',
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
  },
  async run(ctx) {
    requireString(ctx, 'out');
    const format = String(ctx.values.format);
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format} is not supported (xlsx, pdf, csv or json).`);
    const lang = String(ctx.values.lang);
    if (lang !== 'fr' && lang !== 'en') throw new UsageError('--lang is fr or en.');
    const role = ctx.values.role;
    if (role !== undefined && role !== 'controller' && role !== 'processor') throw new UsageError('--role is controller or processor.');
    const out = outputFile(ctx);
    const scope = {
      organisationId: await organisationOption(ctx),
      role: role === 'controller' ? ('controller_register' as const) : (role as 'processor' | undefined),
      refs: typeof ctx.values.refs === 'string' ? ctx.values.refs.split(',').map((r) => r.trim()).filter(Boolean) : undefined,
    };
    if (format === 'json') {
      const result = await ctx.call('register/exportJson', { out, scope });
      if (ctx.json) printJson(ctx.io, result);
      else ctx.io.stdout(`Exported to ${result.file} (SHA-256 ${result.sha256})\n`);
      return;
    }
    const fiches = ctx.values.fiches ? true : ctx.values['no-fiches'] ? false : undefined;
    const result = await ctx.call('export/file', { format: format as 'xlsx' | 'pdf' | 'csv', lang, out, scope, fiches });
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`Exported ${result.activities} activit${result.activities === 1 ? 'y' : 'ies'} to ${result.file} (SHA-256 ${result.sha256})\n`);
  },
};
