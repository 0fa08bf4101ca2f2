/**
 * The DPO's work in the JSON register document (version 4, issue 25): optional members `signoffs`
 * (each activity's state, by organisation key and reference) and `actions` (the action plan, their
 * activity by reference), so that documents of versions 1 to 3 still import (their activities keep
 * the state the import gives them).
 */
import { z } from 'zod';
import type { CallMeta, Register } from '../register.js';
import { documentReferences } from '../document/references.js';
import { ACTION_PRIORITIES, ACTION_STATES, createAction, listActions, updateAction } from './actions.js';
import { getSignoff, restoreSignoff, signoffMap, SIGNOFF_STATES } from './signoff.js';
import { dpoStore } from './store.js';

const day = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);

export const documentSignoffSchema = z.object({
  organisation: z.string().min(1),
  ref: z.string().min(1),
  state: z.enum(SIGNOFF_STATES),
  checkedAt: day.default(''),
  checkedBy: z.string().max(200).default(''),
  recommendation: z.string().max(10_000).default(''),
});

export const documentActionSchema = z.object({
  organisation: z.string().min(1),
  ref: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  /** The activity's reference, '' for a free note. */
  activity: z.string().default(''),
  checkCode: z.string().default(''),
  title: z.string().trim().min(1).max(500),
  note: z.string().max(10_000).default(''),
  owner: z.string().max(300).default(''),
  dueOn: day.default(''),
  priority: z.enum(ACTION_PRIORITIES).default('medium'),
  state: z.enum(ACTION_STATES).default('open'),
  outcome: z.string().max(10_000).default(''),
  closedOn: day.default(''),
});

/** Members added to the register document (version 4), with defaults so older documents still parse. */
export const documentDpoMembers = {
  signoffs: z.array(documentSignoffSchema).default([]),
  actions: z.array(documentActionSchema).default([]),
};

type OrgKey = (id: number) => string;

/** The sign-off of every activity in the document, and the actions of its organisations (of an extract: about its activities). */
export function exportDpoWork(reg: Register, activities: { id: number; organisationId: number; ref: string }[], organisationIds: Set<number>, extract: boolean, orgKey: OrgKey) {
  const map = signoffMap(reg);
  const ids = new Set(activities.map((a) => a.id));
  const refOf = new Map(activities.map((a) => [a.id, a.ref]));
  const allRefs = reg.sqlite.prepare('SELECT ref FROM activities WHERE id = ?').pluck();
  return {
    signoffs: activities.map((a) => {
      const s = map.get(a.id) ?? { state: 'draft' as const, checkedAt: '', checkedBy: '', recommendation: '' };
      return { organisation: orgKey(a.organisationId), ref: a.ref, state: s.state, checkedAt: s.checkedAt, checkedBy: s.checkedBy, recommendation: s.recommendation };
    }),
    actions: listActions(reg)
      .filter((x) => organisationIds.has(x.organisationId) && (!extract || (x.activityId !== null && ids.has(x.activityId))))
      .map((x) => ({
        organisation: orgKey(x.organisationId),
        ref: x.ref,
        activity: x.activityId === null ? '' : (refOf.get(x.activityId) ?? String(allRefs.get(x.activityId) ?? '')),
        checkCode: x.checkCode,
        title: x.title,
        note: x.note,
        owner: x.owner,
        dueOn: x.dueOn,
        priority: x.priority,
        state: x.state,
        outcome: x.outcome,
        closedOn: x.closedOn,
      })),
  };
}

type WithPath = <T>(prefix: string, fn: () => T) => T;

export interface DpoWorkImportResult {
  signoffs: { set: number };
  actions: { created: number; updated: number };
}

/** Inside the document import's transaction, after the activities. */
export function importDpoWork(
  reg: Register,
  doc: { signoffs?: z.output<typeof documentSignoffSchema>[]; actions?: z.output<typeof documentActionSchema>[] },
  orgIds: Map<string, number>,
  meta: CallMeta,
  withPath: WithPath,
): Partial<DpoWorkImportResult> {
  if (!doc.signoffs?.length && !doc.actions?.length) return {};
  const result: DpoWorkImportResult = { signoffs: { set: 0 }, actions: { created: 0, updated: 0 } };
  const { orgOf, activityId } = documentReferences(reg, orgIds);
  for (const [i, s] of (doc.signoffs ?? []).entries()) {
    const item = `signoffs[${i}]`;
    const organisationId = orgOf(s.organisation, item);
    withPath(item, () => {
      const id = activityId(organisationId, s.ref, 'ref');
      const before = getSignoff(reg, id);
      restoreSignoff(reg, { activityId: id, state: s.state, checkedAt: s.checkedAt, checkedBy: s.checkedBy, recommendation: s.recommendation }, meta);
      if (getSignoff(reg, id).state !== before.state || s.state === 'checked') result.signoffs.set++;
    });
  }
  for (const [i, a] of (doc.actions ?? []).entries()) {
    const item = `actions[${i}]`;
    const organisationId = orgOf(a.organisation, item);
    withPath(item, () => {
      const { organisation: _o, ref, activity, closedOn, ...fields } = a;
      const input = { ...fields, activityId: activity ? activityId(organisationId, activity, 'activity') : null };
      const existing = dpoStore(reg)
        .actions({ organisationId })
        .find((x) => x.ref.toLowerCase() === ref.toLowerCase());
      if (existing) {
        if (updateAction(reg, existing.id, existing.version, input, meta).version !== existing.version) result.actions.updated++;
      } else {
        createAction(reg, organisationId, input, meta, { ref, closedOn });
        result.actions.created++;
      }
    });
  }
  return result;
}
