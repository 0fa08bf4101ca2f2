/**
 * `npm run bench overview` (issue 16):
 * - the overview of a register of 10,000 activities (every count, the points to review of each
 *   activity, completeness, reviews due): under 200 ms (median of 5, after one warm-up);
 * - the register as of a date: an XLSX export of 10,000 activities whose history holds 50,000 entries
 *   (each activity created, then edited four times over four days; the date falls mid-way, so half
 *   the edits are undone) against the XLSX export of today's register in the same run: ≤ 2×.
 */
import path from 'node:path';
import { recordFields } from '../core/diff.js';
import { produceExport } from '../core/export/run.js';
import { fillWithActivities } from '../core/export/testing/many-activities.js';
import { computeOverview } from '../core/overview/overview.js';
import { activityFields } from '../core/services/activities.js';
import { openTempRegister } from '../core/testing/temp-register.js';
import { collectGarbage as gc, median, timeIt, type BenchResult, type BenchSuite } from './harness.js';

const ACTIVITIES = 10_000;
const EDITS_PER_ACTIVITY = 4;

const suite: BenchSuite = {
  name: 'Overview and the register as of a date',
  async run() {
    const t = openTempRegister({ demo: true });
    const results: BenchResult[] = [];
    try {
      fillWithActivities(t.reg, ACTIVITIES);
      // The overview ----------------------------------------------------------------------------
      computeOverview(t.reg);
      gc();
      const overviewMs = await median(5, () => computeOverview(t.reg));
      const o = computeOverview(t.reg);
      results.push({
        name: `overview of ${ACTIVITIES.toLocaleString('en')} activities`,
        value: overviewMs,
        unit: 'ms',
        limit: 200,
        detail: `${o.checks.any.count} with points to review`,
      });

      // A history of 50,000 entries: each activity created on 1 January, its purpose edited on each of the next four days.
      const built = await timeIt(() => {
        const reg = t.reg;
        reg.sqlite.prepare('DELETE FROM history').run();
        const all = reg.activities.loadMany({});
        const purposes = new Map<number, string>();
        reg.write(() => {
          for (const a of all) {
            const f = activityFields(a);
            const stored = { ...f, recipients: a.recipients.map((r) => ({ recipientId: r.recipientId, role: r.role, precision: r.precision })) };
            reg.history.append({
              at: '2026-01-01T09:00:00.000Z',
              entityType: 'activity',
              entityId: a.id,
              entityLabel: `${a.ref} ${a.name}`,
              organisationId: a.organisationId,
              action: 'create',
              changes: recordFields(stored as unknown as Record<string, unknown>, 'after'),
              source: 'system',
              sourceFile: '',
              sourceSha256: '',
              batchId: null,
            });
            purposes.set(a.id, a.purpose);
          }
          for (let d = 1; d <= EDITS_PER_ACTIVITY; d++) {
            for (const a of all) {
              const before = purposes.get(a.id)!;
              const after = `${a.purpose} (v${d + 1})`;
              reg.history.append({
                at: `2026-01-0${d + 1}T09:00:00.000Z`,
                entityType: 'activity',
                entityId: a.id,
                entityLabel: `${a.ref} ${a.name}`,
                organisationId: a.organisationId,
                action: 'update',
                changes: [{ path: 'purpose', before, after }],
                source: 'system',
                sourceFile: '',
                sourceSha256: '',
                batchId: null,
              });
              purposes.set(a.id, after);
            }
          }
          const set = reg.sqlite.prepare('UPDATE activities SET purpose = ?, version = ? WHERE id = ?');
          for (const [id, p] of purposes) set.run(p, 1 + EDITS_PER_ACTIVITY, id);
        });
        return reg.history.counts().historyEntries;
      });
      console.log(`  (history of ${built.value.toLocaleString('en')} entries written in ${(built.ms / 1000).toFixed(1)} s)`);

      const req = { format: 'xlsx' as const, lang: 'fr' as const, scope: {} };
      let now = Infinity;
      let past = Infinity;
      for (let i = 0; i < 2; i++) {
        gc();
        now = Math.min(now, (await timeIt(() => produceExport(t.reg, req, path.join(t.dir, 'now.xlsx')))).ms);
        gc();
        past = Math.min(past, (await timeIt(() => produceExport(t.reg, { ...req, asOf: '2026-01-03' }, path.join(t.dir, 'past.xlsx')))).ms);
      }
      results.push({
        name: `as-of XLSX export, ${ACTIVITIES.toLocaleString('en')} activities / ${built.value.toLocaleString('en')} entries`,
        value: past / now,
        unit: '×',
        limit: 2,
        detail: `${(past / 1000).toFixed(1)} s vs ${(now / 1000).toFixed(1)} s for today's register`,
      });
    } finally {
      t.cleanup();
    }
    return results;
  },
};

export default suite;
