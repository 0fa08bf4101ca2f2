/**
 * Department review campaigns (issue 22). A campaign records, for each department of an organisation
 * (or each person in charge), the activities sent with their version and values; the files
 * (workbook and e-mail draft per department, reminder drafts) are rebuilt from that record whenever
 * they are asked for. Every step is one transaction with its history entry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CampaignStore, type CampaignDepartmentRow, type CampaignRow } from '../../db/campaign-store.js';
import { recordFields } from '../diff.js';
import { AppError, text } from '../errors.js';
import { t as translate, type Lang } from '../i18n/i18n.js';
import { slug } from '../export/scope.js';
import { daysBetween } from '../overview/review.js';
import type { CallMeta, Register } from '../register.js';
import { activityFields, getActivity } from '../services/activities.js';
import { getOrganisation } from '../services/organisations.js';
import { foldKey } from '../text.js';
import { formatDate } from '../records/labels.js';
import { buildEml, XLSX_TYPE } from './eml.js';
import { cellsOf, vocabulary, type Cells } from './fields.js';

const stores = new WeakMap<Register, CampaignStore>();
export function campaignStore(reg: Register): CampaignStore {
  let s = stores.get(reg);
  if (!s) stores.set(reg, (s = new CampaignStore(reg.sqlite)));
  return s;
}

export interface SentActivity {
  id: number;
  ref: string;
  version: number;
  cells: Cells;
}

export type DepartmentState = 'sent' | 'returned' | 'late';

export interface CampaignDepartment {
  id: number;
  name: string;
  lang: Lang;
  email: string;
  fileName: string;
  activities: { id: number; ref: string; name: string }[];
  sentAt: string;
  returnedAt: string;
  returnedFile: string;
  remindedAt: string;
  state: DepartmentState;
}

export interface Campaign {
  id: number;
  ref: string;
  organisationId: number;
  organisation: string;
  groupBy: 'department' | 'owner';
  dueOn: string;
  message: string;
  createdAt: string;
  departments: CampaignDepartment[];
  counts: { departments: number; returned: number; late: number; sent: number };
}

export interface CreateCampaignInput {
  organisationId: number;
  /** The departments (or persons in charge) to send to; every one of the organisation when absent. */
  departments?: string[];
  groupBy?: 'department' | 'owner';
  dueOn: string;
  message?: string;
  /** The language of each department's workbook and e-mail (by name), else `lang`. */
  lang?: Lang;
  langs?: Record<string, Lang>;
  emails?: Record<string, string>;
}

export interface CampaignFile {
  fileName: string;
  data: Buffer;
}

const today = (reg: Register) => reg.now().slice(0, 10);

