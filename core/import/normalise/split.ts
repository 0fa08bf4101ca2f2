/**
 * Multi-value cells: "Clients; Prospects", one per line, "RH / Paie", bullets ("• a", "- b"),
 * "a, b". Commas inside parentheses do not split ("Vie personnelle (habitudes, famille)").
 */
import { cleanText } from './empty.js';

const BULLET = /^\s*(?:[•·▪●◦‣∙○■□➢➤►\-*–—]|\d{1,2}[.)])\s+/;

export function splitMulti(text: string, options: { commas?: boolean } = {}): string[] {
  const commas = options.commas ?? true;
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split(/\n|\s[•·▪●]\s/)) {
    let depth = 0;
    let current = '';
    const parts: string[] = [];
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '(' || ch === '[') depth++;
      else if ((ch === ')' || ch === ']') && depth > 0) depth--;
      if (depth === 0 && (ch === ';' || (commas && ch === ',' && !/\d/.test(line[i + 1] ?? '')) || (ch === '/' && line[i - 1] === ' ' && line[i + 1] === ' '))) {
        parts.push(current);
        current = '';
        continue;
      }
      current += ch;
    }
    parts.push(current);
    for (const p of parts) {
      const v = cleanText(p.replace(BULLET, ''));
      if (v) out.push(v);
    }
  }
  return out;
}
