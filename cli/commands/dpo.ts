/**
 * The DPO's own work on the command line (issue 25):
 *   copy REF… --org FROM --to ORG[,ORG…] [--yes]   says what it would copy, asks, then copies in one transaction
 *   actions list [--org ORG] [--overdue] [--state S]  the action plan
 */
import type { Command, CommandContext } from '../command.js';
import { cliText, EXIT, organisationOption, printJson, UsageError } from '../command.js';
import { cliLang, tr } from './overview-text.js';

const STATES = ['open', 'in_progress', 'done', 'dropped', 'pending'] as const;

async function targets(ctx: CommandContext): Promise<number[]> {
  const to = ctx.values.to;
  if (typeof to !== 'string' || !to.trim()) throw new UsageError(cliText(ctx, 'cli.usage.required', { option: '--to' }));
  const ids: number[] = [];
  for (const name of to
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    ids.push((await organisationOption({ ...ctx, values: { ...ctx.values, target: name } }, 'target'))!);
  }
  return ids;
}

export const copyCommand: Command = {
  name: 'copy',
  options: { org: { type: 'string' }, to: { type: 'string' }, yes: { type: 'boolean', short: 'y', default: false }, lang: { type: 'string' } },
  async run(ctx) {
    if (!ctx.positionals.length) throw new UsageError(cliText(ctx, 'cli.usage.required', { option: 'REF' }));
    const from = await organisationOption(ctx);
    if (from === undefined) throw new UsageError(cliText(ctx, 'cli.usage.required', { option: '--org' }));
    const organisationIds = await targets(ctx);
    const activityIds: number[] = [];
    for (const ref of ctx.positionals) activityIds.push((await ctx.call('activities/getByRef', { ref, organisationId: from })).id);
    const T = tr(cliLang(ctx));
    const line = (i: { sourceRef: string; name: string; to: string; recipientsMatched: string[]; recipientsCreated: string[] }) =>
      T('dpo.copy.plan', {
        ref: i.sourceRef,
        name: i.name,
        to: i.to,
        matched: i.recipientsMatched.join(', ') || T('dpo.copy.none'),
        created: i.recipientsCreated.join(', ') || T('dpo.copy.none'),
      });
    const plan = await ctx.call('copy/plan', { activityIds, organisationIds });
    if (!ctx.json) for (const i of plan.items) ctx.io.stdout(`${line(i)}\n`);
    if (!ctx.values.yes && !(await ctx.io.confirm(T('dpo.cli.copyConfirm', { count: plan.items.length })))) {
      if (ctx.json) printJson(ctx.io, { written: false, ...plan });
      else ctx.io.stdout(`${T('dpo.cli.notConfirmed')}\n`);
      return EXIT.ok;
    }
    const done = await ctx.call('copy/run', { activityIds, organisationIds });
    if (ctx.json) return printJson(ctx.io, { written: true, ...done });
    ctx.io.stdout(`${T('dpo.copy.done', { count: done.items.length })}\n`);
    for (const i of done.items) ctx.io.stdout(`  ${i.sourceRef} → ${i.to} ${i.ref}\n`);
  },
};

export const actionsCommand: Command = {
  name: 'actions',
  options: { org: { type: 'string' }, overdue: { type: 'boolean', default: false }, state: { type: 'string' }, lang: { type: 'string' }, today: { type: 'string' } },
  async run(ctx) {
    const [action] = ctx.positionals;
    if (action !== 'list') throw new UsageError(cliText(ctx, 'cli.usage.required', { option: 'list' }));
    const state = ctx.values.state;
    if (state !== undefined && !(STATES as readonly unknown[]).includes(state)) throw new UsageError(cliText(ctx, 'cli.usage.required', { option: `--state ${STATES.join('|')}` }));
    const today = typeof ctx.values.today === 'string' ? ctx.values.today : undefined;
    const actions = await ctx.call('actions/list', {
      organisationId: await organisationOption(ctx),
      overdue: ctx.values.overdue === true || undefined,
      state: state as (typeof STATES)[number] | undefined,
      today,
    });
    if (ctx.json) return printJson(ctx.io, actions);
    const T = tr(cliLang(ctx));
    if (!actions.length) return void ctx.io.stdout(`${T('dpo.actions.none')}\n`);
    const w = Math.max(...actions.map((a) => a.ref.length));
    const states = actions.map((a) => (a.overdue ? `${T(`dpo.state.${a.state}`)}, ${T('dpo.actions.overdueBadge').toLowerCase()}` : T(`dpo.state.${a.state}`)));
    const sw = Math.max(...states.map((s) => s.length));
    const orgs = new Set(actions.map((a) => a.organisationId));
    const names = orgs.size > 1 ? new Map((await ctx.call('organisations/list', {})).map((o) => [o.id, o.name])) : undefined;
    actions.forEach((a, k) => {
      // Each organisation's actions under its name, when the list has several.
      if (names && (k === 0 || actions[k - 1].organisationId !== a.organisationId)) ctx.io.stdout(`${k ? '\n' : ''}${names.get(a.organisationId) ?? ''}\n`);
      const about = a.activityLabel || T('dpo.action.freeNote');
      ctx.io.stdout(
        `${a.ref.padEnd(w)}  ${(a.dueOn || '—').padEnd(10)}  ${states[k].padEnd(sw)}  ${T(`dpo.priority.${a.priority}`).padEnd(7)}  ${a.title} — ${about}${a.owner ? ` (${a.owner})` : ''}\n`,
      );
      if (a.outcome) ctx.io.stdout(`${' '.repeat(w + 2)}${T('dpo.cli.outcome', { text: a.outcome })}\n`);
    });
    ctx.io.stdout(`${T('dpo.actions.count', { count: actions.length })}\n`);
  },
};
