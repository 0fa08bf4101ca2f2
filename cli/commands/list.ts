import type { Command } from '../command.js';
import { organisationOption, printJson, UsageError } from '../command.js';

export const listCommand: Command = {
  name: 'list',
  usage: 'list [--org ORG] [--role controller|processor] [--search TEXT]',
  summary: 'List the processing activities',
  options: { org: { type: 'string' }, role: { type: 'string' }, search: { type: 'string' } },
  async run(ctx) {
    const organisationId = await organisationOption(ctx);
    const roleOption = ctx.values.role;
    if (roleOption !== undefined && roleOption !== 'controller' && roleOption !== 'processor') throw new UsageError('--role is controller or processor.');
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
      ctx.io.stdout('No processing activity in this register.\n');
      return;
    }
    const refW = Math.max(3, ...rows.map((r) => r.ref.length));
    for (const r of rows) {
      const flags = [r.specialCategories ? 'special' : '', r.nonEeaTransfer ? 'non-EEA transfer' : '', r.dpiaRequired ? 'DPIA' : ''].filter(Boolean).join(', ');
      ctx.io.stdout(`${r.ref.padEnd(refW)}  ${r.status.padEnd(7)}  ${r.role.padEnd(16)}  ${r.name}${flags ? `  [${flags}]` : ''}\n`);
    }
    ctx.io.stdout(`${rows.length} activit${rows.length > 1 ? 'ies' : 'y'}\n`);
  },
};
