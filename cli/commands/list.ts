import { hasKey, t } from '../../core/i18n/i18n.js';
import type { Command } from '../command.js';
import { cliText, organisationOption, printJson, UsageError } from '../command.js';

export const listCommand: Command = {
  name: 'list',
  options: { org: { type: 'string' }, role: { type: 'string' }, search: { type: 'string' } },
  async run(ctx) {
    const organisationId = await organisationOption(ctx);
    const roleOption = ctx.values.role;
    if (roleOption !== undefined && roleOption !== 'controller' && roleOption !== 'processor') throw new UsageError(cliText(ctx, 'cli.usage.role'));
    const role = roleOption === 'controller' ? ('controller_register' as const) : (roleOption as 'processor' | undefined);
    const scope = { organisationId, role, search: ctx.values.search as string | undefined };
    if (ctx.json) {
      // The `activities` array of the JSON register document.
      const doc = await ctx.call('register/document', scope);
      printJson(ctx.io, doc.activities);
      return;
    }
    const rows = await ctx.call('activities/list', scope);
    if (!rows.length) {
      ctx.io.stdout(`${cliText(ctx, 'cli.list.empty')}\n`);
      return;
    }
    // Status and role in the exports' words (doc.status.*, doc.role.*: closed lists, no reference table
    // to read, so `list` stays quick), in the command line's language; an unknown code prints as itself.
    const word = (list: string, code: string) => (hasKey(`doc.${list}.${code}`) ? t(ctx.lang, `doc.${list}.${code}`) : code);
    const L = { status: (c: string) => word('status', c), role: (c: string) => word('role', c) };
    const flag = { special: cliText(ctx, 'cli.list.special'), transfer: cliText(ctx, 'cli.list.transfer'), dpia: cliText(ctx, 'cli.list.dpia') };
    const shown = rows.map((r) => ({ r, status: L.status(r.status), role: L.role(r.role) }));
    const refW = Math.max(3, ...rows.map((r) => r.ref.length));
    const statusW = Math.max(...shown.map((s) => s.status.length));
    const roleW = Math.max(...shown.map((s) => s.role.length));
    for (const { r, status, role } of shown) {
      const flags = [r.specialCategories ? flag.special : '', r.nonEeaTransfer ? flag.transfer : '', r.dpiaRequired ? flag.dpia : ''].filter(Boolean).join(', ');
      ctx.io.stdout(`${r.ref.padEnd(refW)}  ${status.padEnd(statusW)}  ${role.padEnd(roleW)}  ${r.name}${flags ? `  [${flags}]` : ''}\n`);
    }
    ctx.io.stdout(`${cliText(ctx, 'cli.list.total', { count: rows.length })}\n`);
  },
};
