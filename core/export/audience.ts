/**
 * Who an export is for. `authority` (default): the complete register, without the DPO's internal
 * points to review. `internal`: points to review beside each activity and as an annex. `public`:
 * the register fit for publication — no security measures, no internal contact details or notes.
 */
export const AUDIENCES = ['authority', 'internal', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function isAudience(v: unknown): v is Audience {
  return (AUDIENCES as readonly unknown[]).includes(v);
}

/** Whether points to review (alerts, checks) are printed. */
export const showsReview = (a: Audience | undefined): boolean => a === 'internal';
/** Whether security measures, internal contacts and internal notes are printed. */
export const showsInternal = (a: Audience | undefined): boolean => a !== 'public';
