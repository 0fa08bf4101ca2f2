/**
 * The records a DPO keeps beside the register: the breach record (Art. 33(5)) and the log of
 * data-subject requests (Arts. 12, 15-22). Two tabs, each a filtered list with counts and deadline
 * badges, and an editor beside it. Every save goes through `breaches/*` and `requests/*`. The tabs
 * and the shell they share (list, editor, save / conflict / delete) are in records/.
 */
import { useEffect, useState } from 'react';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import type { RecordsRoute } from './records-route.js';
import { BreachesTab } from './records/breaches-tab.js';
import { RequestsTab } from './records/requests-tab.js';

type Tab = RecordsRoute['tab'];

export function RecordsScreen(props: { route: RecordsRoute }) {
  const app = useApp();
  const t = useT();
  const { tab } = props.route;
  const [counts, setCounts] = useState<{ breaches: number; requests: number } | null>(null);
  const [changes, setChanges] = useState(0);
  const onChanged = () => setChanges((n) => n + 1);
  useEffect(() => {
    if (!app.orgId) return;
    void Promise.all([call('breaches/list', { organisationId: app.orgId }), call('requests/list', { organisationId: app.orgId })]).then(([b, r]) =>
      setCounts({ breaches: b.length, requests: r.length }),
    );
  }, [app.orgId, app.generation, props.route, changes]);
  const go = (next: Tab) => void app.navigate({ view: 'records', tab: next });
  return (
    <div className="screen split-screen records-screen">
      <header className="screen-header">
        <h1>{tab === 'breaches' ? t('records.breachRecord') : t('records.requestLog')}</h1>
      </header>
      <p className="intro">{tab === 'breaches' ? t('records.breachRecordArticle') : t('records.requestLogArticle')}</p>
      <div role="tablist" aria-label={`${t('records.breaches')} / ${t('records.requests')}`} className="tabs">
        {(['breaches', 'requests'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`records-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="records-panel"
            tabIndex={tab === k ? 0 : -1}
            className={`tab ${tab === k ? 'active' : ''}`}
            onClick={() => go(k)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const other = k === 'breaches' ? 'requests' : 'breaches';
                go(other);
                setTimeout(() => document.getElementById(`records-tab-${other}`)?.focus());
              }
            }}
          >
            {t(k === 'breaches' ? 'records.breaches' : 'records.requests')}
            {counts ? <span className="tab-count">{counts[k]}</span> : null}
          </button>
        ))}
      </div>
      <div id="records-panel" role="tabpanel" aria-labelledby={`records-tab-${tab}`}>
        {tab === 'breaches' ? (
          <BreachesTab key={`b-${app.orgId}`} route={props.route} onChanged={onChanged} />
        ) : (
          <RequestsTab key={`r-${app.orgId}`} route={props.route} onChanged={onChanged} />
        )}
      </div>
    </div>
  );
}
