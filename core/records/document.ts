/**
 * The breach record and the request log in the JSON register document (version 2): optional
 * members `breaches` and `requests`, so that version 1 documents (without them) still import.
 * Records name their organisation by the document's key and their activities by reference.
 */
import { z } from 'zod';
import { AppError, issue, text } from '../errors.js';
import type { CallMeta, Register } from '../register.js';
import { documentBreachSchema, documentRequestSchema, type Breach, type DocumentBreach, type DocumentRequest, type SubjectRequest } from './model.js';

export { documentBreachSchema, documentRequestSchema, type DocumentBreach, type DocumentRequest };
import { createBreach, createRequest, eraseRequester, listBreaches, listRequests, recordsStore, breachData, requestData, updateBreach, updateRequest } from './services.js';

/** Members added to the register document (version 2), with defaults so older documents still parse. */
export const documentRecordMembers = {
  breaches: z.array(documentBreachSchema).default([]),
  requests: z.array(documentRequestSchema).default([]),
};

type OrgKey = (id: number) => string;

function documentBreach(b: Breach, orgKey: OrgKey): DocumentBreach {
  const { activityIds: _a, ...data } = breachData(b);
  return { ...data, organisation: orgKey(b.organisationId), activities: b.activities.map((a) => a.ref), createdAt: b.createdAt, updatedAt: b.updatedAt };
}

function documentRequest(r: SubjectRequest, orgKey: OrgKey): DocumentRequest {
  const { activityIds: _a, ...data } = requestData(r);
  return {
    ...data,
    organisation: orgKey(r.organisationId),
    activities: r.activities.map((a) => a.ref),
    requesterErasedAt: r.requesterErasedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * The records of the organisations in the document; when the document is an extract of some
 * activities, only the records linked to one of them.
 */
export function exportRecords(reg: Register, organisationIds: Set<number>, activityIds: Set<number> | undefined, orgKey: OrgKey) {
  const inScope = (r: { organisationId: number; activities: { id: number }[] }) =>
    organisationIds.has(r.organisationId) && (!activityIds || r.activities.some((a) => activityIds.has(a.id)));
  return {
    breaches: listBreaches(reg)
      .filter(inScope)
      .map((b) => documentBreach(b, orgKey)),
    requests: listRequests(reg)
      .filter(inScope)
      .map((r) => documentRequest(r, orgKey)),
  };
}

export interface RecordsImportResult {
  breaches: { created: number; updated: number };
  requests: { created: number; updated: number };
}

interface ParsedRecords {
  breaches: z.output<typeof documentBreachSchema>[];
  requests: z.output<typeof documentRequestSchema>[];
}

/** Imports the records of a parsed document (inside the document's transaction); same reference = same record. */
export function importRecords(
  reg: Register,
  doc: Partial<ParsedRecords>,
  orgIds: Map<string, number>,
  meta: CallMeta,
  withPath: <T>(prefix: string, fn: () => T) => T,
): RecordsImportResult {
  const result: RecordsImportResult = { breaches: { created: 0, updated: 0 }, requests: { created: 0, updated: 0 } };
  const store = recordsStore(reg);
  const resolve = (member: string, i: number, organisation: string, refs: string[]) => {
    const organisationId = orgIds.get(organisation);
    if (!organisationId) {
      throw new AppError('bad_input', text('errors.doc.organisationUnknown', { item: `${member}[${i}]`, organisation }), [
        issue(`${member}[${i}].organisation`, 'errors.doc.notAnOrganisationKey'),
      ]);
    }
    const activityIds = refs.map((ref, j) => {
      const id = reg.activities.idByRef(organisationId, ref);
      if (!id) {
        throw new AppError('bad_input', text('errors.doc.activityUnknown', { item: `${member}[${i}].activities[${j}]`, ref }), [
          issue(`${member}[${i}].activities[${j}]`, 'errors.doc.notAnActivity', { ref }),
        ]);
      }
      return id;
    });
    return { organisationId, activityIds };
  };
  for (const [i, b] of (doc.breaches ?? []).entries()) {
    const { organisation, activities, createdAt, updatedAt, ...data } = b;
    const { organisationId, activityIds } = resolve('breaches', i, organisation, activities);
    const input = { ...data, activityIds };
    withPath(`breaches[${i}]`, () => {
      const existing = data.ref ? store.idByRef('breach', organisationId, data.ref) : undefined;
      if (existing) {
        const current = store.get('breach', existing)!;
        if (updateBreach(reg, existing, current.version, input, meta).version !== current.version) result.breaches.updated++;
      } else {
        createBreach(reg, organisationId, input, meta, createdAt && updatedAt ? { createdAt, updatedAt } : undefined);
        result.breaches.created++;
      }
    });
  }
  for (const [i, r] of (doc.requests ?? []).entries()) {
    const { organisation, activities, createdAt, updatedAt, requesterErasedAt, ...data } = r;
    const { organisationId, activityIds } = resolve('requests', i, organisation, activities);
    withPath(`requests[${i}]`, () => {
      const existing = data.ref ? store.idByRef('request', organisationId, data.ref) : undefined;
      let saved: SubjectRequest;
      if (existing) {
        const current = store.get('request', existing)!;
        // An erased requester stays erased: the document cannot bring the details back.
        const requester = current.requesterErasedAt ? '' : data.requester;
        saved = updateRequest(reg, existing, current.version, { ...data, requester, activityIds }, meta);
        if (saved.version !== current.version) result.requests.updated++;
      } else {
        saved = createRequest(reg, organisationId, { ...data, activityIds }, meta, createdAt && updatedAt ? { createdAt, updatedAt } : undefined);
        result.requests.created++;
      }
      if (requesterErasedAt && !saved.requesterErasedAt) eraseRequester(reg, saved.id, saved.version, meta);
    });
  }
  return result;
}
