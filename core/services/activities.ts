/** Processing activities: the entries of the controller and processor registers. */
import { refKey, type ActivityDerived, type ActivityFilter, type StoredActivityFields } from '../../db/activity-store.js';
import { diffRecords, recordFields } from '../diff.js';
import { AppError, issue, notFound, text, validationError, type FieldIssue } from '../errors.js';
import { assessDpia, dpiaRequired } from '../model/dpia.js';
import type { Activity, ActivitySummary } from '../model/register.js';
import { activityFieldsSchema, type ActivityFields, type ActivityInput } from '../model/schemas.js';
import type { CallMeta, Register } from '../register.js';
import { parseInput } from '../validate.js';
import { foldKey } from '../text.js';
import { checkCountries, createRecipient } from './recipients.js';
import { checkVersion } from './versions.js';
import { creationChanges } from './activity-history.js';
import { unlinkActivityFromRecords } from '../records/services.js';
import { unlinkActivityFromContracts } from '../contracts/services.js';
import { signoffAfterChange, signoffOnCreate } from '../dpo/signoff.js';

export type { ActivityFilter };

export interface Stamps {
  createdAt: string;
  updatedAt: string;
  /** When the history records the change; an import records its whole batch at one moment. Default: now. */
  recordedAt?: string;
}

/** The fields of an activity as the DPO edits them (no ids, version or dates). */
export function activityFields(a: Activity): ActivityFields {
  const { id: _i, organisationId: _o, version: _v, createdAt: _c, updatedAt: _u, dpia, recipients, ...rest } = a;
  const { suggested: _s, required: _r, ...screening } = dpia;
  return {
    ...rest,
    recipients: recipients.map((r) => ({ recipientId: r.recipientId, name: r.name, role: r.role, precision: r.precision })),
    dpia: screening,
  } as ActivityFields;
}

/** What is compared for the history: recipients by directory entry, not by their current name. */
function comparable(f: StoredActivityFields | ActivityFields): unknown {
  return { ...f, recipients: f.recipients.map((r) => ({ recipientId: r.recipientId, role: r.role, precision: r.precision })) };
}

function derive(reg: Register, f: ActivityFields): ActivityDerived {
  const countries = reg.reference.destinations();
  const transferCountries = [...new Set(f.transfers.map((t) => t.country))];
  return {
    legalBasisCodes: [...new Set(f.legalBases.map((b) => b.code))],
    specialCategories: f.dataCategories.some((c) => c.special),
    nonEeaTransfer: transferCountries.some((c) => !countries.get(c)?.eea),
    transferCountries,
    dpiaRequired: dpiaRequired(f.dpia),
  };
}

function checkFields(reg: Register, f: ActivityFields): void {
  // Only the codes the register does not know are named (an import checks thousands of activities).
  const known = reg.reference.destinations();
  const unknown: { path: string; code: string }[] = [];
  f.transfers.forEach((t, i) => {
    if (t.country && !known.has(t.country)) unknown.push({ path: `transfers[${i}].country`, code: t.country });
  });
  f.recipients.forEach((r, i) =>
    r.countries?.forEach((code, j) => {
      if (code && !known.has(code)) unknown.push({ path: `recipients[${i}].countries[${j}]`, code });
    }),
  );
  f.systems.forEach((s, i) => {
    if (s.country && !known.has(s.country)) unknown.push({ path: `systems[${i}].country`, code: s.country });
  });
  if (unknown.length) checkCountries(reg, unknown, 'activity');
  const issues: FieldIssue[] = [];
  f.transfers.forEach((t, i) => {
    if (t.safeguard === 'derogation' && !t.derogation) issues.push(issue(`transfers[${i}].derogation`, 'errors.derogationMissing'));
  });
  // A basis serves the main purpose (0) or one of the sub-purposes (1…n).
  for (const field of ['legalBases', 'art9Conditions'] as const) {
    f[field].forEach((b, i) => {
      if (b.purpose > f.subPurposes.length) issues.push(issue(`${field}[${i}].purpose`, 'purposes.error.noSuchPurpose', { n: b.purpose, count: f.subPurposes.length }));
    });
  }
  if (issues.length) throw validationError(issues, 'activity');
  const specialCodes = reg.reference.specialCategoryCodes();
  for (const c of f.dataCategories) if (c.code && specialCodes.has(c.code)) c.special = true;
}

