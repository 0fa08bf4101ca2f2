/**
 * API errors in a language: the API returns codes with parameters (`key`, `params`, per field and
 * for the whole error); they are translated here with the field's label, never its path. The
 * window passes its translator (which knows the fields' labels, `f.*`…), the CLI its own, and
 * `core/errors.ts` derives the English message with the catalogue alone (`paths`: fields are then
 * named by their paths, for logs and tests: the core has no labels of its own).
 */
import type { ApiError, ErrorText, FieldIssue, MessageParams, TextParam, Words } from '../errors.js';

export type Tr = (key: string, vars?: Record<string, string | number>) => string;

export interface LocaliseOptions {
  /** Name a field by its path when no label is known (English messages of the core). */
  paths?: boolean;
}

/** Array fields whose items have a label of their own ("Catégorie de données n° 2"). */
const ITEM_KEYS: Record<string, string> = {
  dataCategories: 'f.dataCategory',
  dataSubjects: 'f.dataSubject',
  transfers: 'f.transfer',
  recipients: 'f.recipient',
  retention: 'f.retentionRule',
  securityMeasures: 'f.securityMeasure',
  legalBases: 'f.legalBasis',
  art9Conditions: 'f.art9Condition',
  subPurposes: 'f.subPurpose',
  dataSources: 'f.dataSource',
  systems: 'f.system',
  jointControllers: 'f.jointController',
  clients: 'f.client',
};

const PREFIXES = ['f.', 'org.', 'recipients.', 'ref.', 'doc.', 'purposes.field.'];

function labelOf(t: Tr, name: string): string | null {
  for (const prefix of PREFIXES) {
    const key = `${prefix}${name}`;
    const text = t(key);
    if (text && text !== key) return text;
  }
  return null;
}

/** `dataCategories[1].label` → "Catégorie de données n° 2 — Libellé"; never the path itself ('' when unknown). */
export function fieldLabel(t: Tr, path: string): string {
  const parts: string[] = [];
  for (const segment of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!m) continue;
    const [, name, indexes] = m;
    const index = /\[(\d+)\]$/.exec(indexes)?.[1];
    if (index !== undefined) {
      const itemKey = ITEM_KEYS[name];
      const item = itemKey && t(itemKey) !== itemKey ? t(itemKey) : labelOf(t, name);
      if (item) parts.push(t('errors.item', { item, n: Number(index) + 1 }));
    } else {
      // The purpose a basis serves (issue 25), not the main purpose.
      const label = name === 'purpose' && parts.length ? t('purposes.editor.served') : labelOf(t, name);
      if (label) parts.push(label);
    }
  }
  return parts.join(' — ');
}

function isText(v: TextParam): v is ErrorText {
  return typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';
}

function isWords(v: TextParam): v is Words {
  return typeof v === 'object' && v !== null && typeof (v as { fr?: unknown }).fr === 'string' && typeof (v as { en?: unknown }).en === 'string';
}

function isField(v: TextParam): v is { field: string } {
  return typeof v === 'object' && v !== null && typeof (v as { field?: unknown }).field === 'string';
}

/** The parameters as the translator takes them: fields become labels, texts are translated (recursively). */
function vars(t: Tr, params: MessageParams | undefined, options: LocaliseOptions, extra: Record<string, string | number> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = { ...extra };
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) out[k] = v.map((x) => t(x.key, vars(t, x.params, options, extra))).join(t('errors.listSeparator'));
    else if (isWords(v)) out[k] = t('errors.langCode') === 'fr' ? v.fr : v.en;
    else if (isField(v)) out[k] = options.paths ? v.field : fieldLabel(t, v.field) || t('errors.thisField');
    else if (isText(v)) out[k] = t(v.key, vars(t, v.params, options, extra));
    else out[k] = typeof v === 'boolean' ? String(v) : (v as string | number);
  }
  return out;
}

/** A key and its parameters in the translator's language (fields by their labels). */
export function localiseText(t: Tr, key: string, params?: MessageParams, options: LocaliseOptions = {}): string {
  return t(key, vars(t, params, options));
}

/** The error with its messages translated (codes as they came, for the program). */
export function localiseError(error: ApiError, t: Tr, options: LocaliseOptions = {}): ApiError {
  const details: FieldIssue[] = (error.details ?? []).map((d) => {
    if (!d.key) return d;
    const label = options.paths ? d.path : fieldLabel(t, d.path);
    return { ...d, message: t(d.key, vars(t, d.params, options)), ...(label ? { label } : {}) };
  });
  const first = details[0];
  const firstText = first ? (first.label ? t('errors.fieldProblem', { field: first.label, problem: first.message }) : first.message) : t('errors.invalid');
  if (!error.key) return details.length ? { ...error, details } : error;
  const out: ApiError = { ...error, message: t(error.key, vars(t, error.params, options, { first: firstText })) };
  if (details.length) out.details = details;
  return out;
}
