/**
 * API errors in the DPO's language: the API returns codes with parameters (`key`, `params`, per
 * field and for the whole error); they are translated here with the field's label, never its path.
 */
import type { ApiError, FieldIssue } from '../../core/errors.js';

export type Tr = (key: string, vars?: Record<string, string | number>) => string;

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

const PREFIXES = ['f.', 'org.', 'recipients.', 'ref.', 'doc.'];

function labelOf(t: Tr, name: string): string | null {
  for (const prefix of PREFIXES) {
    const key = `${prefix}${name}`;
    const text = t(key);
    if (text && text !== key) return text;
  }
  return null;
}

/** `dataCategories[1].label` → "Catégorie de données n° 2 — Libellé"; never the path itself. */
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
      const label = labelOf(t, name);
      if (label) parts.push(label);
    }
  }
  return parts.join(' — ');
}

function vars(params: FieldIssue['params']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (v !== null && v !== undefined) out[k] = typeof v === 'boolean' ? String(v) : v;
  return out;
}

/** The error with its messages translated (codes as they came, for the program). */
export function localiseError(error: ApiError, t: Tr): ApiError {
  const details = (error.details ?? []).map((d) => {
    if (!d.key) return d;
    const label = fieldLabel(t, d.path);
    return { ...d, message: t(d.key, vars(d.params)), ...(label ? { label } : {}) };
  });
  if (!error.key) return details.length ? { ...error, details } : error;
  const first = details[0];
  const firstText = first ? (first.label ? t('errors.fieldProblem', { field: first.label, problem: first.message }) : first.message) : t('errors.invalid');
  return { ...error, message: t(error.key, { ...vars(error.params), first: firstText }), details };
}
