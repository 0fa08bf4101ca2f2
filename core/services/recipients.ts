/** The recipient directory, shared by every activity: edit once, every activity sees the change. */
import type { RecipientRow as StoredRecipientRow } from '../../db/recipient-store.js';
import { diffRecords, recordFields } from '../diff.js';
import { AppError, issue, notFound, subject, text, validationError, type Subject } from '../errors.js';
import type { Recipient } from '../model/register.js';
import { recipientInputSchema, type RecipientData, type RecipientInput } from '../model/schemas.js';
import type { CallMeta, Register } from '../register.js';
import { foldKey } from '../text.js';
import { parseInput } from '../validate.js';
import { checkVersion } from './versions.js';
import { recipientContractCount } from '../contracts/services.js';

type RecipientRow = StoredRecipientRow;

function fromRow(r: RecipientRow, activityCount = 0): Recipient {
  return {
    id: r.id,
    name: r.name,
    type: r.type as Recipient['type'],
    countries: JSON.parse(r.countries) as string[],
    contractRef: r.contractRef,
    contractDate: r.contractDate,
    dpfCertified: r.dpfCertified,
    dpfVerifiedAt: r.dpfVerifiedAt,
    contact: r.contact,
    notes: r.notes,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    activityCount,
  };
}

export function recipientData(r: Recipient): RecipientData {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, activityCount: _n, ...data } = r;
  return data;
}

export function toColumns(d: RecipientData) {
  return {
    name: d.name,
    nameKey: foldKey(d.name),
    type: d.type,
    countries: JSON.stringify(d.countries),
    contractRef: d.contractRef,
    contractDate: d.contractDate,
    dpfCertified: d.dpfCertified,
    dpfVerifiedAt: d.dpfVerifiedAt ?? '',
    contact: d.contact,
    notes: d.notes,
  };
}

export function checkCountries(reg: Register, codes: { path: string; code: string }[], what: Subject = 'entry'): void {
  // Transfers may also go to an international organisation (Art. 30(1)(e)).
  const known = reg.reference.destinations();
  const issues = codes
    .filter((c) => c.code && !known.has(c.code))
    .map((c) => issue(c.path, c.code.startsWith('IO-') ? 'errors.organisationUnknown' : 'errors.countryUnknown', { code: c.code }));
  if (issues.length) throw validationError(issues, what);
}

export function listRecipients(reg: Register): Recipient[] {
  const counts = reg.recipients.activityCounts();
  return reg.recipients.list().map((r) => fromRow(r, counts.get(r.id) ?? 0));
}

export function getRecipient(reg: Register, id: number): Recipient {
  const row = reg.recipients.get(id);
  if (!row) throw notFound('recipient', id);
  return fromRow(row, reg.recipients.activityCount(id));
}

/** The directory entry with this name, ignoring case, accents and punctuation. */
export function findRecipientByName(reg: Register, name: string): Recipient | undefined {
  const row = reg.recipients.byNameKey(foldKey(name));
  return row ? fromRow(row) : undefined;
}

function assertNameFree(reg: Register, name: string, exceptId = 0): void {
  const other = findRecipientByName(reg, name);
  if (other && other.id !== exceptId) {
    throw new AppError('conflict', text('errors.recipientNameTaken', { name: other.name }), [issue('name', 'errors.nameTaken', { name: other.name })]);
  }
}

export function createRecipient(reg: Register, input: RecipientInput, meta: CallMeta, stamps?: { createdAt: string; updatedAt: string }): Recipient {
  const data = parseInput(recipientInputSchema, input, 'recipient');
  return reg.write(() => {
    checkCountries(
      reg,
      data.countries.map((code, i) => ({ path: `countries[${i}]`, code })),
      'recipient',
    );
    assertNameFree(reg, data.name);
    const at = reg.now();
    const row = reg.recipients.insert({ ...toColumns(data), createdAt: stamps?.createdAt ?? at, updatedAt: stamps?.updatedAt ?? at });
    reg.record(meta, { entityType: 'recipient', entityId: row.id, entityLabel: row.name, organisationId: null, action: 'create', changes: recordFields(data, 'after') });
    return fromRow(row);
  });
}

export function updateRecipient(reg: Register, id: number, expectedVersion: number, input: RecipientInput, meta: CallMeta): Recipient {
  const data = parseInput(recipientInputSchema, input, 'recipient');
  return reg.write(() => {
    const current = getRecipient(reg, id);
    checkVersion(subject('recipient'), current, expectedVersion);
    checkCountries(
      reg,
      data.countries.map((code, i) => ({ path: `countries[${i}]`, code })),
      'recipient',
    );
    assertNameFree(reg, data.name, id);
    const changes = diffRecords(recipientData(current), data);
    if (!changes.length) return current;
    const row = reg.recipients.update(id, { ...toColumns(data), updatedAt: reg.now() });
    if (current.name !== data.name) reg.activities.reindexRecipient(id);
    reg.record(meta, { entityType: 'recipient', entityId: id, entityLabel: data.name, organisationId: null, action: 'update', changes });
    return fromRow(row, current.activityCount);
  });
}

export function deleteRecipient(reg: Register, id: number, expectedVersion: number, meta: CallMeta): void {
  reg.write(() => {
    const current = getRecipient(reg, id);
    checkVersion(subject('recipient'), current, expectedVersion);
    if (current.activityCount > 0) {
      throw new AppError('in_use', text('errors.recipientInUse', { name: current.name, count: current.activityCount }));
    }
    const contracts = recipientContractCount(reg, id);
    if (contracts > 0) throw new AppError('in_use', text('contracts.error.processorHasContracts', { name: current.name, count: contracts }));
    reg.recipients.delete(id);
    reg.record(meta, {
      entityType: 'recipient',
      entityId: id,
      entityLabel: current.name,
      organisationId: null,
      action: 'delete',
      changes: recordFields(recipientData(current), 'before'),
    });
  });
}
