/**
 * The commit: everything the preview showed as new or updated, in ONE transaction, after a backup
 * of the register taken beside it. Every created or updated record is written to the history with
 * source "import", the file name, its SHA-256 and the batch id; the batch keeps what is needed to
 * undo it. Rows in error (not excluded) refuse the whole import: nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, issue, text, type ErrorText } from '../../errors.js';
import { FIELD_BY_KEY } from '../assign/fields.js';
import type { CellIssue } from '../values/build-row.js';
import type { ProcedureContext } from '../../api/procedure.js';
import type { CallMeta, Register } from '../../register.js';
import { refKey } from '../../../db/activity-store.js';
import { activityFields, getActivity, insertBatch, insertParsedActivity, updateActivity } from '../../services/activities.js';
import { getSignoff } from '../../dpo/signoff.js';
import { createOrganisation, getOrganisation, organisationData, updateOrganisation } from '../../services/organisations.js';
import { getRecipient, recipientData, updateRecipient } from '../../services/recipients.js';
import { fold } from '../fold.js';
import { buildPreview, optionsKey, registerState, type PreviewOptions, type PreviewPlan } from '../preview/preview.js';
import { closeSession, type ImportSession } from '../preview/sessions.js';
import type { UndoData } from './undo.js';

export interface CommitSummary {
  batchId: number | null;
  fileName: string;
  sha256: string;
  organisationId: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: { excluded: number; duplicate: number };
  recipientsCreated: number;
  organisationUpdated: boolean;
  /** The copy of the register taken before the import. */
  backup: string | null;
  /** Created or updated activities: id, reference, name. */
  activities: { id: number; ref: string; name: string; action: 'create' | 'update' }[];
}

export function backupPathFor(registerFile: string, at: string): string {
  const stamp = at.replace(/[:.]/g, '-');
  return path.join(path.dirname(registerFile), `${path.basename(registerFile)}.before-import-${stamp}.bak`);
}

/** Reuses the preview the DPO saw when nothing changed since; otherwise computes it again. */
function currentPlan(reg: Register, session: ImportSession, opts: PreviewOptions): PreviewPlan {
  const last = session.last;
  const mappingChanged = opts.mapping && Object.keys(opts.mapping).length > 0;
  if (
    last &&
    !mappingChanged &&
    last.optionsKey === optionsKey({ ...opts, organisationId: opts.organisationId ?? last.organisationId }) &&
    last.registerState === registerState(reg)
  )
    return last;
  return buildPreview(reg, session, opts);
}

