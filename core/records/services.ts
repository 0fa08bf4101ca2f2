/**
 * Services of the records beside the register: the breach record and the request log. Same rules as
 * every record: validated input, one transaction per write, optimistic versions, every change in the
 * history. Cross-field rules name the field and write nothing.
 */
import { RecordsStore, type RecordKind, type StoredRecordRow } from '../../db/records-store.js';
import { diffRecords, recordFields } from '../diff.js';
import { AppError, issue, notFound, subject, text, validationError, type FieldIssue } from '../errors.js';
import type { CallMeta, Register } from '../register.js';
import { parseInput } from '../validate.js';
import { checkVersion } from '../services/versions.js';
import { addMonths, dateOf, isLateNotification, notificationDeadline, requestDeadline, requesterErasableOn } from './deadlines.js';
import {
  breachInputSchema,
  recordSettingsSchema,
  requestInputSchema,
  type Breach,
  type BreachData,
  type BreachInput,
  type RecordSettings,
  type RequestData,
  type RequestInput,
  type SubjectRequest,
} from './model.js';

const stores = new WeakMap<Register, RecordsStore>();
export function recordsStore(reg: Register): RecordsStore {
  let s = stores.get(reg);
  if (!s) stores.set(reg, (s = new RecordsStore(reg.sqlite)));
  return s;
}

/** The activities must exist and belong to the record's organisation. */
function checkLinks(reg: Register, organisationId: number, ids: number[]): FieldIssue[] {
  const orgs = recordsStore(reg).activityOrganisations(ids);
  const issues: FieldIssue[] = [];
  ids.forEach((id, i) => {
    const org = orgs.get(id);
    if (org === undefined) issues.push(issue(`activityIds[${i}]`, 'records.error.activityNotFound', { id }));
    else if (org !== organisationId) issues.push(issue(`activityIds[${i}]`, 'records.error.activityOtherOrganisation', { id }));
  });
  return issues;
}

function checkOrganisation(reg: Register, organisationId: number): void {
  if (!recordsStore(reg).organisationExists(organisationId)) throw notFound('organisation', organisationId);
}

function checkRef(reg: Register, kind: RecordKind, organisationId: number, ref: string, exceptId = 0): void {
  if (recordsStore(reg).refTaken(kind, organisationId, ref, exceptId)) {
    throw new AppError('conflict', text('errors.recordRefTaken', { ref }), [issue('ref', 'records.error.refTaken', { ref })]);
  }
}

// ---------------------------------------------------------------------------------------------
// Breaches

export function breachIssues(reg: Register, organisationId: number, b: BreachData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const t = (v: string) => Date.parse(v);
  if (b.occurredAt && b.discoveredAt && t(b.occurredAt) > t(b.discoveredAt)) {
    issues.push(issue('occurredAt', 'records.error.occurredAfterDiscovery'));
  }
  if (b.notifiedAt && b.discoveredAt && t(b.notifiedAt) < t(b.discoveredAt)) {
    issues.push(issue('notifiedAt', 'records.error.notifiedBeforeDiscovery'));
  }
  if (isLateNotification(b) && !b.lateReason) {
    issues.push(issue('lateReason', 'records.error.lateReasonRequired'));
  }
  if (b.peopleInformed === 'informed' && b.peopleInformedOn && b.discoveredAt && b.peopleInformedOn < b.discoveredAt.slice(0, 10)) {
    issues.push(issue('peopleInformedOn', 'records.error.informedBeforeDiscovery'));
  }
  if (b.peopleInformed === 'not_informed' && !b.peopleNotInformedReason) {
    issues.push(issue('peopleNotInformedReason', 'records.error.notInformedReasonRequired'));
  }
  issues.push(...checkLinks(reg, organisationId, b.activityIds));
  return issues;
}

function breachFromRow(reg: Register, row: StoredRecordRow): Breach {
  const data = row.data as unknown as BreachData;
  // Defaults fill fields a record written by an older version lacks.
  const { activityIds: _ids, ...fields } = { ...breachInputSchema.parse({ title: '-', discoveredAt: '2000-01-01' }), ...data };
  const activities = recordsStore(reg)
    .links('breach', row.id)
    .map(({ id, ref, name }) => ({ id, ref, name }));
  return {
    ...fields,
    ref: row.ref,
    id: row.id,
    organisationId: row.organisationId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    activities,
    deadline: notificationDeadline(fields, reg.now()),
  };
}

