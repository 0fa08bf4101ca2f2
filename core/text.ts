// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** Folds case, accents, punctuation and spacing: "Société  X." and "SOCIETE X" give "societe x". */
export function foldKey(text: string): string {
  const lower = text.toLowerCase();
  // Most text is ASCII: skip Unicode normalisation and property classes, which cost ten times more.
  if (!NON_ASCII.test(lower)) return lower.replace(/[^a-z0-9]+/g, ' ').trim();
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folds several texts at once (one pass over the joined text), joined by " | ". */
export function foldTexts(texts: string[]): string {
  const lower = texts.join('\n').toLowerCase();
  const folded = !NON_ASCII.test(lower)
    ? lower.replace(/[^a-z0-9\n]+/g, ' ')
    : lower
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[^\p{L}\p{N}\n]+/gu, ' ');
  return folded
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' | ');
}
