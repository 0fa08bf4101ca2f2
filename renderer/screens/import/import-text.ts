/** Import messages as a DPO reads them: in the app's language, with the field's label (never a field key). */
import type { Translate } from '../../app-context.js';

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
  if (f) return lang === 'fr' ? f.labelFr : f.labelEn;
  return '';
}

export function issueText(t: Translate, lang: 'fr' | 'en', issue: Issue, fields: FieldInfo[]): string {
  const message = issue.code ? t(`import.warning.${issue.code}`, { value: issue.value, ...(issue.params ?? {}) }) : issue.message;
  const label = fieldName(issue.field, fields, lang);
  return t('import.warning.line', { cell: issue.cell, label, message }).replace(/^\s+/, '').replace(/^ ?: /, '');
}

/** The import's progress phases (core/import sends them in English) in the app's language. */
const PHASES: Record<string, string> = {
  'Reading the file': 'import.phase.reading',
  'Checking the rows': 'import.phase.checking',
  'Backing up the register': 'import.phase.backup',
  'Writing activities': 'import.phase.writing',
  Done: 'import.phase.done',
};

export function phaseText(t: Translate, phase: string): string {
  return PHASES[phase] ? t(PHASES[phase]) : phase;
}
