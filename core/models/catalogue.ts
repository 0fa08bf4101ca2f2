/**
 * The catalogue of model processing activities: a dated data set (`{"format": "art30-models",
 * "formatVersion": 1, "asOf": …}`) shipped beside the reference data (`data/models-<asOf>.json`), and the
 * same format for the models a DPO saves and shares (`"scope": "shared"`). Every fact taken from a text
 * (legal basis, Art. 9(2) condition, retention, DPIA hint) names its source, or is marked `toCheck` with a
 * note: a fact the domain reference does not give is never presented as the authority's.
 */
import { z } from 'zod';
import {
  ART35_CASES,
  ART9_CONDITIONS,
  CNIL_DPIA_EXEMPTED,
  CNIL_DPIA_REQUIRED,
  DPIA_CRITERIA,
  LEGAL_BASES,
  RECIPIENT_TYPES,
  RETENTION_FINAL_FATES,
  SECURITY_MEASURE_TYPES,
} from '../model/codes.js';
import { isoDate, isoDuration } from '../model/schemas.js';
import { AppError, issue, text as textOf, type FieldIssue, type MessageParams } from '../errors.js';
import { zodIssues } from '../validate.js';
import bundled from './data/models-2026-12-07.json' with { type: 'json' };

export const MODELS_FORMAT = 'art30-models';
export const MODELS_FORMAT_VERSION = 1;

import { ORGANISATION_KINDS } from './format.js';

export { ORGANISATION_KINDS, type OrganisationKind } from './format.js';

const words = (max = 2000) => z.string().trim().min(1).max(max);
/** A text in both languages of the app. */
export const bilingual = z.object({ fr: words(), en: words() });
export type Bilingual = z.infer<typeof bilingual>;

/** Where a fact comes from: a source of the data set, and the article when it is one. */
const factFields = {
  source: z.object({ ref: z.string().min(1).max(60), article: z.string().max(200).optional() }).optional(),
  /** Not given by the domain reference: to be checked by the DPO; `note` says why. */
  toCheck: z.boolean().default(false),
  note: bilingual.optional(),
};

const legalBasis = z.object({ code: z.enum(LEGAL_BASES), justification: bilingual.optional(), ...factFields });
const art9 = z.object({ code: z.enum(ART9_CONDITIONS), justification: bilingual.optional(), ...factFields });
const retention = z.object({
  /** The `key` (else the code) of one of the model's data categories; empty for the whole activity. */
  category: z.string().max(60),
  text: bilingual,
  duration: isoDuration.or(z.literal('')).default(''),
  trigger: bilingual.optional(),
  activePeriod: isoDuration.or(z.literal('')).default(''),
  archivePeriod: isoDuration.or(z.literal('')).default(''),
  finalFate: z.enum(RETENTION_FINAL_FATES).nullable().default(null),
  ...factFields,
});

export const modelSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, { error: 'must be lower-case words joined by dots or dashes' })
    .max(80),
  /** The date this model last changed; an activity made from it remembers it. */
  version: isoDate,
  kinds: z.array(z.enum(ORGANISATION_KINDS)).min(1),
  name: bilingual,
  department: bilingual.optional(),
  description: bilingual.optional(),
  purpose: bilingual,
  subPurposes: z.array(bilingual).default([]),
  legalBases: z.array(legalBasis).min(1),
  art9Conditions: z.array(art9).default([]),
  dataSubjects: z.array(z.object({ code: z.string().max(60).default(''), label: bilingual, precision: bilingual.optional() })).min(1),
  dataCategories: z
    .array(
      z.object({
        key: z.string().max(60).optional(),
        code: z.string().max(60).default(''),
        label: bilingual,
        description: bilingual.optional(),
        special: z.boolean().default(false),
      }),
    )
    .min(1),
  dataSources: z.array(bilingual).default([]),
  recipients: z.array(z.object({ name: bilingual, type: z.enum(RECIPIENT_TYPES), role: bilingual.optional() })).default([]),
  retention: z.array(retention).default([]),
  securityMeasures: z.array(z.object({ type: z.enum(SECURITY_MEASURE_TYPES), precision: bilingual.optional() })).default([]),
  dpia: z
    .object({
      criteria: z.array(z.enum(DPIA_CRITERIA)).default([]),
      art35Cases: z.array(z.enum(ART35_CASES)).default([]),
      cnilRequired: z.array(z.enum(CNIL_DPIA_REQUIRED)).default([]),
      cnilExempted: z.array(z.enum(CNIL_DPIA_EXEMPTED)).default([]),
      hint: bilingual.optional(),
      ...factFields,
    })
    .default({ criteria: [], art35Cases: [], cnilRequired: [], cnilExempted: [], toCheck: false }),
});
export type ActivityModel = z.output<typeof modelSchema>;
export type ModelFact = { source?: { ref: string; article?: string }; toCheck: boolean; note?: Bilingual };

