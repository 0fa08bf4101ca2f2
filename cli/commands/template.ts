import type { Command } from '../command.js';
import { outputFile, printJson, UsageError } from '../command.js';

export const templateCommand: Command = {
  name: 'template',
  usage: 'template --out FILE [--force] [--lang fr|en]',
  summary: 'Write the blank department template (XLSX: our fields as headers, dropdowns, instructions)',
  options: {
    out: { type: 'string' },
    lang: { type: 'string', default: 'fr' },
  },
  async run(ctx) {
    const lang = String(ctx.values.lang);
    if (lang !== 'fr' && lang !== 'en') throw new UsageError('--lang is fr or en.');
    const out = outputFile(ctx);
    const result = await ctx.call('import/template', { out, lang });
    if (ctx.json) printJson(ctx.io, result);
    else ctx.io.stdout(`Template written to ${result.file}: send it to the departments, then import what they return with "art30 import FILE".\n`);
  },
};
