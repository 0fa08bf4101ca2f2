/**
 * First run and everyday use: the demo register's button (only on an empty register, after a
 * confirmation) and deleting an organisation (with its activities after its name was typed).
 */
import { useState } from 'react';
import { ApiCallError, call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { ConfirmDialog, Modal } from '../components/modal.js';
import { invalidateRegisterCache } from './register-view.js';

/** "Load the demo register": asks first; the API refuses it anyway on a register that is not empty. */
export function DemoButton(props: { disabled?: boolean; run(fn: () => Promise<unknown>): Promise<void> | void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="secondary" disabled={props.disabled} onClick={() => setAsking(true)}>
        {t('empty.demo')}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t('firstrun.demoConfirmTitle')}
          text={t('firstrun.demoConfirmText')}
          confirmLabel={t('firstrun.demoConfirm')}
          cancelLabel={t('common.cancel')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void props.run(() => call('demo/create', {}));
          }}
        />
      ) : null}
    </>
  );
}

/** The organisation screen's "Delete this organisation", with its dialog. */
export function DeleteOrganisationButton() {
  const app = useApp();
  const t = useT();
  const org = app.organisations.find((o) => o.id === app.orgId) ?? null;
  const [count, setCount] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!org) return null;
  const close = () => {
    setCount(null);
    setTyped('');
    setError(null);
  };
  const open = async () => {
    if (!(await app.confirmLeave())) return;
    setCount((await call('activities/list', { organisationId: org.id })).length);
  };
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('organisations/deleteWithActivities', { id: org.id, version: org.version, confirmName: typed });
      close();
      invalidateRegisterCache();
      await app.reloadOrganisations();
      app.bumpGeneration();
      app.notify(r.backup ? t('firstrun.deletedOrgBackup', { name: r.organisation, file: r.backup }) : t('firstrun.deletedOrg', { name: r.organisation }));
    } catch (e) {
      setError(e instanceof ApiCallError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const needsName = (count ?? 0) > 0;
  return (
    <>
      <button type="button" className="danger" onClick={() => void open()}>
        {t('firstrun.deleteOrg')}
      </button>
      {count !== null ? (
        <Modal
          title={t('firstrun.deleteOrgTitle', { name: org.name })}
          onClose={close}
          role="alertdialog"
          footer={
            <>
              <button type="button" className="secondary" onClick={close}>
                {t('common.cancel')}
              </button>
              <button type="button" className="danger" disabled={busy || (needsName && typed.trim() !== org.name.trim())} onClick={() => void remove()}>
                {t('firstrun.deleteOrgConfirm')}
              </button>
            </>
          }
        >
          <p>{needsName ? t('firstrun.deleteOrgWithActivities', { name: org.name, count: count ?? 0 }) : t('firstrun.deleteOrgEmpty', { name: org.name })}</p>
          {needsName ? (
            <div className="field">
              <label htmlFor="delete-org-name">{t('firstrun.deleteOrgType')}</label>
              <input id="delete-org-name" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
            </div>
          ) : null}
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
