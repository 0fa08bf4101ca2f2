/**
 * Input schemas of the register (zod), validated at the API boundary. The TypeScript types of the
 * register are inferred from them, so the validation and the types cannot drift apart.
 * Messages are written for a DPO, not a developer.
 *
 * Each schema is built at its first use, not when this module loads (lazy-schema.ts): a read such as
 * `art30 list` never builds them. Inside this module the schemas are composed from their memoised
 * builders (`contact()`, `dpia()`…), so that a built schema holds built schemas, not stand-ins.
 */
import { z } from 'zod';
import { lazySchema, memo } from './lazy-schema.js';
import {
  ACTIVITY_ROLES,
  ACTIVITY_STATUSES,
  ART35_CASES,
  ART49_DEROGATIONS,
  ART9_CONDITIONS,
  CNIL_DPIA_EXEMPTED,
  CNIL_DPIA_REQUIRED,
  DPIA_CRITERIA,
  DPIA_STATUSES,
  LEGAL_BASES,
  PRIOR_CONSULTATION_STATUSES,
  RECIPIENT_TYPES,
  RETENTION_FINAL_FATES,
  SECURITY_MEASURE_TYPES,
  TRANSFER_SAFEGUARDS,
} from './codes.js';

export const LIMITS = {
  shortText: 300,
  text: 10_000,
  listItems: 200,
} as const;

const text = (max: number = LIMITS.text) =>
  z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? 'is required' : 'must be text') })
    .trim()
    .max(max, { error: () => `is too long (at most ${max.toLocaleString('en')} characters)` });
const optText = (max?: number) => text(max).default('');
const required = (max: number = LIMITS.shortText) => text(max).min(1, { error: 'is required' });
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item, { error: 'must be a list' })
    .max(LIMITS.listItems, { error: `has too many entries (at most ${LIMITS.listItems})` })
    .default([]);
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (iss) => `"${String(iss.input)}" is not a known ${what} (expected one of: ${values.join(', ')})` });

/** ISO 3166-1 alpha-2, upper case. Whether the code exists is checked against the country table. */
const country = memo(() =>
  z
    .string({ error: 'must be a country code' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 country code such as FR, US or IN' }),
);
export const countryCode = lazySchema(country);

/**
 * A transfer's destination: an ISO 3166-1 alpha-2 country code, or an international organisation's
 * code (`IO-` and its acronym, e.g. IO-EPO). Whether it exists is checked against the reference tables.
 */
const destination = memo(() =>
  z
    .string({ error: 'must be a country or international organisation code' })
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2}|IO-[A-Z0-9]{2,20})$/, { error: 'must be an ISO 3166-1 alpha-2 country code such as FR, US or IN, or an international organisation code such as IO-EPO' }),
);
export const destinationCode = lazySchema(destination);

/** ISO 8601 duration such as P3Y, P1M, P10D, P1Y6M. */
const duration = memo(() =>
  z
    .string()
    .trim()
    .regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, { error: 'must be an ISO 8601 duration such as P3Y, P6M or P30D' }),
);
export const isoDuration = lazySchema(duration);

const date = memo(() =>
  z
    .string({ error: 'must be a date' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' }),
);
export const isoDate = lazySchema(date);

const email = memo(() =>
  text(LIMITS.shortText).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    error: 'is not a valid e-mail address',
    params: { key: 'errors.format.email' },
  }),
);
export const emailText = lazySchema(email);

const contact = memo(() =>
  z.object({
    name: optText(LIMITS.shortText),
    firstName: optText(LIMITS.shortText),
    company: optText(LIMITS.shortText),
    address: optText(1000),
    postalCode: optText(20),
    city: optText(LIMITS.shortText),
    country: optText(LIMITS.shortText),
    phone: optText(50),
    email: email().default(''),
  }),
);
export const contactSchema = lazySchema(contact);
export type Contact = z.infer<typeof contactSchema>;

const dpo = memo(() =>
  contact().extend({
    cnilDesignationNumber: optText(50),
  }),
);
export const dpoSchema = lazySchema(dpo);
export type Dpo = z.infer<typeof dpoSchema>;

