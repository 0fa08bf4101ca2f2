/**
 * The DPO's action plan (issue 25): a point to review of an activity, or a free note, made an action
 * with an owner, a due date, a priority and a state (open, in progress, done, dropped). Closing one
 * says what was done. Every write is one transaction with its history entry (entity `action`).
 */
import { z } from 'zod';
import type { ActionFields, ActionRow } from '../../db/dpo-work-store.js';
import { diffRecords, recordFields } from '../diff.js';
import { AppError, issue, notFound, text, validationError } from '../errors.js';
import type { CallMeta, Register } from '../register.js';
import { checkVersion } from '../services/versions.js';
import { parseInput } from '../validate.js';
import { dpoStore } from './store.js';

export const ACTION_STATES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionState = (typeof ACTION_STATES)[number];
export const ACTION_PRIORITIES = ['high', 'medium', 'low'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
export const CLOSED_STATES: readonly ActionState[] = ['done', 'dropped'];

const day = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date (YYYY-MM-DD)' })]);

export const actionInputSchema = z.object({
  activityId: z.number().int().positive().nullable().default(null),
  /** A point to review's code (`no_retention`…); the overview's list is not imported here (it imports this module). */
  checkCode: z
    .string()
    .regex(/^[a-z0-9_]*$/, { error: 'must be the code of a point to review' })
    .max(60)
    .default(''),
  title: z.string().trim().min(1).max(500),
  note: z.string().max(10_000).default(''),
  owner: z.string().trim().max(300).default(''),
  dueOn: day.default(''),
  priority: z.enum(ACTION_PRIORITIES).default('medium'),
  state: z.enum(ACTION_STATES).default('open'),
  outcome: z.string().max(10_000).default(''),
});
export type ActionInput = z.input<typeof actionInputSchema>;

export interface Action extends ActionRow {
  state: ActionState;
  priority: ActionPriority;
  /** Open or in progress, and its due date is past. */
  overdue: boolean;
}

export interface ActionFilter {
  organisationId?: number;
  activityId?: number;
  state?: ActionState | 'pending';
  overdue?: boolean;
  /** The day that decides what is overdue (YYYY-MM-DD); default: today. */
  today?: string;
}

export const isPending = (state: string): boolean => state === 'open' || state === 'in_progress';
const isOverdue = (r: ActionRow, today: string) => isPending(r.state) && !!r.dueOn && r.dueOn < today;

const withFacts = (r: ActionRow, today: string): Action => ({ ...r, state: r.state as ActionState, priority: r.priority as ActionPriority, overdue: isOverdue(r, today) });

export function listActions(reg: Register, filter: ActionFilter = {}): Action[] {
  const today = filter.today ?? reg.now().slice(0, 10);
  return dpoStore(reg)
    .actions({ organisationId: filter.organisationId, activityId: filter.activityId })
    .map((r) => withFacts(r, today))
    .filter((a) => (filter.state === 'pending' ? isPending(a.state) : !filter.state || a.state === filter.state) && (!filter.overdue || a.overdue));
}

export function getAction(reg: Register, id: number, today = reg.now().slice(0, 10)): Action {
  const r = dpoStore(reg).action(id);
  if (!r) throw new AppError('not_found', text('dpo.error.actionNotFound', { id }));
  return withFacts(r, today);
}

/** An action by its reference (`A-001`), in one organisation or the only one that has it. */
export function actionIdByRef(reg: Register, ref: string, organisationId?: number): number {
  const found = dpoStore(reg)
    .actions({ organisationId })
    .filter((a) => a.ref.toLowerCase() === ref.trim().toLowerCase());
  if (!found.length) throw new AppError('not_found', text('dpo.error.actionNotFound', { id: ref }));
  if (found.length > 1) throw new AppError('conflict', text('errors.refInSeveralOrganisations', { ref }));
  return found[0].id;
}

const fields = (r: ActionRow): ActionFields => ({
  activityId: r.activityId,
  activityLabel: r.activityLabel,
  checkCode: r.checkCode,
  title: r.title,
  note: r.note,
  owner: r.owner,
  dueOn: r.dueOn,
  priority: r.priority,
  state: r.state,
  outcome: r.outcome,
  closedOn: r.closedOn,
});

/** What the history keeps of an action: its fields, the activity by its label rather than its number. */
const forHistory = (f: ActionFields): Record<string, unknown> => {
  const { activityId: _a, ...rest } = f;
  return rest;
};

function resolve(reg: Register, organisationId: number, input: z.output<typeof actionInputSchema>, before?: ActionRow): ActionFields {
  let activityLabel = before?.activityId === input.activityId ? (before?.activityLabel ?? '') : '';
  if (input.activityId !== null) {
    const a = reg.sqlite.prepare('SELECT ref, name, organisation_id AS org FROM activities WHERE id = ?').get(input.activityId) as
      { ref: string; name: string; org: number } | undefined;
    if (!a) throw validationError([issue('activityId', 'records.error.activityNotFound', { id: input.activityId })], 'entry');
    if (a.org !== organisationId) throw validationError([issue('activityId', 'records.error.activityOtherOrganisation', { id: input.activityId })], 'entry');
    activityLabel = `${a.ref} ${a.name}`;
  }
  if (input.checkCode && input.activityId === null) throw validationError([issue('activityId', 'dpo.error.checkWithoutActivity')], 'entry');
  const closed = CLOSED_STATES.includes(input.state);
  if (closed && !input.outcome.trim()) throw validationError([issue('outcome', 'dpo.error.outcomeRequired')], 'entry');
  const today = reg.now().slice(0, 10);
  return {
    activityId: input.activityId,
    activityLabel,
    checkCode: input.checkCode,
    title: input.title,
    note: input.note,
    owner: input.owner,
    dueOn: input.dueOn,
    priority: input.priority,
    state: input.state,
    outcome: input.outcome.trim(),
    closedOn: closed ? before?.closedOn || today : '',
  };
}

/** A new action, with the next free reference (`A-001`), or `ref` (a JSON document's) when given. */
export function createAction(reg: Register, organisationId: number, input: ActionInput, meta: CallMeta, options: { ref?: string; closedOn?: string } = {}): Action {
  const parsed = parseInput(actionInputSchema, input, 'entry');
  return reg.write(() => {
    if (!reg.activities.organisationExists(organisationId)) throw notFound('organisation', organisationId);
    const f = resolve(reg, organisationId, parsed);
    if (f.closedOn && options.closedOn) f.closedOn = options.closedOn;
    const ref = options.ref ?? dpoStore(reg).nextActionRef(organisationId);
    const id = dpoStore(reg).insertAction(organisationId, ref, f, reg.now());
    reg.record(meta, { entityType: 'action', entityId: id, entityLabel: `${ref} ${f.title}`, organisationId, action: 'create', changes: recordFields(forHistory(f), 'after') });
    return getAction(reg, id);
  });
}

export function updateAction(reg: Register, id: number, expectedVersion: number, input: ActionInput, meta: CallMeta): Action {
  const parsed = parseInput(actionInputSchema, input, 'entry');
  return reg.write(() => {
    const current = getAction(reg, id);
    checkVersion(text('dpo.subject.action', { ref: current.ref }), current, expectedVersion);
    const f = resolve(reg, current.organisationId, parsed, current);
    const changes = diffRecords(forHistory(fields(current)), forHistory(f));
    if (!changes.length) return current;
    dpoStore(reg).updateAction(id, f, reg.now());
    reg.record(meta, { entityType: 'action', entityId: id, entityLabel: `${current.ref} ${f.title}`, organisationId: current.organisationId, action: 'update', changes });
    return getAction(reg, id);
  });
}

/** Closes an action as done (or dropped) with what was done; the history keeps it. */
export function closeAction(reg: Register, id: number, expectedVersion: number, close: { state?: 'done' | 'dropped'; outcome: string }, meta: CallMeta): Action {
  return reg.write(() => {
    const current = getAction(reg, id);
    return updateAction(reg, id, expectedVersion, { ...fields(current), state: close.state ?? 'done', outcome: close.outcome } as ActionInput, meta);
  });
}

export function deleteAction(reg: Register, id: number, expectedVersion: number, meta: CallMeta): void {
  reg.write(() => {
    const current = getAction(reg, id);
    checkVersion(text('dpo.subject.action', { ref: current.ref }), current, expectedVersion);
    dpoStore(reg).deleteAction(id);
    reg.record(meta, {
      entityType: 'action',
      entityId: id,
      entityLabel: `${current.ref} ${current.title}`,
      organisationId: current.organisationId,
      action: 'delete',
      changes: recordFields(forHistory(fields(current)), 'before'),
    });
  });
}

/** Counts for the overview: pending actions, and those overdue. */
export function actionCounts(reg: Register, organisationId: number | undefined, today: string): { pending: number; overdue: number } {
  const all = listActions(reg, { organisationId, today });
  return { pending: all.filter((a) => isPending(a.state)).length, overdue: all.filter((a) => a.overdue).length };
}
