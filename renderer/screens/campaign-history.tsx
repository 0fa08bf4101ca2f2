/** The history of one review campaign: created, files written or downloaded, reminders, each answer collected. */
import { useQuery } from '@tanstack/react-query';
import { LOCALES } from '../../core/i18n/localized.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { campaignKeys } from './campaign-data.js';

const text = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : String(v ?? ''));

export function CampaignHistory(props: { id: number; generation: number }) {
  const app = useApp();
  const t = useT();
  const entries = useQuery({
    queryKey: [...campaignKeys.all, 'history', props.id, props.generation],
    queryFn: () => call('history/list', { entityType: 'campaign', entityId: props.id, limit: 200 }),
    staleTime: 0,
  });
  return (
    <details className="record-history">
      <summary>{t('campaign.history.title')}</summary>
      <ol className="history-list">
        {entries.data?.map((e) => (
          <li key={e.id} className="history-entry">
            <div className="history-when">
              <strong>{t(`campaign.history.${e.action}`)}</strong> <time dateTime={e.at}>{new Date(e.at).toLocaleString(LOCALES[app.lang])}</time>
              <span className="campaign-note"> · {t(`history.source.${e.source}`)}</span>
              {e.sourceFile ? <span className="campaign-note"> · {e.sourceFile}</span> : null}
            </div>
            <dl className="campaign-history-changes">
              {e.changes.map((c) => (
                <div key={c.path}>
                  <dt>{t(`campaign.history.field.${c.path}`)}</dt>
                  <dd>{text(c.after)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </details>
  );
}
