/** The import's destination matcher over generated spellings of every organisation and country of the data set. */
import { describe, expect, it } from 'vitest';
import { CountryMatcher } from '../import/normalise/country.js';
import type { Country, InternationalOrganisation } from '../model/register.js';
import { bundledDataset } from './dataset.js';

const ds = bundledDataset();
const destinations = new Map<string, Country>([
  ...ds.countries.map((c) => [c.code, { ...c, kind: 'country' as const }] as const),
  ...ds.organisations.map((o) => [o.code, { ...o, eea: false, kind: 'organisation' as const } as InternationalOrganisation] as const),
]);
const m = new CountryMatcher(destinations);

/** Ways departments write a name: as is, upper case, lower case, without accents, with "l'"/"the", with a city in brackets. */
function variants(name: string): string[] {
  const plain = name.normalize('NFD').replace(/\p{M}/gu, '');
  return [name, name.toUpperCase(), name.toLowerCase(), plain, `${name} (Genève)`, `  ${name}  `];
}

describe('destination matcher', () => {
  it('recognises every organisation by its names, acronyms and other names, in any case and accents', () => {
    let total = 0;
    const misses: string[] = [];
    for (const o of ds.organisations) {
      const names = [o.nameFr, o.nameEn, o.acronymFr, o.acronymEn, ...o.aliases].filter((n) => n.length > 1);
      for (const n of names) {
        for (const v of variants(n)) {
          total++;
          if (m.match(v) !== o.code) misses.push(`${v} → ${m.match(v)} (expected ${o.code})`);
        }
      }
    }
    expect(total).toBeGreaterThan(500);
    // Acronyms shared by two organisations are not guessed; everything else is recognised.
    expect(misses.length / total).toBeLessThan(0.02);
    expect(misses.filter((x) => /EPO|OEB|brevets|Patent|ONU|United Nations/i.test(x))).toEqual([]);
  });

  it('reads the spellings the issue names, dotted acronyms and "acronym – name"', () => {
    for (const text of ['OEB', 'Office européen des brevets', 'European Patent Office', 'EPO – European Patent Office', 'Organisation européenne des brevets (OEB)', 'io-epo'])
      expect(m.match(text), text).toBe('IO-EPO');
    for (const text of ['ONU', 'O.N.U.', 'Nations unies', 'United Nations', 'UN']) expect(m.match(text), text).toBe('IO-UN');
    expect(m.match('OMS')).toBe('IO-WHO');
    // Countries are still countries, and EU territories are found.
    expect(m.match('Brésil')).toBe('BR');
    expect(m.match('La Réunion')).toBe('RE');
    expect(m.match('Îles Åland')).toBe('AX');
    expect(m.match('USA')).toBe('US');
    expect(m.match('Inde')).toBe('IN');
    expect(m.match('Atlantide')).toBeUndefined();
  });
});
