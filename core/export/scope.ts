/**
 * What an export covers: the whole register, one organisation, the controller or the processor
 * register, a selection (refs or ids) or the app's current filter — all one `ActivityFilter`.
 */
import { refKey, type ActivityFilter } from '../../db/activity-store.js';
import { AppError, issue, text } from '../errors.js';
import { t, type Lang } from '../i18n/i18n.js';
import type { Organisation } from '../model/register.js';
import type { Register } from '../register.js';
import { listOrganisations } from '../services/organisations.js';
import type { Labels } from './labels.js';

export type ExportScope = ActivityFilter;

/** Whether the scope narrows the register (then the document is an extract). */
export function isExtract(scope: ExportScope): boolean {
  return Object.entries(scope).some(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
}

/** An organisation's whole register (or its controller or processor register): a register, not an extract of it. */
export function isOrganisationRegister(scope: ExportScope): boolean {
  return (
    scope.organisationId !== undefined &&
    !Object.entries(scope).some(([k, v]) => k !== 'organisationId' && k !== 'role' && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
  );
}

/** The scope in the reader's words, for the cover page, the Register sheet and the history. */
export function describeScope(scope: ExportScope, L: Labels, organisations: Organisation[]): string {
  if (!isExtract(scope)) return L.t('wholeRegister');
  if (isOrganisationRegister(scope) && !scope.role)
    return `${L.t('wholeRegister')} — ${organisations.find((o) => o.id === scope.organisationId)?.name ?? `#${scope.organisationId}`}`;
  const kv = (label: string, value: string) => L.kv(label, value);
  const parts: string[] = [];
  if (scope.organisationId !== undefined) {
    const org = organisations.find((o) => o.id === scope.organisationId);
    parts.push(kv(L.t('organisation'), org?.name ?? `#${scope.organisationId}`));
  }
  if (scope.role === 'controller_register') parts.push(L.t('scope.controllerRegister'));
  else if (scope.role === 'processor') parts.push(L.t('scope.processorRegister'));
  else if (scope.role) parts.push(L.role(scope.role));
  if (scope.status) parts.push(kv(L.t('status'), L.status(scope.status)));
  if (scope.department) parts.push(kv(L.t('department'), scope.department));
  if (scope.legalBasis) parts.push(kv(L.t('legalBases'), L.term('legal_basis', scope.legalBasis)));
  if (scope.country) parts.push(kv(L.t('transfers'), L.country(scope.country)));
  if (scope.nonEeaTransfer !== undefined) parts.push(kv(L.t('scope.nonEeaTransfer'), L.yesNo(scope.nonEeaTransfer)));
  if (scope.specialCategories !== undefined) parts.push(kv(L.t('specialCategories'), L.yesNo(scope.specialCategories)));
  if (scope.dpiaRequired !== undefined) parts.push(kv(L.t('dpiaRequired'), L.yesNo(scope.dpiaRequired)));
  if (scope.search) parts.push(L.format('scope.search', { text: scope.search }));
  if (scope.refs?.length) parts.push(L.format('scope.refs', { refs: listShort(scope.refs) }));
  if (scope.ids?.length) parts.push(L.format('scope.selected', { count: scope.ids.length }));
  return `${L.t('extractOf')} — ${L.joinItems(parts)}`;
}

function listShort(items: string[]): string {
  return items.length <= 12 ? items.join(', ') : `${items.slice(0, 12).join(', ')}… (+${items.length - 12})`;
}

export function slug(text: string, max = 40): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** What kind of extract a scope is, in one word for a file name: references, a selection, a filter. */
function scopeWords(lang: Lang, scope: ExportScope): string[] {
  if (scope.refs?.length) return [slug(scope.refs.length <= 4 ? scope.refs.join('-') : `${scope.refs.slice(0, 3).join('-')}-plus-${scope.refs.length - 3}`, 40)];
  if (scope.ids?.length) return [`${t(lang, 'export.file.selection')}-${scope.ids.length}`];
  const words: string[] = [];
  if (scope.role === 'processor') words.push(t(lang, 'export.file.processor'));
  if (scope.role === 'controller_register') words.push(t(lang, 'export.file.controller'));
  const filtered = Object.entries(scope).some(([k, v]) => k !== 'organisationId' && k !== 'role' && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  if (filtered) words.push(t(lang, 'export.file.filtered'));
  return words;
}

/**
 * A file name for an export that says what is inside: kind (register, extract, public register,
 * internal), organisation, scope (references, selection, role, filter), date —
 * `extrait-registre-atelier-lumiere-sas-t-001-t-004-2026-05-01.pdf`.
 */
export function suggestedFileName(L: Labels, organisations: Organisation[], scope: ExportScope, exportedAt: string, extension: string, audience?: string): string {
  const lang = L.lang as Lang;
  // An organisation's whole register is its register ("registre-…"), not an extract of it.
  const extract = isExtract(scope) && !isOrganisationRegister(scope);
  const base = audience === 'public' ? t(lang, 'export.file.public') : extract ? t(lang, 'export.file.extract') : t(lang, 'export.file.register');
  const org =
    scope.organisationId !== undefined
      ? organisations.find((o) => o.id === scope.organisationId)?.name
      : organisations.length === 1
        ? organisations[0].name
        : organisations.length > 1
          ? t(lang, 'export.file.organisations', { count: organisations.length })
          : '';
  const words = [
    base,
    slug(org ?? ''),
    ...(isExtract(scope) ? scopeWords(lang, scope) : []),
    audience === 'internal' ? t(lang, 'export.file.internal') : '',
    exportedAt.slice(0, 10),
  ];
  return `${words.filter(Boolean).join('-')}.${extension}`;
}

/**
 * Resolves references within one organisation. Without `organisationId`, references found in
 * exactly one organisation fix it; a reference used by several organisations, or references that
 * belong to different ones, are refused (`bad_input`) with a message naming the organisations —
 * an extract for an inspection holds exactly what was asked, never another organisation's
 * namesake. References not found anywhere are refused the same way.
 */
export function resolveScope(reg: Register, scope: ExportScope, lang: Lang = 'en'): ExportScope {
  const refs = scope.refs?.map((r) => r.trim()).filter(Boolean);
  if (!refs?.length) return scope;
  const wanted = new Map(refs.map((r) => [refKey(r), r]));
  const found = reg.activities.list({ ...scope, organisationId: scope.organisationId, refs: undefined, ids: scope.ids }).filter((s) => wanted.has(refKey(s.ref)));
  const orgsOf = new Map<string, Set<number>>();
  for (const s of found) {
    const k = refKey(s.ref);
    if (!orgsOf.has(k)) orgsOf.set(k, new Set());
    orgsOf.get(k)!.add(s.organisationId);
  }
  const missing = [...wanted.keys()].filter((k) => !orgsOf.has(k)).map((k) => wanted.get(k)!);
  if (missing.length) {
    throw new AppError(
      'not_found',
      text('export.scope.missing', { count: missing.length, refs: missing.join(', ') }),
      missing.map((ref) => issue('scope.refs', 'export.scope.missingIn', { ref })),
    );
  }
  const orgs = listOrganisations(reg);
  const named = (ids: Iterable<number>) =>
    [...ids]
      .sort((a, b) => a - b)
      .map((id) => t(lang, 'export.scope.organisationItem', { id, name: orgs.find((o) => o.id === id)?.name ?? `#${id}` }))
      .join(', ');
  // The exact spellings stored in the register (references are unique per organisation, without case).
  const exact = (orgId: number) => found.filter((s) => s.organisationId === orgId).map((s) => s.ref);
  if (scope.organisationId !== undefined) return { ...scope, refs: exact(scope.organisationId) };
  const ambiguous = [...orgsOf.entries()].filter(([, ids]) => ids.size > 1);
  if (ambiguous.length) {
    const ids = new Set(ambiguous.flatMap(([, s]) => [...s]));
    throw new AppError(
      'bad_input',
      text('export.scope.ambiguous', { count: ambiguous.length, orgCount: ids.size, refs: ambiguous.map(([k]) => wanted.get(k)).join(', '), organisations: named(ids) }),
      ambiguous.map(([k, s]) => issue('scope.organisationId', 'errors.scopeItem', { ref: wanted.get(k), organisations: named(s) })),
    );
  }
  const all = new Set(found.map((s) => s.organisationId));
  if (all.size > 1) {
    throw new AppError('bad_input', text('export.scope.spread', { refs: refs.join(', '), organisations: named(all) }), [
      issue('scope.organisationId', 'errors.scopeOrganisations', { organisations: named(all) }),
    ]);
  }
  const organisationId = [...all][0];
  return { ...scope, organisationId, refs: exact(organisationId) };
}

function initials(o: Organisation): string {
  const words = o.name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 1 || /\d/.test(w));
  return (
    words
      .map((w) => w[0].toUpperCase())
      .join('')
      .slice(0, 5) || `O${o.id}`
  );
}

/** A short, readable tag for an organisation in sheet names: its initials (`ALS` for Atelier Lumière SAS), with its number if two share them. */
export function organisationTag(org: Organisation | undefined, all: Organisation[]): string {
  if (!org) return '';
  const tag = initials(org);
  return all.some((o) => o.id !== org.id && initials(o) === tag) ? `${tag}${org.id}` : tag;
}
