/**
 * The JSON register document (`{"format": "art30-register", "version": 4, ...}`), validated on
 * import. `docs/register-document.schema.json` is generated from this schema
 * (`npm run schema:json`) and checked by a test so the two cannot drift.
 */
import { z } from 'zod';
import { ADEQUACY_STATUSES, RECIPIENT_TYPES } from '../model/codes.js';
import { REGISTER_FORMAT, REGISTER_FORMAT_VERSION } from '../model/register.js';
import { documentRecordMembers } from '../records/document.js';
import { documentProofMembers } from '../documents/register-document.js';
import { documentDpoMembers } from '../dpo/register-document.js';
import { activityFieldsSchema, countryCode, organisationInputSchema, recipientInputSchema } from '../model/schemas.js';

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, { error: 'must be an ISO 8601 date or timestamp' });

export const documentActivitySchema = activityFieldsSchema.extend({
  organisation: z.string().min(1, { error: 'must name an organisation of the document' }),
  recipients: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(300),
        type: z.enum(RECIPIENT_TYPES).default('other'),
        countries: z.array(countryCode).default([]),
        role: z.string().max(300).default(''),
        precision: z.string().max(10_000).default(''),
      }),
    )
    .max(200)
    .default([]),
  createdAt: timestamp.optional(),
  updatedAt: timestamp.optional(),
});

export const registerDocumentSchema = z.object({
  format: z.literal(REGISTER_FORMAT),
  /**
   * Version 1 documents (before international organisations and the 2026 legal fields), version 2 (before contracts and documents) and
   * version 3 (before a legal basis per purpose, the DPO's sign-off and the action plan) are still read.
   */
  version: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(REGISTER_FORMAT_VERSION)]),
  exportedAt: z.string().optional(),
  /** The register as it stood at the end of this day (issue 16). */
  asOf: z.string().optional(),
  generator: z.string().optional(),
  organisations: z.array(organisationInputSchema.extend({ key: z.string().min(1), createdAt: timestamp.optional(), updatedAt: timestamp.optional() })),
  recipients: z.array(recipientInputSchema.extend({ createdAt: timestamp.optional(), updatedAt: timestamp.optional() })).default([]),
  activities: z.array(documentActivitySchema).default([]),
  ...documentRecordMembers,
  ...documentProofMembers,
  ...documentDpoMembers,
  referenceData: z.object({ asOf: z.string(), sources: z.array(z.object({ title: z.string(), url: z.string().optional() })).default([]) }).optional(),
  internationalOrganisations: z
    .array(
      z.object({
        code: z.string().regex(/^IO-[A-Z0-9]{2,20}$/),
        nameFr: z.string(),
        nameEn: z.string(),
        adequacy: z.enum(ADEQUACY_STATUSES),
        adequacyDecisionDate: z.string().default(''),
        adequacyScopeFr: z.string().default(''),
        adequacyScopeEn: z.string().default(''),
      }),
    )
    .optional(),
});

export type ParsedRegisterDocument = z.output<typeof registerDocumentSchema>;

export function registerDocumentJsonSchema(): object {
  return {
    $id: 'https://art30.app/schemas/register-document-v4.json',
    title: 'Art30 register document, version 4 (versions 1 to 3 are still read)',
    description: 'The whole GDPR Article 30 register (controller and processor activities) as one JSON document.',
    ...(z.toJSONSchema(registerDocumentSchema, { io: 'input' }) as object),
  };
}
