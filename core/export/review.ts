/**
 * The points to review of an activity (core/model/checks.ts) in the export's language, and which
 * fields each audience may read: the public register leaves out security measures, internal
 * contacts and internal notes.
 */
import { t } from '../i18n/i18n.js';
import { checkActivity } from '../model/checks.js';
import type { Activity } from '../model/register.js';
import { showsInternal } from './audience.js';
import type { Labels } from './labels.js';

export function reviewPoints(a: Activity, L: Labels): string[] {
  return checkActivity(a, L.countries).map((c) => t(L.lang, `checks.${c.code}`, c.params));
}

/** Fields of an activity that the public version does not print. */
export const INTERNAL_FIELDS = new Set<string>(['securityMeasures', 'securityNotes', 'owner', 'consentRecords', 'breaches', 'dpiaLink', 'systems']);

/** Whether a field of an activity is printed for this export's audience. */
export function printsField(L: Labels, field: string): boolean {
  return showsInternal(L.audience) || !INTERNAL_FIELDS.has(field);
}
