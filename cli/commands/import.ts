import type { Command } from '../command.js';
import { printJson, readInputFile, UsageError } from '../command.js';

export const importCommand: Command = {
  name: 'import',
  usage: 'import FILE.json',
  summary: 'Import a JSON register document (one transaction: all or nothing)',
  options: {},
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('say which file to import.');
    readInputFile(file);
    const result = await ctx.call('register/importJson', { file });
    if (ctx.json) printJson(ctx.io, result);
    else {
      ctx.io.stdout(
        `Imported ${file}: ${result.activities.created} activities created, ${result.activities.updated} updated; ` +
          `${result.recipients.created} recipients created; ${result.organisations.created} organisations created.\n`,
      );
    }
  },
};
