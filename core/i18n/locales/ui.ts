/** The window's own words that are not in renderer/i18n/messages.ts: key `ui.`. */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'ui.errorField': 'A field',
};

export const fr: Entries = {
  'ui.errorField': 'Un champ',
};
