import type { Command } from '../command.js';
import { cliText, printJson, requireString, outputFile, UsageError } from '../command.js';

export const backupCommand: Command = {
  name: 'backup',
  options: { out: { type: 'string' }, complete: { type: 'boolean' } },
  async run(ctx) {
    const result = await ctx.call('register/backup', { out: outputFile(ctx), documents: ctx.values.complete ? 'inside' : 'store' });
    if (ctx.json) printJson(ctx.io, result);
    else if (result.store) ctx.io.stdout(`${cliText(ctx, 'backups.cli.withStore', { file: result.file, sha256: result.sha256, ...result.store })}\n`);
    else ctx.io.stdout(`${cliText(ctx, 'cli.backup.done', { file: result.file, sha256: result.sha256 })}\n`);
  },
};

/** `art30 restore BACKUP --out FILE`: no register is opened; the one written is checked document by document. */
export const restoreCommand: Command = {
  name: 'restore',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const [backup] = ctx.positionals;
    if (!backup) throw new UsageError(cliText(ctx, 'backups.cli.needFile'));
    const out = requireString(ctx, 'out');
    const { restoreBackup } = await import('../../db/backup.js');
    const result = await restoreBackup(backup, out);
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`${cliText(ctx, 'backups.cli.restored', result)}\n`);
  },
};
