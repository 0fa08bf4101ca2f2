/** Values a department types to mean "nothing": dropped, never imported as text. */
import { fold as foldKey } from '../fold.js';

const EMPTY = new Set(
  [
    '-',
    '--',
    '—',
    '–',
    '/',
    '.',
    '?',
    'x/x',
    'n/a',
    'na',
    'n.a.',
    'n a',
    'nc',
    'n/c',
    'nr',
    'n/r',
    'nd',
    'n/d',
    'néant',
    'neant',
    'aucun',
    'aucune',
    'aucuns',
    'aucunes',
    'sans objet',
    'so',
    's/o',
    'non applicable',
    'non concerné',
    'non concerne',
    'rien',
    'none',
    'nil',
    'null',
    'not applicable',
    'nothing',
    'no one',
    'tbc',
    'vide',
    'empty',
    'sélectionnez un élément dans cette liste déroulante ►',
    'selectionnez un element dans cette liste deroulante',
    'select',
    'choisir',
    'choose',
  ].map((v) => foldKey(v) || v),
);

/** No empty-equivalent is longer than this: a longer text is folded only at its start (every cell of a file is asked). */
const LONGEST = 60;

export function isEmptyEquivalent(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  if (t.length > LONGEST) return /^[-–—_.\s/]+$/.test(t) || /^selectionnez un element/.test(foldKey(t.slice(0, 30)));
  const k = foldKey(t);
  return EMPTY.has(k || t) || /^[-–—_.\s/]+$/.test(t) || /^selectionnez un element/.test(k);
}

/** Trims, drops empty-equivalents (returns ''), normalises line endings and non-breaking spaces. */
export function cleanText(text: string): string {
  const t = (/[\r\u00a0\u202f]/.test(text) ? text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u202f]/g, ' ') : text).trim();
  return isEmptyEquivalent(t) ? '' : t;
}
