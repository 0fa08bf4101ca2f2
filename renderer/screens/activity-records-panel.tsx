/** In the activity editor: the breaches and requests that concern this activity, and "record a breach" from here. */
import { useEffect, useState } from 'react';
import type { Breach, SubjectRequest } from '../../core/records/model.js';
import { formatDate, formatInstant } from '../../core/records/labels.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { NotificationBadge, RequestDeadlineBadge } from '../components/record-badges.js';

export function ActivityRecordsPanel(props: { activityId: number }) {
  const app = useApp();
  const t = useT();
  const [breaches, setBreaches] = useState<Breach[] | null>(null);
  const [requests, setRequests] = useState<SubjectRequest[] | null>(null);
  useEffect(() => {
    void call('breaches/list', { activityId: props.activityId }).then(setBreaches);
    void call('requests/list', { activityId: props.activityId }).then(setRequests);
  }, [props.activityId, app.generation]);
  return (
    <div className="record-panel" data-testid="activity-breaches">
      <h3 id={`activity-breaches-${props.activityId}`}>{t('records.activityBreaches')}</h3>
      {breaches && !breaches.length ? <p className="muted">{t('records.noBreaches')}</p> : null}
      <ul className="record-links" aria-labelledby={`activity-breaches-${props.activityId}`}>
        {breaches?.map((b) => (
          <li key={b.id}>
            <a
              href={`#/breaches/${b.id}`}
              onClick={(e) => {
                e.preventDefault();
                void app.navigate({ view: 'records', tab: 'breaches', id: b.id });
              }}
            >
              {b.ref} — {b.title}
            </a>
            <span className="muted">{formatInstant(app.lang, b.discoveredAt)}</span>
            <NotificationBadge deadline={b.deadline} />
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={() => void app.navigate({ view: 'records', tab: 'breaches', id: 'new', activityId: props.activityId })}>
        + {t('records.recordBreachFromActivity')}
      </button>
      {requests?.length ? (
        <>
          <h3 id={`activity-requests-${props.activityId}`}>{t('records.activityRequests')}</h3>
          <ul className="record-links" aria-labelledby={`activity-requests-${props.activityId}`}>
            {requests.map((r) => (
              <li key={r.id}>
                <a
                  href={`#/requests/${r.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    void app.navigate({ view: 'records', tab: 'requests', id: r.id });
                  }}
                >
                  {r.ref} — {t(`records.right.${r.right}`)}
                </a>
                <span className="muted">{formatDate(app.lang, r.receivedOn)}</span>
                <RequestDeadlineBadge deadline={r.deadline} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
