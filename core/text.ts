/** Folds case, accents, punctuation and spacing: "Société  X." and "SOCIETE X" give "societe x". */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
