import { describe, expect, it } from 'vitest';
import { columnTextWidth, rowHeight, textWidth, wrappedLines } from './text-metrics.js';

describe('text metrics', () => {
  it('measures with the font’s advance widths (Arial / Liberation Sans)', () => {
    // Arial: "i" is 0.222 em, "W" 0.944 em, digits 0.556 em; bold is wider.
    expect(textWidth('i', 10)).toBeCloseTo(2.22, 1);
    expect(textWidth('W', 10)).toBeCloseTo(9.44, 1);
    expect(textWidth('0123456789', 10)).toBeCloseTo(55.6, 0);
    expect(textWidth('Gestion de la paie', 10, true)).toBeGreaterThan(textWidth('Gestion de la paie', 10));
    // Wide scripts count a full em, never zero.
    expect(textWidth('個人情報', 10)).toBe(40);
  });

  it('wraps at word boundaries, cuts a word longer than the line, and counts line breaks', () => {
    const w = columnTextWidth(20); // 20 characters of Arial 10
    expect(wrappedLines('Court', w)).toBe(1);
    expect(wrappedLines('Un\ndeux\ntrois', w)).toBe(3);
    const words = 'mot '.repeat(40).trim();
    const lines = wrappedLines(words, w);
    // Each line holds whole words: as many lines as the words' widths need, give or take one.
    const perLine = Math.floor(w / 1.06 / textWidth('mot ', 10));
    expect(lines).toBeGreaterThanOrEqual(Math.ceil(40 / (perLine + 1)));
    expect(lines).toBeLessThanOrEqual(Math.ceil(40 / perLine) + 1);
    expect(wrappedLines('x'.repeat(400), w)).toBeGreaterThan(3);
    // Narrow letters fit more per line than wide ones.
    expect(wrappedLines('i'.repeat(200), w)).toBeLessThan(wrappedLines('W'.repeat(200), w));
  });

  it('gives a row the height of its lines, capped at the spreadsheet maximum', () => {
    expect(rowHeight(1)).toBeGreaterThanOrEqual(12.75);
    expect(rowHeight(5)).toBeGreaterThan(5 * 11.5);
    expect(rowHeight(1000)).toBe(409);
  });
});
