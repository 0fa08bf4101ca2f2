/** Reference data: vocabularies and countries, editable by the DPO (adequacy decisions change). */
import { z } from 'zod';
import { diffRecords, recordFields } from '../diff.js';
import { AppError, issue, notFound, text } from '../errors.js';
import { ADEQUACY_STATUSES, VOCABULARY_KINDS, type VocabularyKind } from '../model/codes.js';
import type { Country, InternationalOrganisation, VocabularyTerm } from '../model/register.js';
import { isoDate } from '../model/schemas.js';
import type { CallMeta, Register } from '../register.js';
import { parseInput } from '../validate.js';
import type { DatasetReport } from '../reference/apply.js';

const label = z.string().trim().min(1, { error: 'is required' }).max(500, { error: 'is too long (at most 500 characters)' });

export const termInputSchema = z.object({
  kind: z.enum(VOCABULARY_KINDS),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,60}$/, { error: 'must be lower-case letters, digits or _ (at most 60)' }),
  labelFr: label,
  labelEn: label,
  article: z.string().trim().max(200).default(''),
  special: z.boolean().default(false),
  legacy: z.boolean().default(false),
  sort: z.number().int().default(1000),
});

export const countryInputSchema = z.object({
  code: z.string().trim().toUpperCase(),
  nameFr: label,
  nameEn: label,
  eea: z.boolean(),
  adequacy: z.enum(ADEQUACY_STATUSES),
  adequacyDecisionDate: isoDate.or(z.literal('')).default(''),
  adequacyScopeFr: z.string().trim().max(1000).default(''),
  adequacyScopeEn: z.string().trim().max(1000).default(''),
});

/** Kinds whose codes are part of the register format: labels may change, entries may not be added. */
const FIXED_KINDS: VocabularyKind[] = [
  'legal_basis',
  'art9_condition',
  'transfer_safeguard',
  'art49_derogation',
  'dpia_criterion',
  'art35_case',
  'recipient_type',
  'security_measure_type',
  'dpia_cnil_required',
  'dpia_cnil_exempted',
  'retention_final_fate',
];

export function listTerms(reg: Register, kind?: VocabularyKind): VocabularyTerm[] {
  return reg.reference.terms(kind);
}

export function saveTerm(reg: Register, input: z.input<typeof termInputSchema>, meta: CallMeta): VocabularyTerm {
  const t = parseInput(termInputSchema, input, 'vocabulary');
  return reg.write(() => {
    const current = reg.reference.term(t.kind, t.code);
    if (!current && FIXED_KINDS.includes(t.kind)) {
      throw new AppError('validation', text('errors.listFixed'), [issue('code', 'errors.codeNotInList')]);
    }
    const next: VocabularyTerm = { ...t, custom: current ? current.custom : true, legacy: t.legacy, special: t.special };
    reg.reference.upsertTerm(next);
    const changes = current ? diffRecords(current, next) : recordFields({ ...next }, 'after');
    if (changes.length) {
      reg.record(meta, { entityType: 'vocabulary', entityId: null, entityLabel: `${t.kind}/${t.code}`, organisationId: null, action: current ? 'update' : 'create', changes });
    }
    return next;
  });
}

export function deleteTerm(reg: Register, kind: VocabularyKind, code: string, meta: CallMeta): void {
  reg.write(() => {
    const current = reg.reference.term(kind, code);
    if (!current) throw notFound('vocabulary', `${kind}/${code}`);
    if (!current.custom) throw new AppError('in_use', text('errors.termShipped'));
    reg.reference.deleteTerm(kind, code);
    reg.record(meta, {
      entityType: 'vocabulary',
      entityId: null,
      entityLabel: `${kind}/${code}`,
      organisationId: null,
      action: 'delete',
      changes: recordFields({ ...current }, 'before'),
    });
  });
}

export function listCountries(reg: Register): Country[] {
  return [...reg.reference.countries().values()];
}

export function updateCountry(reg: Register, input: z.input<typeof countryInputSchema>, meta: CallMeta): Country {
  const c = parseInput(countryInputSchema, input, 'country');
  return reg.write(() => {
    const current = reg.reference.country(c.code);
    if (!current) throw notFound('country', c.code);
    const { dpoEdited: _d, kind: _k, ...was } = current;
    const changes = diffRecords(was, c);
    if (!changes.length) return current;
    reg.reference.updateCountry(c);
    reg.record(meta, { entityType: 'country', entityId: null, entityLabel: c.code, organisationId: null, action: 'update', changes });
    return c;
  });
}

export const organisationInputSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^IO-[A-Z0-9]{2,20}$/, { error: 'must be IO- followed by the organisation’s acronym, e.g. IO-EPO' }),
  nameFr: label,
  nameEn: label,
  acronymFr: z.string().trim().max(60).default(''),
  acronymEn: z.string().trim().max(60).default(''),
  aliases: z.array(z.string().trim().max(300)).max(50).default([]),
  adequacy: z.enum(ADEQUACY_STATUSES).refine((a) => a !== 'eea', { error: 'an international organisation is never in the EEA' }),
  adequacyDecisionDate: isoDate.or(z.literal('')).default(''),
  adequacyScopeFr: z.string().trim().max(1000).default(''),
  adequacyScopeEn: z.string().trim().max(1000).default(''),
});

export function listOrganisations(reg: Register): InternationalOrganisation[] {
  return [...reg.reference.organisations().values()];
}

/** Adds or changes an international organisation (a DPO's change: kept by reference data updates). */
export function saveInternationalOrganisation(reg: Register, input: z.input<typeof organisationInputSchema>, meta: CallMeta): InternationalOrganisation {
  const o: InternationalOrganisation = { ...parseInput(organisationInputSchema, input, 'internationalOrganisation'), eea: false, kind: 'organisation', dpoEdited: true };
  return reg.write(() => {
    const current = reg.reference.organisations().get(o.code);
    const strip = (x: InternationalOrganisation) => ({ ...x, dpoEdited: undefined });
    const changes = current ? diffRecords(strip(current), strip(o)) : recordFields({ ...strip(o) }, 'after');
    if (!changes.length) return current!;
    reg.reference.saveOrganisation(o);
    reg.reference.recomputeTransferFlags([o.code]);
    reg.record(meta, { entityType: 'country', entityId: null, entityLabel: o.code, organisationId: null, action: current ? 'update' : 'create', changes });
    return o;
  });
}

/** The data set in use: its date and sources, and what its application changed. */
export function currentDataset(reg: Register) {
  const d = reg.reference.currentDataset();
  return d ? { asOf: d.asOf, sha256: d.sha256, sources: d.sources, appliedAt: d.appliedAt, report: d.report as DatasetReport } : null;
}
