/**
 * When a sheet has no column for a required field: one message per sheet naming the field and the
 * closest columns (not an error on every row); the name derived from the purpose (its first clause,
 * at most 80 characters); a processor register's processing done on behalf of the client as the
 * purpose; and, when the DPO chooses it, rows still lacking a required field imported as drafts.
 */
import type { Message } from '../../i18n/i18n.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { inLang } from '../../i18n/localized.js';
import type { BuiltRow, CellIssue } from './build-row.js';
import { FIELDS, FIELD_BY_KEY } from '../assign/fields.js';
import type { SheetTable } from '../locate/find-table.js';
import type { SheetMappingState } from '../preview/sessions.js';
import { columnLetter } from '../read/workbook.js';

export interface MissingField {
  field: string;
  /** Columns that could give it, best first. */
  candidates: { letter: string; header: string }[];
}

/** Required fields no column of the sheet gives, with the columns that come closest. */
export function missingFields(table: SheetTable, state: SheetMappingState): MissingField[] {
  const mapped = new Set([...state.fields.values()].filter(Boolean));
  // The fields a column of labelled lines gives, while it is read as the description.
  for (const m of table.mapping) if (m.lines && state.fields.get(m.column) === 'description') for (const f of m.lines) mapped.add(f);
  const out: MissingField[] = [];
  for (const def of FIELDS) {
    if (!def.required || mapped.has(def.key)) continue;
    // Derived from another column: the name from the purpose, the purpose from the processing done for a client.
    if (def.key === 'name' && (mapped.has('purpose') || mapped.has('clientProcessing'))) continue;
    if (def.key === 'purpose' && mapped.has('clientProcessing')) continue;
    const scored: { letter: string; header: string; score: number }[] = [];
    for (const m of table.mapping) {
      if (!m.header.trim()) continue;
      const alt = m.alternatives?.find((a) => a.field === def.key)?.confidence ?? 0;
      const loose = !state.fields.get(m.column) ? 0.05 : 0;
      const text = ['description', 'subPurposes', 'clientProcessing'].includes(state.fields.get(m.column) ?? '') ? 0.2 : 0;
      const score = alt + loose + text;
      if (score > 0.1) scored.push({ letter: columnLetter(m.column), header: m.header, score });
    }
    scored.sort((a, b) => b.score - a.score);
    out.push({ field: def.key, candidates: scored.slice(0, 3).map(({ letter, header }) => ({ letter, header })) });
  }
  return out;
}

export function missingMessages(sheet: string, missing: MissingField[]): Message[] {
  return missing.map((m) => {
    const def = FIELD_BY_KEY.get(m.field)!;
    const fields = { fieldFr: def.labelFr, fieldEn: def.labelEn };
    if (!m.candidates.length) return { key: 'mapping.missing.field', params: { sheet, ...fields } };
    return { key: 'mapping.missing.candidates', params: { sheet, ...fields, candidates: m.candidates.map((c) => `${c.letter} “${c.header}”`).join(', ') } };
  });
}

/** The first clause of a text, at most 80 characters (a name derived from a purpose). */
export function firstClause(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const clause = one.split(/(?<=[^\d])[.;:!?](?:\s|$)|\s[–—-]\s|,\s(?=(?:afin|pour|in order|so that|which|qui|dont)\b)/)[0].trim();
  if (clause.length <= 80) return clause.replace(/[.,;:]+$/, '');
  const cut = clause.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[.,;:]+$/, '')}…`;
}

/** Fills what the sheet's columns imply: the purpose of a processor's processing, the name from the purpose. */
export function deriveFields(built: BuiltRow, cellsOf: (field: string) => string[], lang: Lang = 'en'): void {
  const f = built.fields;
  if (!f.purpose) {
    const onBehalf = cellsOf('clientProcessing').join('; ').trim();
    if (onBehalf) {
      f.purpose = onBehalf;
      built.present.add('purpose');
    }
  }
  // "Sensitive data: yes" and no category saying which: kept as a special category to specify.
  if (built.specialUnnamed && !(f.dataCategories ?? []).some((c) => c.special)) {
    f.dataCategories = [...(f.dataCategories ?? []), { code: '', label: t(lang, 'mapping.specialToSpecify'), description: '', special: true }];
    built.present.add('dataCategories');
  }
  if (!f.name && f.purpose) {
    f.name = firstClause(f.purpose);
    built.present.add('name');
    built.warnings.push({ field: 'name', cell: '', value: f.name, message: t(lang, 'mapping.nameFromPurpose', { name: f.name }) });
  }
}

/**
 * Imports as a draft a row whose only errors are missing required fields: each missing field gets a
 * placeholder to complete (the name from the purpose or description when there is one), the
 * activity is a draft, and a warning says what to complete. Returns whether the row was kept.
 */
export function asDraft(merged: Record<string, unknown>, errors: CellIssue[], warnings: CellIssue[], where: string, lang: Lang = 'fr'): boolean {
  if (!errors.length || errors.some((e) => !FIELD_BY_KEY.get(e.field)?.required || e.cell)) return false;
  const placeholder = t(lang, 'mapping.draft.placeholder');
  for (const e of errors) {
    const def = FIELD_BY_KEY.get(e.field)!;
    let value = placeholder;
    if (e.field === 'name') {
      const from = String(merged.purpose ?? merged.description ?? '').trim();
      value = from ? firstClause(from) : `${placeholder} (${where})`;
    }
    merged[e.field] = value;
    warnings.push({ field: e.field, cell: '', value, message: t(lang, 'mapping.draft.missing', { field: inLang(def, 'label', lang) }) });
  }
  merged.status = 'draft';
  errors.length = 0;
  return true;
}
