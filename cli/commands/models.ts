/**
 * `art30 models list|show|add|export|import`: the catalogue of model activities, adding activities from
 * models, and sharing the DPO's own models. A newer catalogue is loaded by `art30 reference update FILE`.
 */
import path from 'node:path';
import { writeFileAtomic } from '../../core/files.js';
import { t, type Lang } from '../../core/i18n/i18n.js';
import { Labels } from '../../core/export/labels.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../core/models/catalogue.js';
import { sourceDate } from '../../core/models/activity.js';
import type { ModelsLoadReport } from '../../core/models/service.js';
import { AppError, text } from '../../core/errors.js';
import type { Command, CommandContext } from '../command.js';
import { EXIT, langOption, organisationOption, outputFile, printJson, readInputFile, UsageError } from '../command.js';

const usage = (ctx: CommandContext) => new UsageError(t(ctx.lang, 'models.cli.usage'));

export const modelsCommand: Command = {
  name: 'models',
  options: { kind: { type: 'string' }, org: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  async run(ctx) {
    const [verb, ...args] = ctx.positionals;
    const lang = langOption(ctx);
    if (verb === 'list' && !args.length) return list(ctx, lang);
    if (verb === 'show' && args.length === 1) return show(ctx, args[0], lang);
    if (verb === 'add' && args.length) return add(ctx, args, lang);
    if (verb === 'export' && !args.length) {
      const file = outputFile(ctx);
      const r = await ctx.call('models/export', {});
      writeFileAtomic(file, r.text);
      if (ctx.json) printJson(ctx.io, { file, count: r.count });
      else ctx.io.stdout(`${t(lang, 'models.cli.exported', { count: r.count, file })}\n`);
      return EXIT.ok;
    }
    if (verb === 'import' && args.length === 1) {
      const content = readInputFile(args[0]).toString('utf8');
      const r = await ctx.call('models/load', { text: content, fileName: path.basename(args[0]) });
      if (ctx.json) printJson(ctx.io, r);
      else ctx.io.stdout(`${formatModelsReport(r, lang)}\n`);
      return EXIT.ok;
    }
    throw usage(ctx);
  },
};

async function list(ctx: CommandContext, lang: Lang) {
  const kind = ctx.values.kind;
  if (kind !== undefined && !ORGANISATION_KINDS.includes(kind as OrganisationKind)) throw usage(ctx);
  const r = await ctx.call('models/list', kind ? { kind: kind as OrganisationKind } : {});
  if (ctx.json) {
    printJson(ctx.io, r);
    return EXIT.ok;
  }
  ctx.io.stdout(`${t(lang, 'models.cli.listHead', { asOf: r.asOf, count: r.models.length })}\n`);
  const w = Math.max(...r.models.map((m) => m.id.length));
  for (const m of r.models) {
    const extra = [
      t(lang, 'models.cli.facts', { sourced: m.sourced, toCheck: m.toCheck }),
      m.activities ? t(lang, 'models.cli.used', { count: m.activities }) : '',
      m.origin === 'dpo' ? t(lang, 'models.origin.dpo') : '',
    ]
      .filter(Boolean)
      .join(', ');
    ctx.io.stdout(`${m.id.padEnd(w)}  ${m.name[lang]}  [${m.kinds.map((k) => t(lang, `models.kind.${k}`)).join(', ')}] (${extra})\n`);
  }
  return EXIT.ok;
}

async function show(ctx: CommandContext, id: string, lang: Lang) {
  const r = await ctx.call('models/show', { id });
  if (ctx.json) {
    printJson(ctx.io, r);
    return EXIT.ok;
  }
  const a = r.activity[lang];
  const L = Labels.forRegister(ctx.open(), lang);
  const line = (key: string, values: string[]) => (values.length ? [`${t(lang, key)}:`, ...values.map((v) => `  - ${v}`)] : []);
  const out = [
    `${r.model.id}  ${a.name}  (${r.model.version})`,
    `${t(lang, 'models.cli.kinds')}: ${r.model.kinds.map((k) => t(lang, `models.kind.${k}`)).join(', ')}`,
    `${t(lang, 'models.cli.purpose')}: ${a.purpose}`,
    ...line('models.cli.subPurposes', a.subPurposes ?? []),
    ...line(
      'models.cli.legalBases',
      (a.legalBases ?? []).map((b) => `${L.term('legal_basis', b.code)} — ${b.justification ?? ''}`),
    ),
    ...line(
      'models.cli.art9',
      (a.art9Conditions ?? []).map((b) => `${L.term('art9_condition', b.code)} — ${b.justification ?? ''}`),
    ),
    ...line(
      'models.cli.subjects',
      (a.dataSubjects ?? []).map((s) => s.label),
    ),
    ...line(
      'models.cli.categories',
      (a.dataCategories ?? []).map((c) => c.label),
    ),
    ...line(
      'models.cli.recipients',
      (a.recipients ?? []).map((x) => `${x.name} (${L.term('recipient_type', x.type ?? 'other')})`),
    ),
    ...line(
      'models.cli.retention',
      (a.retention ?? []).map((x) => `${x.dataCategory ? `${x.dataCategory}: ` : ''}${x.text}${x.finalFate ? ` → ${L.term('retention_final_fate', x.finalFate)}` : ''}`),
    ),
    ...line(
      'models.cli.security',
      (a.securityMeasures ?? []).map((s) => `${L.term('security_measure_type', s.type)}${s.precision ? ` — ${s.precision}` : ''}`),
    ),
    ...line('models.cli.dpia', a.description ? [a.description] : []),
    ...line(
      'models.cli.sources',
      r.sources.map((s) => `${s.title[lang]} (${sourceDate(s, lang)})`),
    ),
  ];
  ctx.io.stdout(`${out.join('\n')}\n`);
  return EXIT.ok;
}

async function add(ctx: CommandContext, ids: string[], lang: Lang) {
  let organisationId = await organisationOption(ctx);
  if (organisationId === undefined) {
    const orgs = await ctx.call('organisations/list', {});
    if (orgs.length !== 1) throw new AppError('bad_input', text(orgs.length ? 'models.cli.orgRequired' : 'cli.orgNone'));
    organisationId = orgs[0].id;
  }
  const added = await ctx.call('models/add', { organisationId, ids, lang });
  if (ctx.json) {
    printJson(
      ctx.io,
      added.map((a) => ({ id: a.id, ref: a.ref, name: a.name })),
    );
    return EXIT.ok;
  }
  ctx.io.stdout(`${t(lang, 'models.cli.added', { count: added.length })}\n${added.map((a) => `  ${a.ref}  ${a.name}`).join('\n')}\n`);
  return EXIT.ok;
}

export function formatModelsReport(r: ModelsLoadReport, lang: Lang): string {
  return [t(lang, 'models.cli.loaded', { asOf: r.asOf, changed: r.changed.length, activities: r.activities.length }), ...r.activities.map((a) => `  ${a.ref}  ${a.modelId}`)].join(
    '\n',
  );
}
