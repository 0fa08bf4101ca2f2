/**
 * The register as the services return it, and the versioned JSON register document
 * (`{"format": "art30-register", "version": 1}`) that the CLI, imports and exports share.
 */
import type { ActivityRole, ActivityStatus, AdequacyStatus, LegalBasisCode, RecipientType, VocabularyKind } from './codes.js';
import type { DocumentBreach, DocumentRequest } from '../records/model.js';
import type { ActivityFields, ActivityRecipient, DpiaScreening, OrganisationData, RecipientData } from './schemas.js';

export interface Stamped {
  id: number;
  /** Incremented on every update; an update must carry the version it was based on. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Organisation extends OrganisationData, Stamped {}

export interface Recipient extends RecipientData, Stamped {
  /** Number of activities that use this recipient. */
  activityCount: number;
}

export interface ResolvedActivityRecipient extends ActivityRecipient {
  recipientId: number;
  type: RecipientType;
  countries: string[];
}

export interface DpiaAssessment extends DpiaScreening {
  /** What the criteria say: an Art. 35(3) case, or two criteria or more. */
  suggested: boolean;
  /** The suggestion, unless the controller documented an override. */
  required: boolean;
}

export interface Activity extends Omit<ActivityFields, 'recipients' | 'dpia'>, Stamped {
  organisationId: number;
  recipients: ResolvedActivityRecipient[];
  dpia: DpiaAssessment;
}

/** One row of the register table. */
export interface ActivitySummary {
  id: number;
  organisationId: number;
  ref: string;
  name: string;
  role: ActivityRole;
  status: ActivityStatus;
  department: string;
  owner: string;
  purpose: string;
  legalBases: LegalBasisCode[];
  specialCategories: boolean;
  /** Transfers to a country outside the EEA. */
  nonEeaTransfer: boolean;
  transferCountries: string[];
  dpiaRequired: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface VocabularyTerm {
  kind: VocabularyKind;
  code: string;
  labelFr: string;
  labelEn: string;
  /** Legal reference, e.g. "Art. 6(1)(a)". */
  article: string;
  /** Kept for old registers only (Privacy Shield). */
  legacy: boolean;
  /** Data categories: an Art. 9(1) special category or Art. 10 criminal data. */
  special: boolean;
  /** Added by the DPO rather than shipped. */
  custom: boolean;
  sort: number;
  /** The DPO changed this entry: reference data updates leave it as it is. */
  dpoEdited?: boolean;
}

export interface Country {
  /** ISO 3166-1 alpha-2, or `IO-…` for an international organisation (see `kind`). */
  code: string;
  nameFr: string;
  nameEn: string;
  eea: boolean;
  adequacy: AdequacyStatus;
  adequacyDecisionDate: string;
  adequacyScopeFr: string;
  adequacyScopeEn: string;
  /** The DPO changed this entry: reference data updates leave it as it is. */
  dpoEdited?: boolean;
  /** A transfer destination is a country or an international organisation (Art. 30(1)(e)). */
  kind?: 'country' | 'organisation';
}

/** An international organisation, a transfer destination beside countries (`code` = `IO-…`). */
export interface InternationalOrganisation extends Country {
  kind: 'organisation';
  acronymFr: string;
  acronymEn: string;
  /** Other names the import recognises. */
  aliases: string[];
}

export interface HistoryChange {
  /** Field path, e.g. `name`, `dataCategories[2].label`. */
  path: string;
  before: unknown;
  after: unknown;
  /** The values as the DPO reads them (the register's words, one line per item), when asked for a language. */
  text?: { before: string[]; after: string[] };
}

export interface HistoryEntry {
  id: number;
  at: string;
  entityType:
    | 'organisation'
    | 'activity'
    | 'recipient'
    | 'vocabulary'
    | 'country'
    | 'export'
    | 'import'
    | 'register'
    | 'breach'
    | 'request'
    | 'campaign'
    | 'contract'
    | 'document'
    | 'action';
  entityId: number | null;
  entityLabel: string;
  organisationId: number | null;
  /** `signoff` and `copy` (issue 25) record the DPO's sign-off and a copy to another organisation: the activity itself is unchanged. */
  action: 'create' | 'update' | 'delete' | 'export' | 'import' | 'undo' | 'signoff' | 'copy';
  changes: HistoryChange[];
  source: string;
  sourceFile: string;
  sourceSha256: string;
  batchId: number | null;
  prevHash: string;
  hash: string;
}

// ---------------------------------------------------------------------------------------------
// The JSON register document.

export const REGISTER_FORMAT = 'art30-register';
export const REGISTER_FORMAT_VERSION = 4;
/**
 * Document versions this Art30 reads: version 1 has no international organisations nor the 2026 legal fields; version 2 no contracts nor documents;
 * versions 1 to 3 give the legal bases to the whole activity (read onto its main purpose, marked for the DPO to check), and have no sign-off nor action plan.
 */
export const READABLE_FORMAT_VERSIONS = [1, 2, 3, 4] as const;

export interface DocumentOrganisation extends OrganisationData {
  /** Key used by `activities[].organisation` within this document. */
  key: string;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentRecipient extends RecipientData {
  createdAt: string;
  updatedAt: string;
}

export interface DocumentActivityRecipient {
  name: string;
  type: RecipientType;
  countries: string[];
  role: string;
  precision: string;
}

export interface DocumentActivity extends Omit<ActivityFields, 'recipients' | 'dpia'> {
  organisation: string;
  recipients: DocumentActivityRecipient[];
  dpia: DpiaAssessment;
  createdAt: string;
  updatedAt: string;
}

export interface RegisterDocument {
  format: typeof REGISTER_FORMAT;
  version: typeof REGISTER_FORMAT_VERSION;
  exportedAt: string;
  /** A register rebuilt as it stood at the end of this day (YYYY-MM-DD): `art30 export --as-of`. */
  asOf?: string;
  generator: string;
  organisations: DocumentOrganisation[];
  recipients: DocumentRecipient[];
  activities: DocumentActivity[];
  /** Version 2: the breach record and the request log (issue 15). */
  breaches?: DocumentBreach[];
  requests?: DocumentRequest[];
  /** Version 2: the reference data set the statuses were read from. */
  referenceData?: { asOf: string; sources: { title: string; url?: string }[] };
  /** Version 2: the international organisations the document's transfers go to (`IO-…` codes). */
  internationalOrganisations?: DocumentInternationalOrganisation[];
  /** Version 3: processor contracts (Art. 28) and the documents kept in the register, as base64 (issue 23). */
  contracts?: Record<string, unknown>[];
  documents?: Record<string, unknown>[];
  /** Version 4: the DPO's sign-off of each activity and the action plan (issue 25). */
  signoffs?: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
}

export interface DocumentInternationalOrganisation {
  code: string;
  nameFr: string;
  nameEn: string;
  adequacy: AdequacyStatus;
  adequacyDecisionDate: string;
  adequacyScopeFr: string;
  adequacyScopeEn: string;
}
