/** The command line's summaries of long work (issue 21): kinds counted, a few examples each, where to see the rest. */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'cliSummary.errorsTitle_one': 'Errors by kind ({{count}} error, on {{rows}} rows):',
  'cliSummary.errorsTitle_other': 'Errors by kind ({{count}} errors, on {{rows}} rows):',
  'cliSummary.warningsTitle_one': 'Warnings by kind ({{count}} warning, on {{rows}} rows):',
  'cliSummary.warningsTitle_other': 'Warnings by kind ({{count}} warnings, on {{rows}} rows):',
  'cliSummary.skippedTitle': 'Rows skipped, not activities ({{count}}):',
  'cliSummary.duplicatesTitle': 'Duplicate rows ({{count}}):',
  'cliSummary.kind': '{{count}} × {{what}}',
  'cliSummary.more': '{{count}} more',
  'cliSummary.updates_one': '{{count}} activity updated, {{fields}} field changes in all.',
  'cliSummary.updates_other': '{{count}} activities updated, {{fields}} field changes in all.',
  'cliSummary.seeAll': 'Every row, its warnings and changes: --verbose. Everything, as JSON: --json.',
};

export const fr: Entries = {
  'cliSummary.errorsTitle_one': 'Erreurs par type ({{count}} erreur, sur {{rows}} lignes) :',
  'cliSummary.errorsTitle_other': 'Erreurs par type ({{count}} erreurs, sur {{rows}} lignes) :',
  'cliSummary.warningsTitle_one': 'Alertes par type ({{count}} alerte, sur {{rows}} lignes) :',
  'cliSummary.warningsTitle_other': 'Alertes par type ({{count}} alertes, sur {{rows}} lignes) :',
  'cliSummary.skippedTitle': 'Lignes ignorées, qui ne sont pas des traitements ({{count}}) :',
  'cliSummary.duplicatesTitle': 'Lignes en double ({{count}}) :',
  'cliSummary.kind': '{{count}} × {{what}}',
  'cliSummary.more': 'et {{count}} de plus',
  'cliSummary.updates_one': '{{count}} traitement mis à jour, {{fields}} modifications de champs en tout.',
  'cliSummary.updates_other': '{{count}} traitements mis à jour, {{fields}} modifications de champs en tout.',
  'cliSummary.seeAll': 'Chaque ligne, ses alertes et modifications : --verbose. Tout, en JSON : --json.',
};
