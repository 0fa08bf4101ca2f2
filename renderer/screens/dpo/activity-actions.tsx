/** The actions of the plan about this activity, in its editor (issue 25): what is open, what was done. */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { call } from '../../api/client.js';
import { useApp, useT } from '../../app-context.js';
import { formatDate } from '../register-parts/format.js';

export function ActivityActions(props: { activityId: number; refreshKey: number }) {
  const app = useApp();
  const t = useT();
  const id = useId();
  const actions = useQuery({
    queryKey: ['activities', 'dpo-actions', 'activity', props.activityId, props.refreshKey, app.generation],
    queryFn: () => call('actions/list', { activityId: props.activityId }),
  });
  const list = actions.data ?? [];
  if (!list.length) return null;
  return (
    <div className="activity-actions" aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`}>{t('dpo.actions.ofActivity')}</h3>
      <ul>
        {list.map((a) => (
          <li key={a.id}>
            <span className="ref">{a.ref}</span> {a.title} — {t(`dpo.state.${a.state}`)}
            {a.dueOn && (a.state === 'open' || a.state === 'in_progress') ? ` (${t('dpo.action.dueOn')}${t('firsthour.colon')}${formatDate(a.dueOn, app.lang)})` : ''}
            {a.overdue ? <span className="badge alert"> {t('dpo.actions.overdueBadge')}</span> : null}
          </li>
        ))}
      </ul>
      <a
        href="#/actions"
        onClick={(e) => {
          e.preventDefault();
          void app.navigate({ view: 'actions' });
        }}
      >
        {t('dpo.actions.openPlan')}
      </a>
    </div>
  );
}
