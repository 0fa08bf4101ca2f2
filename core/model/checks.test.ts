import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { translate } from '../i18n/i18n.js';

let t: TempRegister;
beforeAll(() => {
  t = openTempRegister({ demo: true });
});
afterAll(() => t.cleanup());

const codes = async (ref: string) => (await t.call('activities/checks', { id: (await t.call('activities/getByRef', { ref, organisationId: 1 })).id })).map((c) => c.code);

describe('compliance checks', () => {
  it('flags what a DPO would flag in the demo register', async () => {
    expect(await codes('T-001')).toEqual([]);
    // US transfer to a recipient certified under the Data Privacy Framework: covered by the adequacy decision.
    expect(await codes('T-004')).toEqual([]);
    expect(await codes('T-007')).toEqual(['dpia_required_not_done']);
    expect(await codes('T-010')).toEqual(['legal_basis_to_be_determined', 'no_retention', 'no_security_measures']);
    expect(await codes('T-009')).toEqual(['privacy_shield_legacy']);
  });

  it('flags transfers without safeguard, special data without Art. 9 condition, wrong adequacy', async () => {
    const a = await t.call('activities/create', {
      organisationId: 1,
      activity: {
        name: 'Test',
        purpose: 'Test',
        legalBases: [{ code: 'legitimate_interests' }],
        dataCategories: [{ code: 'health', label: 'Santé' }],
        transfers: [
          { recipient: 'A', country: 'IN' },
          { recipient: 'B', country: 'CN', safeguard: 'adequacy' },
          { recipient: 'C', country: 'DE' },
        ],
      },
    });
    const checks = await t.call('activities/checks', { id: a.id });
    expect(checks.map((c) => [c.code, c.path])).toEqual([
      ['legitimate_interests_unjustified', 'legalBases[0].justification'],
      ['special_without_art9', 'art9Conditions'],
      ['transfer_without_safeguard', 'transfers[0].safeguard'],
      ['adequacy_not_applicable', 'transfers[1].safeguard'],
      ['no_retention', 'retention'],
      ['no_security_measures', 'securityMeasures'],
    ]);
    expect(translate('fr', { key: `checks.${checks[2].code}`, params: checks[2].params })).toBe('Transfert vers Inde sans garantie.');
    expect(translate('en', { key: `checks.${checks[2].code}`, params: checks[2].params })).toBe('Transfer to India without a safeguard.');
  });
});
