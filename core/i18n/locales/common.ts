/** Words shared by every part of the app. */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.none': 'None',
  'common.activity_one': '{{count}} activity',
  'common.activity_other': '{{count}} activities',
};

export const fr: Entries = {
  'common.yes': 'Oui',
  'common.no': 'Non',
  'common.none': 'Néant',
  'common.activity_one': '{{count}} activité',
  'common.activity_other': '{{count}} activités',
};
