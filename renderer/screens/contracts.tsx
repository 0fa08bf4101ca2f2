/**
 * Processor contracts (Art. 28): for each processor of the directory, its contracts — signed on,
 * version, end and review dates, the clauses of Art. 28(3) it holds, the sub-processing
 * authorisation and sub-processors — linked to the activities they serve, with their points to
 * review and their documents.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Contract, ContractData } from '../../core/contracts/model.js';
import { ApiCallError, call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { CheckboxField, CountryField, ErrorsContext, Repeated, SelectField, TextArea, TextField } from '../components/fields.js';
import { ConfirmDialog } from '../components/modal.js';
import { DocumentsPanel } from '../components/documents-panel.js';
import { useDirty } from '../hooks/use-dirty.js';
import { formatDateInput } from '../components/date-input.js';

const CLAUSES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

const blank = (): ContractData => ({
  ref: '',
  recipientId: 0,
  title: '',
  signedOn: '',
  versionLabel: '',
  endsOn: '',
  reviewOn: '',
  clauses: [],
  subProcessing: '',
  subProcessors: [],
  notes: '',
  activityIds: [],
});

function dataOf(c: Contract): ContractData {
  const { id: _i, organisationId: _o, processor: _p, activities, version: _v, createdAt: _c, updatedAt: _u, ...rest } = c;
  return { ...rest, activityIds: activities.map((a) => a.id) };
}

export function ContractsScreen(props: { selectedId?: number }) {
  const app = useApp();
  const t = useT();
  const client = useQueryClient();
  const org = app.orgId ?? undefined;
  const contracts = useQuery({ queryKey: ['contracts', org, app.generation], queryFn: () => call('contracts/list', { organisationId: org }) });
  const checks = useQuery({ queryKey: ['contracts', 'checks', org, app.generation], queryFn: () => call('contracts/checks', { organisationId: org }) });
  const recipients = useQuery({ queryKey: ['recipients', 'contracts', app.generation], queryFn: () => call('recipients/list', {}) });
  const activities = useQuery({ queryKey: ['activities', 'list', org, 'contracts'], queryFn: () => call('activities/list', { organisationId: org }), enabled: org !== undefined });
  const [editing, setEditing] = useState<{ id: number | null; version: number; data: ContractData; initial: string } | null>(null);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const dirty = editing ? JSON.stringify(editing.data) !== editing.initial : false;
  useDirty(dirty);

  const open = (c: Contract | null) => {
    const data = c ? dataOf(c) : blank();
    setEditing({ id: c?.id ?? null, version: c?.version ?? 0, data, initial: JSON.stringify(data) });
    setErrors(new Map());
    setMessage(null);
  };
  useEffect(() => {
    const c = props.selectedId ? contracts.data?.find((x) => x.id === props.selectedId) : undefined;
    if (c && editing?.id !== c.id) open(c);
  }, [contracts.data, props.selectedId]); // eslint-disable-line react-hooks/exhaustive-deps -- open the contract named by the route once the list is there
  const openGuarded = async (c: Contract | null) => {
    if (await app.confirmLeave()) open(c);
  };
  const refresh = () => client.invalidateQueries({ queryKey: ['contracts'] });

  const save = async () => {
    if (!editing || org === undefined) return;
    try {
      const contract = editing.data as unknown as Record<string, unknown>;
      const saved = editing.id
        ? await call('contracts/update', { id: editing.id, version: editing.version, contract })
        : await call('contracts/create', { organisationId: org, contract });
      app.setDirty(false);
      await refresh();
      open(saved);
      app.notify(t('contracts.ui.saved', { ref: saved.ref }));
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
      await call('contracts/delete', { id: editing.id, version: editing.version });
      app.setDirty(false);
      setEditing(null);
      await refresh();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const set =
    <K extends keyof ContractData>(k: K) =>
    (v: ContractData[K]) =>
      setEditing((e) => (e ? { ...e, data: { ...e.data, [k]: v } } : e));

  const processors = (recipients.data ?? []).filter((r) => r.type === 'processor' || r.type === 'sub_processor');
  const pointsOf = (id: number | null) => (checks.data ?? []).filter((c) => (id ? c.contractId === id : false));
  const uncovered = (checks.data ?? []).filter((c) => c.code === 'processor_without_contract');

  return (
    <div className="screen split-screen">
      <header className="screen-header">
        <h1>{t('contracts.title')}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void openGuarded(null)}>
            + {t('contracts.ui.new')}
          </button>
        </div>
      </header>
      <p className="intro">{t('contracts.ui.intro')}</p>
      {uncovered.length ? (
        <div className="banner warn" role="status">
          <ul>
            {uncovered.map((c) => (
              <li key={c.recipientId}>{t(`contracts.check.${c.code}`, c.params as Record<string, string>)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="split">
        <div className="list-pane">
          {contracts.data?.length === 0 ? <p className="muted">{t('contracts.none')}</p> : null}
          {contracts.data?.length ? (
            <table className="grid compact" aria-label={t('contracts.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('contracts.field.ref')}</th>
                  <th scope="col">{t('contracts.field.processor')}</th>
                  <th scope="col">{t('contracts.field.endsOn')}</th>
                  <th scope="col">{t('contracts.field.points')}</th>
                </tr>
              </thead>
              <tbody>
                {contracts.data.map((c) => (
                  <tr key={c.id} className={editing?.id === c.id ? 'selected' : undefined}>
                    <td>
                      <button type="button" className="link row-link" onClick={() => void openGuarded(c)} aria-current={editing?.id === c.id ? 'true' : undefined}>
                        {c.ref}
                      </button>
                    </td>
                    <td>{c.processor.name}</td>
                    <td>{formatDateInput(c.endsOn)}</td>
                    <td>{pointsOf(c.id).length || ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
        {editing ? (
          <ErrorsContext.Provider value={errors}>
            <form
              className="edit-pane"
              aria-label={editing.id ? t('contracts.ui.edit') : t('contracts.ui.new')}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <h2>{editing.id ? `${editing.data.ref} — ${processors.find((p) => p.id === editing.data.recipientId)?.name ?? ''}` : t('contracts.ui.new')}</h2>
              {message ? (
                <div className="banner error" role="alert">
                  {message}
                </div>
              ) : null}
              {pointsOf(editing.id).length ? (
                <div className="banner warn" role="status" aria-label={t('contracts.field.points')}>
                  <ul>
                    {pointsOf(editing.id).map((p, i) => (
                      <li key={i}>{t(`contracts.check.${p.code}`, p.params as Record<string, string>)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <SelectField
                label={t('contracts.field.processor')}
                value={editing.data.recipientId ? String(editing.data.recipientId) : ''}
                onChange={(v) => set('recipientId')(Number(v))}
                path="recipientId"
                required
                empty={t('contracts.ui.chooseProcessor')}
                options={processors.map((p) => ({ value: String(p.id), label: p.name }))}
              />
              <div className="grid-2">
                <TextField label={t('contracts.field.ref')} value={editing.data.ref} onChange={set('ref')} path="ref" hint={t('contracts.ui.refHint')} />
                <TextField label={t('contracts.field.versionLabel')} value={editing.data.versionLabel} onChange={set('versionLabel')} path="versionLabel" />
              </div>
              <TextField label={t('contracts.field.title')} value={editing.data.title} onChange={set('title')} path="title" />
              <div className="grid-3">
                <TextField label={t('contracts.field.signedOn')} type="date" value={editing.data.signedOn} onChange={set('signedOn')} path="signedOn" />
                <TextField label={t('contracts.field.endsOn')} type="date" value={editing.data.endsOn} onChange={set('endsOn')} path="endsOn" />
                <TextField label={t('contracts.field.reviewOn')} type="date" value={editing.data.reviewOn} onChange={set('reviewOn')} path="reviewOn" />
              </div>
              <fieldset className="checks" data-path="clauses">
                <legend>{t('contracts.field.clauses')}</legend>
                {CLAUSES.map((l) => (
                  <CheckboxField
                    key={l}
                    label={t(`contracts.clause.${l}`)}
                    checked={editing.data.clauses.includes(l)}
                    onChange={(on) => set('clauses')(on ? [...editing.data.clauses, l].sort() : editing.data.clauses.filter((x) => x !== l))}
                  />
                ))}
              </fieldset>
              <SelectField
                label={t('contracts.field.subProcessing')}
                value={editing.data.subProcessing}
                onChange={(v) => set('subProcessing')(v as ContractData['subProcessing'])}
                path="subProcessing"
                options={(['', 'general', 'specific', 'none'] as const).map((v) => ({ value: v, label: t(`contracts.subProcessing.${v || 'unstated'}`) }))}
              />
              <Repeated
                legend={t('contracts.field.subProcessors')}
                itemLabel={t('contracts.ui.subProcessor')}
                addLabel={t('contracts.ui.addSubProcessor')}
                items={editing.data.subProcessors}
                onChange={set('subProcessors')}
                make={() => ({ name: '', country: '', service: '' })}
                path="subProcessors"
                render={(s, update, i) => (
                  <div className="grid-3">
                    <TextField label={t('contracts.ui.subProcessorName')} value={s.name} onChange={(v) => update({ ...s, name: v })} path={`subProcessors[${i}].name`} required />
                    <CountryField
                      label={t('contracts.ui.subProcessorCountry')}
                      value={s.country}
                      onChange={(v) => update({ ...s, country: v })}
                      path={`subProcessors[${i}].country`}
                      allowEmpty
                    />
                    <TextField
                      label={t('contracts.ui.subProcessorService')}
                      value={s.service}
                      onChange={(v) => update({ ...s, service: v })}
                      path={`subProcessors[${i}].service`}
                    />
                  </div>
                )}
              />
              <fieldset className="checks" data-path="activityIds">
                <legend>{t('contracts.field.activities')}</legend>
                {(activities.data ?? []).map((a) => (
                  <CheckboxField
                    key={a.id}
                    label={`${a.ref} — ${a.name}`}
                    checked={editing.data.activityIds.includes(a.id)}
                    onChange={(on) => set('activityIds')(on ? [...editing.data.activityIds, a.id] : editing.data.activityIds.filter((x) => x !== a.id))}
                  />
                ))}
              </fieldset>
              <TextArea label={t('contracts.field.notes')} value={editing.data.notes} onChange={set('notes')} path="notes" rows={2} />
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
              {editing.id ? <DocumentsPanel ownerType="contract" ownerId={editing.id} /> : <p className="hint">{t('contracts.ui.saveFirst')}</p>}
            </form>
          </ErrorsContext.Provider>
        ) : null}
      </div>
      {confirmDelete ? (
        <ConfirmDialog
          title={t('common.delete')}
          text={t('contracts.ui.confirmDelete')}
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
