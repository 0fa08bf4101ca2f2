/**
 * Deleting an organisation: at once when it has no activity; with its activities only after the DPO
 * typed its name, and after a copy of the register was written beside it (the way back). Every
 * activity's deletion and the organisation's are recorded in the history, which is kept.
 */
import path from 'node:path';
import { AppError, issue, subject, text } from '../errors.js';
import type { CallMeta, Register } from '../register.js';
import { deleteActivity, getActivity } from './activities.js';
import { deleteOrganisation, getOrganisation } from './organisations.js';
import { checkVersion } from './versions.js';
import { deleteOrganisationRecords, organisationRecordCount } from '../records/services.js';
import { deleteOrganisationContracts, listContracts } from '../contracts/services.js';
import { removeOrganisationDocuments } from '../documents/services.js';

export interface OrganisationDeleteResult {
  organisation: string;
  activitiesDeleted: number;
  /** The copy of the register written before anything was deleted; null for a register in memory. */
  backup: string | null;
}

export function beforeDeleteBackupPath(registerFile: string, at: string): string {
  return path.join(path.dirname(registerFile), `${path.basename(registerFile)}.before-delete-${at.replace(/[:.]/g, '-')}.bak`);
}

export async function deleteOrganisationAndActivities(
  reg: Register,
  id: number,
  expectedVersion: number,
  confirmName: string | undefined,
  meta: CallMeta,
): Promise<OrganisationDeleteResult> {
  const org = getOrganisation(reg, id);
  checkVersion(subject('organisation'), org, expectedVersion);
  const ids = reg.activities.list({ organisationId: id }).map((a) => a.id);
  // Its breaches and requests go with it, as its activities do (issue 15).
  const records = organisationRecordCount(reg, id) + listContracts(reg, { organisationId: id }).length;
  if ((ids.length || records) && (confirmName ?? '').trim() !== org.name.trim()) {
    throw new AppError('validation', text('errors.confirmName', { name: org.name, count: ids.length }), [issue('confirmName', 'errors.confirmNameMismatch')]);
  }
  let backup: string | null = null;
  if ((ids.length || records) && reg.file && reg.file !== ':memory:') {
    backup = beforeDeleteBackupPath(reg.file, reg.now());
    await reg.backup(backup);
  }
  reg.write(() => {
    deleteOrganisationRecords(reg, id, meta);
    // Its processor contracts too; its documents are removed (their bytes stay, with the history).
    deleteOrganisationContracts(reg, id, meta);
    removeOrganisationDocuments(reg, id, meta);
    for (const activityId of ids) deleteActivity(reg, activityId, getActivity(reg, activityId).version, meta);
    deleteOrganisation(reg, id, expectedVersion, meta);
  });
  return { organisation: org.name, activitiesDeleted: ids.length, backup };
}
