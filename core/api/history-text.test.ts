/** The history of an activity in the register's words: labels for codes, one line per item, in the DPO's language. */
import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';

let t: TempRegister;
afterEach(() => t?.cleanup());

describe('history/list with a language', () => {
  it('gives each change of an activity as the DPO reads it, never as codes', async () => {
    t = openTempRegister({ demo: true });
    const [summary] = await t.call('activities/list', { organisationId: 1 });
    const {
      id,
      version,
      organisationId: _o,
      createdAt: _c,
      updatedAt: _u,
      ...fields
    } = (await t.call('activities/get', { id: summary.id })) as unknown as Record<string, unknown> & {
      id: number;
      version: number;
    };
    await t.call('activities/update', {
      id,
      version,
      activity: {
        ...fields,
        department: 'Direction des talents',
        legalBases: [{ code: 'legitimate_interests', justification: 'Sécurité des locaux' }],
        transfers: [{ recipient: 'Prestataire', country: 'JP', safeguard: 'scc', derogation: null, documentation: '' }],
        dpia: { ...(fields.dpia as object), status: 'planned' },
      },
    } as never);
    const [fr] = await t.call('history/list', { entityType: 'activity', entityId: id, limit: 1, lang: 'fr' });
    const [en] = await t.call('history/list', { entityType: 'activity', entityId: id, limit: 1, lang: 'en' });
    const [raw] = await t.call('history/list', { entityType: 'activity', entityId: id, limit: 1 });
    expect(raw.changes.every((c) => c.text === undefined)).toBe(true);
    const textOf = (e: typeof fr) => e.changes.flatMap((c) => [...(c.text?.before ?? []), ...(c.text?.after ?? [])]).join('\n');
    expect(fr.changes.every((c) => c.text)).toBe(true);
    expect(textOf(fr)).toContain('Direction des talents');
    expect(textOf(fr)).toMatch(/Intérêt légitime.*Sécurité des locaux/);
    expect(textOf(fr)).toContain('Japon');
    expect(textOf(fr)).toContain('Prévue');
    expect(textOf(en)).toMatch(/Legitimate interest/);
    expect(textOf(en)).toContain('Japan');
    expect(textOf(en)).toContain('Planned');
    for (const text of [textOf(fr), textOf(en)]) {
      expect(text).not.toMatch(/legitimate_interests|\bplanned\b|"code"|\[object Object\]/);
    }
  });
});
