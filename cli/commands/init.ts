import fs from 'node:fs';
import type { Command } from '../command.js';
import { cliText, printJson } from '../command.js';
import { AppError, text } from '../../core/errors.js';

export const initCommand: Command = {
  name: 'init',
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
      ctx.io.stdout(`${cliText(ctx, existed ? 'cli.init.present' : 'cli.init.created', { file: ctx.dbPath })}\n`);
      if (created.organisation) ctx.io.stdout(`${cliText(ctx, 'cli.init.orgAdded', { name: String(ctx.values.org) })}\n`);
      if (created.demo) ctx.io.stdout(`${cliText(ctx, 'cli.init.demoAdded')}\n`);
    }
  },
};