export async function commitImport(reg: Register, session: ImportSession, opts: PreviewOptions, meta: CallMeta, ctx: ProcedureContext = {}): Promise<CommitSummary> {
  ctx.progress?.({ phase: 'import.phase.checking', done: 0, total: 1 });
  let plan = currentPlan(reg, session, opts);
  const failing = plan.rows.filter((r) => r.status === 'error');
  if (failing.length) {
    const details = failing.flatMap((r) =>
      r.errors.map((e) =>
        issue(`${r.sheet}!${r.row}${e.field ? `.${e.field}` : ''}`, 'errors.import.cellProblem', {
          cell: e.cell ? text('errors.import.cell', { cell: e.cell }) : '',
          problem: cellText(e),
        }),
      ),
    );
    const first = failing[0];
    const e = first.errors[0];
    const def = e?.field ? FIELD_BY_KEY.get(e.field) : undefined;
    throw new AppError(
      'bad_input',
      text(failing.length > 1 ? 'errors.import.rowsInError' : 'errors.import.rowInError', {
        file: session.fileName,
        sheet: first.sheet,
        row: first.row,
        field: def ? text('errors.import.inField', { field: { fr: def.labelFr, en: def.labelEn } }) : '',
        problem: e ? cellText(e) : text('errors.import.cannotImport'),
        count: failing.length - 1,
      }),
      details,
    );
  }
  const toWrite = plan.rows.filter((r) => r.status === 'new' || r.status === 'update');
  const summary: CommitSummary = {
    batchId: null,
    fileName: session.fileName,
    sha256: session.sha256,
    organisationId: plan.organisationId,
    created: 0,
    updated: 0,
    unchanged: plan.rows.filter((r) => r.status === 'unchanged').length,
    skipped: { excluded: plan.rows.filter((r) => r.status === 'excluded').length, duplicate: plan.rows.filter((r) => r.status === 'duplicate').length },
    recipientsCreated: 0,
    organisationUpdated: false,
    backup: null,
    activities: [],
  };
  if (!toWrite.length && !plan.organisationUpdate && !(plan.newOrganisations.length && toWrite.length)) return summary;

  // A backup beside the register, taken before anything is written.
  ctx.progress?.({ phase: 'import.phase.backup', done: 0, total: toWrite.length });
  const at = reg.now();
  const backup = backupPathFor(reg.file, at);
  const partial = `${backup}.partial`;
  await reg.backup(partial);
  fs.renameSync(partial, backup);
  summary.backup = backup;
  if (ctx.signal?.aborted) throw new AppError('cancelled', text('errors.import.cancelled'));
  // The register may have changed while the backup ran: the plan must still hold.
  if (plan.registerState !== registerState(reg)) plan = buildPreview(reg, session, opts);

  // One transaction, through a rollback journal when the register has no other connection (db/bulk-write.ts).
  const batch = reg.bulkWrite(() => {
    const batchId = reg.imports.createBatch(at, session.fileName, session.sha256);
    const m: CallMeta = { ...meta, source: 'import', sourceFile: session.fileName, sourceSha256: session.sha256, batchId };
    const undo: UndoData = { activitiesCreated: [], activitiesUpdated: [], recipientsCreated: [], organisation: null, organisationsCreated: [] };
    const maxRecipient = reg.imports.lastRecipientId();
    // Organisations the file names that the register does not have yet (or the first one).
    const orgIds = new Map<string, number>();
    for (const o of plan.newOrganisations) {
      const created = createOrganisation(reg, o.data ? { ...o.data, name: o.name } : { name: o.name }, m);
      orgIds.set(fold(o.name), created.id);
      undo.organisationsCreated!.push(created.id);
    }
    const orgOf = (r: (typeof toWrite)[number]) => r.organisationId || orgIds.get(fold(r.organisationName)) || orgIds.values().next().value!;
    if (!plan.organisationId && orgIds.size) summary.organisationId = orgIds.values().next().value!;
    if (plan.organisationUpdate) {
      const org = getOrganisation(reg, plan.organisationId || orgIds.values().next().value!);
      undo.organisation = { id: org.id, before: organisationData(org) };
      updateOrganisation(reg, org.id, org.version, plan.organisationUpdate, m);
      summary.organisationUpdated = true;
    }
    // References for new rows without one, assigned once rather than searched for every row.
    const perOrg = new Map<number, { taken: Set<string>; next: number; inserts: ReturnType<typeof insertBatch> }>();
    const orgState = (orgId: number) => {
      let st = perOrg.get(orgId);
      if (!st) {
        const taken = reg.activities.refsInUse(orgId);
        for (const r of toWrite) if (r.fields?.ref && orgOf(r) === orgId) taken.add(refKey(r.fields.ref));
        st = { taken, next: Number(reg.activities.nextRef(orgId).slice(2)), inserts: insertBatch(reg, orgId) };
        perOrg.set(orgId, st);
      }
      return st;
    };
    const nextRef = (orgId: number) => {
      const st = orgState(orgId);
      let ref = `T-${String(st.next).padStart(3, '0')}`;
      while (st.taken.has(ref)) ref = `T-${String(++st.next).padStart(3, '0')}`;
      st.taken.add(ref);
      return ref;
    };
    const total = toWrite.length;
    const step = Math.max(1, Math.floor(total / 100));
    toWrite.forEach((r, i) => {
      if (ctx.signal?.aborted) throw new AppError('cancelled', text('errors.import.cancelled'));
      const fields = r.fields!;
      try {
        if (r.status === 'new') {
          const createdAt = r.stamps.createdAt ?? at;
          const orgId = orgOf(r);
          const ref = fields.ref || nextRef(orgId);
          const { id } = insertParsedActivity(
            reg,
            orgId,
            { ...fields, ref },
            m,
            { createdAt, updatedAt: r.stamps.updatedAt ?? (r.stamps.createdAt ? createdAt : at), recordedAt: at },
            orgState(orgId).inserts,
          );
          undo.activitiesCreated.push(id);
          summary.activities.push({ id, ref, name: fields.name, action: 'create' });
          summary.created++;
        } else {
          const current = getActivity(reg, r.existingId!);
          if (current.version !== r.existingVersion) {
            throw new AppError('conflict', text('errors.import.changedSincePreview', { file: session.fileName, sheet: r.sheet, row: r.row, ref: current.ref }));
          }
          const signoff = getSignoff(reg, current.id);
          const a = updateActivity(reg, current.id, current.version, fields, m);
          undo.activitiesUpdated.push({ id: current.id, before: activityFields(current), versionAfter: a.version, signoff });
          summary.activities.push({ id: a.id, ref: a.ref, name: a.name, action: 'update' });
          summary.updated++;
        }
      } catch (error) {
        if (error instanceof AppError && error.code !== 'conflict' && error.code !== 'cancelled') {
          throw new AppError('bad_input', text('errors.import.rowRefused', { file: session.fileName, sheet: r.sheet, row: r.row, name: r.name, cause: error.text }), error.details);
        }
        throw error;
      }
      if (i % step === 0 || i === total - 1) ctx.progress?.({ phase: 'import.phase.writing', done: i + 1, total });
    });
    undo.recipientsCreated = reg.imports.recipientIdsAfter(maxRecipient);
    // Directory details an Art30 export carries (contract, DPF) for the recipients it created.
    for (const id of plan.recipientDetails.size ? undo.recipientsCreated : []) {
      const rec = getRecipient(reg, id);
      const d = plan.recipientDetails.get(fold(rec.name));
      if (d && (d.contractRef || d.contractDate || d.dpfCertified)) {
        updateRecipient(
          reg,
          id,
          rec.version,
          { ...recipientData(rec), contractRef: d.contractRef ?? '', contractDate: d.contractDate ?? '', dpfCertified: d.dpfCertified ?? false },
          m,
        );
      }
    }
    summary.recipientsCreated = undo.recipientsCreated.length;
    reg.imports.finishBatch(batchId, summary.created, summary.updated, JSON.stringify(undo));
    reg.record(m, {
      entityType: 'import',
      entityId: batchId,
      entityLabel: session.fileName,
      organisationId: plan.organisationId,
      action: 'import',
      changes: [
        {
          path: 'import',
          before: null,
          after: {
            file: session.fileName,
            sha256: session.sha256,
            batchId,
            created: summary.created,
            updated: summary.updated,
            recipientsCreated: summary.recipientsCreated,
            backup: path.basename(backup),
          },
        },
      ],
    });
    return batchId;
  });
  summary.batchId = batch;
  closeSession(session.id);
  ctx.progress?.({ phase: 'import.phase.done', done: toWrite.length, total: toWrite.length });
  return summary;
}

/** A cell's problem as the window says it (`import.warning.<code>`), or in the program's words when it has no code. */
function cellText(e: CellIssue): ErrorText {
  return e.code ? text(`import.warning.${e.code}`, { value: e.value, ...(e.params ?? {}) }) : text('errors.import.problem', { detail: e.message });
}
