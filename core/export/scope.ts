/**
 * What an export covers: the whole register, one organisation, the controller or the processor
 * register, a selection (refs or ids) or the app's current filter — all one `ActivityFilter`.
 */
import type { ActivityFilter } from '../../db/activity-store.js';
import type { Organisation } from '../model/register.js';
import type { Labels } from './labels.js';

export type ExportScope = ActivityFilter;

/** Whether the scope narrows the register (then the document is an extract). */
export function isExtract(scope: ExportScope): boolean {
  return Object.entries(scope).some(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
}

/** The scope in the reader's words, for the cover page, the Register sheet and the history. */
export function describeScope(scope: ExportScope, L: Labels, organisations: Organisation[]): string {
  if (!isExtract(scope)) return L.t('wholeRegister');
  const fr = L.lang === 'fr';
  const kv = (label: string, value: string) => L.kv(label, value);
  const parts: string[] = [];
  if (scope.organisationId !== undefined) {
    const org = organisations.find((o) => o.id === scope.organisationId);
    parts.push(kv(L.t('organisation'), org?.name ?? `#${scope.organisationId}`));
  }
  if (scope.role === 'controller_register') parts.push(fr ? 'registre du responsable de traitement' : 'controller register');
  else if (scope.role === 'processor') parts.push(fr ? 'registre du sous-traitant' : 'processor register');
  else if (scope.role) parts.push(L.role(scope.role));
  if (scope.status) parts.push(kv(L.t('status'), L.status(scope.status)));
  if (scope.department) parts.push(kv(L.t('department'), scope.department));
  if (scope.legalBasis) parts.push(kv(L.t('legalBases'), L.term('legal_basis', scope.legalBasis)));
  if (scope.country) parts.push(kv(L.t('transfers'), L.country(scope.country)));
  if (scope.nonEeaTransfer !== undefined) parts.push(kv(fr ? 'transfert hors EEE' : 'transfer outside the EEA', L.yesNo(scope.nonEeaTransfer)));
  if (scope.specialCategories !== undefined) parts.push(kv(L.t('specialCategories'), L.yesNo(scope.specialCategories)));
  if (scope.dpiaRequired !== undefined) parts.push(kv(L.t('dpiaRequired'), L.yesNo(scope.dpiaRequired)));
  if (scope.search) parts.push(fr ? `recherche « ${scope.search} »` : `search "${scope.search}"`);
  if (scope.refs?.length) parts.push(`${fr ? 'références' : 'references'} ${listShort(scope.refs)}`);
  if (scope.ids?.length) parts.push(fr ? `${scope.ids.length} activité(s) sélectionnée(s)` : `${scope.ids.length} selected activit${scope.ids.length > 1 ? 'ies' : 'y'}`);
  return `${L.t('extractOf')} — ${parts.join(' ; ')}`;
}

function listShort(items: string[]): string {
  return items.length <= 12 ? items.join(', ') : `${items.slice(0, 12).join(', ')}… (+${items.length - 12})`;
}

/** A file name for an export: `registre-atelier-lumiere-sas-2026-05-01.xlsx`. */
export function suggestedFileName(L: Labels, organisations: Organisation[], scope: ExportScope, exportedAt: string, extension: string): string {
  const base = L.lang === 'fr' ? (isExtract(scope) ? 'extrait-registre' : 'registre') : isExtract(scope) ? 'register-extract' : 'register';
  const org = scope.organisationId !== undefined ? organisations.find((o) => o.id === scope.organisationId)?.name : organisations.length === 1 ? organisations[0].name : '';
  const slug = (org ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${[base, slug, exportedAt.slice(0, 10)].filter(Boolean).join('-')}.${extension}`;
}