/** The fields of a breach as the DPO edits them (what the history compares). */
export function breachData(b: Breach): BreachData {
  const { id: _i, organisationId: _o, version: _v, createdAt: _c, updatedAt: _u, activities, deadline: _d, ...fields } = b;
  return { ...fields, activityIds: activities.map((a) => a.id) };
}

function breachForHistory(d: BreachData, reg: Register): Record<string, unknown> {
  const { activityIds, ...rest } = d;
  return { ...rest, activities: activityRefs(reg, activityIds) };
}

function activityRefs(reg: Register, ids: number[]): string[] {
  const stmt = reg.sqlite.prepare('SELECT ref FROM activities WHERE id = ?').pluck();
  return ids.map((id) => String(stmt.get(id) ?? `#${id}`)).sort();
}

function markSpecial(reg: Register, d: BreachData): void {
  const special = reg.reference.specialCategoryCodes();
  for (const c of d.dataCategories) if (c.code && special.has(c.code)) c.special = true;
}

const breachColumns = (d: BreachData) =>
  ({ kind: 'breach', title: d.title, status: d.status, riskLevel: d.riskLevel, discoveredAt: d.discoveredAt, notifiedAt: d.notifiedAt }) as const;

const stored = <T extends { ref: string; activityIds: number[] }>(d: T) => {
  const { ref: _r, activityIds: _a, ...rest } = d;
  return rest as Record<string, unknown>;
};

export interface BreachFilter {
  organisationId?: number;
  status?: string;
  /** Only the breaches linked to this activity. */
  activityId?: number;
}

export function listBreaches(reg: Register, f: BreachFilter = {}): Breach[] {
  const store = recordsStore(reg);
  const only = f.activityId ? new Set(store.linkedTo('breach', f.activityId)) : undefined;
  return store
    .list('breach', f.organisationId)
    .filter((r) => !only || only.has(r.id))
    .map((r) => breachFromRow(reg, r))
    .filter((b) => !f.status || b.status === f.status);
}

export function getBreach(reg: Register, id: number): Breach {
  const row = recordsStore(reg).get('breach', id);
  if (!row) throw notFound('breach', id);
  return breachFromRow(reg, row);
}

export function createBreach(reg: Register, organisationId: number, input: BreachInput, meta: CallMeta, stamps?: { createdAt: string; updatedAt: string }): Breach {
  const data = parseInput(breachInputSchema, input, 'breach');
  return reg.write(() => {
    checkOrganisation(reg, organisationId);
    const issues = breachIssues(reg, organisationId, data);
    if (issues.length) throw validationError(issues, 'breach');
    markSpecial(reg, data);
    const store = recordsStore(reg);
    data.ref ||= store.nextRef('breach', organisationId);
    checkRef(reg, 'breach', organisationId, data.ref);
    const at = reg.now();
    const id = store.insert('breach', organisationId, data.ref, stored(data), breachColumns(data), stamps ?? { createdAt: at, updatedAt: at });
    store.setLinks('breach', id, data.activityIds);
    reg.record(meta, {
      entityType: 'breach',
      entityId: id,
      entityLabel: `${data.ref} ${data.title}`,
      organisationId,
      action: 'create',
      changes: recordFields(breachForHistory(data, reg), 'after'),
    });
    return getBreach(reg, id);
  });
}

export function updateBreach(reg: Register, id: number, expectedVersion: number, input: BreachInput, meta: CallMeta): Breach {
  const data = parseInput(breachInputSchema, input, 'breach');
  return reg.write(() => {
    const current = getBreach(reg, id);
    checkVersion(subject('breach'), current, expectedVersion);
    const issues = breachIssues(reg, current.organisationId, data);
    if (issues.length) throw validationError(issues, 'breach');
    markSpecial(reg, data);
    data.ref ||= current.ref;
    checkRef(reg, 'breach', current.organisationId, data.ref, id);
    const changes = diffRecords(breachForHistory(breachData(current), reg), breachForHistory(data, reg));
    if (!changes.length) return current;
    const store = recordsStore(reg);
    store.update('breach', id, data.ref, stored(data), breachColumns(data), reg.now());
    store.setLinks('breach', id, data.activityIds);
    reg.record(meta, { entityType: 'breach', entityId: id, entityLabel: `${data.ref} ${data.title}`, organisationId: current.organisationId, action: 'update', changes });
    return getBreach(reg, id);
  });
}

