import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/** A merge that drops a closing brace silently nests every later rule (seen once: every style below it was lost). */
describe('styles.css', () => {
  it('closes every block it opens, and nests nothing outside @media', () => {
    const css = fs.readFileSync(new URL('./styles.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    let depth = 0;
    let inMedia = false;
    for (const [i, line] of css.split('\n').entries()) {
      for (const ch of line) {
        if (ch === '{') {
          depth++;
          if (depth === 1) inMedia = line.trimStart().startsWith('@');
          expect(depth <= (inMedia ? 2 : 1), `line ${i + 1} opens a block inside another: ${line}`).toBe(true);
        } else if (ch === '}') depth--;
        expect(depth >= 0, `line ${i + 1} closes a block never opened`).toBe(true);
      }
    }
    expect(depth).toBe(0);
  });
});
