/** Documents kept in the register: input schemas and the types the services return. */
import { z } from 'zod';
import { DOCUMENT_OWNER_TYPES, type DocumentOwnerType, type StoredDocument } from '../../db/document-store.js';

export { DOCUMENT_OWNER_TYPES, type DocumentOwnerType };

/** The widest audience that may see a document: internal (the organisation only), the authority, the public. */
export const DOCUMENT_AUDIENCES = ['internal', 'authority', 'public'] as const;
export type DocumentAudience = (typeof DOCUMENT_AUDIENCES)[number];

const RANK: Record<DocumentAudience, number> = { public: 0, authority: 1, internal: 2 };

/** Whether a document kept for `documentAudience` may go into an export for `exportAudience`. */
export function visibleTo(documentAudience: DocumentAudience, exportAudience: DocumentAudience): boolean {
  return RANK[documentAudience] <= RANK[exportAudience];
}

export const documentDetailsSchema = z.object({
  audience: z.enum(DOCUMENT_AUDIENCES, { error: 'must be internal, authority or public' }).default('authority'),
  note: z.string().trim().max(2000).default(''),
  /** Who adds it (the DPO's name, the system user on the command line). */
  addedBy: z.string().trim().max(200).default(''),
});

export interface DocumentOwner {
  type: DocumentOwnerType;
  id: number;
  organisationId: number;
  /** Its reference (T-001, C-002, B-003, R-004). */
  ref: string;
  /** Its name or title. */
  name: string;
  /** The activities it belongs to (the activity itself, or those a contract, breach or request is linked to). */
  activities: { id: number; ref: string; name: string }[];
}

export interface KeptDocument extends StoredDocument {
  owner: DocumentOwner;
}