/** The departments (or persons in charge) of an organisation with the activities of each (retired ones left out). */
export function campaignGroups(reg: Register, organisationId: number, groupBy: 'department' | 'owner' = 'department'): { name: string; activityIds: number[]; email: string }[] {
  const groups = new Map<string, { name: string; activityIds: number[]; email: string }>();
  // The address used last time for the same department, as the default.
  const emails = campaignStore(reg).lastEmails(organisationId, foldKey);
  for (const a of reg.activities.list({ organisationId })) {
    if (a.status === 'retired') continue;
    const name = (groupBy === 'owner' ? a.owner : a.department).trim();
    if (!name) continue;
    const key = foldKey(name);
    const g = groups.get(key) ?? { name, activityIds: [], email: emails.get(key) ?? '' };
    g.activityIds.push(a.id);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

const SMALL_WORDS = new Set(['et', 'de', 'des', 'du', 'la', 'le', 'les', 'd', 'l', 'and', 'of', 'the', 'und', 'der']);

/** "RH" or "R&D": the initials of a name's words, small words aside. */
const initials = (name: string) =>
  foldKey(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !SMALL_WORDS.has(w))
    .map((w) => w[0])
    .join('');

/** A department by its name (case and accents aside), else by its initials when only one has them. */
function findGroup<G extends { name: string }>(groups: G[], wanted: string): G | undefined {
  const exact = groups.find((g) => foldKey(g.name) === foldKey(wanted));
  if (exact) return exact;
  const acronym = foldKey(wanted).replace(/[^a-z0-9]/g, '');
  const byInitials = acronym.length >= 2 ? groups.filter((g) => initials(g.name) === acronym) : [];
  return byInitials.length === 1 ? byInitials[0] : undefined;
}

function toDepartment(reg: Register, c: CampaignRow, d: CampaignDepartmentRow): CampaignDepartment {
  const sent = d.sent as SentActivity[];
  const state: DepartmentState = d.returnedAt ? 'returned' : daysBetween(c.dueOn, today(reg)) > 0 ? 'late' : 'sent';
  return {
    id: d.id,
    name: d.name,
    lang: d.lang,
    email: d.email,
    fileName: d.fileName,
    activities: sent.map((a) => ({ id: a.id, ref: a.ref, name: a.cells.name })),
    sentAt: d.sentAt,
    returnedAt: d.returnedAt,
    returnedFile: d.returnedFile,
    remindedAt: d.remindedAt,
    state,
  };
}

function toCampaign(reg: Register, c: CampaignRow): Campaign {
  const departments = campaignStore(reg)
    .departments(c.id)
    .map((d) => toDepartment(reg, c, d));
  const count = (s: DepartmentState) => departments.filter((d) => d.state === s).length;
  return {
    id: c.id,
    ref: c.ref,
    organisationId: c.organisationId,
    organisation: getOrganisation(reg, c.organisationId).name,
    groupBy: c.groupBy,
    dueOn: c.dueOn,
    message: c.message,
    createdAt: c.createdAt,
    departments,
    counts: { departments: departments.length, returned: count('returned'), late: count('late'), sent: count('sent') },
  };
}

export function campaignRow(reg: Register, id: number): CampaignRow {
  const c = campaignStore(reg).get(id);
  if (!c) throw new AppError('not_found', text('campaign.error.notFound', { id }));
  return c;
}

export function getCampaign(reg: Register, id: number): Campaign {
  return toCampaign(reg, campaignRow(reg, id));
}

export function listCampaigns(reg: Register, organisationId?: number): Campaign[] {
  return campaignStore(reg)
    .list(organisationId)
    .map((c) => toCampaign(reg, c));
}

/** The newest campaign (of the organisation when given), or undefined. */
export function latestCampaign(reg: Register, organisationId?: number): Campaign | undefined {
  const [c] = campaignStore(reg).list(organisationId);
  return c ? toCampaign(reg, c) : undefined;
}

export function createCampaign(reg: Register, input: CreateCampaignInput, meta: CallMeta): Campaign {
  const groupBy = input.groupBy ?? 'department';
  return reg.write(() => {
    const org = getOrganisation(reg, input.organisationId);
    const groups = campaignGroups(reg, org.id, groupBy);
    let chosen = groups;
    if (input.departments?.length) {
      const wanted = input.departments.map((d) => d.trim()).filter(Boolean);
      const found = new Map(wanted.map((w) => [w, findGroup(groups, w)]));
      const unknown = wanted.filter((w) => !found.get(w));
      if (unknown.length)
        throw new AppError(
          'validation',
          text(groupBy === 'owner' ? 'campaign.error.unknownOwner' : 'campaign.error.unknownDepartment', {
            names: unknown.join(', '),
            known: groups.map((g) => g.name).join(', ') || '—',
          }),
        );
      chosen = groups.filter((g) => [...found.values()].includes(g));
    }
    if (!chosen.length) throw new AppError('validation', text('campaign.error.noDepartment', { organisation: org.name }));
    const store = campaignStore(reg);
    const ref = store.nextRef(org.id);
    const at = reg.now();
    const id = store.insert({
      organisationId: org.id,
      ref,
      publicId: randomBytes(16).toString('hex'),
      sealKey: randomBytes(32).toString('hex'),
      groupBy,
      dueOn: input.dueOn,
      message: input.message?.trim() ?? '',
      createdAt: at,
    });
    const terms = reg.reference.terms();
    for (const g of chosen) {
      const lang = input.langs?.[g.name] ?? input.lang ?? 'fr';
      const v = vocabulary(terms, lang);
      const sent: SentActivity[] = g.activityIds.map((aid) => {
        const a = getActivity(reg, aid);
        return { id: a.id, ref: a.ref, version: a.version, cells: cellsOf(activityFields(a), v) };
      });
      store.insertDepartment({
        campaignId: id,
        name: g.name,
        token: randomBytes(12).toString('hex'),
        lang,
        email: (Object.entries(input.emails ?? {}).find(([k]) => findGroup([g], k))?.[1] ?? g.email).trim(),
        fileName: `${slug(translate(lang, 'campaign.file.base'), 30)}-${ref.toLowerCase()}-${slug(g.name, 40) || 'service'}.xlsx`,
        sent,
        sentAt: at,
      });
    }
    reg.record(meta, {
      entityType: 'campaign',
      entityId: id,
      entityLabel: ref,
      organisationId: org.id,
      action: 'create',
      changes: recordFields({ dueOn: input.dueOn, departments: chosen.map((g) => g.name), message: input.message?.trim() ?? '' }, 'after'),
    });
    return getCampaign(reg, id);
  });
}

async function departmentWorkbook(reg: Register, c: CampaignRow, d: CampaignDepartmentRow): Promise<Buffer> {
  const sent = d.sent as SentActivity[];
  // exceljs is loaded only when a workbook is written (the overview reads campaigns too).
  const { buildCampaignWorkbook } = await import('./workbook.js');
  return buildCampaignWorkbook({
    lang: d.lang,
    organisation: getOrganisation(reg, c.organisationId).name,
    department: d.name,
    campaignRef: c.ref,
    dueOn: formatDate(d.lang, c.dueOn),
    message: c.message,
    createdAt: c.createdAt,
    activities: sent.map((a) => ({ ref: a.ref, cells: a.cells })),
    terms: reg.reference.terms(),
    stamp: {
      campaign: c.publicId,
      department: d.token,
      organisation: getOrganisation(reg, c.organisationId).name,
      activities: sent.map(({ id, ref, version }) => ({ id, ref, version })),
    },
    sealKey: c.sealKey,
  });
}

function emlFor(reg: Register, c: CampaignRow, d: CampaignDepartmentRow, workbook: Buffer, reminder: boolean): CampaignFile {
  const tr = (key: string) =>
    translate(d.lang, `campaign.mail.${key}`, {
      department: d.name,
      organisation: getOrganisation(reg, c.organisationId).name,
      date: formatDate(d.lang, c.dueOn),
      ref: c.ref,
      count: (d.sent as SentActivity[]).length,
      file: d.fileName,
    });
  const body = [tr(reminder ? 'reminderBody' : 'body'), c.message, tr('howTo'), tr('signature')].filter(Boolean).join('\n\n');
  return {
    fileName: d.fileName.replace(/\.xlsx$/, reminder ? `-${slug(translate(d.lang, 'campaign.file.reminder'))}.eml` : '.eml'),
    data: buildEml({
      to: d.email,
      subject: tr(reminder ? 'reminderSubject' : 'subject'),
      body,
      date: reg.now(),
      attachment: { fileName: d.fileName, contentType: XLSX_TYPE, data: workbook },
    }),
  };
}

/**
 * The campaign's files: each department's workbook and e-mail draft, or (`reminders`) the reminder
 * drafts of the departments that have not answered, their workbook attached again.
 */
export async function campaignFiles(reg: Register, id: number, options: { reminders?: boolean; departmentIds?: number[] } = {}): Promise<CampaignFile[]> {
  const c = campaignRow(reg, id);
  const out: CampaignFile[] = [];
  for (const d of campaignStore(reg).departments(id)) {
    if (options.departmentIds && !options.departmentIds.includes(d.id)) continue;
    if (options.reminders && d.returnedAt) continue;
    const workbook = await departmentWorkbook(reg, c, d);
    if (!options.reminders) out.push({ fileName: d.fileName, data: workbook });
    out.push(emlFor(reg, c, d, workbook, Boolean(options.reminders)));
  }
  return out;
}

/** Records that the files were handed out (written to a folder or downloaded): reminders are dated. */
export function recordFilesWritten(reg: Register, id: number, files: CampaignFile[], reminders: boolean, where: string, meta: CallMeta): void {
  reg.write(() => {
    const c = campaignRow(reg, id);
    const store = campaignStore(reg);
    const names: string[] = [];
    if (reminders) {
      for (const d of store.departments(id)) {
        if (d.returnedAt || !files.some((f) => f.fileName.startsWith(d.fileName.replace(/\.xlsx$/, '')))) continue;
        store.setReminded(d.id, reg.now());
        names.push(d.name);
      }
    }
    reg.record(meta, {
      entityType: 'campaign',
      entityId: c.id,
      entityLabel: c.ref,
      organisationId: c.organisationId,
      action: 'export',
      changes: recordFields(
        {
          files: files.map((f) => `${f.fileName} (${createHash('sha256').update(f.data).digest('hex').slice(0, 16)})`),
          ...(where ? { folder: where } : {}),
          ...(reminders ? { reminders: names } : {}),
        },
        'after',
      ),
    });
  });
}
