/**
 * Undoing an import in one action and one transaction: activities it created are deleted, those it
 * updated get back the fields they had before, recipients it created are removed when no activity
 * uses them any more, the organisation's identity blocks are restored. Everything is recorded in the
 * history (with the batch id), and the batch is marked undone.
 */
import type { BatchRow } from '../../../db/import-store.js';
import { AppError, notFound, text } from '../../errors.js';
import type { ActivityFields, OrganisationData } from '../../model/schemas.js';
import type { CallMeta, Register } from '../../register.js';
import { deleteActivity, getActivity, updateActivity } from '../../services/activities.js';
import { restoreSignoff, type Signoff } from '../../dpo/signoff.js';
import { deleteOrganisation, getOrganisation, updateOrganisation } from '../../services/organisations.js';
import { deleteRecipient, getRecipient } from '../../services/recipients.js';

export interface UndoData {
  activitiesCreated: number[];
  /** `signoff`: the DPO's sign-off before the import (issue 25), given back when the activity is. */
  activitiesUpdated: { id: number; before: ActivityFields; versionAfter: number; signoff?: Signoff }[];
  recipientsCreated: number[];
  organisation: { id: number; before: OrganisationData } | null;
  /** Organisations the import created (an Art30 export into an empty register): removed when empty. */
  organisationsCreated?: number[];
}

export interface ImportBatch {
  id: number;
  at: string;
  fileName: string;
  sha256: string;
  created: number;
  updated: number;
  undoneAt: string | null;
}

export interface UndoSummary {
  batchId: number;
  activitiesDeleted: number;
  activitiesRestored: number;
  recipientsDeleted: number;
  organisationRestored: boolean;
  /** Activities edited after the import: restored anyway (the history keeps the later edits). */
  changedSince: string[];
  /** Records already deleted since the import. */
  missing: string[];
}

const toBatch = (r: BatchRow): ImportBatch => ({ id: r.id, at: r.at, fileName: r.file_name, sha256: r.sha256, created: r.created, updated: r.updated, undoneAt: r.undone_at });

export function listBatches(reg: Register): ImportBatch[] {
  return reg.imports.batches().map(toBatch);
}

export function undoImport(reg: Register, batchId: number, meta: CallMeta): UndoSummary {
  return reg.write(() => {
    const row = reg.imports.batch(batchId);
    if (!row) throw notFound('import', batchId);
    if (row.undone_at) throw new AppError('conflict', text('errors.import.alreadyUndone', { id: batchId, file: row.file_name, date: row.undone_at.slice(0, 10) }));
    const undo = JSON.parse(row.undo_json) as UndoData;
    const m: CallMeta = { ...meta, sourceFile: row.file_name, sourceSha256: row.sha256, batchId };
    const out: UndoSummary = { batchId, activitiesDeleted: 0, activitiesRestored: 0, recipientsDeleted: 0, organisationRestored: false, changedSince: [], missing: [] };
    const exists = (id: number) => reg.activities.version(id) !== undefined;
    for (const u of undo.activitiesUpdated ?? []) {
      if (!exists(u.id)) {
        out.missing.push(`activity #${u.id}`);
        continue;
      }
      const current = getActivity(reg, u.id);
      if (current.version !== u.versionAfter) out.changedSince.push(current.ref);
      updateActivity(reg, u.id, current.version, u.before, m);
      // The activity as the DPO checked it: checked again, with the recommendation (unless it changed since the import).
      if (u.signoff && current.version === u.versionAfter) restoreSignoff(reg, u.signoff, m);
      out.activitiesRestored++;
    }
    for (const id of undo.activitiesCreated ?? []) {
      if (!exists(id)) {
        out.missing.push(`activity #${id}`);
        continue;
      }
      const current = getActivity(reg, id);
      if (current.version !== 1) out.changedSince.push(current.ref);
      deleteActivity(reg, id, current.version, m);
      out.activitiesDeleted++;
    }
    for (const id of undo.recipientsCreated ?? []) {
      try {
        const r = getRecipient(reg, id);
        if (r.activityCount === 0) {
          deleteRecipient(reg, id, r.version, m);
          out.recipientsDeleted++;
        }
      } catch {
        out.missing.push(`recipient #${id}`);
      }
    }
    if (undo.organisation) {
      const org = getOrganisation(reg, undo.organisation.id);
      updateOrganisation(reg, org.id, org.version, undo.organisation.before, m);
      out.organisationRestored = true;
    }
    for (const id of undo.organisationsCreated ?? []) {
      try {
        const org = getOrganisation(reg, id);
        if (!reg.activities.loadMany({ organisationId: id }).length) deleteOrganisation(reg, id, org.version, m);
      } catch {
        out.missing.push(`organisation #${id}`);
      }
    }
    const at = reg.now();
    reg.imports.markUndone(batchId, at);
    reg.record(m, {
      entityType: 'import',
      entityId: batchId,
      entityLabel: row.file_name,
      organisationId: undo.organisation?.id ?? null,
      action: 'undo',
      changes: [
        {
          path: 'import',
          before: { batchId, file: row.file_name, sha256: row.sha256 },
          after: { undone: true, activitiesDeleted: out.activitiesDeleted, activitiesRestored: out.activitiesRestored, recipientsDeleted: out.recipientsDeleted },
        },
      ],
    });
    return out;
  });
}
