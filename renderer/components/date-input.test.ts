/** Dates typed as a French DPO writes them, and French typography in the window's texts. */
import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput } from './date-input.js';
import { frenchTypography } from '../app-context.js';

describe('dates typed as the DPO writes them', () => {
  it('reads dd/mm/yyyy (and ISO, pasted), with or without the time', () => {
    expect(parseDateInput('12/05/2026', false)).toBe('2026-05-12');
    expect(parseDateInput('2026-05-12', false)).toBe('2026-05-12');
    expect(parseDateInput('12/05/2026 11:30', true)).toBe('2026-05-12T11:30');
    expect(parseDateInput('12/05/2026 à 9h05', true)).toBe('2026-05-12T09:05');
    expect(parseDateInput('2026-03-02T09:30', true)).toBe('2026-03-02T09:30');
    expect(parseDateInput('12/05/2026', true)).toBe('2026-05-12T00:00');
    expect(parseDateInput('', false)).toBe('');
  });
  it('refuses what is not a date', () => {
    expect(parseDateInput('31/02/2026', false)).toBeNull();
    expect(parseDateInput('05/12/26', false)).toBeNull();
    expect(parseDateInput('12/05/2026 25:00', true)).toBeNull();
    expect(parseDateInput('demain', false)).toBeNull();
  });
  it('shows the register’s values as dd/mm/yyyy', () => {
    expect(formatDateInput('2026-11-28')).toBe('28/11/2026');
    expect(formatDateInput('2026-05-12T11:30')).toBe('12/05/2026 11:30');
    expect(formatDateInput('')).toBe('');
  });
});

describe('French typography', () => {
  it('puts a no-break space before : ; ! ? and inside guillemets, never in times or addresses', () => {
    expect(frenchTypography('Nouvelle : 5')).toBe('Nouvelle\u00a0: 5');
    expect(frenchTypography('a ; b')).toBe('a\u00a0; b');
    expect(frenchTypography('Supprimer ?')).toBe('Supprimer\u00a0?');
    expect(frenchTypography('Attention!')).toBe('Attention\u00a0!');
    expect(frenchTypography('« vulnérables »')).toBe('«\u00a0vulnérables\u00a0»');
    expect(frenchTypography('à 11:30, https://exemple.fr/?a=1')).toBe('à 11:30, https://exemple.fr/?a=1');
  });
});
