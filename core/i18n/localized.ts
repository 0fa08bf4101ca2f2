/**
 * Bilingual values the register stores itself (a vocabulary term's `labelFr`/`labelEn`, a
 * country's `nameFr`/`nameEn`, an adequacy scope): picked in one place for a language, with the
 * locale used to write dates and sort. The app's own words are in the catalogue, not here.
 */
import type { Lang } from './i18n.js';

type Suffixed<F extends string> = { [K in `${F}Fr` | `${F}En`]?: string | null };

const SUFFIX: Record<Lang, 'Fr' | 'En'> = { fr: 'Fr', en: 'En' };

/** `inLang(term, 'label', 'fr')` → `term.labelFr`. */
export function inLang<F extends string>(value: Suffixed<F>, field: F, lang: Lang): string {
  return (value as Record<string, string | null | undefined>)[`${field}${SUFFIX[lang]}`] ?? '';
}

/** The locale for dates and sorting in a language. */
export const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
