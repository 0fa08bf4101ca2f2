/**
 * What an update does to an activity, field by field, as values a DPO reads: before → after, the
 * items added, the items a "replace" removes (shown before the DPO chooses it) and those it does
 * remove once chosen. Values are written with the register's own wording (export labels).
 */
import type { ActivityFields } from '../../model/schemas.js';
import type { VocabularyKind } from '../../model/codes.js';
import * as F from '../../export/format.js';
import type { Labels } from '../../export/labels.js';
import { FIELD_BY_KEY } from '../assign/fields.js';
import { t } from '../../i18n/i18n.js';
import { inLang } from '../../i18n/localized.js';
import { isListField, removedBy, type ListField } from './merge.js';

export interface FieldChange {
  field: string;
  /** The field's label in the preview's language (never a field path). */
  label: string;
  /** The values before and after, one line per list item. */
  before: string[];
  after: string[];
  added: string[];
  /** Items the update removes (only when the DPO chose "replace" for the field). */
  removed: string[];
  /** Items the file does not name: what "replace" would remove. */
  replaceWouldRemove: string[];
  mode: 'merge' | 'replace' | 'set';
}

/** Field keys of the activity that are not import columns: their labels are `import.field.<key>`. */
const EXTRA_LABELS = new Set(['dpia', 'transfers', 'clients', 'automatedDecision']);

const labelCache = new Map<string, string>();
export function fieldLabel(field: string, lang: 'fr' | 'en'): string {
  const key = `${lang}:${field}`;
  let label = labelCache.get(key);
  if (label === undefined) {
    const def = FIELD_BY_KEY.get(field === 'transfers' ? 'transferCountries' : field);
    label = def && field !== 'transfers' ? inLang(def, 'label', lang) : EXTRA_LABELS.has(field) ? t(lang, `import.field.${field}`) : field;
    labelCache.set(key, label);
  }
  return label;
}

export function itemText(field: string, item: unknown, L: Labels, typeOf?: (name: string) => string | undefined): string {
  if (typeof item === 'string') return item;
  const o = item as never;
  switch (field as ListField) {
    case 'legalBases':
    case 'art9Conditions': {
      // The sub-purpose a basis serves (issue 25), by its number: the item is read without its activity.
      const b = o as unknown as { code: string; justification: string; purpose?: number };
      const text = field === 'legalBases' ? F.legalBasis(L, o) : F.art9Condition(L, o);
      return b.purpose ? `${text}${F.SERVED_SEP}${L.kv(L.t('purposes.served'), L.t('purposes.subNumber').replace('{{n}}', String(b.purpose)))}` : text;
    }
    case 'dataSubjects':
      return F.dataSubject(o);
    case 'dataCategories':
      return F.dataCategory(L, o);
    case 'recipients': {
      const r = o as unknown as ActivityFields['recipients'][number];
      const type = r.type ?? typeOf?.(r.name);
      return [type ? `${r.name} (${L.term('recipient_type', type)})` : r.name, r.role, r.precision].filter(Boolean).join(' — ');
    }
    case 'transfers': {
      const t = o as unknown as ActivityFields['transfers'][number];
      return [`${t.recipient || '?'} → ${L.country(t.country)}`, F.safeguard(L, t), t.documentation].filter(Boolean).join(' — ');
    }
    case 'retention':
      return F.retention(L, o);
    case 'securityMeasures':
      return F.securityMeasure(L, o);
    case 'jointControllers':
      return F.jointController(L, o);
    case 'clients':
      return F.client(L, o);
    case 'systems':
      return F.system(L, o);
  }
  return JSON.stringify(item);
}

/** A field's value as the DPO reads it: the register's words, one line per list item (the import preview, the history). */
export function valueLines(field: string, v: unknown, L: Labels, typeOf?: (name: string) => string | undefined): string[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.map((x) => itemText(field, x, L, typeOf));
  if (field === 'role') return [L.role(String(v))];
  if (field === 'status') return [L.status(String(v))];
  if (field === 'dpia') {
    const d = v as ActivityFields['dpia'];
    return [L.dpiaStatus(d.status), d.link, ...d.criteria.map((c) => L.term('dpia_criterion', c))].filter(Boolean);
  }
  if (field === 'automatedDecision') {
    const a = v as ActivityFields['automatedDecision'];
    return [L.yesNo(a.exists), a.description].filter(Boolean);
  }
  if (typeof v === 'boolean') return [L.yesNo(v)];
  return [String(v)];
}