const organisationInput = memo(() =>
  z.object({
    name: required(),
    legalForm: optText(LIMITS.shortText),
    registrationNumber: optText(50),
    address: optText(1000),
    postalCode: optText(20),
    city: optText(LIMITS.shortText),
    country: optText(LIMITS.shortText),
    phone: optText(50),
    email: email().default(''),
    /** The person responsible for the organisation ("responsable de l'organisme"). */
    head: contact().nullable().default(null),
    /** Art. 27 representative, for controllers outside the EU. */
    representative: contact().nullable().default(null),
    dpo: dpo().nullable().default(null),
    /** Review cycle: months between two reviews of an activity. */
    reviewPeriodMonths: z.number({ error: 'must be a number of months' }).int().min(1).max(120).default(12),
  }),
);
export const organisationInputSchema = lazySchema(organisationInput);
export type OrganisationInput = z.input<typeof organisationInputSchema>;
export type OrganisationData = z.infer<typeof organisationInputSchema>;

const recipientInput = memo(() =>
  z.object({
    name: required(),
    type: oneOf(RECIPIENT_TYPES, 'recipient type').default('other'),
    countries: list(country()),
    contractRef: optText(LIMITS.shortText),
    contractDate: date().or(z.literal('')).default(''),
    dpfCertified: z.boolean({ error: 'must be yes or no' }).default(false),
    /** When the DPF certification was last checked on the official list. */
    dpfVerifiedAt: date().or(z.literal('')).default(''),
    contact: optText(1000),
    notes: optText(),
  }),
);
export const recipientInputSchema = lazySchema(recipientInput);
export type RecipientInput = z.input<typeof recipientInputSchema>;
export type RecipientData = z.infer<typeof recipientInputSchema>;

/** The purpose a legal basis or an Art. 9(2) condition serves: 0 the main purpose, n the n-th sub-purpose. */
const purposeIdx = memo(() => z.number({ error: 'must be a number' }).int().min(0).max(LIMITS.listItems).default(0));
const legalBasis = memo(() =>
  z.object({
    code: oneOf(LEGAL_BASES, 'legal basis'),
    justification: optText(),
    purpose: purposeIdx(),
  }),
);
const art9Condition = memo(() =>
  z.object({
    code: oneOf(ART9_CONDITIONS, 'Art. 9(2) condition'),
    justification: optText(),
    purpose: purposeIdx(),
  }),
);
const dataSubject = memo(() =>
  z.object({
    code: optText(60),
    label: required(),
    precision: optText(),
    volume: optText(LIMITS.shortText),
  }),
);
const dataCategory = memo(() =>
  z.object({
    code: optText(60),
    label: required(),
    description: optText(),
    special: z.boolean({ error: 'must be yes or no' }).default(false),
  }),
);
const activityRecipient = memo(() =>
  z.object({
    /** A directory entry; when absent the recipient is matched by name, or created in the directory. */
    recipientId: z.number().int().positive().optional(),
    name: required(),
    type: oneOf(RECIPIENT_TYPES, 'recipient type').optional(),
    countries: z.array(country()).max(LIMITS.listItems).optional(),
    /** The recipient's role for this activity, in the DPO's words. */
    role: optText(LIMITS.shortText),
    precision: optText(),
  }),
);
const transfer = memo(() =>
  z.object({
    /** Empty when the file did not say which recipient receives the data there. */
    recipient: optText(LIMITS.shortText),
    country: destination(),
    safeguard: oneOf(TRANSFER_SAFEGUARDS, 'transfer safeguard').nullable().default(null),
    derogation: oneOf(ART49_DEROGATIONS, 'Art. 49 derogation').nullable().default(null),
    documentation: optText(),
    /** Reference of the transfer impact assessment (expected for SCCs and other Art. 46 tools). */
    tiaRef: optText(LIMITS.shortText),
  }),
);
const retention = memo(() =>
  z.object({
    /** Label of the data category this rule applies to; empty for the whole activity. */
    dataCategory: optText(LIMITS.shortText),
    /** The original wording, always kept. */
    text: required(LIMITS.text),
    duration: duration().or(z.literal('')).default(''),
    trigger: optText(LIMITS.shortText),
    activePeriod: duration().or(z.literal('')).default(''),
    archivePeriod: duration().or(z.literal('')).default(''),
    finalFate: oneOf(RETENTION_FINAL_FATES, 'final fate').nullable().default(null),
  }),
);
const securityMeasure = memo(() =>
  z.object({
    type: oneOf(SECURITY_MEASURE_TYPES, 'security measure type'),
    precision: optText(),
  }),
);
const jointController = memo(() =>
  contact().extend({
    responsibilities: optText(),
  }),
);
const client = memo(() =>
  contact().extend({
    representative: optText(1000),
    dpo: optText(1000),
    processingCategories: list(required(1000)),
  }),
);
const system = memo(() =>
  z.object({
    name: required(),
    hosting: optText(LIMITS.shortText),
    country: country().or(z.literal('')).default(''),
  }),
);
const dpia = memo(() =>
  z
    .object({
      criteria: list(oneOf(DPIA_CRITERIA, 'DPIA criterion')),
      art35Cases: list(oneOf(ART35_CASES, 'Art. 35(3) case')),
      /** The controller's documented decision when it departs from the suggestion. */
      override: z
        .object({ required: z.boolean(), justification: required(LIMITS.text) })
        .nullable()
        .default(null),
      status: oneOf(DPIA_STATUSES, 'DPIA status').default('not_assessed'),
      date: date().or(z.literal('')).default(''),
      link: optText(1000),
      /** CNIL list of processing that always requires a DPIA (délibération 2018-327). */
      cnilRequired: list(oneOf(CNIL_DPIA_REQUIRED, 'type of the CNIL list of processing requiring a DPIA')),
      /** CNIL list of processing that does not require a DPIA (délibération 2019-118). */
      cnilExempted: list(oneOf(CNIL_DPIA_EXEMPTED, 'type of the CNIL list of processing exempted from a DPIA')),
      /** The DPO's advice (Art. 35(2)). */
      dpoAdvice: optText(),
      dpoAdviceDate: date().or(z.literal('')).default(''),
      /** Prior consultation of the supervisory authority (Art. 36). */
      priorConsultation: oneOf(PRIOR_CONSULTATION_STATUSES, 'prior consultation status').default('not_needed'),
      priorConsultationDate: date().or(z.literal('')).default(''),
      priorConsultationRef: optText(LIMITS.shortText),
    })
    // Absent, every part takes its own default (parsed: a new object each time).
    .prefault({}),
);
export const dpiaSchema = lazySchema(dpia);

