/**
 * Texts of a French DPO's first hour (issue 26): the skip link, the file picker, dates and times
 * typed as the DPO writes them, the import preview's values and sheets, the progress that ends.
 */
import type { Entries } from '../catalogue.js';

const pairs: Record<string, [en: string, fr: string]> = {
  'firsthour.skipLink': ['Skip to content', 'Aller au contenu'],
  'firsthour.chooseFile': ['Choose a file…', 'Choisir un fichier…'],
  'firsthour.noFile': ['No file chosen', 'Aucun fichier choisi'],
  'firsthour.dateFormat': ['dd/mm/yyyy', 'jj/mm/aaaa'],
  'firsthour.dateTimeFormat': ['dd/mm/yyyy hh:mm', 'jj/mm/aaaa hh:mm'],
  'firsthour.dateWrong': ['Not a date: write it as {{format}}.', 'Date non reconnue : écrivez-la sous la forme {{format}}.'],
};

export const en: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [e]]) => [k, e]));
export const fr: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [, f]]) => [k, f]));
