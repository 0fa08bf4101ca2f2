/**
 * A legal basis per purpose (issue 25), as a department's file gives it: the rows that continue an
 * activity each name a sub-purpose with its legal basis (or Art. 9 condition) beside it. Those bases
 * serve that sub-purpose; the activity's own row (a column of bases) fills its main purpose.
 */
import type { ActivityFields } from '../../model/schemas.js';
import { fold } from '../fold.js';
import { buildRow, type BuiltRow, type RowCells } from '../values/build-row.js';
import type { ImportContext } from '../values/context.js';

/** The fields whose cells, on a continuation row naming a sub-purpose, serve that sub-purpose. */
export const PURPOSE_BASIS_FIELDS = ['legalBases', 'art9Conditions'] as const;

/** One continuation row: the sub-purpose it names and the basis cells beside it. */
export interface PurposeLine {
  subPurpose: string;
  cells: RowCells;
}

/**
 * The row's fields with each line's bases on its sub-purpose (found by its words among the row's
 * sub-purposes). `built` may be shared (rows are built once per distinct content): a copy is returned.
 */
export function withPurposeBases(built: BuiltRow, lines: PurposeLine[], ctx: ImportContext): BuiltRow {
  if (!lines.length) return built;
  const out: BuiltRow = { ...built, fields: { ...built.fields }, present: new Set(built.present), warnings: [...built.warnings] };
  const subs = (out.fields.subPurposes ?? []).map(fold);
  const legalBases = [...(out.fields.legalBases ?? [])];
  const art9Conditions = [...(out.fields.art9Conditions ?? [])];
  for (const line of lines) {
    const part = buildRow(line.cells, ctx);
    out.warnings.push(...part.warnings);
    const at = subs.indexOf(fold(line.subPurpose.trim()));
    // The sub-purpose's words are always among the row's (the same cell): else the main purpose.
    const purpose = at >= 0 ? at + 1 : 0;
    const add = <T extends { code: string; purpose: number }>(list: T[], items: T[] | undefined) => {
      for (const b of items ?? []) if (!list.some((x) => x.code === b.code && x.purpose === purpose)) list.push({ ...b, purpose });
    };
    add(legalBases, part.fields.legalBases);
    add(art9Conditions, part.fields.art9Conditions);
  }
  const set = <K extends 'legalBases' | 'art9Conditions'>(key: K, value: ActivityFields[K]) => {
    if (!value.length) return;
    out.fields[key] = value;
    out.present.add(key);
  };
  set('legalBases', legalBases);
  set('art9Conditions', art9Conditions);
  return out;
}
