/**
 * Models of activities in a register: the catalogue in use (the one shipped, or a newer one the DPO
 * loaded), the DPO's own models, adding activities from models, saving an activity as a model, sharing
 * models, and a model's later version shown against the activities made from it, for the DPO to take
 * or leave. Every write is one transaction with its history entries; an activity made from a model
 * says so in its history (`model:<id>@<version>`).
 */
import { ModelStore, type ModelLinkRow } from '../../db/model-store.js';
import { diffRecords } from '../diff.js';
import { Labels } from '../export/labels.js';
import { sha256 } from '../files.js';
import { t, type Lang } from '../i18n/i18n.js';
import { pathValueLines } from '../import/preview/changes.js';
import type { Activity } from '../model/register.js';
import type { ActivityFields } from '../model/schemas.js';
import type { CallMeta, Register } from '../register.js';
import { activityFields, createActivity, getActivity, updateActivity } from '../services/activities.js';
import { MODEL_FIELDS, modelActivity, type ModelField } from './activity.js';
import {
  bundledCatalogue,
  catalogueSchema,
  MODELS_FORMAT,
  MODELS_FORMAT_VERSION,
  ModelsError,
  modelFacts,
  parseCatalogue,
  parseCatalogueValue,
  type ActivityModel,
  type ModelCatalogue,
  type ModelSource,
  type OrganisationKind,
} from './catalogue.js';

export type ModelOrigin = 'catalogue' | 'dpo';

const store = (reg: Register) => new ModelStore(reg.sqlite);

/** The catalogue in use: the newest of the one shipped with Art30 and the one the DPO loaded. */
export function currentCatalogue(reg: Register): ModelCatalogue {
  const shipped = bundledCatalogue();
  const loaded = store(reg).latestCatalogue();
  if (!loaded || loaded.asOf <= shipped.asOf) return shipped;
  // Parsed once per register and catalogue (a list and its updates read it several times).
  const key = `${loaded.asOf}:${loaded.appliedAt}`;
  const cached = parsedCatalogues.get(reg);
  if (cached?.key === key) return cached.catalogue;
  const catalogue = catalogueSchema.parse(JSON.parse(loaded.data));
  parsedCatalogues.set(reg, { key, catalogue });
  return catalogue;
}
const parsedCatalogues = new WeakMap<Register, { key: string; catalogue: ModelCatalogue }>();

/** The DPO's own models, with the sources they name. */
function dpoCatalogue(reg: Register): { models: ActivityModel[]; sources: ModelSource[] } {
  const models: ActivityModel[] = [];
  const sources = new Map<string, ModelSource>();
  for (const row of store(reg).dpoModels()) {
    const stored = JSON.parse(row.data) as { model: unknown; sources: ModelSource[] };
    models.push(catalogueSchema.shape.models.element.parse(stored.model));
    for (const s of stored.sources) sources.set(s.id, s);
  }
  return { models, sources: [...sources.values()] };
}

interface Found {
  model: ActivityModel;
  origin: ModelOrigin;
  sources: ModelSource[];
}

function allModels(reg: Register): Found[] {
  const c = currentCatalogue(reg);
  const own = dpoCatalogue(reg);
  return [
    ...c.models.map((model) => ({ model, origin: 'catalogue' as const, sources: c.sources })),
    ...own.models.map((model) => ({ model, origin: 'dpo' as const, sources: own.sources })),
  ];
}

function findModel(reg: Register, id: string): Found {
  const found = allModels(reg).find((f) => f.model.id === id);
  if (!found) throw new ModelsError('models.notFound', { id });
  return found;
}

export interface ModelSummary {
  id: string;
  origin: ModelOrigin;
  version: string;
  kinds: OrganisationKind[];
  name: { fr: string; en: string };
  purpose: { fr: string; en: string };
  /** Facts with a source, and facts to check. */
  sourced: number;
  toCheck: number;
  /** Activities of the register made from it. */
  activities: number;
}