export function deleteBreach(reg: Register, id: number, expectedVersion: number, meta: CallMeta): void {
  reg.write(() => {
    const current = getBreach(reg, id);
    checkVersion(subject('breach'), current, expectedVersion);
    recordsStore(reg).delete('breach', id);
    reg.record(meta, {
      entityType: 'breach',
      entityId: id,
      entityLabel: `${current.ref} ${current.title}`,
      organisationId: current.organisationId,
      action: 'delete',
      changes: recordFields(breachForHistory(breachData(current), reg), 'before'),
    });
  });
}

/** Links or unlinks one activity, keeping the other links. */
export function linkBreach(reg: Register, id: number, expectedVersion: number, activityId: number, linked: boolean, meta: CallMeta): Breach {
  return reg.write(() => {
    const current = getBreach(reg, id);
    const ids = current.activities.map((a) => a.id).filter((a) => a !== activityId);
    if (linked) ids.push(activityId);
    return updateBreach(reg, id, expectedVersion, { ...breachData(current), activityIds: ids }, meta);
  });
}

// ---------------------------------------------------------------------------------------------
// Requests

export function requestIssues(reg: Register, organisationId: number, r: RequestData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const initialDueOn = addMonths(r.receivedOn, 1);
  const maxDueOn = addMonths(r.receivedOn, 3);
  if (r.extensionMonths !== undefined) {
    if (r.extensionMonths > 2) {
      issues.push(
        issue('extensionMonths', 'records.error.extensionBeyondThreeMonths', {
          max: maxDueOn,
        }),
      );
      return issues;
    }
    r.extendedUntil = r.extensionMonths > 0 ? addMonths(r.receivedOn, 1 + r.extensionMonths) : '';
  }
  delete r.extensionMonths;
  if (r.extendedUntil) {
    if (r.extendedUntil > maxDueOn) {
      issues.push(issue('extendedUntil', 'records.error.extensionBeyondThreeMonths', { max: maxDueOn }));
    } else if (r.extendedUntil <= initialDueOn) {
      issues.push(issue('extendedUntil', 'records.error.extensionNotAfterDeadline', { due: initialDueOn }));
    }
    if (!r.extensionReason) issues.push(issue('extensionReason', 'records.error.extensionReasonRequired'));
  }
  if (r.extensionToldOn) {
    if (r.extensionToldOn < r.receivedOn) issues.push(issue('extensionToldOn', 'records.error.beforeReceipt'));
    else if (r.extensionToldOn > initialDueOn) {
      issues.push(issue('extensionToldOn', 'records.error.extensionToldLate', { due: initialDueOn }));
    }
  }
  if (r.answeredOn && r.answeredOn < r.receivedOn) issues.push(issue('answeredOn', 'records.error.beforeReceipt'));
  if ((r.status === 'answered' || r.status === 'closed') && !r.answeredOn) {
    issues.push(issue('answeredOn', 'records.error.answeredOnRequired'));
  }
  if ((r.outcome === 'refused' || r.outcome === 'partly_granted') && !r.outcomeReason) {
    issues.push(issue('outcomeReason', 'records.error.outcomeReasonRequired'));
  }
  issues.push(...checkLinks(reg, organisationId, r.activityIds));
  return issues;
}

function requestFromRow(reg: Register, row: StoredRecordRow): SubjectRequest {
  const data = row.data as unknown as RequestData;
  const fields = { ...requestInputSchema.parse({ right: 'access', receivedOn: '2000-01-01' }), ...data };
  const { activityIds: _ids, ...rest } = fields;
  return {
    ...rest,
    ref: row.ref,
    requester: row.requester ?? '',
    requesterErasedAt: row.requesterErasedAt ?? '',
    id: row.id,
    organisationId: row.organisationId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    activities: recordsStore(reg)
      .links('request', row.id)
      .map(({ id, ref, name }) => ({ id, ref, name })),
    deadline: requestDeadline(fields, reg.now()),
  };
}

export function requestData(r: SubjectRequest): RequestData {
  const { id: _i, organisationId: _o, version: _v, createdAt: _c, updatedAt: _u, activities, deadline: _d, requesterErasedAt: _e, ...fields } = r;
  return { ...fields, activityIds: activities.map((a) => a.id) };
}

