/**
 * The records a DPO keeps beside the register: the personal-data breach record (Art. 33(5)) and the
 * log of data-subject requests (Arts. 12, 15-22). Input schemas (zod) and the types the services
 * return. Cross-field rules (a notification before the discovery, an extension beyond three months,
 * a link to another organisation's activity) are checked by the services, which name the field.
 * The schemas are built at their first use (core/model/lazy-schema.ts), not when the module loads.
 */
import { z } from 'zod';
import { lazySchema, memo } from '../model/lazy-schema.js';
import { LIMITS } from '../model/schemas.js';

export const BREACH_STATUSES = ['open', 'closed'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];
export const BREACH_RISK_LEVELS = ['none', 'risk', 'high_risk'] as const;
export type BreachRiskLevel = (typeof BREACH_RISK_LEVELS)[number];
/** The nature of a breach, as the CNIL's notification form asks it. */
export const BREACH_NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export const PEOPLE_INFORMED = ['not_decided', 'informed', 'not_informed'] as const;

export const REQUEST_RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'automated_decision', 'consent_withdrawal'] as const;
export type RequestRight = (typeof REQUEST_RIGHTS)[number];
export const REQUEST_CHANNELS = ['email', 'post', 'web_form', 'in_person', 'phone', 'other'] as const;
export const REQUEST_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_OUTCOMES = ['', 'granted', 'partly_granted', 'refused'] as const;

const text = (max: number = LIMITS.text) =>
  z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? 'is required' : 'must be text') })
    .trim()
    .max(max, { error: () => `is too long (at most ${max.toLocaleString('en')} characters)` });
const optText = (max?: number) => text(max).default('');
const required = (max: number = LIMITS.shortText) => text(max).min(1, { error: 'is required' });
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (iss) => `"${String(iss.input)}" is not a known ${what} (expected one of: ${values.join(', ')})` });
const countOrNone = memo(() => z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).nullable().default(null));

/** A calendar date, YYYY-MM-DD (checked to exist: no 31 February). */
const date = memo(() =>
  z
    .string({ error: 'must be a date' })
    .trim()
    .refine((v) => v === '' || isCalendarDate(v), { error: 'must be a date written YYYY-MM-DD' }),
);
export const recordDate = lazySchema(date);

/**
 * A moment (date and time). Stored as an ISO 8601 UTC timestamp; a time without a zone is read as
 * the time of this computer, as the DPO typed it.
 */
const instant = memo(() =>
  z
    .string({ error: 'must be a date and time' })
    .trim()
    .transform((v, ctx) => {
      if (v === '') return '';
      const normalised = normaliseInstant(v);
      if (!normalised) {
        ctx.addIssue({ code: 'custom', message: 'must be a date and time written YYYY-MM-DDTHH:MM' });
        return z.NEVER;
      }
      return normalised;
    }),
);
export const recordInstant = lazySchema(instant);

export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function normaliseInstant(v: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return undefined;
  const ms = Date.parse(v.replace(' ', 'T'));
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString();
}

const activityIdList = memo(() =>
  z
    .array(z.number({ error: 'must be a record number' }).int().positive(), { error: 'must be a list' })
    .max(LIMITS.listItems)
    .default([]),
);

const breachDataCategory = memo(() =>
  z.object({
    code: optText(100),
    label: required(),
    special: z.boolean().default(false),
  }),
);
export const breachDataCategorySchema = lazySchema(breachDataCategory);

const breachInput = memo(() =>
  z.object({
    ref: optText(50),
    title: required(),
    status: oneOf(BREACH_STATUSES, 'status').default('open'),
    // The facts.
    description: optText(),
    nature: z.array(oneOf(BREACH_NATURES, 'nature of breach')).max(3).default([]),
    occurredAt: instant().default(''),
    discoveredAt: instant().refine((v) => v !== '', { error: 'is required' }),
    // Its effects.
    peopleCategories: optText(),
    peopleCount: countOrNone(),
    recordsCount: countOrNone(),
    dataCategories: z.array(breachDataCategory()).max(LIMITS.listItems).default([]),
    consequences: optText(),
    // The remedial action.
    measuresTaken: optText(),
    measuresProposed: optText(),
    riskLevel: oneOf(BREACH_RISK_LEVELS, 'risk level').default('risk'),
    riskReasoning: optText(),
    // Notification to the supervisory authority (Art. 33).
    notifiedAt: instant().default(''),
    notificationRef: optText(LIMITS.shortText),
    notNotifiedReason: optText(),
    lateReason: optText(),
    // Information of the people concerned (Art. 34).
    peopleInformed: oneOf(PEOPLE_INFORMED, 'choice').default('not_decided'),
    peopleInformedOn: date().default(''),
    peopleInformedMeans: optText(),
    peopleNotInformedReason: optText(),
    activityIds: activityIdList(),
  }),
);
export const breachInputSchema = lazySchema(breachInput);
export type BreachInput = z.input<typeof breachInputSchema>;
export type BreachData = z.output<typeof breachInputSchema>;

