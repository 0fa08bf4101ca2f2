/**
 * The records' section of the overview (issue 16's hook): open breaches, breaches whose 72-hour
 * notification deadline has passed, requests awaiting an answer and those past their deadline.
 */
import type { OverviewContributor } from '../overview/sections.js';
import { notificationDeadline, requestDeadline } from './deadlines.js';
import { listBreaches, listRequests } from './services.js';

export const recordsOverviewSection: OverviewContributor = (reg, scope, today) => {
  const breaches = listBreaches(reg, { organisationId: scope.organisationId });
  const requests = listRequests(reg, { organisationId: scope.organisationId });
  if (!breaches.length && !requests.length) return null;
  // The overview's day decides; at its end, so that a deadline falling that day is not yet passed.
  const now = today === reg.now().slice(0, 10) ? reg.now() : `${today}T23:59:59.999Z`;
  const open = breaches.filter((b) => b.status === 'open');
  const unanswered = requests.filter((r) => !r.answeredOn && r.status !== 'closed');
  const overdueRequests = unanswered.filter((r) => requestDeadline(r, now).state === 'overdue');
  return {
    key: 'records',
    titleKey: 'records.overview.title',
    items: [
      { key: 'openBreaches', labelKey: 'records.overview.openBreaches', count: open.length, screen: 'breaches', screenFilter: { status: 'open' } },
      {
        key: 'notificationOverdue',
        labelKey: 'records.overview.notificationOverdue',
        count: open.filter((b) => notificationDeadline(b, now).state === 'overdue').length,
        screen: 'breaches',
        alert: true,
      },
      { key: 'requestsDue', labelKey: 'records.overview.requestsDue', count: unanswered.length - overdueRequests.length, screen: 'requests' },
      { key: 'requestsOverdue', labelKey: 'records.overview.requestsOverdue', count: overdueRequests.length, screen: 'requests', screenFilter: { overdue: true }, alert: true },
    ],
  };
};
