import type { Command } from '../command.js';
import { cliText, EXIT, printJson } from '../command.js';

export const verifyHistoryCommand: Command = {
  name: 'verify-history',
  async run(ctx) {
    const check = await ctx.call('history/verify', {});
    if (ctx.json) printJson(ctx.io, check);
    if (check.ok) {
      if (!ctx.json) ctx.io.stdout(`${cliText(ctx, 'cli.history.intact', { count: check.checked })}\n`);
      return EXIT.ok;
    }
    const b = check.brokenAt!;
    const why = cliText(ctx, b.reason === 'altered' ? 'cli.history.altered' : 'cli.history.broken');
    const before = cliText(ctx, 'cli.history.before', { count: check.checked });
    ctx.io.stderr(`${cliText(ctx, 'cli.history.failed', { id: b.id, at: b.at, entity: b.entity, why, before })}\n`);
    return EXIT.badInput;
  },
};