function resolveRecipients(reg: Register, f: ActivityFields, meta: CallMeta, known?: Map<string, number>): StoredActivityFields['recipients'] {
  const seen = new Set<number>();
  return f.recipients.map((r, i) => {
    let id: number;
    // Found or created by name: the directory entry's name folds like this one (the search text needs no look-up).
    let name: string | undefined;
    if (r.recipientId) {
      if (!reg.activities.recipientExists(r.recipientId)) {
        throw validationError([issue(`recipients[${i}].recipientId`, 'errors.recipientNotInDirectory', { id: r.recipientId })], 'activity');
      }
      id = r.recipientId;
    } else {
      const key = foldKey(r.name);
      id = known?.get(key) ?? reg.activities.recipientIdByKey(key) ?? createRecipient(reg, { name: r.name, type: r.type ?? 'other', countries: r.countries ?? [] }, meta).id;
      known?.set(key, id);
      name = r.name;
    }
    if (seen.has(id)) throw validationError([issue(`recipients[${i}]`, 'errors.listedTwice', { name: r.name })], 'activity');
    seen.add(id);
    return name === undefined ? { recipientId: id, role: r.role, precision: r.precision } : { recipientId: id, role: r.role, precision: r.precision, name };
  });
}

export function listActivities(reg: Register, filter: ActivityFilter = {}): ActivitySummary[] {
  return reg.activities.list(filter);
}

export function getActivity(reg: Register, id: number): Activity {
  const a = reg.activities.load(id);
  if (!a) throw notFound('activity', id);
  return a;
}

export function getActivityByRef(reg: Register, organisationId: number | undefined, ref: string): Activity {
  const matches = reg.activities.list({ refs: [ref], ...(organisationId ? { organisationId } : {}) });
  if (!matches.length) throw notFound('activity', ref);
  if (matches.length > 1) throw new AppError('conflict', text('errors.refInSeveralOrganisations', { ref }));
  return getActivity(reg, matches[0].id);
}

export function createActivity(reg: Register, organisationId: number, input: ActivityInput, meta: CallMeta, stamps?: Stamps): Activity {
  return createParsedActivity(reg, organisationId, parseInput(activityFieldsSchema, input, 'activity'), meta, stamps);
}

/**
 * Creates an activity from fields already validated by `activityFieldsSchema`: an import validates
 * each row once, for its preview, and commits the same fields.
 */
export function createParsedActivity(reg: Register, organisationId: number, fields: ActivityFields, meta: CallMeta, stamps?: Stamps): Activity {
  return reg.write(() => {
    const { id, f, stored, createdAt, updatedAt } = insertParsedActivity(reg, organisationId, fields, meta, stamps);
    // What was just stored, without reading it back.
    const { recipients: _r, dpia, ...rest } = f;
    return {
      ...rest,
      id,
      organisationId,
      version: 1,
      createdAt,
      updatedAt,
      dpia: assessDpia(dpia),
      recipients: stored.recipients.map((r) => ({ ...r, ...reg.activities.recipientSummary(r.recipientId) })),
    };
  });
}

/**
 * What the inserts of one write can share (an import writes thousands in one transaction): the
 * organisation, checked once; the references in use; the directory entries found or created, by
 * folded name. Valid for the write in which it was made only.
 */
export interface InsertBatch {
  organisationId: number;
  /** References in use in the organisation, as `refKey` gives them. */
  refs: Set<string>;
  recipients: Map<string, number>;
}

/** Must be called inside `reg.write()`, and used in the same write. */
export function insertBatch(reg: Register, organisationId: number): InsertBatch {
  if (!reg.activities.organisationExists(organisationId)) throw notFound('organisation', organisationId);
  return { organisationId, refs: reg.activities.refsInUse(organisationId), recipients: new Map() };
}

