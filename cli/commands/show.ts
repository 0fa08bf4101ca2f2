import type { Command } from '../command.js';
import { orgKey } from '../../core/document/export.js';
import { AppError, text } from '../../core/errors.js';
import { cliText, organisationList, organisationOption, printJson, UsageError } from '../command.js';

export const showCommand: Command = {
  name: 'show',
  options: { org: { type: 'string' } },
  async run(ctx) {
    const ref = ctx.positionals[0];
    if (!ref) throw new UsageError(cliText(ctx, 'cli.usage.showWhich'));
    const organisationId = await organisationOption(ctx);
    if (organisationId === undefined) {
      // The same reference in several organisations: name them, and the option that chooses.
      const same = await ctx.call('activities/list', { refs: [ref] });
      if (same.length > 1) {
        const orgs = (await ctx.call('organisations/list', {})).filter((o) => same.some((a) => a.organisationId === o.id));
        throw new AppError('conflict', text('cli.refAmbiguous', { ref, list: organisationList(orgs.map((o) => ({ id: o.id, key: orgKey(o.id), name: o.name }))) }));
      }
    }
    const found = await ctx.call('activities/getByRef', { ref, organisationId });
    const doc = await ctx.call('register/document', { ids: [found.id] });
    const activity = doc.activities[0];
    if (ctx.json) {
      printJson(ctx.io, activity);
      return;
    }
    // Codes (status, legal bases, countries…) in the register's words, in the command line's language.
    const { Labels } = await import('../../core/export/labels.js');
    const L = Labels.forRegister(ctx.open(), ctx.lang);
    const T = (key: string) => cliText(ctx, `cli.show.${key}`);
    const { purposeText } = await import('../../core/export/format.js');
    const served = (purpose: number) => (activity.subPurposes.length ? ` → ${purposeText(activity, purpose)}` : '');
    const rows: [string, unknown][] = [
      ['ref', activity.ref],
      ['name', activity.name],
      ['role', L.role(activity.role)],
      ['status', L.status(activity.status)],
      ['department', activity.department],
      ['owner', activity.owner],
      ['purpose', activity.purpose],
      ['subPurposes', activity.subPurposes.join('; ')],
      // Each basis with the purpose it serves when there are several (issue 25).
      ['legalBases', activity.legalBases.map((b) => L.term('legal_basis', b.code) + (b.justification ? ` (${b.justification})` : '') + served(b.purpose)).join('; ')],
      ['art9Conditions', activity.art9Conditions.map((b) => L.term('art9_condition', b.code) + served(b.purpose)).join('; ')],
      ['dataSubjects', activity.dataSubjects.map((s) => s.label).join('; ')],
      ['dataCategories', activity.dataCategories.map((c) => c.label + (c.special ? ` ${T('special')}` : '')).join('; ')],
      ['recipients', activity.recipients.map((r) => `${r.name} (${L.term('recipient_type', r.type)})`).join('; ')],
      [
        'transfers',
        activity.transfers.map((t) => `${t.recipient} → ${L.country(t.country)} [${t.safeguard ? L.term('transfer_safeguard', t.safeguard) : T('noSafeguard')}]`).join('; '),
      ],
      ['retention', activity.retention.map((r) => r.text + (r.duration ? ` [${L.duration(r.duration)}]` : '')).join('; ')],
      ['securityMeasures', activity.securityMeasures.map((m) => L.term('security_measure_type', m.type) + (m.precision ? ` (${m.precision})` : '')).join('; ')],
      [
        'dpia',
        // "non requise, Non requise" says nothing twice: the status alone when it already says so.
        !activity.dpia.required && activity.dpia.status === 'not_required'
          ? L.dpiaStatus(activity.dpia.status)
          : `${T(activity.dpia.required ? 'dpiaRequired' : 'dpiaNotRequired')}, ${L.dpiaStatus(activity.dpia.status)}`,
      ],
      ['createdAt', activity.createdAt],
      ['updatedAt', activity.updatedAt],
    ];
    const width = Math.max(22, ...rows.map(([key]) => T(key).length));
    for (const [key, value] of rows) {
      if (value === '' || value == null || (Array.isArray(value) && !value.length)) continue;
      ctx.io.stdout(`${T(key).padEnd(width)} ${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
    }
  },
};
