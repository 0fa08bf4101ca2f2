/** The search finds what the DPO sees: country names, legal bases and vocabulary labels, in French and English. */
import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../core/testing/temp-register.js';

let t: TempRegister;
afterEach(() => t?.cleanup());

const refs = async (search: string) => (await t.call('activities/list', { search })).map((a) => a.ref).sort();

describe('search over labels', () => {
  it('country names, legal-basis labels, safeguards and recipient names, in both languages', async () => {
    t = openTempRegister({ demo: true });
    const all = await t.call('activities/list', {});
    const doc = await t.call('register/document', {});
    const withCountry = (code: string) =>
      doc.activities
        .filter((a) => a.transfers.some((x) => x.country === code))
        .map((a) => a.ref)
        .sort();
    const withBasis = (code: string) =>
      doc.activities
        .filter((a) => a.legalBases.some((b) => b.code === code))
        .map((a) => a.ref)
        .sort();
    const countries = [...new Set(doc.activities.flatMap((a) => a.transfers.map((x) => x.country)))];
    expect(countries.length).toBeGreaterThan(1);
    const names = await t.call('reference/countries', {});
    for (const code of countries) {
      const c = names.find((n) => n.code === code)!;
      // Every activity transferring to the country is found by its name, French or English, any case, no accents.
      for (const name of [c.nameFr, c.nameEn, c.nameFr.toUpperCase(), c.nameFr.normalize('NFD').replace(/\p{M}/gu, '')]) {
        expect(await refs(name), `${code} as "${name}"`).toEqual(expect.arrayContaining(withCountry(code)));
      }
    }
    expect(await refs('États-Unis')).toEqual(withCountry('US'));
    expect(await refs('United States')).toEqual(withCountry('US'));
    const terms = await t.call('reference/terms', { kind: 'legal_basis' });
    for (const term of terms) {
      const expected = withBasis(term.code);
      if (!expected.length) continue;
      expect(await refs(term.labelFr), term.labelFr).toEqual(expect.arrayContaining(expected));
      expect(await refs(term.labelEn), term.labelEn).toEqual(expect.arrayContaining(expected));
    }
    expect(await refs('intérêt légitime')).toEqual(expect.arrayContaining(withBasis('legitimate_interests')));
    expect(await refs('legitimate interests')).toEqual(expect.arrayContaining(withBasis('legitimate_interests')));
    // A word found nowhere finds nothing; every word must match.
    expect(await refs('zzzunknown')).toEqual([]);
    expect(await refs('États-Unis zzzunknown')).toEqual([]);
    expect(all.length).toBeGreaterThan(0);
  });

  it('an edited country name is searched at once', async () => {
    t = openTempRegister({ demo: true });
    const doc = await t.call('register/document', {});
    const code = doc.activities.flatMap((a) => a.transfers.map((x) => x.country))[0];
    const country = (await t.call('reference/countries', {})).find((c) => c.code === code)!;
    expect(await refs('Pays Renommé')).toEqual([]);
    await t.call('reference/updateCountry', { ...country, nameFr: 'Pays Renommé' });
    expect((await refs('Pays Renommé')).length).toBeGreaterThan(0);
  });

  it('international organisations by their name or acronym, in both languages', async () => {
    t = openTempRegister({ demo: true });
    const created = await t.call('activities/create', {
      organisationId: 1,
      activity: { name: 'Dépôt de brevets', purpose: 'Déposer les brevets', transfers: [{ recipient: 'Office', country: 'IO-EPO', safeguard: 'adequacy' }] },
    } as never);
    const destinations = await t.call('reference/destinations', {});
    const epo = destinations.find((d) => d.code === 'IO-EPO') as unknown as Record<string, string>;
    for (const words of [epo.nameFr, epo.nameEn, epo.acronymFr, epo.acronymEn, epo.nameEn.toUpperCase()]) {
      expect(words, 'a name of the organisation').toBeTruthy();
      expect(await refs(words), words).toContain(created.ref);
    }
    // Not every organisation: the UN's name finds nothing here.
    const un = destinations.find((d) => d.code === 'IO-UN')!;
    expect(await refs(un.nameEn)).not.toContain(created.ref);
  });
});