const requestInput = memo(() =>
  z.object({
    ref: optText(50),
    right: oneOf(REQUEST_RIGHTS, 'right'),
    receivedOn: date().refine((v) => v !== '', { error: 'is required' }),
    channel: oneOf(REQUEST_CHANNELS, 'channel').default('email'),
    /** The requester, as little as the DPO chooses: a name or an internal reference. */
    requester: optText(LIMITS.shortText),
    identityChecked: z.boolean({ error: 'must be yes or no' }).default(false),
    identityNote: optText(),
    description: optText(),
    extendedUntil: date().default(''),
    /**
     * Or the extension in months (1 or 2, Art. 12(3)): the deadline is then receipt + 1 + n months.
     * Not stored: it becomes `extendedUntil`.
     */
    extensionMonths: z.number({ error: 'must be a number of months' }).int({ error: 'must be a whole number of months' }).min(0, { error: 'must be 0 or more' }).optional(),
    extensionReason: optText(),
    extensionToldOn: date().default(''),
    status: oneOf(REQUEST_STATUSES, 'status').default('received'),
    answeredOn: date().default(''),
    outcome: oneOf(REQUEST_OUTCOMES, 'outcome').default(''),
    outcomeReason: optText(),
    activityIds: activityIdList(),
  }),
);
export const requestInputSchema = lazySchema(requestInput);
export type RequestInput = z.input<typeof requestInputSchema>;
export type RequestData = z.output<typeof requestInputSchema>;

export interface LinkedActivity {
  id: number;
  ref: string;
  name: string;
}

/** Art. 33(1): where the notification to the authority stands. */
export type NotificationState =
  | 'not_required' // the DPO assessed no risk
  | 'not_notified' // not notified, with the reason
  | 'pending' // within the 72 hours
  | 'overdue' // more than 72 hours since discovery, not notified, no reason given
  | 'on_time'
  | 'late';

export interface NotificationDeadline {
  /** Discovery + 72 hours. */
  dueAt: string;
  state: NotificationState;
  /** Whole hours left before the deadline (negative once passed), while it is pending or overdue. */
  hoursLeft: number | null;
}

export interface Breach extends Omit<BreachData, 'activityIds'> {
  id: number;
  organisationId: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  activities: LinkedActivity[];
  deadline: NotificationDeadline;
}

export type RequestDeadlineState = 'due' | 'overdue' | 'answered_on_time' | 'answered_late';

export interface RequestDeadline {
  /** One month after receipt (Art. 12(3)). */
  initialDueOn: string;
  /** Receipt + three months: the furthest an extension may go. */
  maxDueOn: string;
  /** The deadline that applies: the extension when there is one. */
  dueOn: string;
  state: RequestDeadlineState;
  /** Days left (negative when overdue), while the request is not answered. */
  daysLeft: number | null;
}

export interface SubjectRequest extends Omit<RequestData, 'activityIds'> {
  id: number;
  organisationId: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** When the requester's details were erased (retention period elapsed, or the DPO chose to). */
  requesterErasedAt: string;
  activities: LinkedActivity[];
  deadline: RequestDeadline;
}

export interface RecordSettings {
  /** How long a requester's details are kept after the request is answered: ISO 8601 (P1Y), or '' to keep them. */
  requesterRetention: string;
}

const recordSettings = memo(() =>
  z.object({
    requesterRetention: z
      .string()
      .trim()
      .regex(/^(P(\d+Y)?(\d+M)?(\d+D)?)?$/, { error: 'must be a period such as P1Y, P6M or P30D' })
      .refine((v) => v !== 'P', { error: 'must be a period such as P1Y, P6M or P30D' })
      .default(''),
  }),
);
export const recordSettingsSchema = lazySchema(recordSettings);

/** A breach with nothing recorded yet (the editor's new form, the export's sample row). */
export function emptyBreachData(discoveredAt: string): BreachData {
  return {
    ref: '',
    title: '',
    status: 'open',
    description: '',
    nature: [],
    occurredAt: '',
    discoveredAt,
    peopleCategories: '',
    peopleCount: null,
    recordsCount: null,
    dataCategories: [],
    consequences: '',
    measuresTaken: '',
    measuresProposed: '',
    riskLevel: 'risk',
    riskReasoning: '',
    notifiedAt: '',
    notificationRef: '',
    notNotifiedReason: '',
    lateReason: '',
    peopleInformed: 'not_decided',
    peopleInformedOn: '',
    peopleInformedMeans: '',
    peopleNotInformedReason: '',
    activityIds: [],
  };
}

/** The records as the JSON register document writes them (version 2): organisation by key, activities by reference. */
const timestampText = memo(() => z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, { error: 'must be an ISO 8601 date or timestamp' }));
const documentLinkFields = memo(() => ({
  organisation: z.string().min(1, { error: 'must name an organisation of the document' }),
  /** References of the activities concerned, in the same organisation. */
  activities: z.array(z.string().trim().min(1)).max(200).default([]),
  createdAt: timestampText().optional(),
  updatedAt: timestampText().optional(),
}));

const documentBreach = memo(() => breachInput().omit({ activityIds: true }).extend(documentLinkFields()));
export const documentBreachSchema = lazySchema(documentBreach);
const documentRequest = memo(() =>
  requestInput()
    .omit({ activityIds: true })
    .extend({
      ...documentLinkFields(),
      requesterErasedAt: z.string().default(''),
    }),
);
export const documentRequestSchema = lazySchema(documentRequest);

export type DocumentBreach = z.input<typeof documentBreachSchema>;
export type DocumentRequest = z.input<typeof documentRequestSchema>;
