/** The DPO's own work (issue 25): `signoff/*`, `actions/*` (the action plan) and `copy/*` (activities copied to other organisations). */
import { z } from 'zod';
import { ACTION_STATES, actionIdByRef, closeAction, createAction, deleteAction, getAction, listActions, updateAction, type ActionInput } from '../../dpo/actions.js';
import { copyActivities, planCopy } from '../../dpo/copy.js';
import { getSignoff, setSignoffState, signOff } from '../../dpo/signoff.js';
import { procedure } from '../procedure.js';
import { content, id, version } from './common.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date (YYYY-MM-DD)' });
const copyInput = z.object({ activityIds: z.array(id).min(1).max(10_000), organisationIds: z.array(id).min(1).max(1000) });

export const dpoProcedures = {
  'signoff/get': procedure({
    summary: 'The DPO’s sign-off of an activity: draft, submitted or checked (when, by whom, the recommendation)',
    input: z.object({ activityId: id }),
    run: (reg, i) => getSignoff(reg, i.activityId),
  }),
  'signoff/check': procedure({
    summary: 'Mark an activity as checked by the DPO, with the DPO’s recommendation (refused if it changed since `version`)',
    input: z.object({ activityId: id, version, recommendation: z.string().max(10_000).default(''), by: z.string().max(200).optional(), on: isoDate.optional() }),
    run: (reg, i, meta) => signOff(reg, i.activityId, i.version, { recommendation: i.recommendation, by: i.by, on: i.on }, meta),
  }),
  'signoff/set': procedure({
    summary: 'Send an activity back to draft or to submitted',
    input: z.object({ activityId: id, state: z.enum(['draft', 'submitted']) }),
    run: (reg, i, meta) => setSignoffState(reg, i.activityId, i.state, meta),
  }),
  'actions/list': procedure({
    summary: 'The DPO’s action plan, filtered by organisation, activity, state, overdue',
    input: z
      .object({
        organisationId: id.optional(),
        activityId: id.optional(),
        state: z.enum([...ACTION_STATES, 'pending']).optional(),
        overdue: z.boolean().optional(),
        today: isoDate.optional(),
      })
      .default({}),
    run: (reg, i) => listActions(reg, i),
  }),
  'actions/get': procedure({ summary: 'One action of the plan', input: z.object({ id }), run: (reg, i) => getAction(reg, i.id) }),
  'actions/getByRef': procedure({
    summary: 'One action by its reference (A-001)',
    input: z.object({ ref: z.string().trim().min(1).max(40), organisationId: id.optional() }),
    run: (reg, i) => getAction(reg, actionIdByRef(reg, i.ref, i.organisationId)),
  }),
  'actions/create': procedure({
    summary: 'Make a point to review (or a free note) an action with an owner, a due date and a priority',
    input: z.object({ organisationId: id, action: content }),
    run: (reg, i, meta) => createAction(reg, i.organisationId, i.action as ActionInput, meta),
  }),
  'actions/update': procedure({
    summary: 'Change an action (refused if it changed since `version`)',
    input: z.object({ id, version, action: content }),
    run: (reg, i, meta) => updateAction(reg, i.id, i.version, i.action as ActionInput, meta),
  }),
  'actions/close': procedure({
    summary: 'Close an action as done (or dropped), saying what was done',
    input: z.object({ id, version, state: z.enum(['done', 'dropped']).default('done'), outcome: z.string().trim().min(1).max(10_000) }),
    run: (reg, i, meta) => closeAction(reg, i.id, i.version, { state: i.state, outcome: i.outcome }, meta),
  }),
  'actions/delete': procedure({
    summary: 'Delete an action recorded by mistake (the history keeps it)',
    input: z.object({ id, version }),
    run: (reg, i, meta) => {
      deleteAction(reg, i.id, i.version, meta);
      return { deleted: i.id };
    },
  }),
  'copy/plan': procedure({
    summary: 'What copying activities to other organisations would do (recipients found or added), without writing',
    input: copyInput,
    run: (reg, i) => planCopy(reg, i),
  }),
  'copy/run': procedure({
    summary: 'Copy activities to other organisations of the register, each copy an activity of its own (one transaction)',
    input: copyInput,
    run: (reg, i, meta) => copyActivities(reg, i, meta),
  }),
};
