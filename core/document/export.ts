import type { ActivityFilter } from '../../db/activity-store.js';
import type { DocumentActivity, RegisterDocument } from '../model/register.js';
import { REGISTER_FORMAT, REGISTER_FORMAT_VERSION } from '../model/register.js';
import type { Register } from '../register.js';
import { activityFields } from '../services/activities.js';
import { listOrganisations, organisationData } from '../services/organisations.js';
import { listRecipients, recipientData } from '../services/recipients.js';
import { APP_VERSION } from '../version.js';

export type DocumentScope = Pick<ActivityFilter, 'organisationId' | 'role' | 'refs' | 'ids' | 'status'> & ActivityFilter;

export const orgKey = (id: number) => `org-${id}`;

/** The register (or the part of it in scope) as one JSON document. */
export function exportDocument(reg: Register, scope: DocumentScope = {}): RegisterDocument {
  const activities = reg.activities.loadMany(scope);
  const orgIds = new Set(activities.map((a) => a.organisationId));
  const organisations = listOrganisations(reg).filter((o) => (scope.organisationId ? o.id === scope.organisationId : true) && (orgIds.has(o.id) || !hasActivityScope(scope)));
  const recipientIds = new Set(activities.flatMap((a) => a.recipients.map((r) => r.recipientId)));
  const recipients = listRecipients(reg).filter((r) => recipientIds.has(r.id) || !hasActivityScope(scope));
  return {
    format: REGISTER_FORMAT,
    version: REGISTER_FORMAT_VERSION,
    exportedAt: reg.now(),
    generator: `Art30 ${APP_VERSION}`,
    organisations: organisations.map((o) => ({ key: orgKey(o.id), ...organisationData(o), createdAt: o.createdAt, updatedAt: o.updatedAt })),
    recipients: recipients.map((r) => ({ ...recipientData(r), createdAt: r.createdAt, updatedAt: r.updatedAt })),
    activities: activities.map((a): DocumentActivity => {
      const { recipients: _r, dpia: _d, ...fields } = activityFields(a);
      return {
        organisation: orgKey(a.organisationId),
        ...fields,
        recipients: a.recipients.map((r) => ({ name: r.name, type: r.type, countries: r.countries, role: r.role, precision: r.precision })),
        dpia: a.dpia,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
      };
    }),
  };
}

function hasActivityScope(scope: DocumentScope): boolean {
  return Boolean(scope.role || scope.refs || scope.ids || scope.status || scope.search || scope.legalBasis || scope.country);
}
