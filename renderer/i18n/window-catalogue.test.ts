import { describe, expect, it } from 'vitest';
import { catalogue } from '../../core/i18n/catalogue.js';
import { en, fr } from './messages.js';
import { toI18next, windowText } from './window-catalogue.js';

describe('the window’s words in the one catalogue', () => {
  it('never give another text to a key an area of core/i18n already has (areas never collide)', () => {
    for (const [lang, entries] of [
      ['en', toI18next(en)],
      ['fr', toI18next(fr)],
    ] as const) {
      const clashes = Object.entries(entries).filter(([k, v]) => k in catalogue[lang] && catalogue[lang][k] !== v);
      expect(clashes, `${lang}: keys of messages.ts with another text in core/i18n`).toEqual([]);
    }
  });

  it('has every key in both languages', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('translates through i18next, with messages.ts placeholders and the areas’ keys alike', () => {
    expect(windowText('fr', 'export.done', { file: 'a.xlsx' })).toBe(fr['export.done'].replace('{file}', 'a.xlsx'));
    expect(windowText('en', 'common.activity', { count: 2 })).toBe('2 activities');
    expect(windowText('fr', 'shell.restarted')).toMatch(/^Le processus du registre/);
    expect(toI18next({ a: '{n} of {{m}}' })).toEqual({ a: '{{n}} of {{m}}' });
    // Plurals through the library, by each language's rules (French: 0 and 1 are singular).
    expect([0, 1, 2].map((count) => windowText('fr', 'ui.selected', { count }))).toEqual(['0 sélectionnée', '1 sélectionnée', '2 sélectionnées']);
    expect([0, 1, 2].map((count) => windowText('en', 'ui.usedBy', { count }))).toEqual(['0 activities', '1 activity', '2 activities']);
  });
});
