/** Dates as the register shows them: a short date in the window's language. */
import { isLang } from '../../../core/i18n/i18n.js';
import { LOCALES } from '../../../core/i18n/localized.js';

export function formatDate(iso: string, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(isLang(lang) ? LOCALES[lang] : LOCALES.en, { year: 'numeric', month: 'short', day: '2-digit' });
}
