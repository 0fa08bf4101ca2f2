/**
 * The one list of the `activities` columns a write sets, derived from the drizzle schema
 * (db/schema.ts): add a column there (and its field in core/model/schemas.ts, or its derived value)
 * and inserts and updates carry it. Each column's value is read from the activity's fields, or
 * from the values derived on every write, by the schema's property name: JSON columns (`*_json`)
 * are serialised, booleans stored as 0/1, lists of codes joined by spaces.
 */
import { getTableColumns } from 'drizzle-orm';
import { activities } from './schema.js';

/** Not set from the fields: the key, the organisation, and the stamps the store writes itself. */
const NOT_FROM_FIELDS = new Set(['id', 'organisationId', 'version', 'createdAt', 'updatedAt']);

export interface ScalarColumn {
  /** The property of the fields (or derived values), e.g. `criminalDataBasis`. */
  key: string;
  /** The SQL column, e.g. `criminal_data_basis`. */
  column: string;
  read(fields: Record<string, unknown>, derived: Record<string, unknown>): unknown;
}

function reader(key: string, column: string, boolean: boolean): ScalarColumn['read'] {
  const value = (f: Record<string, unknown>, d: Record<string, unknown>) => (key in d ? d[key] : f[key]);
  if (column.endsWith('_json')) return (f, d) => JSON.stringify(value(f, d));
  if (boolean) return (f, d) => (value(f, d) ? 1 : 0);
  return (f, d) => {
    const v = value(f, d);
    return Array.isArray(v) ? v.join(' ') : (v ?? '');
  };
}

export const ACTIVITY_SCALARS: readonly ScalarColumn[] = Object.entries(getTableColumns(activities))
  .filter(([key]) => !NOT_FROM_FIELDS.has(key))
  .map(([key, col]) => ({ key, column: col.name, read: reader(key, col.name, col.dataType === 'boolean') }));

/** The SQL name of a column of `activities`, as the schema declares it (`security_notes`). */
export type ActivityColumnName = (typeof activities._.columns)[keyof typeof activities._.columns]['_']['name'];

/** The SQL column names, in order. */
export const ACTIVITY_SCALAR_COLUMNS: readonly string[] = ACTIVITY_SCALARS.map((c) => c.column);

/** The values of one write, in the order of ACTIVITY_SCALAR_COLUMNS. */
export function scalarValues(fields: object, derived: object): unknown[] {
  const f = fields as Record<string, unknown>;
  const d = derived as Record<string, unknown>;
  const out = new Array<unknown>(ACTIVITY_SCALARS.length);
  for (let i = 0; i < ACTIVITY_SCALARS.length; i++) out[i] = ACTIVITY_SCALARS[i].read(f, d);
  return out;
}
