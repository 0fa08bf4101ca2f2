/**
 * Processor contracts and documents in the JSON register document (version 3): optional members
 * `contracts` and `documents`, so that version 1 and 2 documents still import. Contracts name their
 * organisation by the document's key, their processor by its directory name and their activities by
 * reference; documents name their record by type and reference and carry their bytes as base64 with
 * their SHA-256 (checked on import).
 */
import { z } from 'zod';
import { contractInputSchema } from '../contracts/model.js';
import { contractData, contractStore, createContract, listContracts, updateContract } from '../contracts/services.js';
import { AppError, issue, text } from '../errors.js';
import { recordsStore } from '../records/services.js';
import type { CallMeta, Register } from '../register.js';
import { documentReferences } from '../document/references.js';
import { findRecipientByName } from '../services/recipients.js';
import { DOCUMENT_AUDIENCES, DOCUMENT_OWNER_TYPES, type DocumentOwnerType } from './model.js';
import { addDocument, documentContent, listDocuments, sha256 } from './services.js';

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, { error: 'must be an ISO 8601 date or timestamp' });

export const documentContractSchema = contractInputSchema.omit({ recipientId: true, activityIds: true }).extend({
  organisation: z.string().min(1),
  processor: z.string().trim().min(1).max(300),
  activities: z.array(z.string().min(1)).default([]),
  createdAt: timestamp.optional(),
  updatedAt: timestamp.optional(),
});

export const documentFileSchema = z.object({
  organisation: z.string().min(1),
  owner: z.object({ type: z.enum(DOCUMENT_OWNER_TYPES), ref: z.string().min(1) }),
  name: z.string().min(1).max(1000),
  audience: z.enum(DOCUMENT_AUDIENCES).default('authority'),
  note: z.string().max(2000).default(''),
  addedAt: timestamp.optional(),
  addedBy: z.string().max(200).default(''),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in hexadecimal' }),
  content: z.string({ error: 'must be the file as base64' }),
});

/** Members added to the register document (version 3), with defaults so older documents still parse. */
export const documentProofMembers = {
  contracts: z.array(documentContractSchema).default([]),
  documents: z.array(documentFileSchema).default([]),
};

type OrgKey = (id: number) => string;

/** The contracts and documents of the organisations in the document (of an extract: those linked to its activities). */
export function exportProofs(reg: Register, organisationIds: Set<number>, activityIds: Set<number> | undefined, orgKey: OrgKey) {
  const contracts = listContracts(reg)
    .filter((c) => organisationIds.has(c.organisationId) && (!activityIds || c.activities.some((a) => activityIds.has(a.id))))
    .map((c) => {
      const { activityIds: _a, recipientId: _r, ...data } = contractData(c);
      return {
        ...data,
        organisation: orgKey(c.organisationId),
        processor: c.processor.name,
        activities: c.activities.map((a) => a.ref),
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      };
    });
  const documents = listDocuments(reg)
    .filter((d) => organisationIds.has(d.organisationId) && d.owner.ref && (!activityIds || d.owner.activities.some((a) => activityIds.has(a.id))))
    .map((d) => ({
      organisation: orgKey(d.organisationId),
      owner: { type: d.ownerType, ref: d.owner.ref },
      name: d.name,
      audience: d.audience,
      note: d.note,
      addedAt: d.addedAt,
      addedBy: d.addedBy,
      sha256: d.sha256,
      content: documentContent(reg, d.id).bytes.toString('base64'),
    }));
  return { contracts, documents };
}

type WithPath = <T>(prefix: string, fn: () => T) => T;

export interface ProofsImportResult {
  contracts: { created: number; updated: number };
  documents: { created: number; unchanged: number };
}

/** Inside the document import's transaction, after activities and records. */
export function importProofs(
  reg: Register,
  doc: { contracts?: z.output<typeof documentContractSchema>[]; documents?: z.output<typeof documentFileSchema>[] },
  orgIds: Map<string, number>,
  meta: CallMeta,
  withPath: WithPath,
): Partial<ProofsImportResult> {
  if (!doc.contracts?.length && !doc.documents?.length) return {};
  const result: ProofsImportResult = { contracts: { created: 0, updated: 0 }, documents: { created: 0, unchanged: 0 } };
  const { orgOf, activityId } = documentReferences(reg, orgIds);
  for (const [i, c] of (doc.contracts ?? []).entries()) {
    const item = `contracts[${i}]`;
    const organisationId = orgOf(c.organisation, item);
    withPath(item, () => {
      const { organisation: _o, processor, activities, createdAt, updatedAt, ...fields } = c;
      const recipient = findRecipientByName(reg, processor);
      if (!recipient)
        throw new AppError('bad_input', text('contracts.error.processorNotFound', { id: processor }), [issue('processor', 'contracts.error.processorNotFound', { id: processor })]);
      const input = { ...fields, recipientId: recipient.id, activityIds: activities.map((ref, j) => activityId(organisationId, ref, `activities[${j}]`)) };
      const existing = fields.ref ? contractStore(reg).idsByRef(fields.ref, organisationId)[0] : undefined;
      if (existing) {
        const current = contractStore(reg).get(existing)!;
        if (updateContract(reg, existing, current.version, input, meta).version !== current.version) result.contracts.updated++;
      } else {
        createContract(reg, organisationId, input, meta, createdAt && updatedAt ? { createdAt, updatedAt } : undefined);
        result.contracts.created++;
      }
    });
  }
  for (const [i, d] of (doc.documents ?? []).entries()) {
    const item = `documents[${i}]`;
    const organisationId = orgOf(d.organisation, item);
    withPath(item, () => {
      const bytes = Buffer.from(d.content, 'base64');
      if (sha256(bytes) !== d.sha256)
        throw new AppError('bad_input', text('documents.error.damaged', { name: d.name }), [issue('content', 'documents.error.damaged', { name: d.name })]);
      const ownerId = ownerIdByRef(reg, organisationId, d.owner.type, d.owner.ref);
      if (!ownerId)
        throw new AppError('bad_input', text('documents.error.refNotFound', { ref: d.owner.ref }), [issue('owner.ref', 'documents.error.refNotFound', { ref: d.owner.ref })]);
      // Imported again: the same file attached to the same record is not added twice.
      if (listDocuments(reg, { ownerType: d.owner.type, ownerId }).some((x) => x.sha256 === d.sha256 && x.name === d.name)) {
        result.documents.unchanged++;
        return;
      }
      addDocument(reg, { ownerType: d.owner.type, ownerId, name: d.name, bytes, audience: d.audience, note: d.note, addedBy: d.addedBy, addedAt: d.addedAt }, meta);
      result.documents.created++;
    });
  }
  return result;
}

function ownerIdByRef(reg: Register, organisationId: number, type: DocumentOwnerType, ref: string): number | undefined {
  switch (type) {
    case 'activity':
    case 'dpia':
      return reg.activities.idByRef(organisationId, ref);
    case 'contract':
      return contractStore(reg).idsByRef(ref, organisationId)[0];
    case 'breach':
    case 'request':
      return recordsStore(reg).idByRef(type, organisationId, ref);
  }
}
