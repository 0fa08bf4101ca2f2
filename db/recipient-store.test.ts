import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecipient, findRecipientByName, getRecipient, recipientData } from '../core/services/recipients.js';
import { openTempRegister, type TempRegister } from '../core/testing/temp-register.js';
import { Register } from '../core/register.js';

let t: TempRegister;
beforeEach(() => {
  t = openTempRegister();
});
afterEach(() => t.cleanup());

const meta = { source: 'cli' as const };

describe('the recipient directory (prepared statements)', () => {
  it('stores every field of a new entry and reads it back, by id and by folded name, after reopening', () => {
    const full = {
      name: 'Société Éditrice SA',
      type: 'processor' as const,
      countries: ['US', 'FR'],
      contractRef: 'C-42',
      contractDate: '2026-01-15',
      dpfCertified: true,
      dpfVerifiedAt: '2026-02-01',
      contact: 'dpo@example.org',
      notes: 'Hébergement',
    };
    const created = createRecipient(t.reg, full, meta, { createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z' });
    const plain = createRecipient(t.reg, { name: 'Plain' }, meta);
    t.reg.close();
    const reg = Register.open(t.file);
    try {
      check(reg, created.id, plain.id, full);
    } finally {
      reg.close();
    }
  });
});

function check(reg: Register, createdId: number, plainId: number, full: object): void {
  const back = getRecipient(reg, createdId);
  expect(recipientData(back)).toEqual(full);
  expect(back).toMatchObject({ version: 1, createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z' });
  expect(findRecipientByName(reg, 'SOCIETE editrice sa')?.id).toBe(createdId);
  expect(recipientData(getRecipient(reg, plainId))).toEqual({
    name: 'Plain',
    type: 'other',
    countries: [],
    contractRef: '',
    contractDate: '',
    dpfCertified: false,
    dpfVerifiedAt: '',
    contact: '',
    notes: '',
  });
  expect(getRecipient(reg, plainId).version).toBe(1);
  expect(findRecipientByName(reg, 'nobody')).toBeUndefined();
  // A name taken, ignoring case and accents, is refused, and nothing is written.
  expect(() => createRecipient(reg, { name: 'societe editrice SA' }, meta)).toThrow();
  expect(reg.recipients.list()).toHaveLength(2);
}
