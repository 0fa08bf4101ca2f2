/**
 * Why a sheet holds no table to import, as a text of the catalogue (`errors.sheet.*`). The readers
 * (find-table, the CNIL layout, fiches) say it in English words for the preview's program side;
 * errors shown to the DPO name it through this function, in the DPO's language.
 */
import { text, type ErrorText } from '../../errors.js';

const REASONS: [RegExp, string][] = [
  [/^empty sheet/, 'empty'],
  [/^no recognisable header row/, 'noHeader'],
  [/^headers only/, 'headersOnly'],
  [/^list of activities is empty/, 'headersOnly'],
  [/^(CNIL )?fiche: one activity/, 'fiche'],
  [/^blank fiche/, 'blankFiche'],
  [/^not part of the CNIL register layout/, 'notCnil'],
  [/^the list holds only the CNIL’s example row/, 'exampleOnly'],
  [/^Art30 export/, 'art30Export'],
  [/^instructions$/, 'instructions'],
  [/^lists behind the dropdowns$/, 'lists'],
  [/^example$/, 'example'],
  [/^notes$/, 'notes'],
  [/^a list beside the register$/, 'besideRegister'],
  [/^a list of organisations$/, 'organisations'],
  [/^part of the fiche$/, 'ficheSide'],
  [/^no row is an activity$/, 'noActivityRow'],
];

export function sheetReason(reason: string | undefined): ErrorText {
  for (const [re, key] of REASONS) if (reason && re.test(reason)) return text(`errors.sheet.${key}`);
  return text('errors.sheet.nothing');
}

/** `"Feuil1": empty sheet`: a sheet and its reason. */
export function sheetWithReason(sheet: string, reason: string | undefined): ErrorText {
  return text('errors.sheet.named', { sheet, reason: sheetReason(reason) });
}
