/** Deadline badges of the records beside the register: the 72 hours of Art. 33(1), the month of Art. 12(3). */
import type { NotificationDeadline, RequestDeadline } from '../../core/records/model.js';
import { notificationText, requestDeadlineText } from '../../core/records/labels.js';
import { useApp } from '../app-context.js';

const notificationTone: Record<NotificationDeadline['state'], string> = {
  not_required: 'muted',
  not_notified: 'muted',
  pending: 'warn',
  overdue: 'overdue',
  on_time: 'ok',
  late: 'overdue',
};

export function NotificationBadge(props: { deadline: NotificationDeadline }) {
  const { lang } = useApp();
  return (
    <span className={`badge record-${notificationTone[props.deadline.state]}`} data-state={props.deadline.state}>
      {notificationText(lang, props.deadline)}
    </span>
  );
}

export function RequestDeadlineBadge(props: { deadline: RequestDeadline }) {
  const { lang } = useApp();
  const d = props.deadline;
  const tone = d.state === 'overdue' || d.state === 'answered_late' ? 'overdue' : d.state === 'answered_on_time' ? 'ok' : (d.daysLeft ?? 99) <= 7 ? 'warn' : 'info';
  return (
    <span className={`badge record-${tone}`} data-state={d.state}>
      {requestDeadlineText(lang, d)}
    </span>
  );
}
