/**
 * `art30 campaign`: department review campaigns (issue 22) through the campaign/* procedures.
 *   create --org ORG [--departments "RH,Marketing"] --due YYYY-MM-DD --out DIR   workbooks and e-mail drafts
 *   status [ID] [--json]                                                          per department: sent, returned, late
 *   remind ID --out DIR                                                           reminder drafts for those who have not answered
 *   collect FILE [--dry-run] [--yes] [--keep REF] [--take REF:FIELD]              preview, then record the answer
 * A returned file without a campaign stamp is imported as any department file (`art30 import`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CampaignPreview, Decision } from '../../core/campaign/collect.js';
import type { Campaign } from '../../core/campaign/services.js';
import { AppError, text } from '../../core/errors.js';
import type { Command, CommandContext } from '../command.js';
import { cliText, EXIT, langOption, organisationOption, printJson, requireString, UsageError } from '../command.js';

const FIELDS = ['name', 'owner', 'purpose', 'legalBases', 'dataSubjects', 'dataCategories', 'recipients', 'retention'] as const;
type Field = (typeof FIELDS)[number];

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ; ') || '—';

function printStatus(ctx: CommandContext, c: Campaign): void {
  const T = (key: string, params?: Record<string, string | number>) => cliText(ctx, key, params);
  ctx.io.stdout(
    `${T('campaign.cli.header', { ref: c.ref, organisation: c.organisation, date: c.dueOn, returned: c.counts.returned, count: c.counts.departments, late: c.counts.late })}\n`,
  );
  const w = Math.max(...c.departments.map((d) => d.name.length));
  for (const d of c.departments) {
    const when = d.returnedAt ? `${T('campaign.col.returnedAt')} ${d.returnedAt.slice(0, 10)}` : `${T('campaign.col.sentAt')} ${d.sentAt.slice(0, 10)}`;
    const reminded = d.remindedAt ? `  ${T('campaign.reminded', { date: d.remindedAt.slice(0, 10) })}` : '';
    ctx.io.stdout(`  ${d.name.padEnd(w)}  ${T(`campaign.state.${d.state}`).padEnd(10)}  ${when}  ${T('campaign.activityCount', { count: d.activities.length })}${reminded}\n`);
  }
  if (c.counts.late + c.counts.sent > 0) ctx.io.stdout(`${T('campaign.cli.remindersHint', { id: c.id })}\n`);
}

function printPreview(ctx: CommandContext, p: CampaignPreview): void {
  const T = (key: string, params?: Record<string, string | number>) => cliText(ctx, key, params);
  ctx.io.stdout(`${T('campaign.cli.previewHeader', { department: p.department.name, ref: p.campaign.ref, organisation: p.campaign.organisation, file: p.fileName })}\n`);
  for (const a of p.activities) {
    ctx.io.stdout(`\n${a.ref}  ${a.name}  — ${T(`campaign.answer.${a.answer}`)}\n`);
    if (a.missing) ctx.io.stdout(`    ${T('campaign.preview.missing')}\n`);
    if (a.answerInferred) ctx.io.stdout(`    ${T('campaign.preview.inferred')}\n`);
    for (const f of a.fields.filter((x) => x.changed)) {
      ctx.io.stdout(`    ${T(`campaign.col.${f.field}`)} : ${oneLine(f.sent)} → ${oneLine(f.answer)}\n`);
      if (f.conflict) ctx.io.stdout(`      ${T('campaign.cli.conflict', { ref: a.ref, field: f.field })} (${T('campaign.preview.current')} : ${oneLine(f.current)})\n`);
    }
    if (a.comment) ctx.io.stdout(`    ${T('campaign.col.comment')} : ${a.comment}\n`);
  }
  for (const n of p.newActivities) ctx.io.stdout(`\n+ ${n.cells.name}  — ${T('campaign.cli.newActivity', { row: n.row })}\n`);
}

async function create(ctx: CommandContext): Promise<void> {
  const organisationId = await organisationOption(ctx);
  if (organisationId === undefined) throw new UsageError(cliText(ctx, 'cli.usage.required', { option: 'org' }));
  const dueOn = requireString(ctx, 'due');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) throw new UsageError(cliText(ctx, 'campaign.error.dueOn'));
  const out = requireString(ctx, 'out');
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new AppError('bad_input', text('campaign.error.outIsFile', { dir: out }));
  const by = ctx.values.by;
  if (by !== undefined && by !== 'department' && by !== 'owner') throw new UsageError(cliText(ctx, 'cli.usage.required', { option: 'by department|owner' }));
  const departments =
    typeof ctx.values.departments === 'string'
      ? ctx.values.departments
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean)
      : undefined;
  // --email "Ressources humaines=drh@example.org" (or "RH=…"); by default the address used last time.
  const emails = Object.fromEntries(
    list(ctx.values.email).map((e) => {
      const at = e.indexOf('=');
      if (at < 1) throw new UsageError(cliText(ctx, 'campaign.cli.emailOption'));
      return [e.slice(0, at).trim(), e.slice(at + 1).trim()];
    }),
  );
  const c = await ctx.call('campaign/create', {
    organisationId,
    departments,
    emails,
    groupBy: by as 'department' | 'owner' | undefined,
    dueOn,
    message: typeof ctx.values.message === 'string' ? ctx.values.message : undefined,
    lang: langOption(ctx),
  });
  const written = await ctx.call('campaign/write', { id: c.id, dir: out });
  if (ctx.json) return printJson(ctx.io, { campaign: c, ...written });
  ctx.io.stdout(`${cliText(ctx, 'campaign.cli.created', { ref: c.ref, organisation: c.organisation, count: c.departments.length, date: c.dueOn })}\n`);
  ctx.io.stdout(`${cliText(ctx, 'campaign.cli.wrote', { count: written.files.length, dir: written.dir })}\n`);
  for (const f of written.files) ctx.io.stdout(`  ${f}\n`);
}

async function status(ctx: CommandContext, id?: string): Promise<void> {
  if (id !== undefined && !/^[1-9]\d*$/.test(id)) throw new UsageError(cliText(ctx, 'cli.usage.orgNumber'));
  const campaigns = id ? [await ctx.call('campaign/get', { id: Number(id) })] : await ctx.call('campaign/list', { organisationId: await organisationOption(ctx) });
  if (ctx.json) return printJson(ctx.io, id ? campaigns[0] : campaigns);
  if (!campaigns.length) return void ctx.io.stdout(`${cliText(ctx, 'campaign.cli.none')}\n`);
  campaigns.forEach((c, i) => {
    if (i) ctx.io.stdout('\n');
    printStatus(ctx, c);
  });
}

async function remind(ctx: CommandContext, id?: string): Promise<void> {
  if (!id || !/^[1-9]\d*$/.test(id)) throw new UsageError(cliText(ctx, 'cli.usage.required', { option: 'ID' }));
  const out = requireString(ctx, 'out');
  const written = await ctx.call('campaign/write', { id: Number(id), dir: out, reminders: true });
  if (ctx.json) return printJson(ctx.io, written);
  ctx.io.stdout(`${cliText(ctx, 'campaign.cli.wrote', { count: written.files.length, dir: written.dir })}\n`);
  for (const f of written.files) ctx.io.stdout(`  ${f}\n`);
}

async function collect(ctx: CommandContext, file?: string): Promise<number | void> {
  if (!file) throw new UsageError(cliText(ctx, 'cli.usage.required', { option: 'FILE' }));
  const p = await ctx.call('campaign/readFile', { file, organisationId: await organisationOption(ctx) });
  if (p.kind === 'unstamped') {
    // A department file that lost its stamp: the department-file import, as `art30 import FILE`.
    ctx.io.stderr(`${cliText(ctx, 'campaign.cli.unstamped', { file: p.fileName })}\n`);
    const { importCommand } = await import('./import.js');
    return importCommand.run({
      ...ctx,
      positionals: [file],
      values: { org: ctx.values.org, 'dry-run': ctx.values['dry-run'], yes: ctx.values.yes, drafts: false, batches: false },
    });
  }
  const decisions: Record<string, Decision> = {};
  for (const ref of list(ctx.values.keep)) decisions[ref] = { ...decisions[ref], skip: true, retire: false };
  for (const spec of list(ctx.values.take)) {
    const [ref, field] = spec.split(':');
    if (!ref || !FIELDS.includes(field as Field)) throw new UsageError(cliText(ctx, 'cli.usage.required', { option: `take REF:${FIELDS.join('|')}` }));
    decisions[ref] = { ...decisions[ref], take: [...(decisions[ref]?.take ?? []), field as Field] };
  }
  if (ctx.json && ctx.values['dry-run']) return printJson(ctx.io, p);
  if (!ctx.json) printPreview(ctx, p);
  if (ctx.values['dry-run']) return void ctx.io.stdout(`\n${cliText(ctx, 'campaign.cli.dryRun')}\n`);
  if (!ctx.values.yes && !(await ctx.io.confirm(cliText(ctx, 'campaign.cli.confirm')))) {
    ctx.io.stdout(`${cliText(ctx, 'campaign.cli.notConfirmed')}\n`);
    return EXIT.ok;
  }
  const r = await ctx.call('campaign/collectFile', { file, campaignId: p.campaign.id, decisions });
  if (ctx.json) return printJson(ctx.io, r);
  ctx.io.stdout(
    `\n${cliText(ctx, 'campaign.collected', { department: r.department, reviewed: r.reviewed.length, changed: r.changed.length, retired: r.retired.length, created: r.created.length })}\n`,
  );
}

export const campaignCommand: Command = {
  name: 'campaign',
  options: {
    org: { type: 'string' },
    departments: { type: 'string' },
    by: { type: 'string' },
    due: { type: 'string' },
    out: { type: 'string' },
    message: { type: 'string' },
    email: { type: 'string', multiple: true },
    lang: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    yes: { type: 'boolean', short: 'y', default: false },
    keep: { type: 'string', multiple: true },
    take: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const [action, arg] = ctx.positionals;
    if (action === 'create') return create(ctx);
    if (action === 'status') return status(ctx, arg);
    if (action === 'remind') return remind(ctx, arg);
    if (action === 'collect') return collect(ctx, arg ? path.resolve(arg) : undefined);
    throw new UsageError(cliText(ctx, 'campaign.cli.badAction', { action: action ?? '' }));
  },
};
