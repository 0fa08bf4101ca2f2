/**
 * Deadlines of the records beside the register, computed from the facts and a clock the caller
 * passes (`now`), so tests and the app agree on "today".
 *
 * - Art. 33(1): the authority is notified within 72 hours of the controller becoming aware.
 * - Art. 12(3): a request is answered within one month of receipt, extendable by two further months.
 *   Periods in months follow Regulation 1182/71 (Art. 3(2)(c)): the period ends on the same day of
 *   the month, or on the last day of the month when that day does not exist (received on 31 January,
 *   due on 28 or 29 February). Hand-written (a dozen lines): dayjs's `add(1, 'month')` clamps the same
 *   way but works in local time, which shifts dates for a DPO east or west of UTC.
 */
import type { Breach, BreachData, NotificationDeadline, RequestData, RequestDeadline } from './model.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
export const NOTIFICATION_HOURS = 72;

/** A calendar date plus whole months, clamped to the end of the month (Regulation 1182/71). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Today's date (YYYY-MM-DD) at `now`. */
export function dateOf(now: string): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function notificationDueAt(discoveredAt: string): string {
  return new Date(Date.parse(discoveredAt) + NOTIFICATION_HOURS * HOUR).toISOString();
}

export function notificationDeadline(b: Pick<BreachData, 'discoveredAt' | 'notifiedAt' | 'riskLevel' | 'notNotifiedReason'>, now: string): NotificationDeadline {
  const dueAt = notificationDueAt(b.discoveredAt);
  if (b.notifiedAt) return { dueAt, state: Date.parse(b.notifiedAt) > Date.parse(dueAt) ? 'late' : 'on_time', hoursLeft: null };
  if (b.riskLevel === 'none') return { dueAt, state: 'not_required', hoursLeft: null };
  if (b.notNotifiedReason) return { dueAt, state: 'not_notified', hoursLeft: null };
  const hoursLeft = Math.floor((Date.parse(dueAt) - Date.parse(now)) / HOUR);
  return { dueAt, state: Date.parse(now) > Date.parse(dueAt) ? 'overdue' : 'pending', hoursLeft };
}

/** Whether a notification came after the 72 hours (then Art. 33(1) asks for the reasons). */
export function isLateNotification(b: Pick<Breach, 'discoveredAt' | 'notifiedAt'>): boolean {
  return !!b.notifiedAt && !!b.discoveredAt && Date.parse(b.notifiedAt) > Date.parse(notificationDueAt(b.discoveredAt));
}

export function requestDeadline(r: Pick<RequestData, 'receivedOn' | 'extendedUntil' | 'answeredOn'>, now: string): RequestDeadline {
  const initialDueOn = addMonths(r.receivedOn, 1);
  const maxDueOn = addMonths(r.receivedOn, 3);
  const dueOn = r.extendedUntil || initialDueOn;
  if (r.answeredOn) return { initialDueOn, maxDueOn, dueOn, state: r.answeredOn > dueOn ? 'answered_late' : 'answered_on_time', daysLeft: null };
  const daysLeft = daysBetween(dateOf(now), dueOn);
  return { initialDueOn, maxDueOn, dueOn, state: daysLeft < 0 ? 'overdue' : 'due', daysLeft };
}

/** The day a requester's details may be erased: answered on + the retention period (ISO 8601). */
export function requesterErasableOn(answeredOn: string, retention: string): string | undefined {
  if (!answeredOn || !retention) return undefined;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(retention);
  if (!m) return undefined;
  const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
  const date = addMonths(answeredOn, months);
  return new Date(Date.parse(`${date}T00:00:00Z`) + Number(m[3] ?? 0) * DAY).toISOString().slice(0, 10);
}
