import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';

let t: TempRegister;
let orgId: number;
beforeEach(async () => {
  t = openTempRegister();
  orgId = (await t.call('organisations/create', { organisation: { name: 'Clinique du Parc' } })).id;
});
afterEach(() => t.cleanup());

/** Everything stored, to prove a refused input wrote nothing. */
function snapshot() {
  const q = (sql: string) => t.reg.sqlite.prepare(sql).all();
  return JSON.stringify([q('SELECT * FROM activities'), q('SELECT * FROM recipients'), q('SELECT * FROM history'), q('SELECT * FROM organisations')]);
}

async function refused(input: unknown, procedure: 'activities/create' | 'organisations/create' | 'recipients/create' = 'activities/create') {
  const before = snapshot();
  const r = await t.result(procedure as 'activities/create', input as never);
  expect(snapshot()).toBe(before);
  if (r.ok) throw new Error('the input should have been refused');
  // Every field issue carries a catalogue key (translated where shown); the English text is compared below.
  for (const d of r.error.details ?? []) expect(d.key, d.path).toMatch(/^errors\./);
  return { ...r.error, details: r.error.details?.map(({ path, message }) => ({ path, message })) };
}

describe('bad input is refused with field-level errors and nothing written', () => {
  it('wrong types', async () => {
    const e = await refused({ organisationId: orgId, activity: { name: 42, purpose: 'x', dataCategories: 'identity', dpia: { criteria: 'all' } } });
    expect(e.code).toBe('validation');
    expect(e.details).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'must be text' },
        { path: 'dataCategories', message: 'must be a list' },
        expect.objectContaining({ path: 'dpia.criteria' }),
      ]),
    );
  });

  it('an envelope of the wrong shape', async () => {
    const e = await refused({ organisationId: 'one', activity: [] });
    expect(e.code).toBe('validation');
    expect(e.details?.map((d) => d.path)).toEqual(expect.arrayContaining(['organisationId', 'activity']));
  });

  it('unknown codes', async () => {
    const e = await refused({
      organisationId: orgId,
      activity: { name: 'x', purpose: 'x', legalBases: [{ code: 'intérêt légitime' }], transfers: [{ recipient: 'r', country: 'US', safeguard: 'privacy_shield' }], role: 'owner' },
    });
    expect(e.details).toEqual(
      expect.arrayContaining([
        { path: 'legalBases[0].code', message: expect.stringMatching(/“intérêt légitime” is not one of the accepted values \(consent, contract/) },
        { path: 'transfers[0].safeguard', message: expect.stringMatching(/“privacy_shield” is not one of the accepted values/) },
        { path: 'role', message: expect.stringMatching(/“owner” is not one of the accepted values/) },
      ]),
    );
  });

  it('missing required fields', async () => {
    const e = await refused({ organisationId: orgId, activity: { department: 'RH' } });
    expect(e.message).toMatch(/^The activity could not be saved: name is required \(and 1 more problem\)\.$/);
    expect(e.details).toEqual([
      { path: 'name', message: 'is required' },
      { path: 'purpose', message: 'is required' },
    ]);
    const org = await refused({ organisation: { name: '   ' } }, 'organisations/create');
    expect(org.details).toEqual([{ path: 'name', message: 'is required' }]);
  });

  it('a 40,000-character string', async () => {
    const e = await refused({ organisationId: orgId, activity: { name: 'Paie', purpose: 'p'.repeat(40_000) } });
    expect(e.details).toEqual([{ path: 'purpose', message: 'is too long (at most 10,000 characters)' }]);
  });

  it('an unknown country, wherever it appears', async () => {
    const e = await refused({
      organisationId: orgId,
      activity: { name: 'x', purpose: 'x', transfers: [{ recipient: 'r', country: 'XK', safeguard: 'scc' }], systems: [{ name: 'ERP', country: 'QQ' }] },
    });
    expect(e.code).toBe('validation');
    expect(e.details).toEqual([
      { path: 'transfers[0].country', message: '“XK” is not a known country (use an ISO 3166-1 code such as FR, US or IN)' },
      { path: 'systems[0].country', message: '“QQ” is not a known country (use an ISO 3166-1 code such as FR, US or IN)' },
    ]);
    const r = await refused({ recipient: { name: 'Cloud', countries: ['USA'] } }, 'recipients/create');
    expect(r.details?.[0]).toMatchObject({ path: 'countries[0]' });
  });

  it('a derogation safeguard without the Art. 49 ground, and an unknown organisation', async () => {
    const e = await refused({ organisationId: orgId, activity: { name: 'x', purpose: 'x', transfers: [{ recipient: 'r', country: 'IN', safeguard: 'derogation' }] } });
    expect(e.details).toEqual([{ path: 'transfers[0].derogation', message: 'must name the Art. 49 derogation relied on' }]);
    const missing = await refused({ organisationId: 999, activity: { name: 'x', purpose: 'x' } });
    expect(missing.code).toBe('not_found');
  });

  it('an unknown procedure, and a file-path procedure called by an untrusted caller', async () => {
    const { dispatch } = await import('./dispatch.js');
    const unknown = await dispatch(t.reg, 'activities/drop' as never, {} as never, { source: 'web' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    const out = path.join(t.dir, 'stolen.art30');
    const untrusted = await dispatch(t.reg, 'register/backup', { out }, { source: 'web' }, { trusted: false });
    expect(untrusted).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a garbage JSON register document', async () => {
    const file = path.join(t.dir, 'register.json');
    const cases: [string, RegExp][] = [
      ['{"format": "art30-register", "version": 1, "organisations": [', /register\.json is not valid JSON/],
      ['[1, 2, 3]', /register\.json is not an Art30 register document/],
      ['{"format": "art30-register", "version": 7, "organisations": []}', /written by a newer Art30 \(document version 7\)/],
      [
        JSON.stringify({
          format: 'art30-register',
          version: 1,
          organisations: [{ key: 'o', name: 'A' }],
          activities: [{ organisation: 'o', name: 'x', purpose: 'y', transfers: [{ recipient: 'r', country: 'ZZ' }] }],
        }),
        /activities\[0\]: The activity could not be saved: activities\[0\]\.transfers\[0\]\.country “ZZ” is not a known country/,
      ],
      [
        JSON.stringify({ format: 'art30-register', version: 1, organisations: [{ key: 'o', name: 'A' }], activities: [{ organisation: 'o', name: 'x' }] }),
        /is not a valid register document: activities\[0\]\.purpose is required/,
      ],
    ];
    for (const [text, message] of cases) {
      fs.writeFileSync(file, text);
      const before = snapshot();
      const r = await t.result('register/importJson', { file });
      expect(snapshot()).toBe(before);
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_input', message: expect.stringMatching(message) } });
    }
  });
});
