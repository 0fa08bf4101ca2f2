import { Labels } from '../../core/export/labels.js';
import { t } from '../../core/i18n/i18n.js';
import type { Segment } from '../../core/overview/overview.js';
import type { Command } from '../command.js';
import { cliText, printJson, UsageError } from '../command.js';
import { cliLang, tr } from './overview-text.js';

export const overviewCommand: Command = {
  name: 'overview',
  options: { org: { type: 'string' }, lang: { type: 'string' } },
  async run(ctx) {
    const org = ctx.values.org;
    if (org !== undefined && !/^[1-9]\d*$/.test(String(org))) throw new UsageError(cliText(ctx, 'cli.usage.orgNumber'));
    const o = await ctx.call('overview/get', { organisationId: org !== undefined ? Number(org) : undefined });
    if (ctx.json) {
      printJson(ctx.io, o);
      return;
    }
    const lang = cliLang(ctx);
    const T = tr(lang);
    const L = Labels.forRegister(ctx.open(), lang);
    const out = (s = '') => ctx.io.stdout(`${s}\n`);
    const kv = (label: string, value: string) => t(lang, 'doc.kv', { label, value });
    const block = (title: string, segments: Segment[], label: (k: string) => string) => {
      if (title) out(title);
      if (!segments.length) out('  —');
      const w = Math.max(...segments.map((s) => label(s.key).length), 0);
      for (const s of segments) out(`  ${label(s.key).padEnd(w)}  ${String(s.count).padStart(6)}`);
      out();
    };
    out(`${T('overview.title')} — ${T('overview.activities', { count: o.total })}`);
    out();
    block(T('overview.byStatus'), o.byStatus, (k) => L.status(k));
    block(T('overview.byRole'), o.byRole, (k) => L.role(k));
    block(T('overview.byLegalBasis'), o.byLegalBasis, (k) => L.term('legal_basis', k));
    block(T('overview.byDepartment'), o.byDepartment, (k) => k || T('overview.noDepartment'));
    out(kv(T('overview.transfers'), T('overview.transfersActivities', { count: o.transfers.activities.count })));
    block(`  ${T('overview.byDestination')}`, o.transfers.byCountry, (k) => L.country(k));
    block(`  ${T('overview.bySafeguard')}`, o.transfers.bySafeguard, (k) => (k === 'none' ? T('overview.noSafeguard') : L.term('transfer_safeguard', k)));
    out(kv(T('overview.checks'), T('overview.checksAny', { count: o.checks.any.count })));
    block('', o.checks.byKind, (k) => T(`overview.check.${k}`));
    out(kv(T('overview.completeness'), T('overview.completenessAverage', { percent: Math.round(o.completeness.average * 100) })));
    block('', o.completeness.bands, (k) => T(`overview.band.${k}`));
    out(
      kv(
        T('overview.reviews'),
        `${T('overview.overdue', { count: o.reviews.overdue.count })}, ${T('overview.dueSoon', { count: o.reviews.dueSoon.count, days: o.reviews.dueSoonDays })}`,
      ),
    );
    for (const s of o.sections) {
      out();
      out(T(s.titleKey, s.titleParams));
      // Each count before its label, which is worded to follow it ("6 services en retard").
      for (const i of s.items) out(`  ${i.count} ${T(i.labelKey, { count: i.count })}`);
    }
  },
};
