import type { Command } from '../command.js';
import { outputFile, printJson } from '../command.js';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --out FILE [--force]',
  summary: 'Copy the register to FILE (safe while the app is using it)',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const result = await ctx.call('register/backup', { out: outputFile(ctx) });
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`Backup written to ${result.file} (SHA-256 ${result.sha256})\n`);
  },
};
