/** The DPO's sign-off of the activity in the editor (issue 25): its state, and "checked by the DPO" with a recommendation. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call } from '../../api/client.js';
import { invalidateAfterWrite } from '../../api/queries.js';
import { useApp, useT } from '../../app-context.js';
import { formatDate } from '../register-parts/format.js';
import './dpo.css';
import { ActivityActions } from './activity-actions.js';

export function SignoffPanel(props: { activityId: number; version: number; dirty: boolean; refreshKey: number; onChanged(): void }) {
  const app = useApp();
  const t = useT();
  const client = useQueryClient();
  const id = useId();
  const [recommendation, setRecommendation] = useState('');
  const [busy, setBusy] = useState(false);
  const signoff = useQuery({
    queryKey: ['activities', 'signoff', props.activityId, props.refreshKey, app.generation],
    queryFn: () => call('signoff/get', { activityId: props.activityId }),
  });
  const s = signoff.data;
  const check = async () => {
    setBusy(true);
    try {
      await call('signoff/check', { activityId: props.activityId, version: props.version, recommendation });
      setRecommendation('');
      await invalidateAfterWrite(client);
      app.notify(t('dpo.signoff.done'));
      props.onChanged();
    } catch (e) {
      app.notify((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="signoff-panel" aria-labelledby={`${id}-title`} data-testid="signoff-panel">
      <h2 id={`${id}-title`}>{t('dpo.signoff.title')}</h2>
      {s ? (
        <p className={`signoff-state state-${s.state}`} data-testid="signoff-state">
          <strong>{s.state === 'checked' ? t('dpo.signoff.checkedOn', { date: formatDate(s.checkedAt, app.lang) }) : t(`dpo.signoff.${s.state}`)}</strong>
        </p>
      ) : null}
      {s?.state === 'checked' && s.recommendation ? (
        <blockquote className="signoff-recommendation" aria-label={t('dpo.signoff.recommendation')}>
          {s.recommendation}
        </blockquote>
      ) : null}
      <p className="hint">{t('dpo.signoff.help')}</p>
      <div className="field">
        <label htmlFor={`${id}-rec`}>{t('dpo.signoff.recommendation')}</label>
        <textarea id={`${id}-rec`} rows={3} value={recommendation} onChange={(e) => setRecommendation(e.target.value)} />
      </div>
      <button type="button" className="secondary" disabled={busy || props.dirty} onClick={() => void check()}>
        {t('dpo.signoff.check')}
      </button>
      <ActivityActions activityId={props.activityId} refreshKey={props.refreshKey} />
    </section>
  );
}
