/** The recipient directory, shared by every activity: edit once, every activity sees the change. */
import type { RecipientRow as StoredRecipientRow } from '../../db/recipient-store.js';
import { diffRecords, recordFields } from '../diff.js';
import { AppError, notFound, validationError } from '../errors.js';
import type { Recipient } from '../model/register.js';
import { recipientInputSchema, type RecipientData, type RecipientInput } from '../model/schemas.js';
import type { CallMeta, Register } from '../register.js';
import { foldKey } from '../text.js';
import { parseInput } from '../validate.js';
import { checkVersion } from './versions.js';

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

export function checkCountries(reg: Register, codes: { path: string; code: string }[], what = 'The entry'): void {
  // Transfers may also go to an international organisation (Art. 30(1)(e)).
  const known = reg.reference.destinations();
  const issues = codes
    .filter((c) => c.code && !known.has(c.code))
    .map((c) => ({
      path: c.path,
      message: c.code.startsWith('IO-')
        ? `"${c.code}" is not a known international organisation (see the reference data)`
        : `"${c.code}" is not a known country (use an ISO 3166-1 code such as FR, US or IN)`,
      key: c.code.startsWith('IO-') ? 'errors.organisationUnknown' : 'errors.countryUnknown',
      params: { code: c.code },
    }));
  if (issues.length) throw validationError(issues, what);
}

export function listRecipients(reg: Register): Recipient[] {
  const counts = reg.recipients.activityCounts();
  return reg.recipients.list().map((r) => fromRow(r, counts.get(r.id) ?? 0));
}

export function getRecipient(reg: Register, id: number): Recipient {
  const row = reg.recipients.get(id);
  if (!row) throw notFound(`Recipient #${id}`);
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
    throw new AppError(
      'conflict',
      `The directory already has a recipient named "${other.name}".`,
      [{ path: 'name', message: `already used by "${other.name}"`, key: 'errors.nameTaken', params: { name: other.name } }],
      {
        key: 'errors.recipientNameTaken',
        params: { name: other.name },
      },
    );
  }
}

export function createRecipient(reg: Register, input: RecipientInput, meta: CallMeta, stamps?: { createdAt: string; updatedAt: string }): Recipient {
  const data = parseInput(recipientInputSchema, input, 'The recipient');
  return reg.write(() => {
    checkCountries(
      reg,
      data.countries.map((code, i) => ({ path: `countries[${i}]`, code })),
      'The recipient',
    );
    assertNameFree(reg, data.name);
    const at = reg.now();
    const row = reg.recipients.insert({ ...toColumns(data), createdAt: stamps?.createdAt ?? at, updatedAt: stamps?.updatedAt ?? at });
    reg.record(meta, { entityType: 'recipient', entityId: row.id, entityLabel: row.name, organisationId: null, action: 'create', changes: recordFields(data, 'after') });
    return fromRow(row);
  });
}

export function updateRecipient(reg: Register, id: number, expectedVersion: number, input: RecipientInput, meta: CallMeta): Recipient {
  const data = parseInput(recipientInputSchema, input, 'The recipient');
  return reg.write(() => {
    const current = getRecipient(reg, id);
    checkVersion('The recipient', current, expectedVersion);
    checkCountries(
      reg,
      data.countries.map((code, i) => ({ path: `countries[${i}]`, code })),
      'The recipient',
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
    checkVersion('The recipient', current, expectedVersion);
    if (current.activityCount > 0) {
      throw new AppError(
        'in_use',
        `${current.name} is a recipient of ${current.activityCount} processing activit${current.activityCount > 1 ? 'ies' : 'y'}: remove it from them first.`,
        [],
        { key: 'errors.recipientInUse', params: { name: current.name, count: current.activityCount } },
      );
    }
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
