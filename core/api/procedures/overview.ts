/** The overview of the register, the review cycle and the register as of a date (issue 16). */
import { z } from 'zod';
import { computeOverview } from '../../overview/overview.js';
import { activityFacts } from '../../overview/facts.js';
import { markReviewed } from '../../overview/mark-reviewed.js';
import { withRegisterAfterEntry } from '../../overview/as-of.js';
import { exportDocument } from '../../document/export.js';
import { procedure } from '../procedure.js';
import { id, version } from './common.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date (YYYY-MM-DD)' });

export { overviewFilterExtras } from './filter-extras.js';

export const overviewProcedures = {
  'overview/get': procedure({
    summary: 'The state of the register: counts by status, legal basis, department, transfers, points to review, completeness, reviews due',
    input: z.object({ organisationId: id.optional(), today: isoDate.optional() }).default({}),
    run: (reg, i) => computeOverview(reg, { organisationId: i.organisationId }, i.today),
  }),
  'overview/facts': procedure({
    summary: 'Per activity: points to review, completeness, next review',
    input: z.object({ organisationId: id.optional() }).default({}),
    run: (reg, i) => activityFacts(reg, i.organisationId !== undefined ? { organisationId: i.organisationId } : {}).facts,
  }),
  'history/activityAfterEntry': procedure({
    summary: 'An activity as it stood just after one entry of its history, rebuilt from the verified history',
    input: z.object({ id, entryId: id }),
    run: async (reg, i) =>
      withRegisterAfterEntry(reg, i.entryId, (past) => {
        const doc = exportDocument(past, { ids: [i.id] });
        const entry = past.history.list({ entityType: 'activity', entityId: i.id, limit: 5000 }).find((e) => e.id === i.entryId);
        return { at: entry?.at ?? '', activity: doc.activities[0] ?? null };
      }),
  }),
  'activities/markReviewed': procedure({
    summary: 'Record that the activity was reviewed today (who and when go to the history)',
    input: z.object({ id, version, by: z.string().max(200).optional(), nextReviewAt: isoDate.optional() }),
    run: (reg, i, meta) => markReviewed(reg, i.id, i.version, meta, { by: i.by, nextReviewAt: i.nextReviewAt }),
  }),
};
