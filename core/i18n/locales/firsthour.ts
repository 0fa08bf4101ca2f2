/**
 * Texts of a French DPO's first hour (issue 26): the skip link, the file picker, dates and times
 * typed as the DPO writes them, the import preview's values and sheets, the progress that ends.
 */
import type { Entries } from '../catalogue.js';

const pairs: Record<string, [en: string, fr: string]> = {
  'firsthour.skipLink': ['Skip to content', 'Aller au contenu'],
  'firsthour.chooseFile': ['Choose a file…', 'Choisir un fichier…'],
  'firsthour.noFile': ['No file chosen', 'Aucun fichier choisi'],
  'firsthour.colon': [': ', '\u00a0: '],
  'firsthour.listSep': ['; ', '\u00a0; '],
  'firsthour.rowAt': ['{{sheet}}, row {{row}}', '{{sheet}}, ligne {{row}}'],
  'firsthour.count': ['{{label}}: {{count}}', '{{label}}\u00a0: {{count}}'],
  'firsthour.sheetRows_one': ['Sheet {{sheet}} · {{count}} row', 'Feuille {{sheet}} · {{count}} ligne'],
  'firsthour.sheetRows_other': ['Sheet {{sheet}} · {{count}} rows', 'Feuille {{sheet}} · {{count}} lignes'],
  'firsthour.sheets': ['Sheets of the workbook', 'Feuilles du classeur'],
  'firsthour.sheetImported_one': ['imported, {{count}} row', 'importée, {{count}} ligne'],
  'firsthour.sheetImported_other': ['imported, {{count}} rows', 'importée, {{count}} lignes'],
  'firsthour.sheetNotSelected': ['not imported this time (another sheet was chosen)', 'non importée cette fois (une autre feuille a été choisie)'],
  'firsthour.sheetSkipped': ['skipped — {{reason}}', 'ignorée — {{reason}}'],
  'firsthour.newRecipients': ['Recipients added to the directory: {{names}}', 'Destinataires ajoutés à l’annuaire\u00a0: {{names}}'],
  'firsthour.values': ['Values written', 'Valeurs écrites'],
  // "Cancel" beside "Undo the import" would read "Annuler" beside "Annuler l’import" in French.
  'firsthour.keepImport': ['Keep the import', 'Garder l’import'],
  'firsthour.countryUnknown': [
    'Not a country Art30 knows: {{names}} (write its name in French or English).',
    'Pays non reconnu\u00a0: {{names}} (écrivez son nom en français ou en anglais).',
  ],
  'firsthour.requestRetentionHint': [
    'A duration, e.g. 1 year or 6 months; empty: kept until you erase them.',
    'Une durée, par exemple 1 an ou 6 mois ; vide : conservées jusqu’à effacement manuel.',
  ],
  'firsthour.nothingToSave': [
    'Nothing to save on this screen: Ctrl+S saves a form being edited.',
    'Rien à enregistrer sur cet écran : Ctrl+S enregistre un formulaire en cours de saisie.',
  ],
  'firsthour.noGroups.department': [
    'No activity names its department yet: fill in the department of the activities, or send to each person in charge.',
    'Aucun traitement n’indique encore son service : renseignez le service des traitements, ou envoyez à chaque responsable opérationnel.',
  ],
  'firsthour.noGroups.owner': [
    'No activity names its person in charge yet: fill in the person in charge of the activities, or send to each department.',
    'Aucun traitement n’indique encore son responsable opérationnel : renseignez-le dans les traitements, ou envoyez à chaque service.',
  ],
  'firsthour.dateFormat': ['dd/mm/yyyy', 'jj/mm/aaaa'],
  'firsthour.dateTimeFormat': ['dd/mm/yyyy hh:mm', 'jj/mm/aaaa hh:mm'],
  'firsthour.dateWrong': ['Not a date: write it as {{format}}.', 'Date non reconnue : écrivez-la sous la forme {{format}}.'],
};

export const en: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [e]]) => [k, e]));
export const fr: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [, f]]) => [k, f]));
