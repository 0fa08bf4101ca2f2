import fs from 'node:fs';
import type { Command } from '../command.js';
import { cliText, printJson } from '../command.js';
import { AppError, text } from '../../core/errors.js';

export const initCommand: Command = {
  name: 'init',
  usage: 'init [--org NAME] [--demo [--yes]]',
  summary: 'Create the register file (with an organisation, or the demo register: only into a new or empty register)',
  options: { org: { type: 'string' }, demo: { type: 'boolean', default: false }, yes: { type: 'boolean', default: false } },
  createsRegister: true,
  async run(ctx) {
    const existed = fs.existsSync(ctx.dbPath) && fs.statSync(ctx.dbPath).size > 0;
    if (ctx.values.demo) {
      // The demo's fictitious organisations never go into a register that holds real ones.
      if (existed) {
        const organisations = (await ctx.call('organisations/list', {})).length;
        const activities = (await ctx.call('activities/list', {})).length;
        if (organisations || activities) throw new AppError('conflict', text('cli.demoNotEmpty', { file: ctx.dbPath, organisations, activities }));
        if (!ctx.values.yes && !(await ctx.io.confirm(cliText(ctx, 'cli.demoConfirm', { file: ctx.dbPath })))) {
          ctx.io.stderr(`${cliText(ctx, 'cli.demoCancelled')}\n`);
          return 2;
        }
      } else if (typeof ctx.values.org === 'string') {
        throw new AppError('bad_input', text('cli.demoNotEmpty', { file: ctx.dbPath, organisations: 1, activities: 0 }));
      }
    }
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
