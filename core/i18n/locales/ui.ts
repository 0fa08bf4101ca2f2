/** The window's own words that are not in locales/window.ts: key `ui.`. */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'ui.errorField': 'A field',
  'ui.selected_one': '{{count}} selected',
  'ui.selected_other': '{{count}} selected',
  'ui.usedBy_one': '{{count}} activity',
  'ui.usedBy_other': '{{count}} activities',
  'ui.dpiaSuggested_one': 'Suggestion: a DPIA is required ({{count}} criterion met).',
  'ui.dpiaSuggested_other': 'Suggestion: a DPIA is required ({{count}} criteria met).',
  'ui.dpiaNotSuggested_one': 'Suggestion: no DPIA required ({{count}} criterion met).',
  'ui.dpiaNotSuggested_other': 'Suggestion: no DPIA required ({{count}} criteria met).',
};

export const fr: Entries = {
  'ui.errorField': 'Un champ',
  'ui.selected_one': '{{count}} sélectionnée',
  'ui.selected_other': '{{count}} sélectionnées',
  'ui.usedBy_one': '{{count}} activité',
  'ui.usedBy_other': '{{count}} activités',
  'ui.dpiaSuggested_one': 'Suggestion : une AIPD est requise ({{count}} critère rempli).',
  'ui.dpiaSuggested_other': 'Suggestion : une AIPD est requise ({{count}} critères remplis).',
  'ui.dpiaNotSuggested_one': 'Suggestion : pas d’AIPD requise ({{count}} critère rempli).',
  'ui.dpiaNotSuggested_other': 'Suggestion : pas d’AIPD requise ({{count}} critères remplis).',
};
