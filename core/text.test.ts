import { describe, expect, it } from 'vitest';
import { foldKey, foldTexts, matchesOf } from './text.js';

describe('foldKey', () => {
  it('folds case, accents, punctuation and spacing, the same way for ASCII and accented text', () => {
    expect(foldKey('Société  X.')).toBe('societe x');
    expect(foldKey('SOCIETE X')).toBe('societe x');
    expect(foldKey('  Données de santé / Arrêts-maladie ')).toBe('donnees de sante arrets maladie');
    expect(foldKey('CloudCRM, Inc.')).toBe('cloudcrm inc');
    expect(foldKey('Œuvre ÇA ß')).toBe('œuvre ca ß');
    expect(foldKey('T-001_a')).toBe('t 001 a');
    expect(foldKey('---')).toBe('');
  });

  it('folds the letters of every EU/EEA language alike however they are typed', () => {
    // Romanian ș/ț with a comma and ş/ţ with a cedilla; Hungarian ő/ű; Greek tonos and final sigma; Cyrillic; Croatian đ.
    expect(foldKey('Scopurile prelucrării, ţări terţe')).toBe(foldKey('Scopurile prelucrarii, țări terțe'));
    expect(foldKey('ş ș ţ ț')).toBe('s s t t');
    expect(foldKey('Törlésre előirányzott határidők')).toBe('torlesre eloiranyzott hataridok');
    expect(foldKey('ΣΚΟΠΟΣ ΕΠΕΞΕΡΓΑΣΙΑΣ')).toBe(foldKey('σκοπός επεξεργασίας'));
    expect(foldKey('Σκοπός')).toBe('σκοποσ');
    expect(foldKey('Категории лични данни')).toBe('категории лични данни');
    expect(foldKey('Međunarodni prijenos')).toBe(foldKey('Medunarodni prijenos'));
    expect(foldTexts(['ΣΚΟΠΟΣ', 'Međunarodni'])).toBe('σκοποσ | medunarodni');
  });

  it('folds several texts at once like one at a time', () => {
    const texts = ['Paie des agents', 'Données de santé', '', '  ---  ', 'Arrêts-maladie\nsur deux lignes', 'CloudCRM Inc.'];
    expect(foldTexts(texts)).toBe(
      texts
        .flatMap((t) => t.split('\n'))
        .map(foldKey)
        .filter(Boolean)
        .join(' | '),
    );
    expect(foldTexts(['ASCII only', 'text'])).toBe('ascii only | text');
  });

  it('gives what folding the whole text with Unicode normalisation gives, character by character', () => {
    // The definition: NFD over the whole text, marks dropped, runs of anything else than letters and digits → one space.
    const reference = (t: string) =>
      t
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        // Greek final sigma is σ; Croatian đ is d.
        .replace(/ς/g, 'σ')
        .replace(/đ/g, 'd')
        .trim();
    const pool = [
      ...'aZé9 -.,;:/\n\tÉÈÀÇÔœŒßİıĳǅ’«»\u00a0\u202f–—½²ﬁ°€$@_',
      'e\u0301',
      'A\u030a',
      '\u0301',
      'Ελλάδα',
      'ΣΚΟΠΟΣ',
      'ς',
      'Đakovo',
      'Москва',
      '東京',
      '한국',
      '𝔸',
      '🙂',
      'Ω',
      'ǈ',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pool[Math.floor(random() * pool.length)]).join('');
      expect(foldKey(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('folds several texts like one at a time, joined by " | ", a line break splitting a text', () => {
    const pool = [...'aZé9 -.,;:/\n\tÉÈÀÇÔœŒßİıĳ’«»\u00a0–½²ﬁ€_', 'e\u0301', '\u0301', 'Ελλάδα', 'ΣΚΟΠΟΣ', 'đ', '東京', '𝔸', '🙂', '\ud800', '\udc00', '\n\n'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const texts = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        Array.from({ length: Math.floor(random() * 12) }, () => pool[Math.floor(random() * pool.length)]).join(''),
      );
      const expected = texts
        .flatMap((t) => t.split('\n'))
        .map(foldKey)
        .filter(Boolean)
        .join(' | ');
      expect(foldTexts(texts), JSON.stringify(texts)).toBe(expected);
    }
  });
});

describe('matchesOf', () => {
  it('finds what matchAll finds, empty matches and astral characters included, and leaves the RegExp reset', () => {
    for (const [re, text] of [
      [/(?<![a-z])(ab|b)(?![a-z])/g, 'ab b xab b'],
      [/x*/g, 'axxb'],
      [/(?:)/gu, 'a😀b'],
      [/\p{L}+/gu, 'éte 𝒳yz 12'],
    ] as [RegExp, string][]) {
      const ours = matchesOf(text, re).map((m) => [m.index, m[0], m[1]]);
      expect(ours).toEqual([...text.matchAll(re)].map((m) => [m.index, m[0], m[1]]));
      expect(re.lastIndex).toBe(0);
    }
    expect(() => matchesOf('a', /a/)).toThrow();
  });
});
