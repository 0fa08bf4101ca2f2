/**
 * The DPO's sign-off of an activity (issue 25). An activity is a *draft* (written in the register),
 * *submitted* (by a department: an import or a campaign answer wrote it) or *checked* by the DPO, on a
 * day, with the DPO's recommendation. Changing a checked activity sends it back to *submitted*. Every
 * change of state is an entry of the activity's history, in the same transaction as what caused it.
 */
import type { SignoffRow, SignoffState } from '../../db/dpo-work-store.js';
import { AppError, notFound, text } from '../errors.js';
import type { HistoryChange } from '../model/register.js';
import type { CallMeta, Register } from '../register.js';
import { checkVersion } from '../services/versions.js';
import { dpoStore } from './store.js';

export type { SignoffState };
export const SIGNOFF_STATES = ['draft', 'submitted', 'checked'] as const satisfies readonly SignoffState[];

export interface Signoff {
  activityId: number;
  state: SignoffState;
  /** The day the DPO checked it (YYYY-MM-DD), '' unless checked. */
  checkedAt: string;
  checkedBy: string;
  recommendation: string;
}

const REVIEW_CYCLE_FIELDS = new Set(['lastReviewedAt', 'lastReviewedBy', 'nextReviewAt']);

const draft = (activityId: number): Signoff => ({ activityId, state: 'draft', checkedAt: '', checkedBy: '', recommendation: '' });
const fromRow = (r: SignoffRow): Signoff => ({ activityId: r.activityId, state: r.state, checkedAt: r.checkedAt, checkedBy: r.checkedBy, recommendation: r.recommendation });

export function getSignoff(reg: Register, activityId: number): Signoff {
  const r = dpoStore(reg).signoff(activityId);
  return r ? fromRow(r) : draft(activityId);
}

/** The sign-off of every activity (of one organisation), by activity id; a missing id is a draft. */
export function signoffMap(reg: Register, organisationId?: number): Map<number, Signoff> {
  return new Map(
    dpoStore(reg)
      .signoffs(organisationId)
      .map((r) => [r.activityId, fromRow(r)]),
  );
}

/** The ids of the activities in that state (the register's filter), within `ids` when given. */
export function signoffIds(reg: Register, state: SignoffState, ids?: number[]): number[] {
  const found = dpoStore(reg).idsInState(state);
  if (!ids) return found;
  const within = new Set(ids);
  return found.filter((id) => within.has(id));
}

function activityHead(reg: Register, id: number): { ref: string; name: string; organisationId: number; version: number; updatedAt: string } {
  const r = reg.sqlite.prepare('SELECT ref, name, organisation_id AS organisationId, version, updated_at AS updatedAt FROM activities WHERE id = ?').get(id) as
    { ref: string; name: string; organisationId: number; version: number; updatedAt: string } | undefined;
  if (!r) throw notFound('activity', id);
  return r;
}

/** Writes the new sign-off and its history entry (inside the caller's write). */
function signoffChanges(before: Signoff, next: Signoff): HistoryChange[] {
  return (['state', 'checkedAt', 'checkedBy', 'recommendation'] as const)
    .filter((k) => before[k] !== next[k])
    .map((k) => ({ path: `signoff.${k}`, before: before[k] || null, after: next[k] || null }));
}

function setSignoff(reg: Register, next: Signoff, meta: CallMeta): Signoff {
  const before = getSignoff(reg, next.activityId);
  const changes = signoffChanges(before, next);
  if (!changes.length) return before;
  const a = activityHead(reg, next.activityId);
  dpoStore(reg).setSignoff({ ...next, updatedAt: reg.now() });
  // Its own kind of entry: the activity's fields and version are unchanged (the register as of a past day skips it).
  reg.record(meta, { entityType: 'activity', entityId: next.activityId, entityLabel: `${a.ref} ${a.name}`, organisationId: a.organisationId, action: 'signoff', changes });
  return next;
}

/**
 * The DPO checked the activity: today (or `on`), with a recommendation. Refused if the activity
 * changed since the version the DPO read.
 */
export function signOff(reg: Register, id: number, expectedVersion: number, input: { recommendation: string; by?: string; on?: string }, meta: CallMeta): Signoff {
  return reg.write(() => {
    const a = activityHead(reg, id);
    checkVersion(text('errors.subject.activityRef', { ref: a.ref }), a, expectedVersion);
    const on = input.on ?? reg.now().slice(0, 10);
    if (on > reg.now().slice(0, 10)) throw new AppError('validation', text('dpo.error.checkedInFuture', { day: on }));
    return setSignoff(reg, { activityId: id, state: 'checked', checkedAt: on, checkedBy: input.by?.trim() ?? '', recommendation: input.recommendation.trim() }, meta);
  });
}

/** The sign-off a JSON register document gives (inside its import's write), with its history entry. */
export function restoreSignoff(reg: Register, s: Signoff, meta: CallMeta): void {
  setSignoff(reg, s.state === 'checked' ? s : { ...s, checkedAt: '', checkedBy: '', recommendation: '' }, meta);
}

/** Back to a draft or to submitted, by the DPO's choice (the recommendation given is kept in the history). */
export function setSignoffState(reg: Register, id: number, state: Exclude<SignoffState, 'checked'>, meta: CallMeta): Signoff {
  return reg.write(() => {
    activityHead(reg, id);
    return setSignoff(reg, { activityId: id, state, checkedAt: '', checkedBy: '', recommendation: '' }, meta);
  });
}

/** Whether the change comes from a department: an import or a campaign answer. */
const submits = (meta: CallMeta) => meta.submits === true || meta.source === 'import';

/**
 * A new activity (inside its write): submitted when a department sent it; its creation entry says by which source.
 * `at`: when the creation is recorded (an import's whole batch at one moment), now by default.
 */
export function signoffOnCreate(reg: Register, id: number, meta: CallMeta, at?: string): void {
  if (submits(meta)) dpoStore(reg).setSignoff({ activityId: id, state: 'submitted', checkedAt: '', checkedBy: '', recommendation: '', updatedAt: at ?? reg.now() });
}

/**
 * An activity changed (inside its write): a department's change submits it; any change to a
 * checked activity sends it back to submitted. Returns the changes of the sign-off, for the same
 * history entry as the activity's (the DPO's last recommendation stays readable there).
 */
export function signoffAfterChange(reg: Register, id: number, meta: CallMeta, paths: string[]): HistoryChange[] {
  const current = getSignoff(reg, id);
  if (current.state === 'submitted') return [];
  if (submits(meta) || (current.state === 'checked' && !paths.every((p) => REVIEW_CYCLE_FIELDS.has(p)))) {
    const next: Signoff = { activityId: id, state: 'submitted', checkedAt: '', checkedBy: '', recommendation: '' };
    dpoStore(reg).setSignoff({ ...next, updatedAt: reg.now() });
    return signoffChanges(current, next);
  }
  return [];
}
