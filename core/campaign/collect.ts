/**
 * Collecting a department's answer. The returned workbook (XLSX or ODS, re-saved by Excel or
 * LibreOffice or not) is recognised by its stamp and checked: a file of another register, another
 * campaign or organisation, an edited stamp or an answer already collected is refused with the
 * reason, nothing written. Each activity is previewed as what was sent → what the department says,
 * with what changed in the register since the sending shown as a conflict to decide (the register's
 * value is kept unless the DPO takes the department's). Committing is one transaction: "still
 * accurate" records a review by the department that day, "changed" applies the changes (and the
 * review), "no longer done" retires the activity when the DPO agrees, new activities come in as drafts.
 */
import { createHash } from 'node:crypto';
import { recordFields } from '../diff.js';
import { AppError, text } from '../errors.js';
import { readWorkbook } from '../import/read/read-workbook.js';
import type { SheetData } from '../import/read/workbook.js';
import { LANGS as CATALOGUE_LANGS, t as translate } from '../i18n/i18n.js';
import { activityFieldsSchema } from '../model/schemas.js';
import type { CallMeta, Register } from '../register.js';
import { activityFields, createActivity, getActivity, updateActivity } from '../services/activities.js';
import { getOrganisation } from '../services/organisations.js';
import { foldKey } from '../text.js';
import { parseInput } from '../validate.js';
import { applyField, CAMPAIGN_FIELDS, cellsOf, sameCell, vocabulary, type CampaignField, type Cells } from './fields.js';
import { campaignStore, type SentActivity } from './services.js';
import { readStamp, sealMatches } from './stamp.js';
import { ANSWERS, type Answer } from './workbook.js';

export interface FieldPreview {
  field: CampaignField;
  sent: string;
  answer: string;
  current: string;
  /** The department changed it. */
  changed: boolean;
  /** The register changed it too since the sending, differently: the DPO decides. */
  conflict: boolean;
}

export interface ActivityPreview {
  id: number;
  ref: string;
  name: string;
  /** What the department answered; `none` when it left the row as it was without a choice. */
  answer: Answer | 'none';
  /** The department changed cells without choosing "changed" (taken as changed). */
  answerInferred: boolean;
  /** The activity was deleted from the register since the sending. */
  missing: boolean;
  registerChanged: boolean;
  fields: FieldPreview[];
  comment: string;
}

export interface NewActivityPreview {
  row: number;
  cells: Cells;
  comment: string;
}

export interface CampaignPreview {
  kind: 'campaign';
  fileName: string;
  sha256: string;
  campaign: { id: number; ref: string; organisationId: number; organisation: string };
  department: { id: number; name: string };
  activities: ActivityPreview[];
  newActivities: NewActivityPreview[];
}

/** A department file without a campaign stamp: it is imported as any department file (import/*). */
export interface UnstampedFile {
  kind: 'unstamped';
  fileName: string;
}

export interface Expect {
  campaignId?: number;
  organisationId?: number;
}

const refused = (key: string, params: Record<string, string | number> = {}) => new AppError('bad_input', text(`campaign.error.${key}`, params));

type Column = CampaignField | 'ref' | 'answer' | 'comment';
const COLUMNS: Column[] = ['ref', ...CAMPAIGN_FIELDS, 'answer', 'comment'];

/** Header label (either language, folded) → column. */
const HEADERS = new Map<string, Column>(COLUMNS.flatMap((c) => CATALOGUE_LANGS.map((l) => [foldKey(translate(l, `campaign.col.${c}`)), c] as [string, Column])));
const ANSWER_WORDS = new Map<string, Answer>(ANSWERS.flatMap((a) => CATALOGUE_LANGS.map((l) => [foldKey(translate(l, `campaign.answer.${a}`)), a] as [string, Answer])));

interface Table {
  rows: { row: number; get(c: Column): string }[];
  has(c: Column): boolean;
}

function tableOf(sheet: SheetData): Table | undefined {
  const header = sheet.rows[0] ?? [];
  const at = new Map<Column, number>();
  header.forEach((h, i) => {
    const c = HEADERS.get(foldKey(h ?? ''));
    if (c && !at.has(c)) at.set(c, i);
  });
  if (!at.has('name')) return undefined;
  const rows = sheet.rows.slice(1).map((r, i) => ({ row: i + 2, get: (c: Column) => (at.has(c) ? (r[at.get(c)!] ?? '').trim() : '') }));
  return { rows, has: (c) => at.has(c) };
}

