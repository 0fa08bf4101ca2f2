import type { Command } from '../command.js';
import { cliText, langOption, outputFile, printJson } from '../command.js';

export const templateCommand: Command = {
  name: 'template',
  options: {
    out: { type: 'string' },
    lang: { type: 'string', default: 'fr' },
  },
  async run(ctx) {
    const lang = langOption(ctx);
    const out = outputFile(ctx);
    const result = await ctx.call('import/template', { out, lang });
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`${cliText(ctx, 'cli.template.done', { file: result.file })}\n`);
  },
};
