/** The DPO's action plan (issue 25): the actions of the organisation, filtered by state and overdue, created, started and closed. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Action } from '../../../core/dpo/actions.js';
import { call } from '../../api/client.js';
import { invalidateAfterWrite } from '../../api/queries.js';
import { useApp, useT } from '../../app-context.js';
import { FilterSelect } from '../register-parts/filters.js';
import { formatDate } from '../register-parts/format.js';
import { ActionDialog, CloseActionDialog } from './action-dialog.js';
import './dpo.css';

export const actionsKey = ['activities', 'dpo-actions'] as const;

export function ActionsScreen() {
  const app = useApp();
  const t = useT();
  const client = useQueryClient();
  const org = app.orgId ?? undefined;
  const [state, setState] = useState('pending');
  const [overdue, setOverdue] = useState(false);
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<Action | null>(null);
  const overdueId = useId();
  const actions = useQuery({
    queryKey: [...actionsKey, org, state, overdue, app.generation],
    queryFn: () => call('actions/list', { organisationId: org, state: (state || undefined) as never, overdue: overdue || undefined }),
  });
  const start = async (a: Action) => {
    try {
      await call('actions/update', { id: a.id, version: a.version, action: { ...a, state: 'in_progress' } as unknown as Record<string, unknown> });
      await invalidateAfterWrite(client);
    } catch (e) {
      app.notify((e as Error).message);
    }
  };
  const list = actions.data ?? [];
  return (
    <div className="screen actions-screen">
      <header className="screen-header">
        <h1>{t('dpo.actions.title')}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setCreating(true)} disabled={org === undefined}>
            + {t('dpo.actions.new')}
          </button>
        </div>
      </header>
      <p className="intro">{t('dpo.actions.intro')}</p>
      <div className="filterbar">
        <FilterSelect
          label={t('dpo.actions.filterState')}
          value={state}
          onChange={setState}
          options={[
            { value: '', label: t('dpo.actions.filterAllStates') },
            { value: 'pending', label: t('dpo.actions.filterPending') },
            ...(['open', 'in_progress', 'done', 'dropped'] as const).map((s) => ({ value: s, label: t(`dpo.state.${s}`) })),
          ]}
        />
        <div className={`filter check-filter ${overdue ? 'active' : ''}`}>
          <input id={overdueId} type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          <label htmlFor={overdueId}>{t('dpo.actions.filterOverdue')}</label>
        </div>
      </div>
      <p role="status" aria-live="polite" className="count" data-testid="actions-count">
        {actions.isLoading ? t('common.loading') : t('dpo.actions.count', { count: list.length })}
      </p>
      {!actions.isLoading && !list.length ? <p className="muted">{t('dpo.actions.noneMatch')}</p> : null}
      {list.length ? (
        <table className="grid compact actions-table" aria-label={t('dpo.actions.title')}>
          <thead>
            <tr>
              <th scope="col">{t('dpo.action.ref')}</th>
              <th scope="col">{t('dpo.action.title')}</th>
              <th scope="col">{t('dpo.action.activity')}</th>
              <th scope="col">{t('dpo.action.owner')}</th>
              <th scope="col">{t('dpo.action.dueOn')}</th>
              <th scope="col">{t('dpo.action.priority')}</th>
              <th scope="col">{t('dpo.action.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dpo.actions.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
                <td className="nowrap">{a.ref}</td>
                <td>
                  {a.title}
                  {a.checkCode ? <div className="muted">{t(`checks.${a.checkCode}`)}</div> : null}
                  {a.outcome ? (
                    <div className="outcome">
                      {t('dpo.action.outcome')}
                      {t('firsthour.colon')}
                      {a.outcome}
                    </div>
                  ) : null}
                </td>
                <td>
                  {a.activityId ? (
                    <a
                      href={`#/activity/${a.activityId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        void app.navigate({ view: 'activity', id: a.activityId! });
                      }}
                    >
                      {a.activityLabel}
                    </a>
                  ) : (
                    <span className="muted">{t('dpo.action.freeNote')}</span>
                  )}
                </td>
                <td>{a.owner}</td>
                <td>{a.dueOn ? formatDate(a.dueOn, app.lang) : ''}</td>
                <td>{t(`dpo.priority.${a.priority}`)}</td>
                <td>
                  {t(`dpo.state.${a.state}`)}
                  {a.overdue ? <span className="badge alert"> {t('dpo.actions.overdueBadge')}</span> : null}
                  {a.closedOn ? <div className="muted">{formatDate(a.closedOn, app.lang)}</div> : null}
                </td>
                <td>
                  <div className="row-actions">
                    {a.state === 'open' ? (
                      <button type="button" className="secondary small" onClick={() => void start(a)} aria-label={`${t('dpo.actions.start')} ${a.ref}`}>
                        {t('dpo.actions.start')}
                      </button>
                    ) : null}
                    {a.state === 'open' || a.state === 'in_progress' ? (
                      <button type="button" className="secondary small" onClick={() => setClosing(a)} aria-label={`${t('dpo.actions.close')} ${a.ref}`}>
                        {t('dpo.actions.close')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {creating && org !== undefined ? <ActionDialog organisationId={org} source={{ activityId: null }} onClose={() => setCreating(false)} /> : null}
      {closing ? <CloseActionDialog action={closing} onClose={() => setClosing(null)} /> : null}
    </div>
  );
}