function parseAnswer(text: string): Answer | undefined {
  const k = foldKey(text);
  if (!k) return undefined;
  return ANSWER_WORDS.get(k) ?? [...ANSWER_WORDS].find(([w]) => k.startsWith(w) || w.startsWith(k))?.[1];
}

/** Reads a returned file: the campaign preview, or `unstamped` for a department file without a stamp. */
export function readAnswer(reg: Register, data: Buffer, fileName: string, expect: Expect = {}): CampaignPreview | UnstampedFile {
  const read = readWorkbook(data, fileName);
  if (read.kind !== 'workbook') return { kind: 'unstamped', fileName };
  const found = readStamp(read.workbook.sheets);
  if (found.kind === 'none') return { kind: 'unstamped', fileName };
  if (found.kind === 'damaged') throw refused('stampEdited', { file: fileName });
  const { stamp } = found;
  const store = campaignStore(reg);
  const c = store.byPublicId(stamp.campaign);
  if (!c) throw refused('otherRegister', { file: fileName, organisation: stamp.organisation });
  const org = getOrganisation(reg, c.organisationId);
  if (expect.organisationId && expect.organisationId !== c.organisationId)
    throw refused('otherOrganisation', { file: fileName, organisation: org.name, expected: getOrganisation(reg, expect.organisationId).name });
  if (expect.campaignId && expect.campaignId !== c.id)
    throw refused('otherCampaign', { file: fileName, ref: c.ref, expected: store.get(expect.campaignId)?.ref ?? String(expect.campaignId) });
  const d = store.departmentByToken(stamp.department);
  const sent = (d?.sent ?? []) as SentActivity[];
  const sameActivities =
    sent.length === stamp.activities.length &&
    sent.every((a, i) => a.id === stamp.activities[i].id && a.ref === stamp.activities[i].ref && a.version === stamp.activities[i].version);
  if (!d || d.campaignId !== c.id || !sameActivities || !sealMatches(stamp, c.sealKey, found.seal)) throw refused('stampEdited', { file: fileName });
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (d.returnedAt) throw refused('alreadyReturned', { file: fileName, department: d.name, date: d.returnedAt.slice(0, 10), returned: d.returnedFile });

  const tables = read.workbook.sheets.map((s) => ({ sheet: s, table: tableOf(s) })).filter((x) => x.table);
  const main = tables.find((x) => x.table!.has('ref') && x.table!.has('answer'))?.table;
  const extra = tables.find((x) => !x.table!.has('ref'))?.table;
  const v = vocabulary(reg.reference.terms(), d.lang);

  const activities: ActivityPreview[] = sent.map((s) => {
    const row = main?.rows.find((r) => foldKey(r.get('ref')) === foldKey(s.ref));
    const current = reg.activities.version(s.id);
    const currentCells = current ? cellsOf(activityFields(getActivity(reg, s.id)), v) : undefined;
    const fields: FieldPreview[] = CAMPAIGN_FIELDS.map((field) => {
      const answer = row ? row.get(field) : s.cells[field];
      // A required text left blank is not an answer: the register's value stays.
      const given = (field === 'name' || field === 'purpose') && !answer ? s.cells[field] : answer;
      const cur = currentCells ? currentCells[field] : s.cells[field];
      const changed = !sameCell(field, s.cells[field], given);
      return { field, sent: s.cells[field], answer: given, current: cur, changed, conflict: changed && !sameCell(field, s.cells[field], cur) && !sameCell(field, given, cur) };
    });
    const said = row ? parseAnswer(row.get('answer')) : undefined;
    const anyChange = fields.some((f) => f.changed);
    let answer: Answer | 'none' = said ?? (anyChange ? 'changed' : 'none');
    if (answer === 'accurate' && anyChange) answer = 'changed';
    return {
      id: s.id,
      ref: s.ref,
      name: s.cells.name,
      answer,
      answerInferred: anyChange && said !== 'changed' && said !== 'retired',
      missing: !current,
      registerChanged: Boolean(current && current.version !== s.version),
      fields,
      comment: row?.get('comment') ?? '',
    };
  });

  const newActivities: NewActivityPreview[] = (extra?.rows ?? [])
    .filter((r) => r.get('name'))
    .map((r) => ({ row: r.row, cells: Object.fromEntries(CAMPAIGN_FIELDS.map((f) => [f, r.get(f)])) as Cells, comment: r.get('comment') }));

  return {
    kind: 'campaign',
    fileName,
    sha256,
    campaign: { id: c.id, ref: c.ref, organisationId: c.organisationId, organisation: org.name },
    department: { id: d.id, name: d.name },
    activities,
    newActivities,
  };
}

