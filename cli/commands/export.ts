import type { Command } from '../command.js';
import { printJson, requireString, UsageError } from '../command.js';

const FORMATS = ['xlsx', 'pdf', 'csv', 'json'] as const;

export const exportCommand: Command = {
  name: 'export',
  usage: 'export --format xlsx|pdf|csv|json --out FILE [--lang fr|en] [--org ID] [--role controller|processor] [--refs T-001,T-004] [--fiches|--no-fiches] [--as-of YYYY-MM-DD]',
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
    'as-of': { type: 'string' },
  },
  async run(ctx) {
    const out = requireString(ctx, 'out');
    const format = String(ctx.values.format);
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format} is not supported (xlsx, pdf, csv or json).`);
    const lang = String(ctx.values.lang);
    if (lang !== 'fr' && lang !== 'en') throw new UsageError('--lang is fr or en.');
    const role = ctx.values.role;
    if (role !== undefined && role !== 'controller' && role !== 'processor') throw new UsageError('--role is controller or processor.');
    const org = ctx.values.org;
    if (org !== undefined && !/^[1-9]\d*$/.test(String(org))) throw new UsageError('--org is an organisation number (see "art30 list --json").');
    const scope = {
      organisationId: org !== undefined ? Number(org) : undefined,
      role: role === 'controller' ? ('controller_register' as const) : (role as 'processor' | undefined),
      refs: typeof ctx.values.refs === 'string' ? ctx.values.refs.split(',').map((r) => r.trim()).filter(Boolean) : undefined,
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
    const result = await ctx.call('export/file', { format: format as 'xlsx' | 'pdf' | 'csv' | 'json', lang, out, scope, fiches, ...(asOf !== undefined ? { asOf: String(asOf) } : {}) });
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`Exported ${result.activities} activit${result.activities === 1 ? 'y' : 'ies'} to ${result.file} (SHA-256 ${result.sha256})\n`);
  },
};
