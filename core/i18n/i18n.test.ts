import { describe, expect, it } from 'vitest';
import { areas, UNPREFIXED_AREAS } from './catalogue.js';
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
        if (!UNPREFIXED_AREAS.has(name)) expect(key.startsWith(`${name}.`), `${key} in area ${name}`).toBe(true);
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

describe('placeholders', () => {
  it('are written as i18next writes them ({{name}}), never with single braces that would print as they are', () => {
    for (const [name, area] of Object.entries(areas)) {
      for (const lang of ['en', 'fr'] as const) {
        const single = Object.entries(area[lang]).filter(([, v]) => /(?<!\{)\{\w+\}(?!\})/.test(v));
        expect(single, `${name} ${lang}`).toEqual([]);
      }
    }
  });

  it('are the same in both languages (the count aside: "une activité" may leave it out)', () => {
    const names = (v: string) => [...new Set([...v.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1].replace(/(Fr|En)$/, '')))].filter((n) => n !== 'count').sort();
    for (const area of Object.values(areas)) {
      for (const [key, en] of Object.entries(area.en)) {
        if (key in area.fr) expect(names(area.fr[key]), key).toEqual(names(en));
      }
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
