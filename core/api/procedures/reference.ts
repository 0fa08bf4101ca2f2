import { z } from 'zod';
import { VOCABULARY_KINDS } from '../../model/codes.js';
import { countryInputSchema, deleteTerm, listCountries, listTerms, saveTerm, termInputSchema, updateCountry } from '../../services/reference.js';
import { procedure } from '../procedure.js';
import { empty } from './common.js';

export const referenceProcedures = {
  'reference/terms': procedure({
    summary: 'Controlled vocabularies (labels in French and English)',
    input: z.object({ kind: z.enum(VOCABULARY_KINDS).optional() }).default({}),
    run: (reg, i) => listTerms(reg, i.kind),
  }),
  'reference/saveTerm': procedure({ summary: 'Change a label, or add a catalogue entry', input: termInputSchema, run: (reg, i, meta) => saveTerm(reg, i, meta) }),
  'reference/deleteTerm': procedure({
    summary: 'Delete a catalogue entry the DPO added',
    input: z.object({ kind: z.enum(VOCABULARY_KINDS), code: z.string().max(60) }),
    run: (reg, i, meta) => {
      deleteTerm(reg, i.kind, i.code, meta);
      return { deleted: `${i.kind}/${i.code}` };
    },
  }),
  'reference/countries': procedure({ summary: 'Countries with EEA membership and adequacy status', input: empty, run: (reg) => listCountries(reg) }),
  'reference/updateCountry': procedure({ summary: 'Change a country’s adequacy status', input: countryInputSchema, run: (reg, i, meta) => updateCountry(reg, i, meta) }),
};
