import { describe, expect, it } from 'vitest';
import { ACTIVITY_SCALAR_COLUMNS, scalarValues } from './activity-columns.js';

describe('the one column list of activities', () => {
  it('is the drizzle schema’s columns, less the key, organisation and stamps', () => {
    expect(ACTIVITY_SCALAR_COLUMNS).toEqual(expect.arrayContaining(['ref', 'name', 'criminal_data_basis', 'dpia_json', 'legal_basis_codes', 'dpia_required']));
    for (const c of ['id', 'organisation_id', 'version', 'created_at', 'updated_at']) expect(ACTIVITY_SCALAR_COLUMNS).not.toContain(c);
  });

  it('reads each value from the fields or the derived values, as SQLite stores it', () => {
    const values = Object.fromEntries(
      ACTIVITY_SCALAR_COLUMNS.map((c, i) => [
        c,
        scalarValues(
          { ref: 'T-1', name: 'Paie', dpia: { criteria: ['a'] }, automatedDecision: { exists: false }, department: undefined },
          { legalBasisCodes: ['contract', 'legal_obligation'], specialCategories: true, nonEeaTransfer: false, transferCountries: [], dpiaRequired: true },
        )[i],
      ]),
    );
    expect(values).toMatchObject({
      ref: 'T-1',
      name: 'Paie',
      dpia_json: '{"criteria":["a"]}',
      legal_basis_codes: 'contract legal_obligation',
      special_categories: 1,
      non_eea_transfer: 0,
      transfer_countries: '',
      dpia_required: 1,
      department: '',
    });
  });
});
