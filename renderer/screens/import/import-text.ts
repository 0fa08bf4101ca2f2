/** Import messages as a DPO reads them: in the app's language, with the field's label (never a field key). */
import type { Translate } from '../../app-context.js';
import { inLang } from '../../../core/i18n/localized.js';

export interface Issue {
  field: string;
  cell: string;
  value: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export interface FieldInfo {
  key: string;
  labelFr: string;
  labelEn: string;
}

export function fieldName(field: string, fields: FieldInfo[], lang: 'fr' | 'en'): string {
  const f = fields.find((x) => x.key === field);
  if (f) return inLang(f, 'label', lang);
  return '';
}

export function issueText(t: Translate, lang: 'fr' | 'en', issue: Issue, fields: FieldInfo[]): string {
  const message = issue.code ? t(`import.warning.${issue.code}`, { value: issue.value, ...(issue.params ?? {}) }) : issue.message;
  const label = fieldName(issue.field, fields, lang);
  return t('import.warning.line', { cell: issue.cell, label, message }).replace(/^\s+/, '').replace(/^ ?: /, '');
}

/** A progress phase (a catalogue key: `import.phase.writing`, `export.phase.printing`) in the app's language. */
export function phaseText(t: Translate, phase: string): string {
  const text = t(phase);
  return text === phase ? '' : text;
}
