// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
// eslint-disable-next-line no-control-regex
const NON_ASCII_CHARS = /[^\x00-\x7f]/gu;

/**
 * One character (code point), lower-cased, folded: its accents removed (NFD, marks dropped),
 * a space when it is neither a letter nor a digit. Folding character by character gives what
 * folding the whole text gives (canonical decomposition is per character, and the marks it
 * reorders are all dropped), and French text has few distinct accented characters: each is
 * normalised once, then looked up.
 */
const folded = new Map<string, string>();
function foldChar(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) {
    f = ch
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ');
    if (folded.size < 10_000) folded.set(ch, f);
  }
  return f;
}

/** Lower-cased text with every non-ASCII character folded; ASCII punctuation is left to the caller. */
function foldNonAscii(lower: string): string {
  return NON_ASCII.test(lower) ? lower.replace(NON_ASCII_CHARS, foldChar) : lower;
}

/** Folds case, accents, punctuation and spacing: "Société  X." and "SOCIETE X" give "societe x". */
export function foldKey(text: string): string {
  // What is left outside a-z and 0-9 is a space or a letter/digit of another script (kept).
  return foldNonAscii(text.toLowerCase())
    .replace(/[^a-z0-9\u0080-\uffff]+/g, ' ')
    .trim();
}

/** Folds several texts at once (one pass over the joined text), joined by " | ". */
export function foldTexts(texts: string[]): string {
  return foldNonAscii(texts.join('\n').toLowerCase())
    .replace(/[^a-z0-9\n\u0080-\uffff]+/g, ' ')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' | ');
}
