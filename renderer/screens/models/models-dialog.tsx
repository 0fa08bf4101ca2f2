/**
 * "Start from models" / "New from a model": pick the kind of organisation, look at each model (its
 * facts with their sources, or "to be checked"), tick the ones to keep, add them as draft activities.
 */
import { useId, useState } from 'react';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../core/models/format.js';
import { call } from '../../api/client.js';
import { useApp, useT } from '../../app-context.js';
import { formatDateInput } from '../../components/date-input.js';
import { Modal } from '../../components/modal.js';
import { invalidateRegisterCache } from '../register-view.js';
import { ModelDetails } from './model-details.js';
import { useModelList } from './use-models.js';
import './models.css';

export function ModelsDialog(props: { onClose(): void; onAdded(ids: number[]): void }) {
  const app = useApp();
  const t = useT();
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const [picked, setPicked] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const list = useModelList(kind);
  const kindId = useId();

  const add = async () => {
    if (!app.orgId || !picked.length) return;
    setBusy(true);
    setError('');
    try {
      const added = await call('models/add', { organisationId: app.orgId, ids: picked, lang: app.lang });
      invalidateRegisterCache();
      app.bumpGeneration();
      app.notify(t('models.ui.added', { count: added.length }));
      props.onAdded(added.map((a) => a.id));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const models = list.data?.models ?? [];
  return (
    <Modal
      title={t('models.ui.title')}
      wide
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy || !picked.length} onClick={() => void add()}>
            {t('models.ui.add', { count: picked.length })}
          </button>
        </>
      }
    >
      <p>{t('models.ui.intro')}</p>
      {list.data ? <p className="muted small">{t('models.cli.listHead', { asOf: formatDateInput(list.data.asOf), count: list.data.models.length })}</p> : null}
      <div className="field">
        <label htmlFor={kindId}>{t('models.ui.kind')}</label>
        <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind | '')}>
          <option value="">{t('models.ui.all')}</option>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`models.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {list.error ? <p role="alert">{(list.error as Error).message}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="model-list" aria-busy={list.isLoading}>
        {models.map((m) => {
          const checked = picked.includes(m.id);
          const detailsId = `model-details-${m.id.replace(/\W/g, '-')}`;
          return (
            <li key={m.id} className="model-item">
              <div className="model-row">
                <label className="model-pick">
                  <input type="checkbox" checked={checked} onChange={() => setPicked((p) => (checked ? p.filter((x) => x !== m.id) : [...p, m.id]))} />
                  <span>
                    <strong>{m.name[app.lang]}</strong>
                    {m.origin === 'dpo' ? <span className="model-origin"> · {t('models.origin.dpo')}</span> : null}
                    <span className="muted small model-purpose">{m.purpose[app.lang]}</span>
                    <span className="muted small">{t('models.ui.facts', { sourced: m.sourced, toCheck: m.toCheck })}</span>
                  </span>
                </label>
                <button type="button" className="link small" aria-expanded={open === m.id} aria-controls={detailsId} onClick={() => setOpen(open === m.id ? null : m.id)}>
                  {open === m.id ? t('models.ui.hide') : t('models.ui.see')}
                  <span className="visually-hidden"> {m.name[app.lang]}</span>
                </button>
              </div>
              {open === m.id ? <ModelDetails id={m.id} domId={detailsId} /> : null}
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}

/** A button that opens the dialog; after adding, the register shows (or the editor of the one activity added). */
export function ModelsButton(props: { label: string; className?: string }) {
  const app = useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={props.className ?? 'secondary'} onClick={() => setOpen(true)}>
        {props.label}
      </button>
      {open ? (
        <ModelsDialog
          onClose={() => setOpen(false)}
          onAdded={(ids) => {
            setOpen(false);
            void app.navigate(ids.length === 1 ? { view: 'activity', id: ids[0] } : { view: 'register' });
          }}
        />
      ) : null}
    </>
  );
}