export function listModels(reg: Register, filter: { kind?: OrganisationKind } = {}): { asOf: string; models: ModelSummary[] } {
  const used = new Map<string, number>();
  for (const l of store(reg).links()) used.set(l.modelId, (used.get(l.modelId) ?? 0) + 1);
  const models = allModels(reg)
    .filter((f) => !filter.kind || f.model.kinds.includes(filter.kind))
    .map(({ model: m, origin }) => {
      const facts = modelFacts(m).map((x) => x.fact);
      return {
        id: m.id,
        origin,
        version: m.version,
        kinds: m.kinds,
        name: m.name,
        purpose: m.purpose,
        sourced: facts.filter((f) => f.source).length,
        toCheck: facts.filter((f) => !f.source && f.toCheck).length,
        activities: used.get(m.id) ?? 0,
      };
    });
  return { asOf: currentCatalogue(reg).asOf, models };
}

/** One model: its data, the sources its facts name, and the activity it makes in each language. */
export function showModel(reg: Register, id: string) {
  const { model, origin, sources } = findModel(reg, id);
  const named = new Set(modelFacts(model).flatMap((f) => (f.fact.source ? [f.fact.source.ref] : [])));
  return {
    model,
    origin,
    sources: sources.filter((s) => named.has(s.id)),
    activity: { fr: modelActivity(model, sources, 'fr'), en: modelActivity(model, sources, 'en') },
  };
}

const modelMeta = (meta: CallMeta, m: ActivityModel): CallMeta => ({ ...meta, sourceFile: `model:${m.id}@${m.version}` });

/**
 * Adds one activity per model to an organisation, in the DPO's language, as drafts; each is linked to
 * its model and its history says which model (and version) it came from. One transaction.
 */
export function addFromModels(reg: Register, organisationId: number, ids: string[], lang: Lang, meta: CallMeta): Activity[] {
  return reg.write(() =>
    ids.map((id) => {
      const { model, sources } = findModel(reg, id);
      const activity = createActivity(reg, organisationId, modelActivity(model, sources, lang), modelMeta(meta, model));
      store(reg).saveLink({ activityId: activity.id, modelId: model.id, modelVersion: model.version, lang, model: JSON.stringify({ model, sources }), linkedAt: reg.now() });
      return activity;
    }),
  );
}

/** Which model an activity came from, if any. */
export function activityModel(reg: Register, activityId: number): { modelId: string; modelVersion: string; lang: Lang; linkedAt: string } | null {
  const l = store(reg).link(activityId);
  return l ? { modelId: l.modelId, modelVersion: l.modelVersion, lang: l.lang, linkedAt: l.linkedAt } : null;
}

export interface ModelFieldChange {
  field: ModelField;
  /** The field's value in the model as the activity took it, in the new model, and in the activity now; each as lines in the register's words. */
  before: string[];
  after: string[];
  current: string[];
}

export interface ModelUpdate {
  activityId: number;
  organisationId: number;
  ref: string;
  name: string;
  modelId: string;
  fromVersion: string;
  toVersion: string;
  changes: ModelFieldChange[];
}

function linkModel(l: ModelLinkRow): { model: ActivityModel; sources: ModelSource[] } {
  const stored = JSON.parse(l.model) as { model: unknown; sources: ModelSource[] };
  return { model: catalogueSchema.shape.models.element.parse(stored.model), sources: stored.sources };
}

function changedFields(l: ModelLinkRow, next: Found): { field: ModelField; before: unknown; after: unknown }[] {
  const old = linkModel(l);
  const a = modelActivity(old.model, old.sources, l.lang) as Record<string, unknown>;
  const b = modelActivity(next.model, next.sources, l.lang) as Record<string, unknown>;
  return MODEL_FIELDS.filter((f) => diffRecords({ v: a[f] }, { v: b[f] }).length > 0).map((field) => ({ field, before: a[field], after: b[field] }));
}