/** The requester's name or reference never enters the history, so that erasing it erases it. */
export const REDACTED = '•••';
function requestForHistory(d: RequestData, reg: Register): Record<string, unknown> {
  const { activityIds, requester, ...rest } = d;
  return { ...rest, requester: requester ? REDACTED : '', activities: activityRefs(reg, activityIds) };
}

const requestColumns = (d: RequestData) =>
  ({ kind: 'request', right: d.right, status: d.status, receivedOn: d.receivedOn, answeredOn: d.answeredOn, requester: d.requester }) as const;

const storedRequest = (d: RequestData) => {
  const { requester: _r, ...rest } = stored(d);
  return rest;
};

export interface RequestFilter {
  organisationId?: number;
  status?: string;
  right?: string;
  activityId?: number;
  /** Only the requests whose deadline has passed without an answer. */
  overdue?: boolean;
}

export function listRequests(reg: Register, f: RequestFilter = {}): SubjectRequest[] {
  const store = recordsStore(reg);
  const only = f.activityId ? new Set(store.linkedTo('request', f.activityId)) : undefined;
  return store
    .list('request', f.organisationId)
    .filter((r) => !only || only.has(r.id))
    .map((r) => requestFromRow(reg, r))
    .filter((r) => (!f.status || r.status === f.status) && (!f.right || r.right === f.right) && (!f.overdue || r.deadline.state === 'overdue'));
}

export function getRequest(reg: Register, id: number): SubjectRequest {
  const row = recordsStore(reg).get('request', id);
  if (!row) throw notFound('request', id);
  return requestFromRow(reg, row);
}

export function createRequest(reg: Register, organisationId: number, input: RequestInput, meta: CallMeta, stamps?: { createdAt: string; updatedAt: string }): SubjectRequest {
  const data = parseInput(requestInputSchema, input, 'request');
  return reg.write(() => {
    checkOrganisation(reg, organisationId);
    const issues = requestIssues(reg, organisationId, data);
    if (issues.length) throw validationError(issues, 'request');
    const store = recordsStore(reg);
    data.ref ||= store.nextRef('request', organisationId);
    checkRef(reg, 'request', organisationId, data.ref);
    const at = reg.now();
    const id = store.insert('request', organisationId, data.ref, storedRequest(data), requestColumns(data), stamps ?? { createdAt: at, updatedAt: at });
    store.setLinks('request', id, data.activityIds);
    reg.record(meta, {
      entityType: 'request',
      entityId: id,
      entityLabel: data.ref,
      organisationId,
      action: 'create',
      changes: recordFields(requestForHistory(data, reg), 'after'),
    });
    return getRequest(reg, id);
  });
}

export function updateRequest(reg: Register, id: number, expectedVersion: number, input: RequestInput, meta: CallMeta): SubjectRequest {
  const data = parseInput(requestInputSchema, input, 'request');
  return reg.write(() => {
    const current = getRequest(reg, id);
    checkVersion(subject('request'), current, expectedVersion);
    const issues = requestIssues(reg, current.organisationId, data);
    if (current.requesterErasedAt && data.requester) {
      issues.push(issue('requester', 'records.error.requesterErased'));
    }
    if (issues.length) throw validationError(issues, 'request');
    data.ref ||= current.ref;
    checkRef(reg, 'request', current.organisationId, data.ref, id);
    const before = requestForHistory(requestData(current), reg);
    const changes = diffRecords(before, requestForHistory(data, reg));
    if (!changes.length && current.requester === data.requester) return current;
    if (!changes.length) changes.push({ path: 'requester', before: REDACTED, after: REDACTED });
    const store = recordsStore(reg);
    store.update('request', id, data.ref, storedRequest(data), requestColumns(data), reg.now());
    store.setLinks('request', id, data.activityIds);
    reg.record(meta, { entityType: 'request', entityId: id, entityLabel: data.ref, organisationId: current.organisationId, action: 'update', changes });
    return getRequest(reg, id);
  });
}

