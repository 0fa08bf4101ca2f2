/**
 * Activities copied to other organisations of the register (issue 25): a DPO shared by several
 * bodies writes an activity once and gives it to the others. Each copy is an activity of its own in
 * the target (the next free reference there, a draft, its review cycle not started), its recipients
 * matched by name in the directory or added to it; the source's and the copy's histories both say
 * where it came from and where it went. All the copies are one transaction.
 */
import { AppError, text } from '../errors.js';
import type { CallMeta, Register } from '../register.js';
import { activityFields, createActivity, getActivity } from '../services/activities.js';
import { getOrganisation } from '../services/organisations.js';
import { foldKey } from '../text.js';

export interface CopyRequest {
  activityIds: number[];
  organisationIds: number[];
}

export interface CopyItem {
  sourceId: number;
  sourceRef: string;
  name: string;
  from: string;
  organisationId: number;
  to: string;
  /** Recipients found by name in the directory, and those the copy adds to it. */
  recipientsMatched: string[];
  recipientsCreated: string[];
  /** The copy's reference, once made. */
  ref?: string;
  id?: number;
}

export interface CopyPlan {
  items: CopyItem[];
}

/** What a copy would do, without writing anything. */
export function planCopy(reg: Register, req: CopyRequest): CopyPlan {
  if (!req.activityIds.length || !req.organisationIds.length) throw new AppError('validation', text('dpo.error.copyNothing'));
  const targets = [...new Set(req.organisationIds)].map((id) => getOrganisation(reg, id));
  const items: CopyItem[] = [];
  for (const id of [...new Set(req.activityIds)]) {
    const a = getActivity(reg, id);
    const from = getOrganisation(reg, a.organisationId).name;
    for (const o of targets) {
      if (o.id === a.organisationId) throw new AppError('validation', text('dpo.error.copySameOrganisation', { ref: a.ref, organisation: o.name }));
      const matched: string[] = [];
      const created: string[] = [];
      for (const r of a.recipients) (reg.activities.recipientIdByKey(foldKey(r.name)) !== undefined ? matched : created).push(r.name);
      items.push({ sourceId: a.id, sourceRef: a.ref, name: a.name, from, organisationId: o.id, to: o.name, recipientsMatched: matched, recipientsCreated: created });
    }
  }
  return { items };
}

/** Makes the copies (one transaction) and records them in both histories. */
export function copyActivities(reg: Register, req: CopyRequest, meta: CallMeta): CopyPlan {
  return reg.write(() => {
    const plan = planCopy(reg, req);
    for (const item of plan.items) {
      const source = getActivity(reg, item.sourceId);
      const f = activityFields(source);
      const copy = createActivity(
        reg,
        item.organisationId,
        {
          ...f,
          ref: '',
          status: 'draft',
          lastReviewedAt: '',
          lastReviewedBy: '',
          nextReviewAt: '',
          // By name: found in the directory (folded) or added to it.
          recipients: source.recipients.map((r) => ({ name: r.name, type: r.type, countries: r.countries, role: r.role, precision: r.precision })),
        } as never,
        meta,
      );
      item.ref = copy.ref;
      item.id = copy.id;
      reg.record(meta, {
        entityType: 'activity',
        entityId: copy.id,
        entityLabel: `${copy.ref} ${copy.name}`,
        organisationId: item.organisationId,
        // Its own kind of entry beside the creation: the register as of a past day counts only changes of the activity.
        action: 'copy',
        changes: [{ path: 'copiedFrom', before: null, after: `${item.from} — ${source.ref} ${source.name}` }],
      });
      reg.record(meta, {
        entityType: 'activity',
        entityId: source.id,
        entityLabel: `${source.ref} ${source.name}`,
        organisationId: source.organisationId,
        action: 'copy',
        changes: [{ path: 'copiedTo', before: null, after: `${item.to} — ${copy.ref} ${copy.name}` }],
      });
    }
    return plan;
  });
}
