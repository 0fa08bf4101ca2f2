/** Models of activities (issue 24): the catalogue, adding from models, saving and sharing the DPO's own, a model's update taken or left. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, text } from '../../errors.js';
import { ORGANISATION_KINDS } from '../../models/catalogue.js';
import { MODEL_FIELDS } from '../../models/activity.js';
import { activityModel, addFromModels, exportModels, leaveUpdate, listModels, loadModelsText, pendingUpdates, saveAsModel, showModel, takeUpdate } from '../../models/service.js';
import { procedure } from '../procedure.js';
import { id } from './common.js';

const lang = z.enum(['fr', 'en']);
const modelId = z.string().trim().min(1).max(80);

export const modelProcedures = {
  'models/list': procedure({
    summary: 'The models of activities (catalogue and the DPO’s own), by kind of organisation',
    input: z.object({ kind: z.enum(ORGANISATION_KINDS).optional() }).default({}),
    run: (reg, i) => listModels(reg, i),
  }),
  'models/show': procedure({
    summary: 'One model: its facts with their sources, and the activity it makes in each language',
    input: z.object({ id: modelId }),
    run: (reg, i) => showModel(reg, i.id),
  }),
  'models/add': procedure({
    summary: 'Add one draft activity per model to an organisation, in the DPO’s language',
    input: z.object({ organisationId: id, ids: z.array(modelId).min(1).max(200), lang }),
    run: (reg, i, meta) => addFromModels(reg, i.organisationId, i.ids, i.lang, meta),
  }),
  'models/ofActivity': procedure({
    summary: 'The model an activity was made from, if any',
    input: z.object({ activityId: id }),
    run: (reg, i) => activityModel(reg, i.activityId),
  }),
  'models/updates': procedure({
    summary: 'Activities made from a model that changed since, with what changed',
    input: z.object({ organisationId: id.optional(), activityId: id.optional(), lang: lang.optional() }).default({}),
    run: (reg, i) => pendingUpdates(reg, i),
  }),
  'models/takeUpdate': procedure({
    summary: 'Take a model’s newer version into an activity (the fields chosen, else all that changed)',
    input: z.object({ activityId: id, fields: z.array(z.enum(MODEL_FIELDS)).optional() }),
    run: (reg, i, meta) => takeUpdate(reg, i.activityId, i.fields, meta),
  }),
  'models/leaveUpdate': procedure({
    summary: 'Leave an activity as it is against its model’s newer version',
    input: z.object({ activityId: id }),
    run: (reg, i, meta) => leaveUpdate(reg, i.activityId, meta),
  }),
  'models/saveAsModel': procedure({
    summary: 'Save an activity as one of the DPO’s models',
    input: z.object({
      activityId: id,
      id: z
        .string()
        .trim()
        .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/)
        .max(80),
      kinds: z.array(z.enum(ORGANISATION_KINDS)).min(1),
    }),
    run: (reg, i, meta) => saveAsModel(reg, i.activityId, { id: i.id, kinds: i.kinds }, meta),
  }),
  'models/export': procedure({
    summary: 'The DPO’s models as a data set to share (JSON text)',
    input: z.object({ ids: z.array(modelId).optional() }).default({}),
    run: (reg, i) => {
      const data = exportModels(reg, i.ids);
      return { fileName: `modeles-${data.asOf}.json`, text: `${JSON.stringify(data, null, 1)}\n`, count: data.models.length };
    },
  }),
  'models/load': procedure({
    summary: 'Load a models data set from its content: a newer catalogue, or models shared by another DPO',
    input: z.object({ text: z.string().max(20_000_000), fileName: z.string().max(500).default('models.json') }),
    run: (reg, i, meta) => loadModelsText(reg, i.text, path.basename(i.fileName), meta),
  }),
  'models/loadFile': procedure({
    summary: 'Load a models data set from a file',
    trusted: true,
    input: z.object({ file: z.string().min(1) }),
    run: (reg, i, meta) => {
      if (!fs.existsSync(i.file) || fs.statSync(i.file).isDirectory()) throw new AppError('bad_input', text('errors.fileNotFound', { file: i.file }));
      const name = path.basename(i.file);
      return loadModelsText(reg, fs.readFileSync(i.file, 'utf8'), name, { ...meta, sourceFile: name });
    },
  }),
};
