import { afterEach, describe, expect, it } from 'vitest';
import { Register } from '../core/register.js';
import { openTempRegister, type TempRegister } from '../core/testing/temp-register.js';

let t: TempRegister;
afterEach(() => t?.cleanup());

describe('the reference data kept in memory', () => {
  it('shows an update another program committed (the CLI, a second window on the same file)', async () => {
    t = openTempRegister();
    expect(t.reg.reference.country('IN')?.adequacy).toBe('none');
    expect(t.reg.reference.destinations().get('IN')?.adequacy).toBe('none');
    const specialBefore = t.reg.reference.specialCategoryCodes().size;

    const other = Register.open(t.file);
    try {
      const india = other.reference.country('IN')!;
      other.write(() => other.reference.updateCountry({ ...india, adequacy: 'adequate', adequacyDecisionDate: '2027-05-20' }));
      const health = other.reference.terms('data_category').find((x) => !x.special)!;
      other.write(() => other.reference.upsertTerm({ ...health, special: true }));
    } finally {
      other.close();
    }

    expect(t.reg.reference.country('IN')?.adequacy).toBe('adequate');
    expect(t.reg.reference.destinations().get('IN')?.adequacyDecisionDate).toBe('2027-05-20');
    expect(t.reg.reference.specialCategoryCodes().size).toBe(specialBefore + 1);
    // Through the API too: what the window asks for after a reload.
    const destinations = await t.call('reference/destinations', {});
    expect(destinations.find((c) => c.code === 'IN')?.adequacy).toBe('adequate');
  });
});
