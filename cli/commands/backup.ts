import type { Command } from '../command.js';
import { cliText, outputFile, printJson } from '../command.js';

export const backupCommand: Command = {
  name: 'backup',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const result = await ctx.call('register/backup', { out: outputFile(ctx) });
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`${cliText(ctx, 'cli.backup.done', { file: result.file, sha256: result.sha256 })}\n`);
  },
};
