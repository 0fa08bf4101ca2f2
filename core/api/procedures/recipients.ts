import { z } from 'zod';
import type { RecipientInput } from '../../model/schemas.js';
import { createRecipient, deleteRecipient, getRecipient, listRecipients, updateRecipient } from '../../services/recipients.js';
import { procedure } from '../procedure.js';
import { content, empty, id, version } from './common.js';

export const recipientProcedures = {
  'recipients/list': procedure({ summary: 'The recipient directory', input: empty, run: (reg) => listRecipients(reg) }),
  'recipients/get': procedure({ summary: 'One recipient', input: z.object({ id }), run: (reg, i) => getRecipient(reg, i.id) }),
  'recipients/create': procedure({
    summary: 'Add a recipient to the directory',
    input: z.object({ recipient: content }),
    run: (reg, i, meta) => createRecipient(reg, i.recipient as RecipientInput, meta),
  }),
  'recipients/update': procedure({
    summary: 'Change a recipient: every activity that uses it sees the change',
    input: z.object({ id, version, recipient: content }),
    run: (reg, i, meta) => updateRecipient(reg, i.id, i.version, i.recipient as RecipientInput, meta),
  }),
  'recipients/delete': procedure({
    summary: 'Delete a recipient no activity uses',
    input: z.object({ id, version }),
    run: (reg, i, meta) => {
      deleteRecipient(reg, i.id, i.version, meta);
      return { deleted: i.id };
    },
  }),
};
