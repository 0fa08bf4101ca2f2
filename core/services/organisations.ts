import type { OrganisationRow } from '../../db/organisation-store.js';
import { diffRecords, recordFields } from '../diff.js';
import { AppError, notFound, subject, text } from '../errors.js';
import type { Organisation } from '../model/register.js';
import { organisationInputSchema, type Contact, type Dpo, type OrganisationData, type OrganisationInput } from '../model/schemas.js';
import type { CallMeta, Register } from '../register.js';
import { parseInput } from '../validate.js';
import { listContracts } from '../contracts/services.js';
import { checkVersion } from './versions.js';
import { organisationRecordCount } from '../records/services.js';

type OrgRow = OrganisationRow;

const parseContact = <T extends Contact>(json: string | null): T | null => (json ? (JSON.parse(json) as T) : null);

function fromRow(r: OrgRow): Organisation {
  return {
    id: r.id,
    name: r.name,
    legalForm: r.legalForm,
    registrationNumber: r.registrationNumber,
    address: r.address,
    postalCode: r.postalCode,
    city: r.city,
    country: r.country,
    phone: r.phone,
    email: r.email,
    head: parseContact<Contact>(r.head),
    representative: parseContact<Contact>(r.representative),
    dpo: parseContact<Dpo>(r.dpo),
    reviewPeriodMonths: r.reviewPeriodMonths,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function organisationData(o: Organisation): OrganisationData {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...data } = o;
  return data;
}

export function toColumns(d: OrganisationData) {
  return {
    name: d.name,
    legalForm: d.legalForm,
    registrationNumber: d.registrationNumber,
    address: d.address,
    postalCode: d.postalCode,
    city: d.city,
    country: d.country,
    phone: d.phone,
    email: d.email,
    head: d.head ? JSON.stringify(d.head) : null,
    representative: d.representative ? JSON.stringify(d.representative) : null,
    dpo: d.dpo ? JSON.stringify(d.dpo) : null,
    reviewPeriodMonths: d.reviewPeriodMonths ?? 12,
  };
}

export function listOrganisations(reg: Register): Organisation[] {
  return reg.organisations.list().map(fromRow);
}

export function getOrganisation(reg: Register, id: number): Organisation {
  const row = reg.organisations.get(id);
  if (!row) throw notFound('organisation', id);
  return fromRow(row);
}

export function createOrganisation(reg: Register, input: OrganisationInput, meta: CallMeta, stamps?: { createdAt: string; updatedAt: string }): Organisation {
  const data = parseInput(organisationInputSchema, input, 'organisation');
  return reg.write(() => {
    const at = reg.now();
    const row = reg.organisations.insert({ ...toColumns(data), createdAt: stamps?.createdAt ?? at, updatedAt: stamps?.updatedAt ?? at });
    reg.record(meta, {
      entityType: 'organisation',
      entityId: row.id,
      entityLabel: row.name,
      organisationId: row.id,
      action: 'create',
      changes: recordFields(data, 'after'),
    });
    return fromRow(row);
  });
}

export function updateOrganisation(reg: Register, id: number, expectedVersion: number, input: OrganisationInput, meta: CallMeta): Organisation {
  const data = parseInput(organisationInputSchema, input, 'organisation');
  return reg.write(() => {
    const current = getOrganisation(reg, id);
    checkVersion(subject('organisation'), current, expectedVersion);
    const changes = diffRecords(organisationData(current), data);
    if (!changes.length) return current;
    const row = reg.organisations.update(id, { ...toColumns(data), updatedAt: reg.now() });
    reg.record(meta, { entityType: 'organisation', entityId: id, entityLabel: data.name, organisationId: id, action: 'update', changes });
    return fromRow(row);
  });
}

export function deleteOrganisation(reg: Register, id: number, expectedVersion: number, meta: CallMeta): void {
  reg.write(() => {
    const current = getOrganisation(reg, id);
    checkVersion(subject('organisation'), current, expectedVersion);
    const used = reg.organisations.activityCount(id);
    if (used > 0) {
      throw new AppError('in_use', text('errors.organisationInUse', { name: current.name, count: used }));
    }
    const records = organisationRecordCount(reg, id) + listContracts(reg, { organisationId: id }).length;
    if (records > 0) throw new AppError('in_use', text('errors.organisationHasRecords', { name: current.name, count: records }));
    reg.organisations.delete(id);
    reg.record(meta, {
      entityType: 'organisation',
      entityId: id,
      entityLabel: current.name,
      organisationId: id,
      action: 'delete',
      changes: recordFields(organisationData(current), 'before'),
    });
  });
}
