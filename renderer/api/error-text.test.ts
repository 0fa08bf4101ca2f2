import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../../core/testing/temp-register.js';
import { translator } from '../app-context.js';
import { fieldLabel, localiseError } from './error-text.js';

/** The window sets French in its typography (a no-break space before « : ; ! ? »); compared here with plain spaces. */
const nb = (s: string | undefined) => (s ?? '').replace(/\u00a0/g, ' ');

let reg: TempRegister | null = null;
afterEach(() => {
  reg?.cleanup();
  reg = null;
});

describe('API errors in the DPO’s language', () => {
  it('translates a real validation error with the fields’ labels, never their paths', async () => {
    reg = openTempRegister({ demo: true });
    const r = await reg.result('activities/create', {
      organisationId: 1,
      activity: { name: '', purpose: 'x', dataCategories: [{ label: '' }], retention: [{ text: 'x', duration: '5 ans' }] },
    } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fr = localiseError(r.error, translator('fr'));
    expect(nb(fr.message)).toBe(
      'Enregistrement de l’activité impossible : Nom du traitement est obligatoire (et 2 autres problèmes).'.replace('Nom du traitement', translator('fr')('f.name')),
    );
    expect(fr.details?.map((d) => d.label)).toEqual([
      translator('fr')('f.name'),
      `${translator('fr')('f.dataCategory')} n° 1 — ${translator('fr')('f.label')}`,
      expect.stringContaining('n° 1'),
    ]);
    expect(fr.details?.map((d) => d.message)).toEqual(['est obligatoire', 'est obligatoire', 'doit être une durée comme P3Y, P6M ou P30D']);
    const text = JSON.stringify([fr.message, ...(fr.details ?? []).flatMap((d) => [d.message, d.label])]);
    for (const path of ['dataCategories', 'retention[', 'duration', '"name']) expect(text).not.toContain(path);
    expect(text).not.toMatch(/\b(is required|could not|more problems)\b/);
    // Plural through the library: one more problem.
    const en = localiseError({ ...r.error, params: { count: 1 } }, translator('en'));
    expect(nb(en.message)).toMatch(/\(and 1 more problem\)\.$/);
    // The codes stay for the program.
    expect(fr.details?.[0]).toMatchObject({ path: 'name', key: 'errors.required' });
  });

  it('translates a version conflict and an entry in use, with plurals', async () => {
    reg = openTempRegister({ demo: true });
    const a = (await reg.call('activities/list', {}))[0];
    const stale = await reg.result('activities/update', { id: a.id, version: a.version + 5, activity: { name: 'Paie', purpose: 'Payer' } as never });
    if (stale.ok) throw new Error('expected a conflict');
    expect(nb(localiseError(stale.error, translator('fr')).message)).toMatch(/^La fiche de l’activité \S+ a été modifiée ailleurs depuis son ouverture \(version \d+/);
    const used = await reg.result('organisations/delete', { id: a.organisationId, version: 1 });
    if (used.ok) throw new Error('expected in_use');
    expect(nb(localiseError(used.error, translator('fr')).message)).toMatch(/a encore \d+ activités de traitement : supprimez-les/);
  });

  it('labels nested paths and leaves unknown segments out', () => {
    const t = translator('en');
    expect(fieldLabel(t, 'transfers[2].country')).toBe(`${t('f.transfer')} 3 — ${t('f.country')}`);
    expect(fieldLabel(t, 'zzz')).toBe('');
  });
});

describe('field labels', () => {
  it('name every field of an activity in both languages (the history and the errors never show a field path)', async () => {
    const { activityFieldsSchema } = await import('../../core/model/schemas.js');
    for (const lang of ['fr', 'en'] as const) {
      const t = translator(lang);
      const missing = Object.keys(activityFieldsSchema.shape).filter((key) => !fieldLabel(t, key));
      expect(missing, lang).toEqual([]);
    }
    expect(fieldLabel(translator('fr'), 'nextReviewAt')).toMatch(/revue/i);
  });
});
