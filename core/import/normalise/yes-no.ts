/** Oui / Non / X / TRUE / 1 … → boolean; undefined when the text is not a yes or a no. */
import { fold as foldKey } from '../fold.js';
import { TICKS, UNTICKS } from '../vocabulary/index.js';

// The ticks and their opposites of every language (vocabulary/*.json), and "ok".
const YES = new Set([...TICKS, 'ok']);
const NO = new Set([...UNTICKS].filter((w) => w !== '' && w !== '-'));

export function parseYesNo(text: string): boolean | undefined {
  const k = foldKey(text);
  if (!k) {
    // Symbols: "✓", "✔", "•", "☑" tick; "☐", "□" do not.
    const t = text.trim().toLowerCase();
    return YES.has(t) ? true : t && NO.has(t) ? false : undefined;
  }
  if (YES.has(k) || /^(oui|yes|ja|si)\b/.test(k)) return true;
  if (NO.has(k) || /^(non|no|nein)\b/.test(k)) return false;
  // A yes or a no of any language opening a cell before a dash, a colon or a comma ("Да – САЩ", "Ναι: ΗΠΑ",
  // "Igen, USA", "NEM - csak EU"): without the mark, "Da Vinci", "Nu Skin" are names.
  const opener = /^\s*(\p{L}{2,})\s*[-–—:,;(/]/u.exec(text)?.[1];
  if (opener) {
    const w = foldKey(opener);
    if (YES.has(w)) return true;
    if (NO.has(w)) return false;
  }
  return undefined;
}
