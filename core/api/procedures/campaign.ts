/** Department review campaigns (issue 22): `campaign/*`. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { zipSync } from 'fflate';
import { collectAnswer, readAnswer } from '../../campaign/collect.js';
import { CAMPAIGN_FIELDS } from '../../campaign/fields.js';
import { campaignFiles, campaignGroups, createCampaign, getCampaign, listCampaigns, recordFilesWritten } from '../../campaign/services.js';
import { AppError, text } from '../../errors.js';
import { t } from '../../i18n/i18n.js';
import { writeFileAtomic } from '../../files.js';
import { slug } from '../../export/scope.js';
import { procedure } from '../procedure.js';
import { id } from './common.js';

const filePath = z.string().min(1).max(4096);
const lang = z.enum(['fr', 'en']);
const groupBy = z.enum(['department', 'owner']);
/** A returned workbook: at most 50 MB once decoded. */
const base64 = z.string().max(Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4);
const dueOn = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' });
const expect = { campaignId: id.optional(), organisationId: id.optional() };
const decisions = z
  .record(
    z.string().max(60),
    z.object({ skip: z.boolean().optional(), retire: z.boolean().optional(), take: z.array(z.enum(CAMPAIGN_FIELDS)).max(CAMPAIGN_FIELDS.length).optional() }),
  )
  .optional();
const collectOptions = { ...expect, decisions, skipNew: z.array(z.number().int().positive()).max(10_000).optional() };
const names = z.array(z.string().trim().min(1).max(300)).max(500);

function readFile(file: string): Buffer {
  if (!fs.existsSync(file)) throw new AppError('bad_input', text('errors.fileNotFound', { file }));
  if (fs.statSync(file).isDirectory()) throw new AppError('bad_input', text('errors.isFolder', { file }));
  return fs.readFileSync(file);
}

/** "campagne-de-revue-c-001-atelier-lumiere-sas": what the files are, which campaign, which organisation. */
function filesName(c: { ref: string; organisation: string }, reminders: boolean, language: 'fr' | 'en'): string {
  return `${slug(t(language, reminders ? 'campaign.file.reminders' : 'campaign.file.campaign'))}-${c.ref.toLowerCase()}-${slug(c.organisation, 30)}`;
}

export const campaignProcedures = {
  'campaign/list': procedure({
    summary: 'The review campaigns, newest first, with each department: sent, returned or late',
    input: z.object({ organisationId: id.optional() }).default({}),
    run: (reg, i) => listCampaigns(reg, i.organisationId),
  }),
  'campaign/get': procedure({ summary: 'One review campaign', input: z.object({ id }), run: (reg, i) => getCampaign(reg, i.id) }),
  'campaign/groups': procedure({
    summary: 'The departments (or persons in charge) of an organisation and their activities, to choose whom to send a campaign to',
    input: z.object({ organisationId: id, groupBy: groupBy.default('department') }),
    run: (reg, i) => campaignGroups(reg, i.organisationId, i.groupBy).map((g) => ({ name: g.name, activities: g.activityIds.length, email: g.email })),
  }),
  'campaign/create': procedure({
    summary: 'Create a review campaign: what each department is sent is recorded (the files come from campaign/write or campaign/filesBytes)',
    input: z.object({
      organisationId: id,
      departments: names.optional(),
      groupBy: groupBy.optional(),
      dueOn,
      message: z.string().max(5000).optional(),
      lang: lang.optional(),
      langs: z.record(z.string().max(300), lang).optional(),
      emails: z.record(z.string().max(300), z.union([z.literal(''), z.email({ error: 'is not a valid e-mail address' })])).optional(),
    }),
    run: (reg, i, meta) => createCampaign(reg, i, meta),
  }),
  'campaign/write': procedure({
    summary: 'Write the campaign’s workbooks and e-mail drafts (or the reminder drafts) into a folder',
    trusted: true,
    input: z.object({ id, dir: filePath, reminders: z.boolean().default(false) }),
    run: async (reg, i, meta) => {
      const files = await campaignFiles(reg, i.id, { reminders: i.reminders });
      fs.mkdirSync(i.dir, { recursive: true });
      for (const f of files) writeFileAtomic(path.join(i.dir, f.fileName), f.data);
      recordFilesWritten(reg, i.id, files, i.reminders, path.resolve(i.dir), meta);
      return { dir: path.resolve(i.dir), files: files.map((f) => f.fileName) };
    },
  }),
  'campaign/filesName': procedure({
    summary: 'The name of the folder (or ZIP) for the campaign’s files, in the DPO’s language',
    input: z.object({ id, reminders: z.boolean().default(false), lang: lang.default('fr') }),
    run: (reg, i) => ({ folder: filesName(getCampaign(reg, i.id), i.reminders, i.lang) }),
  }),
  'campaign/filesBytes': procedure({
    summary: 'The campaign’s workbooks and e-mail drafts (or the reminder drafts) as one ZIP, for the window to save',
    input: z.object({ id, reminders: z.boolean().default(false), lang: lang.default('fr') }),
    run: async (reg, i, meta) => {
      const c = getCampaign(reg, i.id);
      const files = await campaignFiles(reg, i.id, { reminders: i.reminders });
      const zip = zipSync(Object.fromEntries(files.map((f) => [f.fileName, new Uint8Array(f.data)])));
      recordFilesWritten(reg, i.id, files, i.reminders, '', meta);
      const fileName = `${filesName(c, i.reminders, i.lang)}.zip`;
      return { fileName, files: files.map((f) => f.fileName), base64: Buffer.from(zip).toString('base64') };
    },
  }),
  'campaign/readFile': procedure({
    summary: 'Read a returned workbook and preview its answer; nothing is written',
    trusted: true,
    input: z.object({ file: filePath, ...expect }),
    run: (reg, i) => readAnswer(reg, readFile(i.file), path.basename(i.file), i),
  }),
  'campaign/readBytes': procedure({
    summary: 'Read a returned workbook sent by the window and preview its answer; nothing is written',
    input: z.object({ fileName: z.string().min(1).max(300), base64, ...expect }),
    run: (reg, i) => readAnswer(reg, Buffer.from(i.base64, 'base64'), path.basename(i.fileName), i),
  }),
  'campaign/collectFile': procedure({
    summary: 'Record a returned workbook’s answer (one transaction, in the history)',
    trusted: true,
    input: z.object({ file: filePath, ...collectOptions }),
    run: (reg, i, meta) => collectAnswer(reg, readFile(i.file), path.basename(i.file), i, meta),
  }),
  'campaign/collectBytes': procedure({
    summary: 'Record the answer of a returned workbook sent by the window (one transaction, in the history)',
    input: z.object({ fileName: z.string().min(1).max(300), base64, ...collectOptions }),
    run: (reg, i, meta) => collectAnswer(reg, Buffer.from(i.base64, 'base64'), path.basename(i.fileName), i, meta),
  }),
};