export function deleteRequest(reg: Register, id: number, expectedVersion: number, meta: CallMeta): void {
  reg.write(() => {
    const current = getRequest(reg, id);
    checkVersion(subject('request'), current, expectedVersion);
    recordsStore(reg).delete('request', id);
    reg.record(meta, {
      entityType: 'request',
      entityId: id,
      entityLabel: current.ref,
      organisationId: current.organisationId,
      action: 'delete',
      changes: recordFields(requestForHistory(requestData(current), reg), 'before'),
    });
  });
}

export function linkRequest(reg: Register, id: number, expectedVersion: number, activityId: number, linked: boolean, meta: CallMeta): SubjectRequest {
  return reg.write(() => {
    const current = getRequest(reg, id);
    const ids = current.activities.map((a) => a.id).filter((a) => a !== activityId);
    if (linked) ids.push(activityId);
    return updateRequest(reg, id, expectedVersion, { ...requestData(current), activityIds: ids }, meta);
  });
}

/** Erases one requester's details now (the DPO's choice). */
export function eraseRequester(reg: Register, id: number, expectedVersion: number, meta: CallMeta): SubjectRequest {
  return reg.write(() => {
    const current = getRequest(reg, id);
    checkVersion(subject('request'), current, expectedVersion);
    if (current.requesterErasedAt) return current;
    recordsStore(reg).eraseRequester(id, reg.now());
    reg.record(meta, {
      entityType: 'request',
      entityId: id,
      entityLabel: current.ref,
      organisationId: current.organisationId,
      action: 'update',
      changes: [{ path: 'requester', before: current.requester ? REDACTED : '', after: '' }],
    });
    return getRequest(reg, id);
  });
}

export function getRecordSettings(reg: Register): RecordSettings {
  return { requesterRetention: recordsStore(reg).setting('requesterRetention') ?? '' };
}

export function setRecordSettings(reg: Register, input: unknown, meta: CallMeta): RecordSettings {
  const data = parseInput(recordSettingsSchema, input, 'settings');
  return reg.write(() => {
    const current = getRecordSettings(reg);
    const changes = diffRecords(current, data);
    if (!changes.length) return current;
    recordsStore(reg).setSetting('requesterRetention', data.requesterRetention);
    reg.record(meta, { entityType: 'request', entityId: null, entityLabel: 'settings', organisationId: null, action: 'update', changes });
    return data;
  });
}

/** Requests answered long enough ago that the requester's details are due for erasure (by `now`). */
export function requestersDue(reg: Register): SubjectRequest[] {
  const { requesterRetention } = getRecordSettings(reg);
  if (!requesterRetention) return [];
  const today = dateOf(reg.now());
  return listRequests(reg).filter((r) => {
    if (r.requesterErasedAt || !r.requester) return false;
    const on = requesterErasableOn(r.answeredOn, requesterRetention);
    return !!on && on <= today;
  });
}

/** Erases the details of every requester past the retention period, in one transaction. */
export function purgeRequesters(reg: Register, meta: CallMeta): { erased: string[] } {
  return reg.write(() => {
    const due = requestersDue(reg);
    for (const r of due) eraseRequester(reg, r.id, r.version, meta);
    return { erased: due.map((r) => r.ref) };
  });
}

/** Before an activity is deleted: the breaches and requests that named it say so in their history. */
export function unlinkActivityFromRecords(reg: Register, activityId: number, meta: CallMeta): void {
  const store = recordsStore(reg);
  for (const id of store.linkedTo('breach', activityId)) linkBreach(reg, id, getBreach(reg, id).version, activityId, false, meta);
  for (const id of store.linkedTo('request', activityId)) linkRequest(reg, id, getRequest(reg, id).version, activityId, false, meta);
}

/** How many breaches and requests an organisation keeps. */
export function organisationRecordCount(reg: Register, organisationId: number): number {
  const store = recordsStore(reg);
  return store.list('breach', organisationId).length + store.list('request', organisationId).length;
}

/** Deletes an organisation's breaches and requests (when the DPO deletes the organisation), each in the history. */
export function deleteOrganisationRecords(reg: Register, organisationId: number, meta: CallMeta): number {
  return reg.write(() => {
    const store = recordsStore(reg);
    const breaches = store.list('breach', organisationId);
    const requests = store.list('request', organisationId);
    for (const b of breaches) deleteBreach(reg, b.id, b.version, meta);
    for (const r of requests) deleteRequest(reg, r.id, r.version, meta);
    return breaches.length + requests.length;
  });
}
