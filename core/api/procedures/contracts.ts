/** Processor contracts (Art. 28): `contracts/*`, with their points to review. */
import { z } from 'zod';
import type { ContractInput } from '../../contracts/model.js';
import { contractChecks, contractIdByRef, createContract, deleteContract, getContract, listContracts, updateContract } from '../../contracts/services.js';
import { procedure } from '../procedure.js';
import { content, id, version } from './common.js';

export const contractProcedures = {
  'contracts/list': procedure({
    summary: 'The processor contracts (Art. 28), of an organisation, a processor or an activity',
    input: z.object({ organisationId: id.optional(), recipientId: id.optional(), activityId: id.optional() }).default({}),
    run: (reg, i) => listContracts(reg, i),
  }),
  'contracts/get': procedure({ summary: 'One processor contract', input: z.object({ id }), run: (reg, i) => getContract(reg, i.id) }),
  'contracts/getByRef': procedure({
    summary: 'One processor contract by its reference',
    input: z.object({ ref: z.string().trim().min(1), organisationId: id.optional() }),
    run: (reg, i) => getContract(reg, contractIdByRef(reg, i.ref, i.organisationId)),
  }),
  'contracts/create': procedure({
    summary: 'Record a processor contract',
    input: z.object({ organisationId: id, contract: content }),
    run: (reg, i, meta) => createContract(reg, i.organisationId, i.contract as unknown as ContractInput, meta),
  }),
  'contracts/update': procedure({
    summary: 'Change a processor contract',
    input: z.object({ id, version, contract: content }),
    run: (reg, i, meta) => updateContract(reg, i.id, i.version, i.contract as unknown as ContractInput, meta),
  }),
  'contracts/delete': procedure({
    summary: 'Delete a processor contract recorded by mistake',
    input: z.object({ id, version }),
    run: (reg, i, meta) => {
      deleteContract(reg, i.id, i.version, meta);
      return { deleted: true };
    },
  }),
  'contracts/checks': procedure({
    summary:
      'The points to review of the processor contracts: processors without contract, contracts expired or due, clauses missing, sub-processors outside the EEA without transfer',
    input: z
      .object({
        organisationId: id.optional(),
        today: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .default({}),
    run: (reg, i) => contractChecks(reg, { organisationId: i.organisationId }, i.today),
  }),
};
