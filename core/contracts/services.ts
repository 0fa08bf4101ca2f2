/**
 * Processor contracts (Art. 28, issue 23): validated input, one transaction per write with its
 * history entry, optimistic versions; the points to review of the contracts of a register.
 */
import { ContractStore, type StoredContractRow } from '../../db/contract-store.js';
import { diffRecords, recordFields } from '../diff.js';
import { AppError, issue, text, validationError, type FieldIssue } from '../errors.js';
import { checkContracts, type CheckedContract, type ContractCheck } from '../model/contract-checks.js';
import type { CallMeta, Register } from '../register.js';
import { getRecipient } from '../services/recipients.js';
import { checkCountries } from '../services/recipients.js';
import { checkVersion } from '../services/versions.js';
import { parseInput } from '../validate.js';
import { contractInputSchema, type Contract, type ContractData, type ContractInput } from './model.js';

const stores = new WeakMap<Register, ContractStore>();
export function contractStore(reg: Register): ContractStore {
  let s = stores.get(reg);
  if (!s) stores.set(reg, (s = new ContractStore(reg.sqlite)));
  return s;
}

const notFound = (id: number | string) => new AppError('not_found', text('contracts.error.notFound', { id }));

function fromRow(reg: Register, row: StoredContractRow): Contract {
  const defaults = contractInputSchema.parse({ recipientId: row.recipientId });
  const { activityIds: _a, recipientId: _r, ...fields } = { ...defaults, ...(row.data as Partial<ContractData>) };
  const p = reg.recipients.get(row.recipientId);
  return {
    ...fields,
    recipientId: row.recipientId,
    ref: row.ref,
    id: row.id,
    organisationId: row.organisationId,
    processor: { id: row.recipientId, name: p?.name ?? '', type: p?.type ?? '', countries: p ? (JSON.parse(p.countries) as string[]) : [] },
    activities: contractStore(reg)
      .links(row.id)
      .map(({ id, ref, name }) => ({ id, ref, name })),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function contractData(c: Contract): ContractData {
  const { id: _i, organisationId: _o, processor: _p, activities, version: _v, createdAt: _c, updatedAt: _u, ...fields } = c;
  return { ...fields, activityIds: activities.map((a) => a.id) };
}

/** A contract as the history records it: its processor by name, its activities by reference. */
export function forHistory(reg: Register, d: ContractData): Record<string, unknown> {
  const { activityIds, recipientId, ...rest } = d;
  const stmt = reg.sqlite.prepare('SELECT ref FROM activities WHERE id = ?').pluck();
  return { ...rest, processor: reg.recipients.get(recipientId)?.name ?? `#${recipientId}`, activities: activityIds.map((id) => String(stmt.get(id) ?? `#${id}`)).sort() };
}

export const stored = (d: ContractData) => {
  const { ref: _r, activityIds: _a, ...rest } = d;
  return rest as Record<string, unknown>;
};
export const columns = (d: ContractData) => ({ recipientId: d.recipientId, endsOn: d.endsOn, reviewOn: d.reviewOn });

function contractIssues(reg: Register, organisationId: number, d: ContractData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const p = reg.recipients.get(d.recipientId);
  if (!p) issues.push(issue('recipientId', 'contracts.error.processorNotFound', { id: d.recipientId }));
  if (d.signedOn && d.endsOn && d.endsOn < d.signedOn) issues.push(issue('endsOn', 'contracts.error.endsBeforeSigned'));
  const orgOf = reg.sqlite.prepare('SELECT organisation_id FROM activities WHERE id = ?').pluck();
  d.activityIds.forEach((id, i) => {
    const org = orgOf.get(id);
    if (org == null) issues.push(issue(`activityIds[${i}]`, 'records.error.activityNotFound', { id }));
    else if (Number(org) !== organisationId) issues.push(issue(`activityIds[${i}]`, 'records.error.activityOtherOrganisation', { id }));
  });
  return issues;
}

function checkRef(reg: Register, organisationId: number, ref: string, exceptId = 0): void {
  if (contractStore(reg).refTaken(organisationId, ref, exceptId)) {
    throw new AppError('conflict', text('contracts.error.refTaken', { ref }), [issue('ref', 'contracts.error.refTaken', { ref })]);
  }
}

export function listContracts(reg: Register, f: { organisationId?: number; recipientId?: number; activityId?: number } = {}): Contract[] {
  const store = contractStore(reg);
  const only = f.activityId ? new Set(store.linkedTo(f.activityId)) : undefined;
  return store
    .list(f.organisationId)
    .filter((r) => (!only || only.has(r.id)) && (!f.recipientId || r.recipientId === f.recipientId))
    .map((r) => fromRow(reg, r));
}

export function getContract(reg: Register, id: number): Contract {
  const row = contractStore(reg).get(id);
  if (!row) throw notFound(id);
  return fromRow(reg, row);
}

export function contractIdByRef(reg: Register, ref: string, organisationId?: number): number {
  const ids = contractStore(reg).idsByRef(ref, organisationId);
  if (!ids.length) throw notFound(ref);
  return ids[0];
}

export function createContract(reg: Register, organisationId: number, input: ContractInput, meta: CallMeta, stamps?: { createdAt: string; updatedAt: string }): Contract {
  const data = parseInput(contractInputSchema, input, 'entry');
  return reg.write(() => {
    if (!reg.sqlite.prepare('SELECT 1 FROM organisations WHERE id = ?').get(organisationId))
      throw new AppError('not_found', text('errors.notFound.organisation', { id: organisationId }));
    const issues = contractIssues(reg, organisationId, data);
    if (issues.length) throw validationError(issues);
    checkCountries(
      reg,
      data.subProcessors.map((s, i) => ({ path: `subProcessors[${i}].country`, code: s.country })),
    );
    const store = contractStore(reg);
    data.ref ||= store.nextRef(organisationId);
    checkRef(reg, organisationId, data.ref);
    const at = reg.now();
    const id = store.insert(organisationId, data.ref, stored(data), columns(data), stamps ?? { createdAt: at, updatedAt: at });
    store.setLinks(id, data.activityIds);
    const processor = getRecipient(reg, data.recipientId).name;
    reg.record(meta, {
      entityType: 'contract',
      entityId: id,
      entityLabel: `${data.ref} ${processor}`,
      organisationId,
      action: 'create',
      changes: recordFields(forHistory(reg, data), 'after'),
    });
    return getContract(reg, id);
  });
}

export function updateContract(reg: Register, id: number, expectedVersion: number, input: ContractInput, meta: CallMeta): Contract {
  const data = parseInput(contractInputSchema, input, 'entry');
  return reg.write(() => {
    const current = getContract(reg, id);
    checkVersion(text('contracts.subject'), current, expectedVersion);
    const issues = contractIssues(reg, current.organisationId, data);
    if (issues.length) throw validationError(issues);
    checkCountries(
      reg,
      data.subProcessors.map((s, i) => ({ path: `subProcessors[${i}].country`, code: s.country })),
    );
    data.ref ||= current.ref;
    checkRef(reg, current.organisationId, data.ref, id);
    const changes = diffRecords(forHistory(reg, contractData(current)), forHistory(reg, data));
    if (!changes.length) return current;
    const store = contractStore(reg);
    store.update(id, data.ref, stored(data), columns(data), reg.now());
    store.setLinks(id, data.activityIds);
    reg.record(meta, {
      entityType: 'contract',
      entityId: id,
      entityLabel: `${data.ref} ${getRecipient(reg, data.recipientId).name}`,
      organisationId: current.organisationId,
      action: 'update',
      changes,
    });
    return getContract(reg, id);
  });
}

export function deleteContract(reg: Register, id: number, expectedVersion: number, meta: CallMeta): void {
  reg.write(() => {
    const current = getContract(reg, id);
    checkVersion(text('contracts.subject'), current, expectedVersion);
    contractStore(reg).delete(id);
    reg.record(meta, {
      entityType: 'contract',
      entityId: id,
      entityLabel: `${current.ref} ${current.processor.name}`,
      organisationId: current.organisationId,
      action: 'delete',
      changes: recordFields(forHistory(reg, contractData(current)), 'before'),
    });
  });
}

/** The points to review of the contracts (of one organisation, or all), as of `today` (YYYY-MM-DD). */
export function contractChecks(reg: Register, scope: { organisationId?: number } = {}, today = reg.now().slice(0, 10)): ContractCheck[] {
  const store = contractStore(reg);
  const countries = reg.reference.destinations();
  const transfers = reg.sqlite.prepare('SELECT DISTINCT country FROM activity_transfers WHERE activity_id = ?').pluck();
  const contracts: CheckedContract[] = listContracts(reg, scope).map((c) => ({
    id: c.id,
    organisationId: c.organisationId,
    ref: c.ref,
    processor: { id: c.processor.id, name: c.processor.name },
    endsOn: c.endsOn,
    reviewOn: c.reviewOn,
    clauses: c.clauses,
    subProcessing: c.subProcessing,
    subProcessors: c.subProcessors,
    transferCountries: new Set(c.activities.flatMap((a) => transfers.all(a.id) as string[])),
  }));
  return checkContracts(contracts, store.processorsInUse(scope.organisationId), today, (code) => Boolean(countries.get(code)?.eea));
}

/** Before an activity is deleted: the contracts that served it say so in their history. */
export function unlinkActivityFromContracts(reg: Register, activityId: number, meta: CallMeta): void {
  for (const id of contractStore(reg).linkedTo(activityId)) {
    const c = getContract(reg, id);
    updateContract(reg, id, c.version, { ...contractData(c), activityIds: c.activities.map((a) => a.id).filter((a) => a !== activityId) }, meta);
  }
}

/** Deletes an organisation's contracts (when the DPO deletes the organisation), each in the history. */
export function deleteOrganisationContracts(reg: Register, organisationId: number, meta: CallMeta): number {
  return reg.write(() => {
    const list = contractStore(reg).list(organisationId);
    for (const c of list) deleteContract(reg, c.id, c.version, meta);
    return list.length;
  });
}

/** How many contracts name this processor (a directory entry with contracts is not deleted). */
export function recipientContractCount(reg: Register, recipientId: number): number {
  return Number(reg.sqlite.prepare('SELECT count(*) FROM processor_contracts WHERE recipient_id = ?').pluck().get(recipientId));
}
