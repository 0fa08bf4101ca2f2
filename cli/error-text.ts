/**
 * Errors as the command line shows them: in its language (ART30_LANG, LANG…), the fields by their
 * labels (the window's words, core/i18n/locales/window.ts), from the error's catalogue key and
 * parameters, the same way the window shows them (core/i18n/error-text.ts).
 */
import type { AppError } from '../core/errors.js';
import { localiseError, localiseText, type Tr } from '../core/i18n/error-text.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import type { RegisterOpenError } from '../db/errors.js';

export function cliTranslator(lang: Lang): Tr {
  return (key, vars) => t(lang, key, vars);
}

/** The message and one line per field ("Pays : doit être un code pays…"), in `lang`. */
export function errorText(lang: Lang, error: AppError | RegisterOpenError): { message: string; details: string[] } {
  const tr = cliTranslator(lang);
  if (!('toJSON' in error)) return { message: localiseText(tr, error.text.key, error.text.params), details: [] };
  const shown = localiseError(error.toJSON(), tr);
  return {
    message: shown.message,
    details: (shown.details ?? []).map((d) => (d.label ? tr('errors.fieldLine', { field: d.label, problem: d.message }) : d.path ? `${d.path}: ${d.message}` : d.message)),
  };
}
