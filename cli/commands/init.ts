import fs from 'node:fs';
import type { Command } from '../command.js';
import { printJson } from '../command.js';

export const initCommand: Command = {
  name: 'init',
  usage: 'init [--org NAME] [--demo]',
  summary: 'Create the register file (with an organisation, or the demo register)',
  options: { org: { type: 'string' }, demo: { type: 'boolean', default: false } },
  async run(ctx) {
    const existed = fs.existsSync(ctx.dbPath) && fs.statSync(ctx.dbPath).size > 0;
    ctx.open();
    const created: Record<string, unknown> = { file: ctx.dbPath, created: !existed };
    if (typeof ctx.values.org === 'string') created.organisation = await ctx.call('organisations/create', { organisation: { name: ctx.values.org } });
    if (ctx.values.demo) created.demo = await ctx.call('demo/create', {});
    if (ctx.json) printJson(ctx.io, created);
    else {
      ctx.io.stdout(`${existed ? 'Register already present' : 'Register created'}: ${ctx.dbPath}\n`);
      if (created.organisation) ctx.io.stdout(`Organisation added: ${ctx.values.org}\n`);
      if (created.demo) ctx.io.stdout('Demo register added: Atelier Lumière SAS and its activities.\n');
    }
  },
};
