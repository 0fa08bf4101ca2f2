/** The log of data-subject requests (Arts. 12, 15-22): the list with its filters, counts and the requesters' retention, and a request's editor. */
import { useEffect, useState } from 'react';
import { REQUEST_CHANNELS, REQUEST_OUTCOMES, REQUEST_RIGHTS, REQUEST_STATUSES, type RequestData, type SubjectRequest } from '../../../core/records/model.js';
import { addMonths } from '../../../core/records/deadlines.js';
import { formatDate } from '../../../core/records/labels.js';
import { ApiCallError, call } from '../../api/client.js';
import { useApp, useT } from '../../app-context.js';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/fields.js';
import { ConfirmDialog } from '../../components/modal.js';
import { RequestDeadlineBadge } from '../../components/record-badges.js';
import type { RecordsRoute } from '../records-route.js';
import { DurationField } from '../retention-fields.js';
import { ActivityLinks, Group } from './fields.js';
import { RecordHistory } from './record-history.js';
import { DocumentsPanel } from '../../components/documents-panel.js';
import { EditorFrame, RecordList, RecordTabLayout, useRecordTab, type RecordKind } from './record-shell.js';
import { useActivities } from './shared.js';

const today = () => new Date().toISOString().slice(0, 10);

const blankRequest = (activityId?: number): RequestData => ({
  ref: '',
  right: 'access',
  receivedOn: today(),
  channel: 'email',
  requester: '',
  identityChecked: false,
  identityNote: '',
  description: '',
  extendedUntil: '',
  extensionReason: '',
  extensionToldOn: '',
  status: 'received',
  answeredOn: '',
  outcome: '',
  outcomeReason: '',
  activityIds: activityId ? [activityId] : [],
});

function requestForm(r: SubjectRequest): RequestData {
  const { id: _i, organisationId: _o, version: _v, createdAt: _c, updatedAt: _u, activities, deadline: _d, requesterErasedAt: _e, ...rest } = r;
  return { ...rest, activityIds: activities.map((a) => a.id) };
}

