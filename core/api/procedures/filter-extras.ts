/**
 * The criteria an overview segment adds to the register's filter (see core/overview/filter.ts): a
 * module of its own so that `activities/list` validates them without loading the overview's
 * procedures (and the register document they export).
 */
import { z } from 'zod';
import type { CheckCode } from '../../model/checks.js';
import { CHECK_CODES } from '../../overview/check-codes.js';
import { COMPLETENESS_BANDS } from '../../overview/filter.js';

export const overviewFilterExtras = {
  check: z.enum(['any', ...CHECK_CODES] as ['any', ...CheckCode[]]).optional(),
  review: z.enum(['overdue', 'due_soon', 'ok', 'due']).optional(),
  safeguard: z.string().max(60).optional(),
  completeness: z.enum(COMPLETENESS_BANDS).optional(),
  noDepartment: z.boolean().optional(),
  signoff: z.enum(['draft', 'submitted', 'checked']).optional(),
};
