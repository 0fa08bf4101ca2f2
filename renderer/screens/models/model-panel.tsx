/**
 * In the editor: which model the activity was made from; a newer version of that model with what changed
 * (the model before, the model now, this activity), for the DPO to take or leave; and "save as a model".
 */
import { useId, useState } from 'react';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../core/models/format.js';
import { call } from '../../api/client.js';
import { useApp, useT } from '../../app-context.js';
import { Modal } from '../../components/modal.js';
import { fieldLabel } from '../../api/error-text.js';
import { invalidateRegisterCache } from '../register-view.js';
import { useActivityModel } from './use-models.js';
import './models.css';

/** A field's value as a list, one item a line (a dash for nothing). */
const lines = (v: string[]) =>
  v.length ? (
    <ul className="model-lines">
      {v.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  ) : (
    '—'
  );

export function ModelPanel(props: { activityId: number; refreshKey: number; dirty: boolean; onChanged(): void }) {
  const app = useApp();
  const t = useT();
  const { data } = useActivityModel(props.activityId, props.refreshKey, app.lang);
  const [busy, setBusy] = useState(false);
  // The fields the DPO unticked: kept as they are when the update is taken.
  const [kept, setKept] = useState<string[]>([]);
  const titleId = useId();
  if (!data?.link) return null;
  const { link, update } = data;
  const taken = update?.changes.filter((c) => !kept.includes(c.field)) ?? [];
  const choose = async (take: boolean) => {
    setBusy(true);
    try {
      if (take) await call('models/takeUpdate', { activityId: props.activityId, fields: taken.map((c) => c.field) });
      else await call('models/leaveUpdate', { activityId: props.activityId });
      invalidateRegisterCache();
      app.notify(t(take ? 'models.ui.taken' : 'models.ui.left', { ref: update?.ref ?? '' }));
      props.onChanged();
    } catch (e) {
      app.notify((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={`model-update ${update ? 'banner conflict' : ''}`} aria-labelledby={titleId}>
      {update ? <strong id={titleId}>{t('models.ui.updateTitle')}</strong> : null}
      <p id={update ? undefined : titleId} className={update ? undefined : 'muted small'}>
        {t('models.ui.fromModel', { id: link.modelId, version: link.modelVersion })}
      </p>
      {update ? (
        <>
          <p>{t('models.ui.updateIntro')}</p>
          <p>{t('models.ui.updateOf', { ref: update.ref, name: update.name, id: update.modelId, from: update.fromVersion, to: update.toVersion })}</p>
          <table className="changes">
            <thead>
              <tr>
                <th scope="col">{t('models.ui.takeColumn')}</th>
                <th scope="col">{t('models.ui.field')}</th>
                <th scope="col">{t('models.ui.modelBefore')}</th>
                <th scope="col">{t('models.ui.modelAfter')}</th>
                <th scope="col">{t('models.ui.current')}</th>
              </tr>
            </thead>
            <tbody>
              {update.changes.map((c) => (
                <tr key={c.field}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('models.ui.takeField', { field: fieldLabel(t, c.field) || c.field })}
                      checked={!kept.includes(c.field)}
                      onChange={(e) => setKept((k) => (e.target.checked ? k.filter((x) => x !== c.field) : [...k, c.field]))}
                    />
                  </td>
                  <th scope="row">{fieldLabel(t, c.field) || c.field}</th>
                  <td>{lines(c.before)}</td>
                  <td>{lines(c.after)}</td>
                  <td>{lines(c.current)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            {/* Unsaved edits first: taking the update saves the activity. */}
            <button type="button" className="primary" disabled={busy || props.dirty || !taken.length} onClick={() => void choose(true)}>
              {t('models.ui.take')}
            </button>
            <button type="button" className="secondary" disabled={busy || props.dirty} onClick={() => void choose(false)}>
              {t('models.ui.leave')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** "Save as a model": the activity becomes one of the DPO's models (its identifier and kinds asked). */
export function SaveAsModelButton(props: { activityId: number; disabled: boolean }) {
  const app = useApp();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  const [kinds, setKinds] = useState<OrganisationKind[]>([]);
  const [error, setError] = useState('');
  const inputId = useId();
  const save = async () => {
    setError('');
    try {
      const m = await call('models/saveAsModel', { activityId: props.activityId, id: id.trim(), kinds });
      setOpen(false);
      app.notify(t('models.ui.saved', { id: m.id }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <button type="button" className="secondary small" disabled={props.disabled} onClick={() => setOpen(true)}>
        {t('models.ui.saveAsModel')}
      </button>
      {open ? (
        <Modal
          title={t('models.ui.saveAsModel')}
          onClose={() => setOpen(false)}
          footer={
            <>
              <button type="button" className="secondary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="primary" disabled={!id.trim() || !kinds.length} onClick={() => void save()}>
                {t('models.ui.saveAsModel')}
              </button>
            </>
          }
        >
          <div className="field">
            <label htmlFor={inputId}>{t('models.ui.saveId')}</label>
            <input id={inputId} value={id} onChange={(e) => setId(e.target.value)} aria-invalid={error ? true : undefined} />
          </div>
          <fieldset>
            <legend>{t('models.ui.kind')}</legend>
            {ORGANISATION_KINDS.map((k) => (
              <label key={k} className="checkbox">
                <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setKinds((x) => (e.target.checked ? [...x, k] : x.filter((y) => y !== k)))} />{' '}
                {t(`models.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </Modal>
      ) : null}
    </>
  );
}
