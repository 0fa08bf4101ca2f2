/** "Mark reviewed": the activity's last review becomes today, by whom, in one saved change (so in the history). */
import type { Activity } from '../model/register.js';
import type { CallMeta, Register } from '../register.js';
import { activityFields, getActivity, updateActivity } from '../services/activities.js';
import { getOrganisation } from '../services/organisations.js';

/**
 * Records a review of the activity today. `by` defaults to the organisation's DPO. A next review date
 * set by hand is cleared (the next review follows the organisation's period again) unless `nextReviewAt`
 * gives a new one.
 */
export function markReviewed(reg: Register, id: number, expectedVersion: number, meta: CallMeta, options: { by?: string; nextReviewAt?: string } = {}): Activity {
  return reg.write(() => {
    const current = getActivity(reg, id);
    const dpo = getOrganisation(reg, current.organisationId).dpo;
    const by = options.by?.trim() || (dpo ? [dpo.firstName, dpo.name].filter(Boolean).join(' ') : '');
    const today = reg.now().slice(0, 10);
    return updateActivity(reg, id, expectedVersion, { ...activityFields(current), lastReviewedAt: today, lastReviewedBy: by, nextReviewAt: options.nextReviewAt ?? '' }, meta);
  });
}
