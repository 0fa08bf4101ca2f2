import { z } from 'zod';
import { procedure } from '../procedure.js';
import { Labels } from '../../export/labels.js';
import { pathValueLines } from '../../import/preview/changes.js';
import { listRecipients } from '../../services/recipients.js';
import { dpoHistoryLines } from '../../dpo/history-text.js';
import { withFullItems } from '../../services/activity-history.js';
import type { Register } from '../../register.js';

/** A recipient's type by its name (the history keeps the names an activity gave). */
function recipientTypes(reg: Register): (name: string) => string | undefined {
  let byName: Map<string, string> | undefined;
  return (name) => (byName ??= new Map(listRecipients(reg).map((r) => [r.name, r.type]))).get(name);
}
import { empty, id } from './common.js';

export const historyProcedures = {
  'history/list': procedure({
    summary: 'Change history, newest first',
    input: z
      .object({
        entityType: z
          .enum([
            'organisation',
            'activity',
            'recipient',
            'vocabulary',
            'country',
            'export',
            'import',
            'register',
            'breach',
            'request',
            'campaign',
            'contract',
            'document',
            'action',
          ])
          .optional(),
        entityId: id.optional(),
        batchId: id.optional(),
        beforeId: id.optional(),
        limit: z.number().int().min(1).max(5000).default(200),
        /** With a language, each change of an activity also comes as the DPO reads it (`text`). */
        lang: z.enum(['fr', 'en']).optional(),
      })
      .default({ limit: 200 }),
    run: (reg, { lang, ...filter }) => {
      // An activity's creation entry leaves its list items' empty properties out (core/services/activity-history.ts): given back whole.
      const entries = reg.history.list(filter).map((e) => (e.entityType === 'activity' && e.action === 'create' ? { ...e, changes: withFullItems(e.changes) } : e));
      if (!lang) return entries;
      const L = Labels.forRegister(reg, lang);
      const typeOf = recipientTypes(reg);
      return entries.map((e) =>
        e.entityType === 'activity'
          ? {
              ...e,
              changes: e.changes.map((c) => ({
                ...c,
                // The DPO's sign-off and copies (issue 25) in their own words; every other field as the register prints it.
                text: {
                  before: dpoHistoryLines(lang, c.path, c.before) ?? pathValueLines(c.path, c.before, L, typeOf),
                  after: dpoHistoryLines(lang, c.path, c.after) ?? pathValueLines(c.path, c.after, L, typeOf),
                },
              })),
            }
          : e,
      );
    },
  }),
  'history/verify': procedure({
    summary: 'Check that no history entry was altered or removed',
    input: empty,
    run: (reg) => reg.history.verify(),
  }),
};
