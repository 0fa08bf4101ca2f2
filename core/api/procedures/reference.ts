import { z } from 'zod';
import { VOCABULARY_KINDS } from '../../model/codes.js';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, text } from '../../errors.js';
import { applyDatasetText } from '../../reference/apply.js';
import {
  countryInputSchema,
  currentDataset,
  deleteTerm,
  listCountries,
  listOrganisations,
  listTerms,
  organisationInputSchema,
  saveInternationalOrganisation,
  saveTerm,
  termInputSchema,
  updateCountry,
} from '../../services/reference.js';
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
  'reference/organisations': procedure({ summary: 'International organisations (transfer destinations, Art. 30(1)(e))', input: empty, run: (reg) => listOrganisations(reg) }),
  'reference/saveOrganisation': procedure({
    summary: 'Add or change an international organisation',
    input: organisationInputSchema,
    run: (reg, i, meta) => saveInternationalOrganisation(reg, i, meta),
  }),
  'reference/destinations': procedure({
    summary: 'Every transfer destination: countries and international organisations, with their adequacy status',
    input: empty,
    run: (reg) => [...reg.reference.destinations().values()],
  }),
  'reference/dataset': procedure({ summary: 'The reference data set in use (date, sources, last update report)', input: empty, run: (reg) => currentDataset(reg) }),
  'reference/updateData': procedure({
    summary: 'Load a newer reference data set from its content (the app reads the file the DPO chose)',
    input: z.object({ text: z.string().max(20_000_000), fileName: z.string().max(500).default('reference.json') }),
    run: (reg, i, meta) => applyDatasetText(reg, i.text, path.basename(i.fileName), meta),
  }),
  'reference/updateFile': procedure({
    summary: 'Load a newer reference data set from a file',
    trusted: true,
    input: z.object({ file: z.string().min(1) }),
    run: (reg, i, meta) => {
      if (!fs.existsSync(i.file) || fs.statSync(i.file).isDirectory()) throw new AppError('bad_input', text('errors.fileNotFound', { file: i.file }));
      const name = path.basename(i.file);
      return applyDatasetText(reg, fs.readFileSync(i.file, 'utf8'), name, { ...meta, sourceFile: name });
    },
  }),
};
