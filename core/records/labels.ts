/**
 * Words of the breach record and the request log in a language: field labels, values and deadline
 * badges, for the CLI, the exports and the app (the renderer's `t` serves the same keys).
 */
import { t, type Lang } from '../i18n/i18n.js';
import { LOCALES } from '../i18n/localized.js';
import type { Breach, NotificationDeadline, RequestDeadline, SubjectRequest } from './model.js';

export const fieldLabel = (lang: Lang, field: string) => t(lang, `records.field.${field === 'description' ? 'description' : field}`);

export const valueLabel = {
  status: (lang: Lang, v: string) => t(lang, `records.status.${v}`),
  risk: (lang: Lang, v: string) => t(lang, `records.risk.${v}`),
  nature: (lang: Lang, v: string) => t(lang, `records.nature.${v}`),
  informed: (lang: Lang, v: string) => t(lang, `records.informed.${v}`),
  right: (lang: Lang, v: string) => t(lang, `records.right.${v}`),
  channel: (lang: Lang, v: string) => t(lang, `records.channel.${v}`),
  requestStatus: (lang: Lang, v: string) => t(lang, `records.requestStatus.${v}`),
  outcome: (lang: Lang, v: string) => t(lang, `records.outcome.${v}`),
};

/** A date (YYYY-MM-DD) as the language writes it. */
export function formatDate(lang: Lang, date: string): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return t(lang, 'doc.date', { y, m, d });
}

/** A moment in the time zone of this computer, with the zone named (the 72 hours count in real time). */
export function formatInstant(lang: Lang, instant: string, timeZone?: string): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat(LOCALES[lang], {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(instant));
}

export function notificationText(lang: Lang, d: NotificationDeadline): string {
  if (d.state === 'pending') return t(lang, 'records.notification.pending', { count: Math.max(0, d.hoursLeft ?? 0) });
  return t(lang, `records.notification.${d.state}`);
}

export function requestDeadlineText(lang: Lang, d: RequestDeadline): string {
  if (d.state === 'due') return d.daysLeft === 0 ? t(lang, 'records.deadline.dueToday') : t(lang, 'records.deadline.due', { count: d.daysLeft ?? 0 });
  if (d.state === 'overdue') return t(lang, 'records.deadline.overdue', { count: -(d.daysLeft ?? 0) });
  return t(lang, `records.deadline.${d.state}`);
}

/** The breach as label/value lines in the order an inspector reads it: facts, effects, remedial action. */
export function breachSections(lang: Lang, b: Breach): { title: string; rows: [string, string][] }[] {
  const L = (f: string) => fieldLabel(lang, f);
  const num = (n: number | null) => (n == null ? '' : n.toLocaleString(LOCALES[lang]));
  return [
    {
      title: t(lang, 'records.facts'),
      rows: [
        [L('ref'), b.ref],
        [L('title'), b.title],
        [L('status'), valueLabel.status(lang, b.status)],
        [L('description'), b.description],
        [L('nature'), b.nature.map((n) => valueLabel.nature(lang, n)).join(', ')],
        [L('occurredAt'), formatInstant(lang, b.occurredAt)],
        [L('discoveredAt'), formatInstant(lang, b.discoveredAt)],
        [L('activities'), b.activities.map((a) => `${a.ref} ${a.name}`).join('\n')],
      ],
    },
    {
      title: t(lang, 'records.effects'),
      rows: [
        [L('peopleCategories'), b.peopleCategories],
        [L('peopleCount'), num(b.peopleCount)],
        [L('recordsCount'), num(b.recordsCount)],
        [L('dataCategories'), b.dataCategories.map((c) => c.label + (c.special ? ` (${t(lang, 'records.special')})` : '')).join(', ')],
        [L('consequences'), b.consequences],
        [L('riskLevel'), valueLabel.risk(lang, b.riskLevel)],
        [L('riskReasoning'), b.riskReasoning],
      ],
    },
    {
      title: t(lang, 'records.remedialAction'),
      rows: [
        [L('measuresTaken'), b.measuresTaken],
        [L('measuresProposed'), b.measuresProposed],
        [L('notificationDeadline'), `${t(lang, 'records.notification.dueAt', { at: formatInstant(lang, b.deadline.dueAt) })} — ${notificationText(lang, b.deadline)}`],
        [L('notifiedAt'), formatInstant(lang, b.notifiedAt)],
        [L('notificationRef'), b.notificationRef],
        [L('notNotifiedReason'), b.notNotifiedReason],
        [L('lateReason'), b.lateReason],
        [L('peopleInformed'), valueLabel.informed(lang, b.peopleInformed)],
        [L('peopleInformedOn'), formatDate(lang, b.peopleInformedOn)],
        [L('peopleInformedMeans'), b.peopleInformedMeans],
        [L('peopleNotInformedReason'), b.peopleNotInformedReason],
      ],
    },
  ];
}

/** The columns of the request log, label and value. */
export function requestRow(lang: Lang, r: SubjectRequest): [string, string][] {
  const L = (f: string) => fieldLabel(lang, f);
  return [
    [L('ref'), r.ref],
    [L('right'), valueLabel.right(lang, r.right)],
    [L('receivedOn'), formatDate(lang, r.receivedOn)],
    [L('channel'), valueLabel.channel(lang, r.channel)],
    [L('requester'), r.requesterErasedAt ? t(lang, 'records.erased') : r.requester],
    [L('identityChecked'), t(lang, r.identityChecked ? 'common.yes' : 'common.no')],
    [L('requestDescription'), r.description],
    [L('initialDueOn'), formatDate(lang, r.deadline.initialDueOn)],
    [L('extendedUntil'), formatDate(lang, r.extendedUntil)],
    [L('extensionReason'), r.extensionReason],
    [L('extensionToldOn'), formatDate(lang, r.extensionToldOn)],
    [L('deadline'), `${formatDate(lang, r.deadline.dueOn)} — ${requestDeadlineText(lang, r.deadline)}`],
    [L('status'), valueLabel.requestStatus(lang, r.status)],
    [L('answeredOn'), formatDate(lang, r.answeredOn)],
    [L('outcome'), valueLabel.outcome(lang, r.outcome)],
    [L('outcomeReason'), r.outcomeReason],
    [L('activities'), r.activities.map((a) => `${a.ref} ${a.name}`).join('\n')],
  ];
}
