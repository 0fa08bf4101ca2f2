import type { Command } from '../command.js';
import { EXIT, printJson } from '../command.js';

export const verifyHistoryCommand: Command = {
  name: 'verify-history',
  usage: 'verify-history',
  summary: 'Check that no entry of the change history was altered or removed',
  async run(ctx) {
    const check = await ctx.call('history/verify', {});
    if (ctx.json) printJson(ctx.io, check);
    if (check.ok) {
      if (!ctx.json) ctx.io.stdout(`History intact: ${check.checked} entries checked.\n`);
      return EXIT.ok;
    }
    const b = check.brokenAt!;
    const why = b.reason === 'altered' ? 'was altered after it was written' : 'does not follow the entry before it (an entry was removed or reordered)';
    ctx.io.stderr(`History check FAILED at entry #${b.id} (${b.at}, ${b.entity}): it ${why}. ${check.checked} entries before it are intact.\n`);
    return EXIT.badInput;
  },
};
