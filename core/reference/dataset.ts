/**
 * The reference data set: countries, international organisations, adequacy decisions, safeguards and
 * vocabularies as one dated file (`{"format": "art30-reference", "formatVersion": 1, "asOf": …}`) with
 * its sources. Art30 ships one (`data/reference-<asOf>.json`); a newer one can be loaded offline.
 */
import { z } from 'zod';
import { ADEQUACY_STATUSES, VOCABULARY_KINDS } from '../model/codes.js';
import { AppError, text as textOf, type FieldIssue, type MessageParams } from '../errors.js';
import { lazySchema } from '../model/lazy-schema.js';
import { isoDate } from '../model/schemas.js';
import { zodIssues } from '../validate.js';
import bundled from './data/reference-2026-11-28.json' with { type: 'json' };

export const DATASET_FORMAT = 'art30-reference';
export const DATASET_FORMAT_VERSION = 1;

/** Built at its first use (core/model/lazy-schema.ts): opening a register whose reference data is current never parses a data set. */
export const datasetSchema = lazySchema(() => {
  const name = z.string().trim().min(1).max(500);
  const scope = z.string().trim().max(2000).default('');
  const adequacy = {
    adequacy: z.enum(ADEQUACY_STATUSES),
    adequacyDecisionDate: isoDate.or(z.literal('')).default(''),
    adequacyScopeFr: scope,
    adequacyScopeEn: scope,
  };

  return z.object({
    format: z.literal(DATASET_FORMAT),
    formatVersion: z.literal(DATASET_FORMAT_VERSION),
    asOf: isoDate,
    title: z.object({ fr: z.string(), en: z.string() }).optional(),
    // A source's title as published; `titleFr` where it has a French version.
    sources: z.array(z.object({ title: z.string().min(1), titleFr: z.string().optional(), url: z.string().optional() })).min(1),
    countries: z.array(z.object({ code: z.string().regex(/^[A-Z]{2}$/), nameFr: name, nameEn: name, eea: z.boolean(), ...adequacy })).min(1),
    organisations: z
      .array(
        z.object({
          code: z.string().regex(/^IO-[A-Z0-9]{2,20}$/),
          nameFr: name,
          nameEn: name,
          acronymFr: z.string().max(60).default(''),
          acronymEn: z.string().max(60).default(''),
          aliases: z.array(z.string().max(300)).default([]),
          ...adequacy,
        }),
      )
      .default([]),
    vocabularies: z
      .array(
        z.object({
          kind: z.enum(VOCABULARY_KINDS),
          code: z.string().regex(/^[a-z0-9_]{1,60}$/),
          labelFr: name,
          labelEn: name,
          article: z.string().max(300).default(''),
          legacy: z.boolean().default(false),
          special: z.boolean().default(false),
          sort: z.number().int().default(0),
        }),
      )
      .default([]),
  });
});

export type ReferenceDataset = z.output<typeof datasetSchema>;

/** A data set refused: a catalogue key (area `legal`) with its parameters; its message is in English. */
export class DatasetError extends AppError {
  constructor(
    readonly key: string,
    readonly params: MessageParams = {},
    details: FieldIssue[] = [],
  ) {
    super('bad_input', textOf(key, params), details);
  }
}

/** Parses a data set file, refusing a damaged file or an unknown format with a clear message. */
export function parseDataset(text: string, file = 'the file'): ReferenceDataset {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DatasetError('legal.dataset.damaged', { file, reason: (error as Error).message });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== DATASET_FORMAT) {
    throw new DatasetError('legal.dataset.unknownFormat', { file });
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (version !== DATASET_FORMAT_VERSION) {
    throw new DatasetError('legal.dataset.unknownVersion', { file, version: String(version), supported: DATASET_FORMAT_VERSION });
  }
  const result = datasetSchema.safeParse(raw);
  if (!result.success) {
    const details = zodIssues(result.error);
    throw new DatasetError('legal.dataset.invalid', { file, path: details[0].path, problem: textOf(details[0].key, details[0].params), count: details.length }, details);
  }
  const d = result.data;
  const dup = (codes: string[]) => codes.find((c, i) => codes.indexOf(c) !== i);
  const duplicate = dup(d.countries.map((c) => c.code)) ?? dup(d.organisations.map((o) => o.code)) ?? dup(d.vocabularies.map((v) => `${v.kind}/${v.code}`));
  if (duplicate) throw new DatasetError('legal.dataset.invalid', { file, path: duplicate, problem: textOf('errors.listedTwiceShort'), count: 1 });
  return d;
}

/** The date of the data set shipped with this version of Art30, read without validating the whole set. */
export const BUNDLED_AS_OF: string = bundled.asOf;

/** The data set shipped with this version of Art30. */
export function bundledDataset(): ReferenceDataset {
  return datasetSchema.parse(bundled);
}
