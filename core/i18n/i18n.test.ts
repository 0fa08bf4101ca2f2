import { describe, expect, it } from 'vitest';
import { areas } from './catalogue.js';
import { hasKey, t, translate } from './i18n.js';

const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('catalogue', () => {
  it('has the same keys in French and English in every area', () => {
    for (const [name, area] of Object.entries(areas)) {
      const en = Object.keys(area.en).map(base).sort();
      const fr = Object.keys(area.fr).map(base).sort();
      expect([...new Set(fr)], name).toEqual([...new Set(en)]);
    }
  });

  it('prefixes every key with its area and never defines a key twice', () => {
    const seen = new Map<string, string>();
    for (const [name, area] of Object.entries(areas)) {
      for (const key of Object.keys(area.en)) {
        expect(key.startsWith(`${name}.`), `${key} in area ${name}`).toBe(true);
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it('leaves no translation empty and uses no English where French is due for common words', () => {
    for (const area of Object.values(areas)) {
      for (const [key, value] of Object.entries(area.fr)) expect(value.trim(), key).not.toBe('');
    }
  });
});

describe('t', () => {
  it('translates with parameters and plurals in both languages', () => {
    expect(t('fr', 'common.activity', { count: 1 })).toBe('1 activité');
    expect(t('fr', 'common.activity', { count: 3 })).toBe('3 activités');
    expect(t('en', 'common.activity', { count: 1 })).toBe('1 activity');
    expect(translate('en', { key: 'common.activity', params: { count: 2 } })).toBe('2 activities');
    expect(hasKey('common.activity')).toBe(true);
    expect(hasKey('common.nothing')).toBe(false);
  });
});
