/**
 * Multi-value cells: "Clients; Prospects", one per line, "RH / Paie", bullets ("• a", "- b"),
 * "a, b". Commas inside parentheses do not split ("Vie personnelle (habitudes, famille)"), nor
 * commas of a known label (`keepWhole`, e.g. "État civil, identité, données d'identification"), nor
 * the commas of a cell whose items are separated otherwise (lines, semicolons, bullets).
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

export function splitMulti(text: string, options: { commas?: boolean; keepWhole?: (part: string) => boolean } = {}): string[] {
  const commas = options.commas ?? true;
  const out: string[] = [];
  const push = (s: string) => {
    const v = cleanText(s.replace(BULLET, ''));
    if (v) out.push(v);
  };
  const lines = text.replace(/\r\n?/g, '\n').split(/\n|\s[•·▪●]\s/);
  // Commas separate items only in a cell that uses them as its separator: a cell already split by
  // lines, semicolons or bullets keeps the commas of its items ("État civil, identité, images; Santé").
  const otherSeparator = lines.filter((l) => l.trim()).length > 1 || /;|\s\/\s/.test(text);
  for (const line of lines) {
    for (const part of splitOutside(line, (s, i) => s[i] === ';' || (s[i] === '/' && s[i - 1] === ' ' && s[i + 1] === ' '))) {
      const p = part.replace(BULLET, '').trim();
      if (!p) continue;
      if (!commas || otherSeparator || options.keepWhole?.(p)) push(p);
      else for (const piece of splitOutside(p, (s, i) => s[i] === ',' && !/\d/.test(s[i + 1] ?? ''))) push(piece);
    }
  }
  return out;
}