/** The vocabulary behind a coded property of a list item or of the DPIA (`legalBases[0].code`, `dpia.criteria`). */
const CODED: Record<string, VocabularyKind> = {
  'legalBases.code': 'legal_basis',
  'art9Conditions.code': 'art9_condition',
  'dataCategories.code': 'data_category',
  'dataSubjects.code': 'data_subject_category',
  'recipients.type': 'recipient_type',
  'securityMeasures.type': 'security_measure_type',
  'transfers.safeguard': 'transfer_safeguard',
  'transfers.derogation': 'art49_derogation',
  'dpia.criteria': 'dpia_criterion',
  'dpia.art35Cases': 'art35_case',
  'dpia.cnilRequired': 'dpia_cnil_required',
  'dpia.cnilExempted': 'dpia_cnil_exempted',
  'retention.finalFate': 'retention_final_fate',
};

/**
 * A value the history recorded at a path (`department`, `legalBases[0]`, `transfers[1].country`,
 * `dpia.status`) as the DPO reads it: whole fields and list items as the import preview writes them,
 * codes by their labels, yes/no in words.
 */
export function pathValueLines(path: string, v: unknown, L: Labels, typeOf?: (name: string) => string | undefined): string[] {
  const m = /^(\w+)(?:\[\d+\])?(?:\.(\w+))?(?:\[\d+\])?$/.exec(path);
  if (!m || v === undefined || v === null || v === '') return v === undefined || v === null || v === '' ? [] : [JSON.stringify(v)];
  const [, field, prop] = m;
  const item = /^\w+\[\d+\]$/.test(path);
  if (!prop) return item ? [itemText(field, v, L, typeOf)] : valueLines(field, v, L, typeOf);
  const kind = CODED[`${field}.${prop}`];
  const one = (x: unknown): string => {
    if (typeof x === 'boolean') return L.yesNo(x);
    if (kind) return L.term(kind, String(x));
    if (prop === 'country') return L.country(String(x));
    if (field === 'dpia' && prop === 'status') return L.dpiaStatus(String(x));
    return typeof x === 'object' ? JSON.stringify(x) : String(x);
  };
  return Array.isArray(v) ? v.map(one) : [one(v)];
}

/**
 * The changes from `before` to `after` for the fields the row gives (`present`): `incoming` is the
 * row's own value of each field (to tell what a "replace" would remove).
 */
export function fieldChanges(
  before: ActivityFields,
  after: ActivityFields,
  incoming: Partial<ActivityFields>,
  present: Iterable<string>,
  replace: ReadonlySet<string>,
  L: Labels,
  lang: 'fr' | 'en',
  typeOf?: (name: string) => string | undefined,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of new Set(present)) {
    const b = (before as Record<string, unknown>)[field];
    const a = (after as Record<string, unknown>)[field];
    const bl = valueLines(field, b, L, typeOf);
    const al = valueLines(field, a, L, typeOf);
    let wouldRemove: string[] = [];
    if (isListField(field))
      wouldRemove = removedBy(field, (b ?? []) as never[], ((incoming as Record<string, unknown>)[field] ?? []) as never[]).map((x) => itemText(field, x, L, typeOf));
    const same = JSON.stringify(b) === JSON.stringify(a);
    if (same && !wouldRemove.length) continue;
    const removed = bl.filter((x) => !al.includes(x));
    out.push({
      field,
      label: fieldLabel(field, lang),
      before: bl,
      after: al,
      added: al.filter((x) => !bl.includes(x)),
      removed: isListField(field) ? (replace.has(field) ? removed : []) : [],
      replaceWouldRemove: replace.has(field) ? [] : wouldRemove,
      mode: !isListField(field) ? 'set' : replace.has(field) ? 'replace' : 'merge',
    });
  }
  return out;
}
