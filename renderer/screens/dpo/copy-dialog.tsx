/** Copy the selected activities to other organisations of the register (issue 25): what it would do, then one transaction. */
import { useEffect, useId, useState } from 'react';
import type { CopyPlan } from '../../../core/dpo/copy.js';
import { call } from '../../api/client.js';
import { invalidateAfterWrite } from '../../api/queries.js';
import { useApp, useT } from '../../app-context.js';
import { Modal } from '../../components/modal.js';

export function CopyDialog(props: { activityIds: number[]; onClose(): void }) {
  const app = useApp();
  const t = useT();
  const id = useId();
  const others = app.organisations.filter((o) => o.id !== app.orgId);
  const [targets, setTargets] = useState<number[]>([]);
  const [plan, setPlan] = useState<CopyPlan | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!targets.length) {
      setPlan(null);
      return;
    }
    call('copy/plan', { activityIds: props.activityIds, organisationIds: targets })
      .then((p) => live && (setPlan(p), setMessage(null)))
      .catch((e: Error) => live && setMessage(e.message));
    return () => {
      live = false;
    };
  }, [targets, props.activityIds]);
  const none = t('dpo.copy.none');
  const run = async () => {
    if (!targets.length) {
      setMessage(t('dpo.copy.selectTarget'));
      return;
    }
    try {
      const done = await call('copy/run', { activityIds: props.activityIds, organisationIds: targets });
      await invalidateAfterWrite();
      app.notify(t('dpo.copy.done', { count: done.items.length }));
      props.onClose();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <Modal
      title={t('dpo.copy.title', { count: props.activityIds.length })}
      onClose={props.onClose}
      wide
      footer={
        <>
          <button type="button" className="secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void run()}>
            {t('dpo.copy.confirm')}
          </button>
        </>
      }
    >
      {message ? (
        <div className="banner error" role="alert">
          {message}
        </div>
      ) : null}
      <fieldset className="copy-targets">
        <legend>{t('dpo.copy.targets')}</legend>
        {others.map((o) => (
          <div key={o.id} className="checkbox">
            <input
              id={`${id}-${o.id}`}
              type="checkbox"
              checked={targets.includes(o.id)}
              onChange={(e) => setTargets((list) => (e.target.checked ? [...list, o.id] : list.filter((x) => x !== o.id)))}
            />
            <label htmlFor={`${id}-${o.id}`}>{o.name}</label>
          </div>
        ))}
      </fieldset>
      {plan ? (
        <ul className="copy-plan" aria-live="polite">
          {plan.items.map((i) => (
            <li key={`${i.sourceId}-${i.organisationId}`}>
              {t('dpo.copy.plan', {
                ref: i.sourceRef,
                name: i.name,
                to: i.to,
                matched: i.recipientsMatched.join(', ') || none,
                created: i.recipientsCreated.join(', ') || none,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </Modal>
  );
}
