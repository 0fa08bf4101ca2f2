import { z } from 'zod';
import { ACTIVITY_ROLES, ACTIVITY_STATUSES, LEGAL_BASES } from '../../model/codes.js';
import type { ActivityInput } from '../../model/schemas.js';
import {
  confirmPurposeBases,
  createActivity,
  deleteActivity,
  duplicateActivity,
  getActivity,
  getActivityByRef,
  retireActivity,
  updateActivity,
} from '../../services/activities.js';
import { listFiltered } from '../../overview/filter.js';
import { activityChecks } from '../../services/checks.js';
import { procedure } from '../procedure.js';
import { overviewFilterExtras } from './filter-extras.js';
import { content, id, version } from './common.js';

export const activityFilterSchema = z
  .object({
    organisationId: id.optional(),
    role: z.enum([...ACTIVITY_ROLES, 'controller_register']).optional(),
    status: z.enum(ACTIVITY_STATUSES).optional(),
    department: z.string().max(300).optional(),
    legalBasis: z.enum(LEGAL_BASES).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 country code' })
      .optional(),
    nonEeaTransfer: z.boolean().optional(),
    specialCategories: z.boolean().optional(),
    dpiaRequired: z.boolean().optional(),
    search: z.string().max(500).optional(),
    refs: z.array(z.string().max(40)).max(10_000).optional(),
    ids: z.array(id).max(100_000).optional(),
    ...overviewFilterExtras,
  })
  .default({});

export const activityProcedures = {
  'activities/list': procedure({
    summary: 'The register table: one summary row per activity, filtered and searched',
    input: activityFilterSchema,
    run: (reg, filter) => listFiltered(reg, filter),
  }),
  'activities/departments': procedure({
    summary: 'Departments named in the register',
    input: z.object({ organisationId: id.optional() }).default({}),
    run: (reg, i) => reg.activities.departments(i.organisationId),
  }),
  'activities/get': procedure({ summary: 'One activity with every field', input: z.object({ id }), run: (reg, i) => getActivity(reg, i.id) }),
  'activities/getByRef': procedure({
    summary: 'One activity by its reference',
    input: z.object({ ref: z.string().min(1).max(40), organisationId: id.optional() }),
    run: (reg, i) => getActivityByRef(reg, i.organisationId, i.ref),
  }),
  'activities/checks': procedure({
    summary: 'What a DPO would flag in an activity (missing safeguard, Art. 9 condition, retention…)',
    input: z.object({ id }),
    run: (reg, i) => activityChecks(reg, getActivity(reg, i.id)),
  }),
  'activities/create': procedure({
    summary: 'Add a processing activity',
    input: z.object({ organisationId: id, activity: content }),
    run: (reg, i, meta) => createActivity(reg, i.organisationId, i.activity as ActivityInput, meta),
  }),
  'activities/update': procedure({
    summary: 'Save an activity (refused if it changed since `version`)',
    input: z.object({ id, version, activity: content }),
    run: (reg, i, meta) => updateActivity(reg, i.id, i.version, i.activity as ActivityInput, meta),
  }),
  'activities/confirmPurposeBases': procedure({
    summary: 'Confirm the legal bases per purpose an upgrade gave to the main purpose (clears the point to review)',
    input: z.object({ id, version }),
    run: (reg, i, meta) => confirmPurposeBases(reg, i.id, i.version, meta),
  }),
  'activities/duplicate': procedure({
    summary: 'Copy an activity as a new draft',
    input: z.object({ id, name: z.string().trim().min(1).max(300).optional() }),
    run: (reg, i, meta) => duplicateActivity(reg, i.id, meta, i.name),
  }),
  'activities/retire': procedure({
    summary: 'Mark an activity as retired (kept in the register)',
    input: z.object({ id, version }),
    run: (reg, i, meta) => retireActivity(reg, i.id, i.version, meta),
  }),
  'activities/delete': procedure({
    summary: 'Delete an activity (the history keeps what it said)',
    input: z.object({ id, version }),
    run: (reg, i, meta) => {
      deleteActivity(reg, i.id, i.version, meta);
      return { deleted: i.id };
    },
  }),
};