/** The activities made from a model that has a newer version since, and what changed, field by field. */
export function pendingUpdates(reg: Register, filter: { organisationId?: number; activityId?: number; lang?: Lang } = {}): ModelUpdate[] {
  const models = new Map(allModels(reg).map((f) => [f.model.id, f]));
  const out: ModelUpdate[] = [];
  const labels: Partial<Record<Lang, Labels>> = {};
  for (const l of store(reg).links()) {
    if (filter.activityId && l.activityId !== filter.activityId) continue;
    const next = models.get(l.modelId);
    if (!next || next.model.version <= l.modelVersion) continue;
    const activity = getActivity(reg, l.activityId);
    if (filter.organisationId && activity.organisationId !== filter.organisationId) continue;
    const lang = filter.lang ?? l.lang;
    const L = (labels[lang] ??= Labels.forRegister(reg, lang));
    const current = activityFields(activity) as unknown as Record<string, unknown>;
    const lines = (field: string, v: unknown) => pathValueLines(field, field === 'dpia' ? dpiaLists(v) : v, L);
    out.push({
      activityId: l.activityId,
      organisationId: activity.organisationId,
      ref: activity.ref,
      name: activity.name,
      modelId: l.modelId,
      fromVersion: l.modelVersion,
      toVersion: next.model.version,
      changes: changedFields(l, next).map((c) => ({
        field: c.field,
        before: lines(c.field, c.before),
        after: lines(c.field, c.after),
        current: lines(c.field, current[c.field]),
      })),
    });
  }
  return out;
}

const dpiaLists = (v: unknown) => {
  const d = (v ?? {}) as Record<string, string[] | undefined>;
  return [...(d.criteria ?? []), ...(d.art35Cases ?? []), ...(d.cnilRequired ?? []), ...(d.cnilExempted ?? [])];
};

function pendingLink(reg: Register, activityId: number): { link: ModelLinkRow; next: Found } {
  const link = store(reg).link(activityId);
  if (!link) throw new ModelsError('models.update.notFromModel', { id: activityId });
  const next = findModel(reg, link.modelId);
  if (next.model.version <= link.modelVersion) throw new ModelsError('models.update.none', { id: link.modelId });
  return { link, next };
}

/**
 * Takes the model's newer version into the activity, for the fields the DPO chose (all that changed by
 * default); the others keep the DPO's values. The link then points to the new version. One transaction.
 */
export function takeUpdate(reg: Register, activityId: number, fields: ModelField[] | undefined, meta: CallMeta): Activity {
  return reg.write(() => {
    const { link, next } = pendingLink(reg, activityId);
    const changed = changedFields(link, next).map((c) => c.field);
    const chosen = fields ? changed.filter((f) => fields.includes(f)) : changed;
    const current = getActivity(reg, activityId);
    const from = modelActivity(next.model, next.sources, link.lang);
    const f = activityFields(current);
    const out: Record<string, unknown> = { ...f };
    for (const field of chosen) out[field] = field === 'dpia' ? { ...f.dpia, ...from.dpia } : (from as Record<string, unknown>)[field];
    // The recipients the model names are found in the directory by name (or added to it).
    const updated = updateActivity(reg, activityId, current.version, out as ActivityFields, modelMeta(meta, next.model));
    store(reg).saveLink({ ...link, modelVersion: next.model.version, model: JSON.stringify({ model: next.model, sources: next.sources }), linkedAt: reg.now() });
    if (updated.version === current.version) recordChoice(reg, current, link, next.model, 'take', meta);
    return updated;
  });
}

/** Leaves the activity as it is: the model's newer version is no longer shown against it; the choice is in its history. */
export function leaveUpdate(reg: Register, activityId: number, meta: CallMeta): { activityId: number; modelId: string; version: string } {
  return reg.write(() => {
    const { link, next } = pendingLink(reg, activityId);
    const current = getActivity(reg, activityId);
    store(reg).saveLink({ ...link, modelVersion: next.model.version, model: JSON.stringify({ model: next.model, sources: next.sources }), linkedAt: reg.now() });
    recordChoice(reg, current, link, next.model, 'leave', meta);
    return { activityId, modelId: next.model.id, version: next.model.version };
  });
}

