/** The DPO's work in an activity's history, in the DPO's words (issue 25): the sign-off's fields and the copies. */
import { t, type Lang } from '../i18n/i18n.js';

const LABELS: Record<string, string> = {
  'signoff.state': 'dpo.signoff.state',
  'signoff.checkedAt': 'dpo.signoff.checkedAt',
  'signoff.checkedBy': 'dpo.signoff.checkedBy',
  'signoff.recommendation': 'dpo.signoff.recommendation',
  copiedTo: 'dpo.history.copiedTo',
  copiedFrom: 'dpo.history.copiedFrom',
};

/** The label of a history path this area writes, or null. */
export function dpoHistoryLabel(lang: Lang, path: string): string | null {
  return LABELS[path] ? t(lang, LABELS[path]) : null;
}

/** A value of such a path as the DPO reads it (a state's name, not its code), or null for other paths. */
export function dpoHistoryLines(lang: Lang, path: string, value: unknown): string[] | null {
  if (!LABELS[path]) return null;
  if (value === null || value === undefined || value === '') return [];
  return [path === 'signoff.state' ? t(lang, `dpo.signoff.${String(value)}`) : String(value)];
}
