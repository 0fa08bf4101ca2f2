import { describe, expect, it } from 'vitest';
import { foldKey, foldTexts } from './text.js';

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

  it('folds several texts at once like one at a time', () => {
    const texts = ['Paie des agents', 'Données de santé', '', '  ---  ', 'Arrêts-maladie\nsur deux lignes', 'CloudCRM Inc.'];
    expect(foldTexts(texts)).toBe(texts.flatMap((t) => t.split('\n')).map(foldKey).filter(Boolean).join(' | '));
    expect(foldTexts(['ASCII only', 'text'])).toBe('ascii only | text');
  });
});
