import type { ActivityFilter } from '../../db/activity-store.js';
import type { Activity, DocumentActivity, RegisterDocument } from '../model/register.js';
import { REGISTER_FORMAT, REGISTER_FORMAT_VERSION } from '../model/register.js';
import { resolveFilter, type OverviewFilterExtras } from '../overview/filter.js';
import type { Register } from '../register.js';
import { listOrganisations, organisationData } from '../services/organisations.js';
import { listRecipients, recipientData } from '../services/recipients.js';
import { APP_VERSION } from '../version.js';
import { exportRecords } from '../records/document.js';
import { exportProofs } from '../documents/register-document.js';
import { exportDpoWork } from '../dpo/register-document.js';
import { orgKey } from './org-key.js';

export type DocumentScope = ActivityFilter;

export { orgKey };

/** The register (or the part of it in scope) as one JSON document. */
export function exportDocument(reg: Register, filter: DocumentScope & OverviewFilterExtras = {}): RegisterDocument {
  const scope = resolveFilter(reg, filter);
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
    activities: activities.map(documentActivity),
    ...exportRecords(reg, new Set(organisations.map((o) => o.id)), hasActivityScope(scope) ? new Set(activities.map((a) => a.id)) : undefined, orgKey),
    ...exportProofs(reg, new Set(organisations.map((o) => o.id)), hasActivityScope(scope) ? new Set(activities.map((a) => a.id)) : undefined, orgKey),
    ...documentReferenceData(reg, activities),
    // Version 4: the DPO's sign-off of each activity and the action plan (issue 25).
    ...exportDpoWork(reg, activities, new Set(organisations.map((o) => o.id)), hasActivityScope(scope), orgKey),
  };
}

/** One activity as the document writes it, properties in the order of the CNIL fiche. */
export function documentActivity(a: Activity): DocumentActivity {
  return {
    ref: a.ref,
    name: a.name,
    organisation: orgKey(a.organisationId),
    role: a.role,
    status: a.status,
    department: a.department,
    owner: a.owner,
    description: a.description,
    purpose: a.purpose,
    subPurposes: a.subPurposes,
    legalBases: a.legalBases,
    art9Conditions: a.art9Conditions,
    purposeBasesToCheck: a.purposeBasesToCheck,
    criminalDataBasis: a.criminalDataBasis,
    dataSubjects: a.dataSubjects,
    dataCategories: a.dataCategories,
    dataSources: a.dataSources,
    recipients: a.recipients.map((r) => ({ name: r.name, type: r.type, countries: r.countries, role: r.role, precision: r.precision })),
    transfers: a.transfers,
    retention: a.retention,
    securityMeasures: a.securityMeasures,
    securityNotes: a.securityNotes,
    jointControllers: a.jointControllers,
    clients: a.clients,
    dpia: a.dpia,
    automatedDecision: a.automatedDecision,
    systems: a.systems,
    rights: a.rights,
    consentRecords: a.consentRecords,
    breaches: a.breaches,
    lastReviewedAt: a.lastReviewedAt,
    lastReviewedBy: a.lastReviewedBy,
    nextReviewAt: a.nextReviewAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** Version 2: the data set in use and the international organisations the transfers go to. */
function documentReferenceData(reg: Register, activities: Activity[]): Pick<RegisterDocument, 'referenceData' | 'internationalOrganisations'> {
  const dataset = reg.reference.currentDataset();
  const orgs = reg.reference.organisations();
  const used = [...new Set(activities.flatMap((a) => a.transfers.map((t) => t.country)))].filter((c) => orgs.has(c)).sort();
  return {
    ...(dataset ? { referenceData: { asOf: dataset.asOf, sources: dataset.sources } } : {}),
    internationalOrganisations: used.map((code) => {
      const o = orgs.get(code)!;
      return {
        code,
        nameFr: o.nameFr,
        nameEn: o.nameEn,
        adequacy: o.adequacy,
        adequacyDecisionDate: o.adequacyDecisionDate,
        adequacyScopeFr: o.adequacyScopeFr,
        adequacyScopeEn: o.adequacyScopeEn,
      };
    }),
  };
}

function hasActivityScope(scope: DocumentScope): boolean {
  return Boolean(scope.role || scope.refs || scope.ids || scope.status || scope.search || scope.legalBasis || scope.country);
}
