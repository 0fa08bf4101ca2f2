const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_CHARS = /[\u0080-\u{10ffff}]/gu;

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
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      // Greek final sigma is the same letter as σ ("ΣΚΟΠΟΣ" lower-cased ends in ς, a stem "σκοπος" is written either way);
      // Croatian đ, which has no decomposition, is typed "d" without it ("Medunarodni").
      .replace(/ς/g, 'σ')
      .replace(/đ/g, 'd');
    if (folded.size < 10_000) folded.set(ch, f);
  }
  return f;
}

/** Lower-cased text with every non-ASCII character folded; ASCII punctuation is left to the caller. */
function foldNonAscii(lower: string): string {
  return NON_ASCII.test(lower) ? lower.replace(NON_ASCII_CHARS, foldChar) : lower;
}

/**
 * The edges of a word in folded text, in any script: what `\b` is for ASCII letters (a Greek or Cyrillic
 * letter is not a `\w`, so `\b` finds no edge between "5 ετη" and the end). For a RegExp source.
 */
export const WORD_START = String.raw`(?<![a-z0-9\u0080-\uffff])`;
export const WORD_END = String.raw`(?![a-z0-9\u0080-\uffff])`;

/** Folds case, accents, punctuation and spacing: "Société  X." and "SOCIETE X" give "societe x". */
export function foldKey(text: string): string {
  // What is left outside a-z and 0-9 is a space or a letter/digit of another script (kept).
  return foldNonAscii(text.toLowerCase())
    .replace(/[^a-z0-9\u0080-\uffff]+/g, ' ')
    .trim();
}

/**
 * Folds several texts at once, joined by " | " (empty ones left out): what folding each with
 * `foldKey` and joining gives, a line break inside a text counting as a boundary between texts.
 * One pass over the characters: this runs for every activity an import writes.
 */
export function foldTexts(texts: string[]): string {
  const s = texts.join('\n').toLowerCase();
  let out = '';
  let space = false; // a separator since the last character written
  let bar = false; // a boundary between texts since the last character written
  let run = -1; // start of the current run of a-z and 0-9
  const put = (piece: string) => {
    if (out) out += bar ? ' | ' : space ? ' ' : '';
    out += piece;
    space = bar = false;
  };
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 10;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) {
      put(s.slice(run, i));
      run = -1;
    }
    if (c === 10) bar = true;
    else if (c < 128) space = true;
    else {
      const next = s.charCodeAt(i + 1);
      const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      const f = foldChar(pair ? s.slice(i, i + 2) : s[i]);
      if (pair) i++;
      // Letters and digits (accents dropped), nothing (a combining mark), or spaces.
      if (f === '') continue;
      for (const part of f.split(' ')) {
        if (part) put(part);
        else space = true;
      }
    }
  }
  return out;
}

/**
 * Every match of a global RegExp in a text, the RegExp itself run rather than a copy: `String.matchAll`
 * copies its RegExp at each call, and V8 looks the copy's compiled code up by its source — ≈ 4 µs
 * for the vocabulary's patterns of several kilobytes, on every cell an import reads.
 */
export function matchesOf(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new Error('matchesOf needs a global RegExp');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  try {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push(m);
      // An empty match moves on by one character (a code point with the u flag), as matchAll does.
      if (m[0] === '') re.lastIndex = re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? re.lastIndex + 2 : re.lastIndex + 1;
    }
  } finally {
    re.lastIndex = 0;
  }
  return out;
}