/** Writes a new activity and its history entry; returns what was stored (imports need no more). */
export function insertParsedActivity(reg: Register, organisationId: number, fields: ActivityFields, meta: CallMeta, stamps?: Stamps, batch?: InsertBatch) {
  if (batch && batch.organisationId !== organisationId) throw new Error('insertParsedActivity: the batch is for another organisation');
  const f: ActivityFields = { ...fields, dataCategories: fields.dataCategories.map((c) => ({ ...c })) };
  return reg.write(() => {
    if (!batch && !reg.activities.organisationExists(organisationId)) throw notFound('organisation', organisationId);
    checkFields(reg, f);
    if (!f.ref) f.ref = reg.activities.nextRef(organisationId);
    else if (batch ? batch.refs.has(refKey(f.ref)) : reg.activities.refTaken(organisationId, f.ref)) {
      throw new AppError('conflict', text('errors.refTakenSummary', { ref: f.ref }), [issue('ref', 'errors.refTaken')]);
    }
    const stored: StoredActivityFields = { ...f, recipients: resolveRecipients(reg, f, meta, batch?.recipients) };
    const at = stamps?.recordedAt ?? reg.now();
    const createdAt = stamps?.createdAt ?? at;
    const updatedAt = stamps?.updatedAt ?? at;
    const id = reg.activities.insert(organisationId, stored, derive(reg, f), createdAt, updatedAt);
    reg.record(meta, {
      at,
      entityType: 'activity',
      entityId: id,
      entityLabel: `${f.ref} ${f.name}`,
      organisationId,
      action: 'create',
      changes: creationChanges(comparable(stored) as Record<string, unknown>),
    });
    signoffOnCreate(reg, id, meta, at);
    batch?.refs.add(refKey(f.ref));
    return { id, f, stored, createdAt, updatedAt };
  });
}

export function updateActivity(reg: Register, id: number, expectedVersion: number, input: ActivityInput, meta: CallMeta, stamps?: Stamps): Activity {
  const f = parseInput(activityFieldsSchema, input, 'activity');
  return reg.write(() => {
    const current = getActivity(reg, id);
    checkVersion(text('errors.subject.activityRef', { ref: current.ref }), current, expectedVersion);
    checkFields(reg, f);
    if (!f.ref) f.ref = current.ref;
    else if (reg.activities.refTaken(current.organisationId, f.ref, id)) {
      throw new AppError('conflict', text('errors.refTakenSummary', { ref: f.ref }), [issue('ref', 'errors.refTaken')]);
    }
    const stored: StoredActivityFields = { ...f, recipients: resolveRecipients(reg, f, meta) };
    const changes = diffRecords(comparable(activityFields(current)), comparable(stored));
    if (!changes.length) return current;
    reg.activities.update(id, stored, derive(reg, f), stamps?.updatedAt ?? reg.now());
    // The DPO's sign-off, in the same entry: a department's change submits it; a checked activity that changed is submitted again (issue 25).
    const signoff = signoffAfterChange(
      reg,
      id,
      meta,
      changes.map((c) => c.path),
    );
    reg.record(meta, {
      entityType: 'activity',
      entityId: id,
      entityLabel: `${f.ref} ${f.name}`,
      organisationId: current.organisationId,
      action: 'update',
      changes: [...changes, ...signoff],
    });
    return getActivity(reg, id);
  });
}

/**
 * The DPO checked the bases an upgrade gave to the main purpose (issue 25): the point to review is
 * cleared, and the history says so. Nothing else changes.
 */
export function confirmPurposeBases(reg: Register, id: number, expectedVersion: number, meta: CallMeta): Activity {
  return reg.write(() => {
    const current = getActivity(reg, id);
    checkVersion(text('errors.subject.activityRef', { ref: current.ref }), current, expectedVersion);
    if (!current.purposeBasesToCheck) return current;
    return updateActivity(reg, id, expectedVersion, { ...activityFields(current), purposeBasesToCheck: false }, meta);
  });
}

/** A copy of an activity as a new draft with the next free reference. */
export function duplicateActivity(reg: Register, id: number, meta: CallMeta, name?: string): Activity {
  return reg.write(() => {
    const source = getActivity(reg, id);
    const fields = activityFields(source);
    return createActivity(reg, source.organisationId, { ...fields, ref: '', name: name ?? `${source.name} (2)`, status: 'draft' }, meta);
  });
}

export function retireActivity(reg: Register, id: number, expectedVersion: number, meta: CallMeta): Activity {
  return reg.write(() => {
    const current = getActivity(reg, id);
    return updateActivity(reg, id, expectedVersion, { ...activityFields(current), status: 'retired' }, meta);
  });
}

export function deleteActivity(reg: Register, id: number, expectedVersion: number, meta: CallMeta): void {
  reg.write(() => {
    const current = getActivity(reg, id);
    checkVersion(text('errors.subject.activityRef', { ref: current.ref }), current, expectedVersion);
    unlinkActivityFromRecords(reg, id, meta);
    unlinkActivityFromContracts(reg, id, meta);
    reg.activities.delete(id);
    reg.record(meta, {
      entityType: 'activity',
      entityId: id,
      entityLabel: `${current.ref} ${current.name}`,
      organisationId: current.organisationId,
      action: 'delete',
      changes: recordFields(activityFields(current) as unknown as Record<string, unknown>, 'before'),
    });
  });
}
