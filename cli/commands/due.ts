import type { Command } from '../command.js';
import { cliText, printJson, UsageError } from '../command.js';
import { cliLang, tr } from './overview-text.js';

export const dueCommand: Command = {
  name: 'due',
  options: { org: { type: 'string' }, lang: { type: 'string' } },
  async run(ctx) {
    const org = ctx.values.org;
    if (org !== undefined && !/^[1-9]\d*$/.test(String(org))) throw new UsageError(cliText(ctx, 'cli.usage.orgNumber'));
    const o = await ctx.call('overview/get', { organisationId: org !== undefined ? Number(org) : undefined });
    if (ctx.json) {
      printJson(ctx.io, { today: o.today, dueSoonDays: o.reviews.dueSoonDays, overdue: o.reviews.overdue.count, dueSoon: o.reviews.dueSoon.count, activities: o.reviews.due });
      return;
    }
    const T = tr(cliLang(ctx));
    if (!o.reviews.due.length) {
      ctx.io.stdout(`${T('overview.dueNone', { days: o.reviews.dueSoonDays })}\n`);
      return;
    }
    ctx.io.stdout(`${T('overview.overdue', { count: o.reviews.overdue.count })}, ${T('overview.dueSoon', { count: o.reviews.dueSoon.count, days: o.reviews.dueSoonDays })}\n`);
    const w = Math.max(...o.reviews.due.map((d) => d.ref.length));
    for (const d of o.reviews.due) {
      const when = d.daysLeft < 0 ? T('overview.daysLate', { count: -d.daysLeft }) : T('overview.daysLeft', { count: d.daysLeft });
      ctx.io.stdout(`${d.ref.padEnd(w)}  ${d.nextReviewAt}  ${T(`overview.state.${d.state}`).padEnd(10)}  ${when.padEnd(20)}  ${d.name}\n`);
    }
  },
};
