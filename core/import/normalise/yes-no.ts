/** Oui / Non / X / TRUE / 1 … → boolean; undefined when the text is not a yes or a no. */
import { fold as foldKey } from '../fold.js';

const YES = new Set(['oui', 'o', 'yes', 'y', 'x', 'true', 'vrai', '1', 'ok', 'si', 'ja']);
const NO = new Set(['non', 'n', 'no', 'false', 'faux', '0']);

export function parseYesNo(text: string): boolean | undefined {
  const k = foldKey(text);
  if (!k) return text.trim().toLowerCase() === 'x' ? true : undefined;
  if (YES.has(k) || /^oui\b/.test(k) || /^yes\b/.test(k)) return true;
  if (NO.has(k) || /^non\b/.test(k) || /^no\b/.test(k)) return false;
  return undefined;
}
