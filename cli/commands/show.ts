import type { Command } from '../command.js';
import { orgKey } from '../../core/document/export.js';
import { AppError, text } from '../../core/errors.js';
import { organisationList, organisationOption, printJson, UsageError } from '../command.js';

export const showCommand: Command = {
  name: 'show',
  usage: 'show REF [--org ORG]',
  summary: 'Show one processing activity with every field',
  options: { org: { type: 'string' } },
  async run(ctx) {
    const ref = ctx.positionals[0];
    if (!ref) throw new UsageError('say which activity: art30 show T-001');
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
    const line = (label: string, value: unknown) => {
      if (value === '' || value == null || (Array.isArray(value) && !value.length)) return;
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      ctx.io.stdout(`${label.padEnd(22)} ${text}\n`);
    };
    line('Reference', activity.ref);
    line('Name', activity.name);
    line('Role', activity.role);
    line('Status', activity.status);
    line('Department', activity.department);
    line('Owner', activity.owner);
    line('Purpose', activity.purpose);
    line('Sub-purposes', activity.subPurposes.join('; '));
    line('Legal bases', activity.legalBases.map((b) => b.code + (b.justification ? ` (${b.justification})` : '')).join('; '));
    line('Art. 9(2) conditions', activity.art9Conditions.map((b) => b.code).join('; '));
    line('Data subjects', activity.dataSubjects.map((s) => s.label).join('; '));
    line('Data categories', activity.dataCategories.map((c) => c.label + (c.special ? ' (special)' : '')).join('; '));
    line('Recipients', activity.recipients.map((r) => `${r.name} (${r.type})`).join('; '));
    line('Transfers', activity.transfers.map((t) => `${t.recipient} → ${t.country} [${t.safeguard ?? 'no safeguard'}]`).join('; '));
    line('Retention', activity.retention.map((r) => r.text + (r.duration ? ` [${r.duration}]` : '')).join('; '));
    line('Security measures', activity.securityMeasures.map((m) => m.type + (m.precision ? ` (${m.precision})` : '')).join('; '));
    line('DPIA', `${activity.dpia.required ? 'required' : 'not required'}, ${activity.dpia.status}`);
    line('Created', activity.createdAt);
    line('Updated', activity.updatedAt);
  },
};
