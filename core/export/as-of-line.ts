/** "Register as it stood on 31/01/2026", for the cover of an export of the register as of a date. */
import { t } from '../i18n/i18n.js';
import type { Labels } from './labels.js';

export function asOfLine(L: Labels, date: string): string {
  return t(L.lang, 'overview.asOfCover', { date: L.date(date) });
}