export interface Decision {
  /** Leave this activity as it is (no change, no review). */
  skip?: boolean;
  /** "No longer done": retire the activity (default: yes, as proposed). */
  retire?: boolean;
  /** Conflicting fields for which the department's answer is taken (else the register's value stays). */
  take?: CampaignField[];
}

export interface CollectOptions extends Expect {
  decisions?: Record<string, Decision>;
  /** Rows of the new-activities sheet not to import. */
  skipNew?: number[];
}

export interface CollectResult {
  campaignId: number;
  department: string;
  reviewed: string[];
  changed: string[];
  retired: string[];
  created: string[];
  keptConflicts: string[];
  unknownValues: string[];
}

export function collectAnswer(reg: Register, data: Buffer, fileName: string, options: CollectOptions, meta: CallMeta): CollectResult {
  return reg.write(() => {
    const p = readAnswer(reg, data, fileName, options);
    if (p.kind !== 'campaign') throw refused('noStamp', { file: fileName });
    const c = campaignStore(reg).get(p.campaign.id)!;
    const d = campaignStore(reg).department(p.department.id)!;
    const v = vocabulary(reg.reference.terms(), d.lang);
    // The department's answer submits its activities to the DPO (issue 25).
    const m: CallMeta = { ...meta, sourceFile: fileName, sourceSha256: p.sha256, submits: true };
    const day = reg.now().slice(0, 10);
    const by = translate(d.lang, 'campaign.reviewedBy', { department: d.name, ref: c.ref });
    const result: CollectResult = { campaignId: c.id, department: d.name, reviewed: [], changed: [], retired: [], created: [], keptConflicts: [], unknownValues: [] };
    for (const a of p.activities) {
      const decision = options.decisions?.[a.ref] ?? {};
      if (decision.skip || a.missing || a.answer === 'none') continue;
      const current = getActivity(reg, a.id);
      const fields = activityFields(current);
      const review = { lastReviewedAt: day, lastReviewedBy: by, nextReviewAt: '' };
      if (a.answer === 'retired') {
        if (decision.retire === false) continue;
        updateActivity(reg, a.id, current.version, { ...fields, ...review, status: 'retired' }, m);
        result.retired.push(a.ref);
        continue;
      }
      if (a.answer === 'changed') {
        let applied = false;
        for (const f of a.fields) {
          if (!f.changed) continue;
          if (f.conflict && !decision.take?.includes(f.field)) {
            result.keptConflicts.push(`${a.ref}: ${f.field}`);
            continue;
          }
          result.unknownValues.push(...applyField(fields, f.field, f.sent, f.answer, v).map((x) => `${a.ref}: ${x}`));
          applied = true;
        }
        if (applied) result.changed.push(a.ref);
      }
      updateActivity(reg, a.id, current.version, { ...fields, ...review }, m);
      result.reviewed.push(a.ref);
    }
    for (const n of p.newActivities) {
      if (options.skipNew?.includes(n.row)) continue;
      const fields = parseInput(activityFieldsSchema, { name: n.cells.name, purpose: n.cells.purpose || n.cells.name, status: 'draft' }, 'activity');
      if (c.groupBy === 'owner') fields.owner = d.name;
      else fields.department = d.name;
      for (const f of CAMPAIGN_FIELDS) if (f !== 'name' && f !== 'purpose' && n.cells[f]) applyField(fields, f, '', n.cells[f], v);
      if (n.comment) fields.description = n.comment;
      const created = createActivity(reg, c.organisationId, fields, m);
      result.created.push(created.ref);
    }
    const sha = p.sha256;
    campaignStore(reg).setReturned(d.id, reg.now(), fileName, sha);
    reg.record(m, {
      entityType: 'campaign',
      entityId: c.id,
      entityLabel: `${c.ref} ${d.name}`,
      organisationId: c.organisationId,
      action: 'import',
      changes: recordFields(
        {
          department: d.name,
          reviewed: result.reviewed,
          changed: result.changed,
          retired: result.retired,
          created: result.created,
          keptConflicts: result.keptConflicts,
        },
        'after',
      ),
    });
    return result;
  });
}
