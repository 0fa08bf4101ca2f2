/**
 * The review cycle: each activity is reviewed every `reviewPeriodMonths` (per organisation, 12 by
 * default) after its last review (or its creation when never reviewed), unless the DPO set the next
 * review date by hand. Dates are calendar days (`YYYY-MM-DD`); adding months keeps the day of the
 * month, or the month's last day when it has fewer days (31 January + 1 month = 28 or 29 February).
 */

export const DEFAULT_REVIEW_PERIOD_MONTHS = 12;
/** "Due soon": within this many days. */
export const DUE_SOON_DAYS = 30;

export type ReviewState = 'overdue' | 'due_soon' | 'ok' | 'none';

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

function parts(date: string): [number, number, number] | undefined {
  const m = DAY.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `date` (YYYY-MM-DD…) plus `months`; the day is clamped to the target month's length. */
export function addMonths(date: string, months: number): string {
  const p = parts(date);
  if (!p) return '';
  const [y, m, d] = p;
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return `${pad(ty, 4)}-${pad(tm)}-${pad(Math.min(d, daysIn(ty, tm)))}`;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const p = parts(date);
  if (!p) return '';
  const t = new Date(Date.UTC(p[0], p[1] - 1, p[2] + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export interface ReviewInfo {
  /** The next review date, '' when none applies (a retired activity). */
  nextReviewAt: string;
  /** Whether the DPO set it by hand. */
  byHand: boolean;
  state: ReviewState;
  /** Days until the next review (negative when overdue). */
  daysLeft: number | null;
}

export function daysBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return 0;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

export function reviewInfo(a: { status: string; lastReviewedAt: string; nextReviewAt?: string; createdAt: string }, periodMonths: number, today: string): ReviewInfo {
  if (a.status === 'retired') return { nextReviewAt: '', byHand: false, state: 'none', daysLeft: null };
  const byHand = Boolean(a.nextReviewAt);
  const next = byHand ? a.nextReviewAt! : addMonths(a.lastReviewedAt || a.createdAt.slice(0, 10), periodMonths || DEFAULT_REVIEW_PERIOD_MONTHS);
  if (!next) return { nextReviewAt: '', byHand, state: 'none', daysLeft: null };
  const daysLeft = daysBetween(today.slice(0, 10), next);
  const state: ReviewState = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'ok';
  return { nextReviewAt: next, byHand, state, daysLeft };
}
