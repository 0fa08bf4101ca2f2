/**
 * Multi-value cells: "Clients; Prospects", one per line, "RH / Paie", bullets ("• a", "- b"),
 * "a, b". Commas inside parentheses do not split ("Vie personnelle (habitudes, famille)"), nor
 * commas of a known label (`keepWhole`, e.g. "État civil, identité, données d'identification"), nor
 * the commas of a cell whose items are separated otherwise (lines, semicolons, bullets). A vertical bar separates as
 * a semicolon does ("Employees|Contractors", the lists of GRC tools' exports): no value of a register holds one.
 */
import { cleanText } from './empty.js';

const BULLET = /^\s*(?:[•·▪●◦‣∙○■□➢➤►\-*–—]|\d{1,2}[.)])\s+/;

/** Splits on `sep` characters outside parentheses. */
function splitOutside(text: string, isSep: (s: string, i: number) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (depth === 0 && isSep(text, i)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** The parts of a text between its commas outside parentheses ("TikTok (China, Singapore), Meta (USA)" → two). */
export function commaParts(text: string): string[] {
  return splitOutside(text, (s, i) => s[i] === ',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** An item of a few words ("personnummer", "E-postadress"), not a phrase. */
const shortItem = (x: string) => {
  const t = x.trim();
  return t.length > 0 && t.length <= 40 && t.split(/\s+/).length <= 3 && !/[.!?:]$/.test(t);
};

const TICKED = /^\s*(?:☑|☒|✓|✔|✅|\[\s*[xX✓✔]\s*\])\s*/;
const UNTICKED = /^\s*(?:☐|\[\s*\])\s*/;
/** A box of a checklist at an item's start; "□"/"■" count only beside each other (alone they are bullets). */
const CHECKBOX = /(?:^|\n|\s)(?:☐|☑|☒|\[\s*[xX✓✔ ]?\s*\])\s*\S|(?:^|\n)\s*□[^\n]*\n\s*■|(?:^|\n)\s*■[^\n]*\n\s*□/;

function checklist(text: string, options: { commas?: boolean; keepWhole?: (part: string) => boolean }): SplitItem[] {
  // Each box opens an item, on its line or after the one before ("☑ Nom ☐ Adresse").
  const parts = text.split(/(?=☐|☑|☒|\[\s*[xX✓✔ ]?\s*\])|\n/);
  const out: SplitItem[] = [];
  for (const part of parts) {
    const p = part.replace(/^\s*□/, '☐').replace(/^\s*■/, '☑');
    if (UNTICKED.test(p)) continue;
    const ticked = TICKED.test(p);
    const rest = p.replace(TICKED, '').trim();
    if (!rest) continue;
    // Text beside the boxes without one of its own (a heading, a note) is kept as written.
    for (const item of ticked ? [rest] : splitItems(rest, options).map((i) => i.text)) {
      const v = cleanText(item);
      if (v) out.push({ text: v, follows: false });
    }
  }
  return out;
}

export interface SplitItem {
  text: string;
  /** The item continues the line of the item before it ("Google — USA; Server-Standort: USA"). */
  follows: boolean;
}

export function splitMulti(text: string, options: { commas?: boolean; lineCommas?: boolean; keepWhole?: (part: string) => boolean } = {}): string[] {
  return splitItems(text, options).map((i) => i.text);
}

/** `splitMulti`, saying for each item whether it continues the line of the one before. */
export function splitItems(text: string, options: { commas?: boolean; lineCommas?: boolean; keepWhole?: (part: string) => boolean } = {}): SplitItem[] {
  const commas = options.commas ?? true;
  // A SharePoint list writes its multiple values "a;#b", a lookup's with the item's id before each ("4;#RH;#9;#Paie").
  if (text.includes(';#')) text = text.replace(/(^|;#)\d+;#/g, '$1').replace(/;#/g, '; ');
  // A checklist ("☑ Nom ☐ Adresse", "[x] e-mail [ ] téléphone", "■ oui □ non"): the ticked items only, unmarked.
  if (CHECKBOX.test(text)) return checklist(text, options);
  const out: SplitItem[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split(/\n|\s[•·▪●]\s/);
  const byLines = lines.filter((l) => l.trim()).length > 1;
  let lineStart = true;
  const push = (s: string) => {
    const v = cleanText(s.replace(BULLET, ''));
    if (!v) return;
    // Only where lines separate the items do the parts of one line belong together.
    out.push({ text: v, follows: byLines && !lineStart });
    lineStart = false;
  };
  // A cell uses its strongest separator: lines (or bullets), else semicolons, else " / ", else commas.
  // Weaker marks stay inside the items ("Camera / photo library access" on a line of its own, "État civil,
  // identité, images; Santé"); semicolons always separate, a trailing one included ("images;⏎Santé").
  const semicolons = /[;|]/.test(text);
  const slashes = !byLines && !semicolons && /\s\/\s/.test(text);
  for (const line of lines) {
    lineStart = true;
    const parts = splitOutside(line, (s, i) => s[i] === ';' || s[i] === '|' || (slashes && s[i] === '/' && s[i - 1] === ' ' && s[i + 1] === ' '));
    for (const part of parts) {
      const p = part.replace(BULLET, '').trim();
      if (!p) continue;
      // "Usage data: frequency of connection, plays accessed": a label and its details, one item.
      const labelled = /^[^,:;]{2,60}\s*:\s*\S[^:]*,/.test(p);
      const pieces = () => splitOutside(p, (s, i) => s[i] === ',' && !/\d/.test(s[i + 1] ?? ''));
      // A line (or a part between semicolons) that is itself a list of a few words each ("- Namn, personnummer,
      // adress"): its items, where the caller asks for them (data categories and subjects); a phrase stays whole.
      const wordList = () => options.lineCommas && pieces().length > 1 && pieces().every(shortItem);
      if (!commas || slashes || labelled || options.keepWhole?.(p)) push(p);
      else if (!byLines && !semicolons) for (const piece of pieces()) push(piece);
      else if (wordList()) for (const piece of pieces()) push(piece);
      else push(p);
    }
  }
  return out;
}
