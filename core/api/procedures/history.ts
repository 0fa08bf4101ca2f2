import { z } from 'zod';
import { procedure } from '../procedure.js';
import { empty, id } from './common.js';

export const historyProcedures = {
  'history/list': procedure({
    summary: 'Change history, newest first',
    input: z
      .object({
        entityType: z.enum(['organisation', 'activity', 'recipient', 'vocabulary', 'country', 'export', 'import', 'register', 'breach', 'request']).optional(),
        entityId: id.optional(),
        batchId: id.optional(),
        beforeId: id.optional(),
        limit: z.number().int().min(1).max(5000).default(200),
      })
      .default({ limit: 200 }),
    run: (reg, i) => reg.history.list(i),
  }),
  'history/verify': procedure({
    summary: 'Check that no history entry was altered or removed',
    input: empty,
    run: (reg) => reg.history.verify(),
  }),
};