export function RequestsTab(props: { route: RecordsRoute; onChanged(): void }) {
  const app = useApp();
  const t = useT();
  const activities = useActivities();
  const [retention, setRetention] = useState<{ value: string; saved: string } | null>(null);
  const [due, setDue] = useState(0);
  const kind: RecordKind<SubjectRequest, RequestData> = {
    tab: 'requests',
    list: (organisationId) => (organisationId ? call('requests/list', { organisationId }) : Promise.resolve([])),
    create: (organisationId, data) => call('requests/create', { organisationId, request: data as unknown as Record<string, unknown> }),
    update: (id, version, data) => call('requests/update', { id, version, request: data as unknown as Record<string, unknown> }),
    remove: (id, version) => call('requests/delete', { id, version }),
    toForm: requestForm,
    blank: blankRequest,
    alongside: async () => {
      const [settings, dueList] = await Promise.all([call('requests/settings', {}), call('requests/requestersDue', {})]);
      setRetention({ value: settings.requesterRetention, saved: settings.requesterRetention });
      setDue(dueList.length);
    },
  };
  const { list, all, current, editing, set, errs, save, reloadCurrent, remove, write, reload } = useRecordTab(kind, props.route, props.onChanged);
  const [status, setStatus] = useState('');
  const [right, setRight] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'erase' | null>(null);

  const shown = all.filter((r) => (!status || r.status === status) && (!right || r.right === right) && (!overdueOnly || r.deadline.state === 'overdue'));
  const overdue = all.filter((r) => r.deadline.state === 'overdue').length;
  const openCount = all.filter((r) => !r.answeredOn).length;

  const runConfirm = async () => {
    const what = confirm;
    setConfirm(null);
    if (!editing?.id) return;
    const { id, version } = editing;
    if (what === 'delete') await remove();
    else await write(() => call('requests/eraseRequester', { id, version }));
  };
  // The retention typed and not saved yet: a reload or leaving the screen asks first (a form of its own beside the request editor).
  const retentionDirty = Boolean(retention && retention.value !== retention.saved);
  useEffect(() => app.setDirty(retentionDirty, 'requests-retention'), [retentionDirty]); // eslint-disable-line react-hooks/exhaustive-deps -- app is stable
  useEffect(() => () => app.setDirty(false, 'requests-retention'), []); // eslint-disable-line react-hooks/exhaustive-deps -- on leaving only
  const saveRetention = async () => {
    if (!retention) return;
    try {
      const s = await call('requests/setSettings', { settings: { requesterRetention: retention.value } });
      setRetention({ value: s.requesterRetention, saved: s.requesterRetention });
      setDue((await call('requests/requestersDue', {})).length);
      app.notify(t('records.saved'));
    } catch (e) {
      app.notify(e instanceof ApiCallError && e.details[0] ? `${t('records.field.requesterRetention')}${t('firsthour.colon')}${t('records.error.invalid')}` : (e as Error).message);
    }
  };
  const purge = async () => {
    const r = await call('requests/purgeRequesters', {});
    await reload();
    app.notify(t('records.purged', { count: r.erased.length }));
  };
  const d = editing?.data;
  const initialDue = d && /^\d{4}-\d{2}-\d{2}$/.test(d.receivedOn) ? addMonths(d.receivedOn, 1) : '';
  const maxDue = d && /^\d{4}-\d{2}-\d{2}$/.test(d.receivedOn) ? addMonths(d.receivedOn, 3) : '';

  return (
    <RecordTabLayout
      newLabel={t('records.newRequest')}
      onNew={() => void app.navigate({ view: 'records', tab: 'requests', id: 'new' })}
      filters={
        <>
          <div className="filter">
            <label htmlFor="request-status">{t('records.filter.status')}</label>
            <select id="request-status" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('records.filter.all')}</option>
              {REQUEST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`records.requestStatus.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor="request-right">{t('records.filter.right')}</label>
            <select id="request-right" value={right} onChange={(e) => setRight(e.target.value)}>
              <option value="">{t('records.filter.all')}</option>
              {REQUEST_RIGHTS.map((s) => (
                <option key={s} value={s}>
                  {t(`records.right.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <CheckboxField label={t('records.filter.overdue')} checked={overdueOnly} onChange={setOverdueOnly} />
        </>
      }
      counts={
        <p className="records-counts" aria-live="polite" data-testid="request-counts">
          <span className="badge">{t('records.request', { count: shown.length })}</span>
          <span className="badge record-info">{t('records.openCount', { count: openCount })}</span>
          {overdue ? <span className="badge record-overdue">{t('records.overdueCount', { count: overdue })}</span> : null}
        </p>
      }
      extra={
        retention ? (
          <form
            className="inline-form records-retention"
            onSubmit={(e) => {
              e.preventDefault();
              void saveRetention();
            }}
          >
            <DurationField
              label={t('records.field.requesterRetention')}
              hint={t('firsthour.requestRetentionHint')}
              value={retention.value}
              onChange={(v) => setRetention({ ...retention, value: v })}
            />
            <button type="submit" className="secondary" disabled={retention.value === retention.saved}>
              {t('records.save')}
            </button>
            {due ? (
              <>
                <span className="badge record-warn">{t('records.dueForErasure', { count: due })}</span>
                <button type="button" className="secondary" onClick={() => void purge()}>
                  {t('records.purgeRequesters')}
                </button>
              </>
            ) : null}
          </form>
        ) : null
      }
      list={
        <RecordList
          label={t('records.requestLog')}
          empty={t('records.noRequests')}
          list={list}
          shown={shown}
          editingId={editing?.id}
          onOpen={(id) => void app.navigate({ view: 'records', tab: 'requests', id })}
          columns={[
            { header: t('records.field.ref'), cell: (r) => r.ref, link: true },
            { header: t('records.field.right'), cell: (r) => t(`records.right.${r.right}`) },
            { header: t('records.field.receivedOn'), cell: (r) => formatDate(app.lang, r.receivedOn) },
            {
              header: t('records.field.deadline'),
              cell: (r) => (
                <>
                  {formatDate(app.lang, r.deadline.dueOn)} <RequestDeadlineBadge deadline={r.deadline} />
                </>
              ),
            },
            { header: t('records.field.status'), cell: (r) => t(`records.requestStatus.${r.status}`) },
          ]}
        />
      }
      editor={
        editing && d ? (
          <EditorFrame
            title={editing.id ? `${current?.ref ?? ''} — ${t(`records.right.${d.right}`)}` : t('records.newRequest')}
            label={editing.id ? (current?.ref ?? '') : t('records.newRequest')}
            state={errs}
            onSave={() => void save()}
            onReload={() => void reloadCurrent()}
            onDelete={editing.id ? () => setConfirm('delete') : undefined}
          >
            {current ? (
              <p>
                <RequestDeadlineBadge deadline={current.deadline} />{' '}
                <span className="muted">{t('records.deadline.dueOn', { date: formatDate(app.lang, current.deadline.dueOn) })}</span>
              </p>
            ) : null}
            <Group title={t('records.requestSection')}>
              <div className="grid-2">
                <TextField label={t('records.field.ref')} value={d.ref} onChange={set('ref')} path="ref" />
                <SelectField
                  label={t('records.field.right')}
                  value={d.right}
                  onChange={(v) => set('right')(v as RequestData['right'])}
                  path="right"
                  options={REQUEST_RIGHTS.map((s) => ({ value: s, label: t(`records.right.${s}`) }))}
                />
                <TextField label={t('records.field.receivedOn')} type="date" value={d.receivedOn} onChange={set('receivedOn')} path="receivedOn" required />
                <SelectField
                  label={t('records.field.channel')}
                  value={d.channel}
                  onChange={(v) => set('channel')(v as RequestData['channel'])}
                  path="channel"
                  options={REQUEST_CHANNELS.map((s) => ({ value: s, label: t(`records.channel.${s}`) }))}
                />
              </div>
              {current?.requesterErasedAt ? (
                <p className="muted" data-path="requester">
                  {t('records.field.requesterErasedAt')} {formatDate(app.lang, current.requesterErasedAt)}
                </p>
              ) : (
                <div className="records-requester">
                  <TextField label={t('records.field.requester')} value={d.requester} onChange={set('requester')} path="requester" />
                  {editing.id && current?.requester ? (
                    <button type="button" className="secondary" onClick={() => setConfirm('erase')}>
                      {t('records.eraseRequester')}
                    </button>
                  ) : null}
                </div>
              )}
              <CheckboxField label={t('records.field.identityChecked')} checked={d.identityChecked} onChange={set('identityChecked')} path="identityChecked" />
              <TextField label={t('records.field.identityNote')} value={d.identityNote} onChange={set('identityNote')} path="identityNote" />
              <TextArea label={t('records.field.requestDescription')} value={d.description} onChange={set('description')} path="description" rows={2} />
            </Group>
            <Group title={t('records.deadlineSection')}>
              {initialDue ? (
                <p className="hint">
                  {t('records.deadline.initialDueOn', { date: formatDate(app.lang, initialDue) })} {t('records.deadline.maxDueOn', { date: formatDate(app.lang, maxDue) })}
                </p>
              ) : null}
              <div className="grid-2">
                <TextField label={t('records.field.extendedUntil')} type="date" value={d.extendedUntil} onChange={set('extendedUntil')} path="extendedUntil" />
                <TextField label={t('records.field.extensionToldOn')} type="date" value={d.extensionToldOn} onChange={set('extensionToldOn')} path="extensionToldOn" />
              </div>
              <TextArea label={t('records.field.extensionReason')} value={d.extensionReason} onChange={set('extensionReason')} path="extensionReason" rows={2} />
            </Group>
            <Group title={t('records.answerSection')}>
              <div className="grid-2">
                <SelectField
                  label={t('records.field.status')}
                  value={d.status}
                  onChange={(v) => set('status')(v as RequestData['status'])}
                  path="status"
                  options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`records.requestStatus.${s}`) }))}
                />
                <TextField label={t('records.field.answeredOn')} type="date" value={d.answeredOn} onChange={set('answeredOn')} path="answeredOn" />
                <SelectField
                  label={t('records.field.outcome')}
                  value={d.outcome}
                  onChange={(v) => set('outcome')(v as RequestData['outcome'])}
                  path="outcome"
                  options={REQUEST_OUTCOMES.map((s) => ({ value: s, label: t(`records.outcome.${s}`) }))}
                />
              </div>
              <TextArea label={t('records.field.outcomeReason')} value={d.outcomeReason} onChange={set('outcomeReason')} path="outcomeReason" rows={2} />
            </Group>
            <ActivityLinks value={d.activityIds} onChange={set('activityIds')} activities={activities} />
            {current ? <DocumentsPanel ownerType="request" ownerId={current.id} /> : null}
            {current ? <RecordHistory entityType="request" id={current.id} version={current.version} /> : null}
          </EditorFrame>
        ) : null
      }
      dialog={
        confirm && current ? (
          <ConfirmDialog
            title={t(confirm === 'delete' ? 'records.delete' : 'records.eraseRequester')}
            text={confirm === 'delete' ? t('records.confirmDelete', { ref: current.ref }) : `${t('records.eraseRequester')} (${current.ref}) ?`}
            confirmLabel={t(confirm === 'delete' ? 'records.delete' : 'records.eraseRequester')}
            cancelLabel={t('records.cancel')}
            danger
            onCancel={() => setConfirm(null)}
            onConfirm={() => void runConfirm()}
          />
        ) : null
      }
    />
  );
}
