import { hasKey, t } from '../../core/i18n/i18n.js';
import type { Command } from '../command.js';
import { listRole, listText } from '../list-text.js';
import { cliText, organisationOption, printJson, UsageError } from '../command.js';

export const listCommand: Command = {
  name: 'list',
  options: { org: { type: 'string' }, role: { type: 'string' }, search: { type: 'string' } },
  async run(ctx) {
    const organisationId = await organisationOption(ctx);
    const role = listRole(ctx.values.role);
    if (role === null) throw new UsageError(cliText(ctx, 'cli.usage.role'));
    const scope = { organisationId, role, search: ctx.values.search as string | undefined };
    if (ctx.json) {
      // The `activities` array of the JSON register document.
      const doc = await ctx.call('register/document', scope);
      printJson(ctx.io, doc.activities);
      return;
    }
    const rows = await ctx.call('activities/list', scope);
    ctx.io.stdout(listText(rows, (key, params) => t(ctx.lang, key, params), hasKey));
  },
};