function recordChoice(reg: Register, a: Activity, link: ModelLinkRow, model: ActivityModel, choice: 'take' | 'leave', meta: CallMeta): void {
  reg.record(modelMeta(meta, model), {
    entityType: 'activity',
    entityId: a.id,
    entityLabel: `${a.ref} ${a.name}`,
    organisationId: a.organisationId,
    action: 'update',
    // `modelTaken` / `modelLeft`: the DPO's choice, read in the history with the two versions of the model.
    changes: [{ path: choice === 'take' ? 'modelTaken' : 'modelLeft', before: `${link.modelId}@${link.modelVersion}`, after: `${model.id}@${model.version}` }],
  });
}

/** Saves an activity as one of the DPO's models (both languages get the activity's words; its facts are marked to check). */
export function saveAsModel(reg: Register, activityId: number, input: { id: string; kinds: OrganisationKind[] }, meta: CallMeta): ActivityModel {
  return reg.write(() => {
    const a = getActivity(reg, activityId);
    if (allModels(reg).some((f) => f.model.id === input.id && f.origin === 'catalogue')) throw new ModelsError('models.save.idTaken', { id: input.id });
    const org = reg.organisations.get(a.organisationId);
    const same = (s: string) => (s.trim() ? { fr: s, en: s } : undefined);
    const params = { organisation: org?.name ?? '—', ref: a.ref, date: reg.now().slice(0, 10) };
    const note = { fr: t('fr', 'models.save.note', params), en: t('en', 'models.save.note', params) };
    const fact = { toCheck: true, note };
    const keyOf = (label: string) => a.dataCategories.find((c) => c.label === label);
    const raw = {
      id: input.id,
      version: reg.now().slice(0, 10),
      kinds: input.kinds,
      name: same(a.name),
      department: same(a.department),
      description: same(a.description),
      purpose: same(a.purpose),
      subPurposes: a.subPurposes.map(same).filter(Boolean),
      legalBases: (a.legalBases.length ? a.legalBases : [{ code: 'to_be_determined', justification: '' }]).map((b) => ({
        code: b.code,
        justification: same(b.justification),
        ...fact,
      })),
      art9Conditions: a.art9Conditions.map((c) => ({ code: c.code, justification: same(c.justification), ...fact })),
      dataSubjects: a.dataSubjects.map((s) => ({ code: s.code, label: same(s.label), precision: same(s.precision) })),
      dataCategories: a.dataCategories.map((c, i) => ({ key: `c${i + 1}`, code: c.code, label: same(c.label), description: same(c.description), special: c.special })),
      dataSources: a.dataSources.map(same).filter(Boolean),
      recipients: a.recipients.map((r) => ({ name: same(r.name), type: r.type, role: same(r.role) })),
      retention: a.retention.map((r) => {
        const c = keyOf(r.dataCategory);
        return {
          category: c ? `c${a.dataCategories.indexOf(c) + 1}` : '',
          text: same(r.text),
          duration: r.duration,
          trigger: same(r.trigger),
          activePeriod: r.activePeriod,
          archivePeriod: r.archivePeriod,
          finalFate: r.finalFate,
          ...fact,
        };
      }),
      securityMeasures: a.securityMeasures.map((s) => ({ type: s.type, precision: same(s.precision) })),
      dpia: { criteria: a.dpia.criteria, art35Cases: a.dpia.art35Cases, cnilRequired: a.dpia.cnilRequired, cnilExempted: a.dpia.cnilExempted, ...fact },
    };
    const model = parseCatalogueValue({ format: MODELS_FORMAT, formatVersion: MODELS_FORMAT_VERSION, scope: 'shared', asOf: raw.version, models: [raw] }, input.id).models[0];
    store(reg).saveDpoModel(model.id, JSON.stringify({ model, sources: [] }), reg.now());
    reg.record(meta, {
      entityType: 'register',
      entityId: null,
      entityLabel: model.id,
      organisationId: a.organisationId,
      action: 'create',
      changes: [{ path: 'model', before: null, after: model.id }],
    });
    return model;
  });
}

