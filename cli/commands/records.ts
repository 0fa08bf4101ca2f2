/** `art30 breaches list|show` and `art30 requests list|show`: the records kept beside the register. */
import { t, type Lang } from '../../core/i18n/i18n.js';
import { breachSections, formatDate, formatInstant, notificationText, requestDeadlineText, requestRow, valueLabel } from '../../core/records/labels.js';
import type { Command, CommandContext } from '../command.js';
import { langOption, organisationOption, printJson, UsageError } from '../command.js';

const options = { org: { type: 'string' }, status: { type: 'string' }, lang: { type: 'string' } } as const;

/** --lang, else the command line's language (ART30_LANG, LC_ALL, LC_MESSAGES, LANG). */
function langOf(ctx: CommandContext): Lang {
  return langOption(ctx);
}

async function parse(ctx: CommandContext, command: string) {
  const [action = 'list', ref] = ctx.positionals;
  if (action !== 'list' && action !== 'show') throw new UsageError(t(langOf(ctx), 'records.cli.unknownAction', { action }));
  if (action === 'show' && !ref) throw new UsageError(t(langOf(ctx), 'records.cli.sayWhich', { command }));
  const organisationId = await organisationOption(ctx);
  return { action, ref: ref ?? '', organisationId, status: ctx.values.status as string | undefined, lang: langOf(ctx) };
}

function table(ctx: CommandContext, rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) ctx.io.stdout(`${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')}\n`);
}

function lines(ctx: CommandContext, rows: [string, string][]): void {
  const w = Math.max(...rows.map(([l]) => l.length));
  for (const [label, value] of rows) if (value) ctx.io.stdout(`${label.padEnd(w)}  ${value.replace(/\n/g, `\n${' '.repeat(w + 2)}`)}\n`);
}

export const breachesCommand: Command = {
  name: 'breaches',
  options,
  async run(ctx) {
    const p = await parse(ctx, 'breaches');
    if (p.action === 'show') {
      const b = await ctx.call('breaches/getByRef', { ref: p.ref, organisationId: p.organisationId });
      if (ctx.json) return void printJson(ctx.io, b);
      for (const s of breachSections(p.lang, b)) {
        ctx.io.stdout(`\n${s.title}\n`);
        lines(ctx, s.rows);
      }
      return;
    }
    const list = await ctx.call('breaches/list', { organisationId: p.organisationId, status: p.status });
    if (ctx.json) return void printJson(ctx.io, list);
    if (!list.length) return void ctx.io.stdout(`${t(p.lang, 'records.noBreaches')}\n`);
    table(
      ctx,
      list.map((b) => [
        b.ref,
        formatInstant(p.lang, b.discoveredAt),
        valueLabel.status(p.lang, b.status),
        valueLabel.risk(p.lang, b.riskLevel),
        notificationText(p.lang, b.deadline),
        b.title,
      ]),
    );
    ctx.io.stdout(`${t(p.lang, 'records.breach', { count: list.length })}\n`);
  },
};

export const requestsCommand: Command = {
  name: 'requests',
  options: { ...options, overdue: { type: 'boolean', default: false } },
  async run(ctx) {
    const p = await parse(ctx, 'requests');
    if (p.action === 'show') {
      const r = await ctx.call('requests/getByRef', { ref: p.ref, organisationId: p.organisationId });
      if (ctx.json) return void printJson(ctx.io, r);
      lines(ctx, requestRow(p.lang, r));
      return;
    }
    const list = await ctx.call('requests/list', { organisationId: p.organisationId, status: p.status, overdue: ctx.values.overdue ? true : undefined });
    if (ctx.json) return void printJson(ctx.io, list);
    if (!list.length) return void ctx.io.stdout(`${t(p.lang, 'records.noRequests')}\n`);
    table(
      ctx,
      list.map((r) => [
        r.ref,
        formatDate(p.lang, r.receivedOn),
        valueLabel.right(p.lang, r.right),
        valueLabel.requestStatus(p.lang, r.status),
        formatDate(p.lang, r.deadline.dueOn),
        requestDeadlineText(p.lang, r.deadline),
      ]),
    );
    const overdue = list.filter((r) => r.deadline.state === 'overdue').length;
    ctx.io.stdout(`${t(p.lang, 'records.request', { count: list.length })}${overdue ? `, ${t(p.lang, 'records.overdueCount', { count: overdue })}` : ''}\n`);
  },
};
