/** The import reading a record written line by line in one cell (key `importLines.<…>`). */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'importLines.why.labelledLines': 'Each cell holds the activity written line by line (“Label: value”): its lines give {{count}} fields, the rest is kept as the description.',
};

export const fr: Entries = {
  'importLines.why.labelledLines':
    'Chaque cellule contient le traitement écrit ligne par ligne (« Libellé : valeur ») : ses lignes donnent {{count}} champs, le reste est gardé comme description.',
};