/** The DPO's models (all, or those named) as a data set another DPO imports. */
export function exportModels(reg: Register, ids?: string[]): ModelCatalogue {
  const own = dpoCatalogue(reg);
  const models = ids?.length ? own.models.filter((m) => ids.includes(m.id)) : own.models;
  for (const id of ids ?? []) if (!models.some((m) => m.id === id)) throw new ModelsError('models.notFound', { id });
  if (!models.length) throw new ModelsError('models.export.none');
  return { format: MODELS_FORMAT, formatVersion: MODELS_FORMAT_VERSION, scope: 'shared', asOf: reg.now().slice(0, 10), sources: own.sources, models };
}

export interface ModelsLoadReport {
  scope: 'catalogue' | 'shared';
  asOf: string;
  previousAsOf: string | null;
  /** Models added or whose version changed. */
  changed: string[];
  /** Activities made from a changed model: their update waits for the DPO's choice. */
  activities: { activityId: number; ref: string; modelId: string }[];
}

/**
 * Loads a models data set: Art30's catalogue (newer than the one in use, else refused) or models shared
 * by another DPO (added to the DPO's own; a newer version of one replaces it). Nothing is applied to
 * any activity: the updates are listed for the DPO to take or leave. One transaction.
 */
export function loadModelsText(reg: Register, textContent: string, file: string, meta: CallMeta): ModelsLoadReport {
  const c = parseCatalogue(textContent, file);
  return reg.write(() => {
    const before = new Map(allModels(reg).map((f) => [f.model.id, f.model.version]));
    let previousAsOf: string | null = null;
    if (c.scope === 'catalogue') {
      const current = currentCatalogue(reg);
      previousAsOf = current.asOf;
      if (c.asOf < current.asOf) throw new ModelsError('models.data.older', { file, asOf: c.asOf, current: current.asOf });
      if (c.asOf === current.asOf) throw new ModelsError('models.data.same', { file, asOf: c.asOf });
      store(reg).insertCatalogue(c.asOf, sha256(textContent), file, reg.now(), JSON.stringify(c));
    } else {
      const catalogueIds = new Set(currentCatalogue(reg).models.map((m) => m.id));
      for (const m of c.models) {
        if (catalogueIds.has(m.id)) throw new ModelsError('models.save.idTaken', { id: m.id });
        const existing = store(reg).dpoModel(m.id);
        if (existing && (JSON.parse(existing) as { model: ActivityModel }).model.version > m.version) continue;
        const named = new Set(modelFacts(m).flatMap((f) => (f.fact.source ? [f.fact.source.ref] : [])));
        store(reg).saveDpoModel(m.id, JSON.stringify({ model: m, sources: c.sources.filter((s) => named.has(s.id)) }), reg.now());
      }
    }
    const changed = c.models.filter((m) => before.get(m.id) !== m.version).map((m) => m.id);
    reg.record(
      { ...meta, sourceFile: file, sourceSha256: sha256(textContent) },
      {
        entityType: 'register',
        entityId: null,
        entityLabel: `${MODELS_FORMAT} ${c.asOf}`,
        organisationId: null,
        action: 'import',
        changes: changed.map((id) => ({ path: `models.${id}`, before: before.get(id) ?? null, after: c.models.find((m) => m.id === id)?.version ?? null })),
      },
    );
    const activities = pendingUpdates(reg).map((u) => ({ activityId: u.activityId, ref: u.ref, modelId: u.modelId }));
    return { scope: c.scope, asOf: c.asOf, previousAsOf, changed, activities };
  });
}
