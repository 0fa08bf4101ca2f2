/** The recipient directory: shared by activities, edited in one place. */
import { useEffect, useState } from 'react';
import type { Recipient } from '../../core/model/register.js';
import type { RecipientData } from '../../core/model/schemas.js';
import { ApiCallError, call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { useDirty } from '../hooks/use-dirty.js';
import { CheckboxField, CodesField, ErrorsContext, SelectField, TextArea, TextField } from '../components/fields.js';
import { ConfirmDialog } from '../components/modal.js';
import { invalidateRegisterCache } from './register-view.js';
import { inLang } from '../../core/i18n/localized.js';

const blank = (): RecipientData => ({ name: '', type: 'other', countries: [], contractRef: '', contractDate: '', dpfCertified: false, dpfVerifiedAt: '', contact: '', notes: '' });

function dataOf(r: Recipient): RecipientData {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, activityCount: _a, ...d } = r;
  return d;
}

export function RecipientsScreen(props: { selectedId?: number }) {
  const app = useApp();
  const t = useT();
  const [list, setList] = useState<Recipient[] | null>(null);
  const [editing, setEditing] = useState<{ id: number | null; version: number; data: RecipientData; initial: string } | null>(null);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const reload = async () => {
    const l = await call('recipients/list', {});
    setList(l);
    return l;
  };
  useEffect(() => {
    void reload().then((l) => {
      const r = props.selectedId ? l.find((x) => x.id === props.selectedId) : undefined;
      if (r) open(r);
    });
  }, [app.generation]); // eslint-disable-line react-hooks/exhaustive-deps -- reload when the register changed (generation), not when the selection prop or the open callback change

  const dirty = editing ? JSON.stringify(editing.data) !== editing.initial : false;
  useDirty(dirty);

  const open = (r: Recipient | null) => {
    const data = r ? dataOf(r) : blank();
    setEditing({ id: r?.id ?? null, version: r?.version ?? 0, data, initial: JSON.stringify(data) });
    setErrors(new Map());
    setMessage(null);
  };
  const openGuarded = async (r: Recipient | null) => {
    if (await app.confirmLeave()) open(r);
  };

  const save = async () => {
    if (!editing) return;
    try {
      const saved = editing.id
        ? await call('recipients/update', { id: editing.id, version: editing.version, recipient: editing.data as unknown as Record<string, unknown> })
        : await call('recipients/create', { recipient: editing.data as unknown as Record<string, unknown> });
      invalidateRegisterCache();
      app.setDirty(false);
      await reload();
      open(saved);
      app.notify(t('ref.saved'));
    } catch (e) {
      if (e instanceof ApiCallError) {
        setErrors(new Map(e.details.map((d) => [d.path, d.message])));
        setMessage(e.message);
      } else setMessage((e as Error).message);
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    if (!editing?.id) return;
    try {
      await call('recipients/delete', { id: editing.id, version: editing.version });
      app.setDirty(false);
      setEditing(null);
      await reload();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  const set =
    <K extends keyof RecipientData>(k: K) =>
    (v: RecipientData[K]) =>
      setEditing((e) => (e ? { ...e, data: { ...e.data, [k]: v } } : e));

  return (
    <div className="screen split-screen">
      <header className="screen-header">
        <h1>{t('recipients.title')}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void openGuarded(null)}>
            + {t('recipients.new')}
          </button>
        </div>
      </header>
      <p className="intro">{t('recipients.intro')}</p>
      <div className="split">
        <div className="list-pane">
          {list?.length === 0 ? <p className="muted">{t('recipients.empty')}</p> : null}
          <table className="grid compact" aria-label={t('recipients.list')}>
            <thead>
              <tr>
                <th scope="col">{t('f.contactName')}</th>
                <th scope="col">{t('f.recipientType')}</th>
                <th scope="col">{t('f.countries')}</th>
                <th scope="col">{t('recipients.usedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {list?.map((r) => (
                <tr key={r.id} className={editing?.id === r.id ? 'selected' : undefined}>
                  <td>
                    <button type="button" className="link row-link" onClick={() => void openGuarded(r)} aria-current={editing?.id === r.id ? 'true' : undefined}>
                      {r.name}
                    </button>
                  </td>
                  <td>{app.termLabel('recipient_type', r.type)}</td>
                  <td>{r.countries.map((c) => app.countryName(c)).join(', ')}</td>
                  <td>{t('ui.usedBy', { count: r.activityCount })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editing ? (
          <ErrorsContext.Provider value={errors}>
            <form
              className="edit-pane"
              aria-label={editing.id ? t('recipients.edit') : t('recipients.new')}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <h2>{editing.id ? editing.data.name || t('recipients.edit') : t('recipients.new')}</h2>
              {message ? (
                <div className="banner error" role="alert">
                  {message}
                </div>
              ) : null}
              <TextField label={t('f.contactName')} value={editing.data.name} onChange={set('name')} path="name" required />
              <SelectField
                label={t('f.recipientType')}
                value={editing.data.type}
                onChange={(v) => set('type')(v as RecipientData['type'])}
                path="type"
                options={(app.terms.get('recipient_type') ?? []).map((x) => ({ value: x.code, label: inLang(x, 'label', app.lang) }))}
              />
              <CodesField
                key={editing.id ?? 'new'}
                label={t('f.countries')}
                hint={t('f.countriesHint')}
                value={editing.data.countries}
                onChange={set('countries')}
                path="countries"
              />
              <div className="grid-2">
                <TextField label={t('recipients.contractRef')} value={editing.data.contractRef} onChange={set('contractRef')} path="contractRef" />
                <TextField label={t('recipients.contractDate')} type="date" value={editing.data.contractDate} onChange={set('contractDate')} path="contractDate" />
              </div>
              <CheckboxField label={t('recipients.dpf')} checked={editing.data.dpfCertified} onChange={set('dpfCertified')} path="dpfCertified" />
              {editing.data.dpfCertified ? (
                <TextField label={t('legal.dpfVerifiedAt')} type="date" value={editing.data.dpfVerifiedAt} onChange={set('dpfVerifiedAt')} path="dpfVerifiedAt" />
              ) : null}
              <TextArea label={t('recipients.contact')} value={editing.data.contact} onChange={set('contact')} path="contact" rows={2} />
              <TextArea label={t('recipients.notes')} value={editing.data.notes} onChange={set('notes')} path="notes" rows={3} />
              <div className="form-actions">
                <button type="submit" className="primary">
                  {t('common.save')}
                </button>
                {editing.id ? (
                  <button type="button" className="secondary danger-text" onClick={() => setConfirmDelete(true)}>
                    {t('common.delete')}
                  </button>
                ) : null}
              </div>
            </form>
          </ErrorsContext.Provider>
        ) : null}
      </div>
      {confirmDelete ? (
        <ConfirmDialog
          title={t('common.delete')}
          text={t('recipients.confirmDelete')}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => void remove()}
        />
      ) : null}
    </div>
  );
}