export const sourceSchema = z.object({
  id: z.string().min(1).max(60),
  title: bilingual,
  kind: z.enum(['regulation', 'code', 'referentiel', 'deliberation', 'guidance', 'register']),
  /** The text's date (`adopted`), or the day the fact was read in it (`consulted`). */
  date: isoDate,
  dateKind: z.enum(['adopted', 'consulted']).default('consulted'),
  url: z.string().max(1000).optional(),
});
export type ModelSource = z.output<typeof sourceSchema>;

export const catalogueSchema = z.object({
  format: z.literal(MODELS_FORMAT),
  formatVersion: z.literal(MODELS_FORMAT_VERSION),
  /** `catalogue`: Art30's catalogue (loaded by `art30 reference update`); `shared`: models a DPO exported. */
  scope: z.enum(['catalogue', 'shared']).default('catalogue'),
  asOf: isoDate,
  title: bilingual.optional(),
  sources: z.array(sourceSchema).default([]),
  models: z.array(modelSchema).min(1),
});
export type ModelCatalogue = z.output<typeof catalogueSchema>;

/** The facts of a model that must carry a source or be marked to check, with their path. */
export function modelFacts(m: ActivityModel): { path: string; fact: ModelFact }[] {
  const facts: { path: string; fact: ModelFact }[] = [
    ...m.legalBases.map((fact, i) => ({ path: `legalBases[${i}]`, fact })),
    ...m.art9Conditions.map((fact, i) => ({ path: `art9Conditions[${i}]`, fact })),
    ...m.retention.map((fact, i) => ({ path: `retention[${i}]`, fact })),
  ];
  const d = m.dpia;
  if (d.hint || d.cnilRequired.length || d.cnilExempted.length || d.art35Cases.length || d.criteria.length) facts.push({ path: 'dpia', fact: d });
  return facts;
}

/** A data set refused: a catalogue key (area `models`) with its parameters. */
export class ModelsError extends AppError {
  constructor(
    readonly key: string,
    readonly params: MessageParams = {},
    details: FieldIssue[] = [],
  ) {
    super('bad_input', textOf(key, params), details);
  }
}

/** Checks what the schema cannot: sources named exist, each fact is sourced or to check, retention names a category, ids are unique. */
function checkCatalogue(c: ModelCatalogue, file: string): void {
  const sources = new Set(c.sources.map((s) => s.id));
  const problem = (path: string, key: string, params: MessageParams = {}) => {
    throw new ModelsError('models.data.invalid', { file, path, problem: textOf(key, params), count: 1 }, [issue(path, key, params)]);
  };
  const ids = new Set<string>();
  c.models.forEach((m, i) => {
    if (ids.has(m.id)) problem(`models[${i}].id`, 'errors.listedTwiceShort');
    ids.add(m.id);
    for (const { path, fact } of modelFacts(m)) {
      if (fact.source && !sources.has(fact.source.ref)) problem(`models[${i}].${path}.source`, 'models.data.unknownSource', { source: fact.source.ref });
      if (!fact.source && !fact.toCheck) problem(`models[${i}].${path}`, 'models.data.unsourced');
      if (fact.toCheck && !fact.note) problem(`models[${i}].${path}.note`, 'models.data.noteMissing');
    }
    const keys = new Set(m.dataCategories.map((d) => d.key ?? d.code));
    m.retention.forEach((r, j) => {
      if (r.category && !keys.has(r.category)) problem(`models[${i}].retention[${j}].category`, 'models.data.unknownCategory', { category: r.category });
    });
  });
}

/** Parses a models data set, refusing a damaged file, another format or an invalid model with a clear message. */
export function parseCatalogue(text: string, file = 'the file'): ModelCatalogue {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ModelsError('models.data.damaged', { file, reason: (error as Error).message });
  }
  return parseCatalogueValue(raw, file);
}

export function parseCatalogueValue(raw: unknown, file = 'the file'): ModelCatalogue {
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== MODELS_FORMAT) throw new ModelsError('models.data.unknownFormat', { file });
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (version !== MODELS_FORMAT_VERSION) throw new ModelsError('models.data.unknownVersion', { file, version: String(version), supported: MODELS_FORMAT_VERSION });
  const result = catalogueSchema.safeParse(raw);
  if (!result.success) {
    const details = zodIssues(result.error);
    throw new ModelsError('models.data.invalid', { file, path: details[0].path, problem: textOf(details[0].key, details[0].params), count: details.length }, details);
  }
  checkCatalogue(result.data, file);
  return result.data;
}

export const BUNDLED_MODELS_AS_OF: string = bundled.asOf;

let bundledCache: ModelCatalogue | undefined;
/** The catalogue shipped with this version of Art30. */
export function bundledCatalogue(): ModelCatalogue {
  return (bundledCache ??= parseCatalogueValue(bundled, `models-${bundled.asOf}.json`));
}
