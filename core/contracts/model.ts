/**
 * Processor contracts (Art. 28): input schema and the type the services return. A contract binds an
 * organisation (the controller) and a processor of the directory; it says when it was signed, its
 * version, when it ends or is to be reviewed, which of the clauses Art. 28(3)(a)-(h) requires it
 * holds, how sub-processing is authorised (Art. 28(2): general or specific written authorisation)
 * and the sub-processors with their countries; it serves processing activities. The schemas are
 * built at their first use (core/model/lazy-schema.ts), not when the module loads.
 */
import { z } from 'zod';
import { lazySchema, memo } from '../model/lazy-schema.js';
import { countryCode, LIMITS } from '../model/schemas.js';
import { recordDate } from '../records/model.js';

/** Art. 28(3): (a) documented instructions, (b) confidentiality, (c) security (Art. 32), (d) sub-processors, (e) help with data subjects' rights, (f) help with Arts. 32-36, (g) deletion or return at the end, (h) information and audits. */
export const ART28_CLAUSES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
export type Art28Clause = (typeof ART28_CLAUSES)[number];
export const SUBPROCESSING_AUTHORISATIONS = ['', 'general', 'specific', 'none'] as const;

const text = (max: number = LIMITS.text) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, { error: () => `is too long (at most ${max} characters)` });
const recordId = memo(() => z.number({ error: 'must be a record number' }).int().positive());

const subProcessor = memo(() =>
  z.object({
    name: text(LIMITS.shortText).min(1, { error: 'is required' }),
    /** Where it processes the data (ISO 3166-1 code), empty when unknown. */
    country: countryCode.or(z.literal('')).default(''),
    service: text(LIMITS.shortText).default(''),
  }),
);
export const subProcessorSchema = lazySchema(subProcessor);

const contractInput = memo(() =>
  z.object({
    ref: text(30).default(''),
    recipientId: recordId(),
    title: text(LIMITS.shortText).default(''),
    signedOn: recordDate.default(''),
    versionLabel: text(50).default(''),
    endsOn: recordDate.default(''),
    reviewOn: recordDate.default(''),
    clauses: z
      .array(z.enum(ART28_CLAUSES, { error: 'must be a letter of Art. 28(3), a to h' }))
      .max(8)
      .default([])
      .transform((c) => [...new Set(c)].sort()),
    subProcessing: z.enum(SUBPROCESSING_AUTHORISATIONS, { error: 'must be general, specific or none' }).default(''),
    subProcessors: z.array(subProcessor()).max(200).default([]),
    notes: text().default(''),
    activityIds: z.array(recordId()).max(5000).default([]),
  }),
);
export const contractInputSchema = lazySchema(contractInput);
export type ContractInput = z.input<typeof contractInputSchema>;
export type ContractData = z.output<typeof contractInputSchema>;

export interface Contract extends Omit<ContractData, 'activityIds'> {
  id: number;
  organisationId: number;
  processor: { id: number; name: string; type: string; countries: string[] };
  activities: { id: number; ref: string; name: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}
