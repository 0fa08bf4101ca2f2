import type { Command } from '../command.js';
import { printJson, requireString, UsageError } from '../command.js';

export const exportCommand: Command = {
  name: 'export',
  usage: 'export --format json --out FILE [--org ID] [--role controller|processor] [--refs T-001,T-004]',
  summary: 'Export the register, or an extract of it',
  options: {
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
    org: { type: 'string' },
    role: { type: 'string' },
    refs: { type: 'string' },
    lang: { type: 'string', default: 'fr' },
  },
  async run(ctx) {
    const out = requireString(ctx, 'out');
    const format = String(ctx.values.format);
    const role = ctx.values.role;
    if (role !== undefined && role !== 'controller' && role !== 'processor') throw new UsageError('--role is controller or processor.');
    const scope = {
      organisationId: ctx.values.org ? Number(ctx.values.org) : undefined,
      role: role === 'controller' ? ('controller_register' as const) : (role as 'processor' | undefined),
      refs: typeof ctx.values.refs === 'string' ? ctx.values.refs.split(',').map((r) => r.trim()).filter(Boolean) : undefined,
    };
    if (format !== 'json') throw new UsageError(`--format ${format} is not supported (json).`);
    const result = await ctx.call('register/exportJson', { out, scope });
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`Exported to ${result.file} (SHA-256 ${result.sha256})\n`);
  },
};
