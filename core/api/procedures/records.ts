/** The records beside the register: `breaches/*` (Art. 33(5)) and `requests/*` (Arts. 12, 15-22). */
import { z } from 'zod';
import type { BreachInput, RequestInput } from '../../records/model.js';
import {
  createBreach,
  createRequest,
  deleteBreach,
  deleteRequest,
  eraseRequester,
  getBreach,
  getRecordSettings,
  getRequest,
  linkBreach,
  linkRequest,
  listBreaches,
  listRequests,
  purgeRequesters,
  recordsStore,
  requestersDue,
  setRecordSettings,
  updateBreach,
  updateRequest,
} from '../../records/services.js';
import { notFound } from '../../errors.js';
import { procedure } from '../procedure.js';
import { content, empty, id, version } from './common.js';

const listInput = z
  .object({
    organisationId: id.optional(),
    status: z.string().max(50).optional(),
    activityId: id.optional(),
  })
  .default({});

const byRef = z.object({ ref: z.string().trim().min(1, { error: 'is required' }), organisationId: id.optional() });

function idByRef(reg: Parameters<typeof recordsStore>[0], kind: 'breach' | 'request', ref: string, organisationId?: number): number {
  const store = recordsStore(reg);
  const ids = organisationId ? [store.idByRef(kind, organisationId, ref)].filter((x): x is number => x !== undefined) : store.idsByRef(kind, ref);
  if (!ids.length) throw notFound(kind, ref);
  return ids[0];
}

export const recordProcedures = {
  'breaches/list': procedure({
    summary: 'The breach record (Art. 33(5)), with the 72-hour notification deadline of each breach',
    input: listInput,
    run: (reg, i) => listBreaches(reg, i),
  }),
  'breaches/get': procedure({ summary: 'One breach', input: z.object({ id }), run: (reg, i) => getBreach(reg, i.id) }),
  'breaches/getByRef': procedure({
    summary: 'One breach by its reference',
    input: byRef,
    run: (reg, i) => getBreach(reg, idByRef(reg, 'breach', i.ref, i.organisationId)),
  }),
  'breaches/create': procedure({
    summary: 'Record a personal-data breach',
    input: z.object({ organisationId: id, breach: content }),
    run: (reg, i, meta) => createBreach(reg, i.organisationId, i.breach as BreachInput, meta),
  }),
  'breaches/update': procedure({
    summary: 'Change a breach',
    input: z.object({ id, version, breach: content }),
    run: (reg, i, meta) => updateBreach(reg, i.id, i.version, i.breach as BreachInput, meta),
  }),
  'breaches/link': procedure({
    summary: 'Link (or unlink) a processing activity concerned by a breach',
    input: z.object({ id, version, activityId: id, linked: z.boolean().default(true) }),
    run: (reg, i, meta) => linkBreach(reg, i.id, i.version, i.activityId, i.linked, meta),
  }),
  'breaches/unlink': procedure({
    summary: 'Unlink a processing activity from a breach',
    input: z.object({ id, version, activityId: id }),
    run: (reg, i, meta) => linkBreach(reg, i.id, i.version, i.activityId, false, meta),
  }),
  'breaches/delete': procedure({
    summary: 'Delete a breach recorded by mistake',
    input: z.object({ id, version }),
    run: (reg, i, meta) => {
      deleteBreach(reg, i.id, i.version, meta);
      return { deleted: i.id };
    },
  }),
  'requests/list': procedure({
    summary: 'The log of data-subject requests, with the deadline of each',
    input: z
      .object({
        organisationId: id.optional(),
        status: z.string().max(50).optional(),
        right: z.string().max(50).optional(),
        activityId: id.optional(),
        overdue: z.boolean().optional(),
      })
      .default({}),
    run: (reg, i) => listRequests(reg, i),
  }),
  'requests/get': procedure({ summary: 'One request', input: z.object({ id }), run: (reg, i) => getRequest(reg, i.id) }),
  'requests/getByRef': procedure({
    summary: 'One request by its reference',
    input: byRef,
    run: (reg, i) => getRequest(reg, idByRef(reg, 'request', i.ref, i.organisationId)),
  }),
  'requests/create': procedure({
    summary: 'Log a data-subject request',
    input: z.object({ organisationId: id, request: content }),
    run: (reg, i, meta) => createRequest(reg, i.organisationId, i.request as RequestInput, meta),
  }),
  'requests/update': procedure({
    summary: 'Change a request',
    input: z.object({ id, version, request: content }),
    run: (reg, i, meta) => updateRequest(reg, i.id, i.version, i.request as RequestInput, meta),
  }),
  'requests/link': procedure({
    summary: 'Link (or unlink) a processing activity concerned by a request',
    input: z.object({ id, version, activityId: id, linked: z.boolean().default(true) }),
    run: (reg, i, meta) => linkRequest(reg, i.id, i.version, i.activityId, i.linked, meta),
  }),
  'requests/unlink': procedure({
    summary: 'Unlink a processing activity from a request',
    input: z.object({ id, version, activityId: id }),
    run: (reg, i, meta) => linkRequest(reg, i.id, i.version, i.activityId, false, meta),
  }),
  'requests/delete': procedure({
    summary: 'Delete a request logged by mistake',
    input: z.object({ id, version }),
    run: (reg, i, meta) => {
      deleteRequest(reg, i.id, i.version, meta);
      return { deleted: i.id };
    },
  }),
  'requests/eraseRequester': procedure({
    summary: "Erase a requester's details, keeping the request in the log",
    input: z.object({ id, version }),
    run: (reg, i, meta) => eraseRequester(reg, i.id, i.version, meta),
  }),
  'requests/settings': procedure({ summary: "How long requesters' details are kept", input: empty, run: (reg) => getRecordSettings(reg) }),
  'requests/setSettings': procedure({
    summary: "Set how long requesters' details are kept after the answer (ISO 8601 period, e.g. P1Y)",
    input: z.object({ settings: content }),
    run: (reg, i, meta) => setRecordSettings(reg, i.settings, meta),
  }),
  'requests/requestersDue': procedure({
    summary: "Requests whose requester's details are past the retention period",
    input: empty,
    run: (reg) => requestersDue(reg),
  }),
  'requests/purgeRequesters': procedure({
    summary: 'Erase the details of every requester past the retention period',
    input: empty,
    run: (reg, _i, meta) => purgeRequesters(reg, meta),
  }),
};
