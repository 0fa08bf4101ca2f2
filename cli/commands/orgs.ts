import { orgKey } from '../../core/document/export.js';
import type { Command } from '../command.js';
import { cliText, printJson } from '../command.js';

export const orgsCommand: Command = {
  name: 'orgs',
  async run(ctx) {
    const orgs = await ctx.call('organisations/list', {});
    const activities = await ctx.call('activities/list', {});
    const rows = orgs
      .map((o) => {
        const own = activities.filter((a) => a.organisationId === o.id);
        const processor = own.filter((a) => a.role === 'processor').length;
        return { id: o.id, key: orgKey(o.id), name: o.name, activities: own.length, controller: own.length - processor, processor };
      })
      .sort((a, b) => a.id - b.id);
    if (ctx.json) {
      printJson(ctx.io, rows);
      return;
    }
    if (!rows.length) {
      ctx.io.stdout(`${cliText(ctx, 'cli.orgsEmpty')}\n`);
      return;
    }
    ctx.io.stdout(`${cliText(ctx, 'cli.orgsHeader')}\n`);
    for (const r of rows) ctx.io.stdout(`${String(r.id).padEnd(4)} ${r.key.padEnd(7)} ${String(r.controller).padStart(10)}  ${String(r.processor).padStart(9)}  ${r.name}\n`);
    ctx.io.stdout(`${cliText(ctx, 'cli.orgsTotal', { count: rows.length })}\n`);
  },
};
