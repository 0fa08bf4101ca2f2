/** Values a department types to mean "nothing": dropped, never imported as text. */
import { fold as foldKey } from '../fold.js';
import { ROW_MARKERS } from '../vocabulary/index.js';

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
const LONGEST = 30;

const BRACKETED = /^(?:\[[^[\]]+\]|\{[^{}]+\})$/;

/**
 * A template's placeholder left in a cell: a text wholly in square or curly brackets ("[es. 10 anni]",
 * "{Falls vorhanden}", "CDN-Provider: {Falls vorhanden}"), or a hint opened by an example word and its
 * punctuation ("Example: Customer Data", "e.g. name, e-mail", "Es. 24 mesi"). It says what to write, not a value.
 */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (t.length < 3) return false;
  // Brackets looked for first: this runs on every cell of a file.
  if (t.includes('[') || t.includes('{')) {
    if (BRACKETED.test(t)) return true;
    const labelled = /^[^:\n[{]{2,40}:\s*([[{].*)$/s.exec(t);
    if (labelled && BRACKETED.test(labelled[1].trim())) return true;
  }
  // "(Nom ou raison sociale + SIREN + contact)", "(name / e-mail…)": a hint in parentheses offering choices.
  if (t[0] === '(' && /^\([^()]+\)$/.test(t) && /\+|…|\.\.\.|\s(?:o|ou|or|oder|of|e)\s|\s\/\s/.test(t)) return true;
  // An example word and its punctuation stand in the first 30 characters or so: without such punctuation, no hint.
  if (!/[:.)]/.test(t.slice(0, 40))) return false;
  const opened = exampleStart().exec(foldKey(t.slice(0, 30)));
  return opened !== null && /[:.)]/.test(t.slice(0, opened[1].length + 4)) && /^[^\p{L}]*\p{L}/u.test(t);
}

let exampleOpening: RegExp | undefined;
/** A folded text opened by an example word of any language ("e g …", "beispiel …"), longest first; built once. */
function exampleStart(): RegExp {
  exampleOpening ??= new RegExp(
    `^(${[...ROW_MARKERS.example]
      .sort((a, b) => b.length - a.length)
      .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')}) `,
  );
  return exampleOpening;
}

export function isEmptyEquivalent(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  if ((t[0] === '[' || t[0] === '{' || t.includes(':') || t.includes('.')) && isPlaceholder(t)) return true;
  if (t.length > LONGEST) return /^[-–—_.\s/]+$/.test(t) || (/^s/i.test(t) && /^selectionnez un element/.test(foldKey(t.slice(0, 30))));
  const k = foldKey(t);
  return EMPTY.has(k || t) || /^[-–—_.\s/]+$/.test(t) || /^selectionnez un element/.test(k);
}

/** Trims, drops empty-equivalents (returns ''), normalises line endings and non-breaking spaces. */
export function cleanText(text: string): string {
  const t = (/[\r\u00a0\u202f]/.test(text) ? text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u202f]/g, ' ') : text).trim();
  return isEmptyEquivalent(t) ? '' : t;
}
