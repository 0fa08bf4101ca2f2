/**
 * The preview validates every row against the register's schema. Rows built by the import are
 * already in the schema's shape (every list item complete, texts trimmed, codes from the
 * vocabularies, countries from the country table), so a quick check of the limits is enough for
 * them: when it passes, the row is used as it is; when it does not, zod gives the messages.
 * import.test.ts checks that every row the preview returns is unchanged by the full schema.
 */
import { LIMITS, activityFieldsSchema, type ActivityFields } from '../../model/schemas.js';

const DEFAULTS = activityFieldsSchema.parse({ name: 'x', purpose: 'x' });

/** Strings allowed past LIMITS.shortText, by property name. */
const LONG = new Set([
  'purpose',
  'description',
  'justification',
  'precision',
  'text',
  'criminalDataBasis',
  'securityNotes',
  'rights',
  'consentRecords',
  'breaches',
  'documentation',
  'responsibilities',
  'address',
  'contact',
  'notes',
  'link',
  'processingCategories',
  'representative',
  'dpo',
]);

/** Space the schema's `trim()` would remove, at either end (looked at there only: `/\s$/` tries every position). */
const SPACE = /\s/;
const edgeSpace = (v: string) => v.length > 0 && (SPACE.test(v[0]) || SPACE.test(v[v.length - 1]));

function within(value: unknown, key: string, depth: number): boolean {
  if (typeof value === 'string') return value.length <= (LONG.has(key) ? LIMITS.text : LIMITS.shortText) && !edgeSpace(value);
  if (Array.isArray(value)) {
    if (value.length > LIMITS.listItems) return false;
    for (const v of value) if (!within(v, key, depth + 1)) return false;
    return true;
  }
  if (value && typeof value === 'object' && depth < 4) {
    const o = value as Record<string, unknown>;
    for (const k in o) if (!within(o[k], k, depth + 1)) return false;
  }
  return true;
}

/** The complete fields when the quick check passes; null to fall back to the schema. */
export function quickFields(merged: Record<string, unknown>, changed: Iterable<string> = Object.keys(merged)): ActivityFields | null {
  const f = { ...DEFAULTS, ...merged } as ActivityFields;
  if (!f.name || !f.purpose || f.ref.length > 40 || f.dataSubjects.some((s) => !s.label) || f.dataCategories.some((c) => !c.label)) return null;
  // Fields not set by the row are the defaults or an existing activity's: valid already.
  for (const k of changed) if (!within((f as Record<string, unknown>)[k], k, 0)) return null;
  return f;
}