const activityFields = memo(() =>
  z.object({
    ref: text(40).default(''),
    name: required(),
    role: oneOf(ACTIVITY_ROLES, 'role').default('controller'),
    status: oneOf(ACTIVITY_STATUSES, 'status').default('draft'),
    department: optText(LIMITS.shortText),
    owner: optText(LIMITS.shortText),
    description: optText(),
    purpose: required(LIMITS.text),
    subPurposes: list(required(LIMITS.text)),
    /** Each purpose's bases (`purpose` says which); the activity's bases are their union. */
    legalBases: list(legalBasis()),
    art9Conditions: list(art9Condition()),
    /** The bases were given to the main purpose by a migration or an older file: the DPO checks them (cleared when saved or confirmed). */
    purposeBasesToCheck: z.boolean({ error: 'must be yes or no' }).default(false),
    criminalDataBasis: optText(),
    dataSubjects: list(dataSubject()),
    dataCategories: list(dataCategory()),
    dataSources: list(required(1000)),
    recipients: list(activityRecipient()),
    transfers: list(transfer()),
    retention: list(retention()),
    securityMeasures: list(securityMeasure()),
    securityNotes: optText(),
    jointControllers: list(jointController()),
    clients: list(client()),
    dpia: dpia(),
    automatedDecision: z.object({ exists: z.boolean({ error: 'must be yes or no' }).default(false), description: optText() }).default({ exists: false, description: '' }),
    systems: list(system()),
    rights: optText(),
    consentRecords: optText(1000),
    breaches: optText(),
    lastReviewedAt: date().or(z.literal('')).default(''),
    /** Review cycle: who marked the last review; the next review date when set by hand (else last review + the organisation's period). */
    lastReviewedBy: optText(LIMITS.shortText),
    nextReviewAt: date().or(z.literal('')).default(''),
  }),
);
export const activityFieldsSchema = lazySchema(activityFields);
export type ActivityInput = z.input<typeof activityFieldsSchema>;
export type ActivityFields = z.infer<typeof activityFieldsSchema>;
export type LegalBasis = z.infer<ReturnType<typeof legalBasis>>;
export type Art9Condition = z.infer<ReturnType<typeof art9Condition>>;
export type DataSubject = z.infer<ReturnType<typeof dataSubject>>;
export type DataCategory = z.infer<ReturnType<typeof dataCategory>>;
export type ActivityRecipient = z.infer<ReturnType<typeof activityRecipient>>;
export type Transfer = z.infer<ReturnType<typeof transfer>>;
export type RetentionRule = z.infer<ReturnType<typeof retention>>;
export type SecurityMeasure = z.infer<ReturnType<typeof securityMeasure>>;
export type JointController = z.infer<ReturnType<typeof jointController>>;
export type ClientController = z.infer<ReturnType<typeof client>>;
export type SystemEntry = z.infer<ReturnType<typeof system>>;
export type DpiaScreening = z.infer<typeof dpiaSchema>;
