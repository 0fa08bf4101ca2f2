/** The breach record (Art. 33(5)): the list with its filters and counts, and a breach's editor. */
import { useMemo, useState } from 'react';
import { BREACH_NATURES, BREACH_RISK_LEVELS, BREACH_STATUSES, emptyBreachData, PEOPLE_INFORMED, type Breach, type BreachData } from '../../../core/records/model.js';
import { formatInstant } from '../../../core/records/labels.js';
import { call } from '../../api/client.js';
import { useApp, useT } from '../../app-context.js';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/fields.js';
import { ConfirmDialog } from '../../components/modal.js';
import { NotificationBadge } from '../../components/record-badges.js';
import type { RecordsRoute } from '../records-route.js';
import { ActivityLinks, DateTimeField, Group, NumberField, toLocalInput } from './fields.js';
import { RecordHistory } from './record-history.js';
import { DocumentsPanel } from '../../components/documents-panel.js';
import { EditorFrame, RecordList, RecordTabLayout, useRecordTab, type RecordKind } from './record-shell.js';
import { inLang } from '../../../core/i18n/localized.js';
import { useActivities } from './shared.js';

type BreachForm = Omit<BreachData, 'occurredAt' | 'discoveredAt' | 'notifiedAt'> & { occurredAt: string; discoveredAt: string; notifiedAt: string };

const blankBreach = (activityId?: number): BreachForm => ({
  ...emptyBreachData(toLocalInput(new Date().toISOString())),
  activityIds: activityId ? [activityId] : [],
});

function breachForm(b: Breach): BreachForm {
  const { id: _i, organisationId: _o, version: _v, createdAt: _c, updatedAt: _u, activities, deadline: _d, ...rest } = b;
  return {
    ...rest,
    occurredAt: toLocalInput(b.occurredAt),
    discoveredAt: toLocalInput(b.discoveredAt),
    notifiedAt: toLocalInput(b.notifiedAt),
    activityIds: activities.map((a) => a.id),
  };
}

const BREACHES: RecordKind<Breach, BreachForm> = {
  tab: 'breaches',
  list: (organisationId) => (organisationId ? call('breaches/list', { organisationId }) : Promise.resolve([])),
  create: (organisationId, data) => call('breaches/create', { organisationId, breach: data as unknown as Record<string, unknown> }),
  update: (id, version, data) => call('breaches/update', { id, version, breach: data as unknown as Record<string, unknown> }),
  remove: (id, version) => call('breaches/delete', { id, version }),
  toForm: breachForm,
  blank: blankBreach,
};

export function BreachesTab(props: { route: RecordsRoute; onChanged(): void }) {
  const app = useApp();
  const t = useT();
  const activities = useActivities();
  const { list, all, current, editing, set, errs, save, reloadCurrent, remove } = useRecordTab(BREACHES, props.route, props.onChanged);
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return all.filter(
      (b) =>
        (!status || (status === 'to_notify' ? ['pending', 'overdue'].includes(b.deadline.state) : b.status === status)) &&
        (!q || `${b.ref} ${b.title} ${b.description}`.toLowerCase().includes(q)),
    );
  }, [all, status, search]);
  const toNotify = all.filter((b) => b.deadline.state === 'pending' || b.deadline.state === 'overdue').length;
  const terms = app.terms.get('data_category') ?? [];
  const d = editing?.data;

  return (
    <RecordTabLayout
      newLabel={t('records.newBreach')}
      onNew={() => void app.navigate({ view: 'records', tab: 'breaches', id: 'new' })}
      filters={
        <>
          <div className="filter">
            <label htmlFor="breach-status">{t('records.filter.status')}</label>
            <select id="breach-status" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('records.filter.all')}</option>
              {BREACH_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`records.status.${s}`)}
                </option>
              ))}
              <option value="to_notify">{t('records.notNotifiedCount', { count: toNotify })}</option>
            </select>
          </div>
          <div className="filter">
            <label htmlFor="breach-search">{t('records.filter.search')}</label>
            <input id="breach-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
        </>
      }
      counts={
        <p className="records-counts" aria-live="polite" data-testid="breach-counts">
          <span className="badge">{t('records.breach', { count: shown.length })}</span>
          <span className="badge record-info">{t('records.openCount', { count: all.filter((b) => b.status === 'open').length })}</span>
          {toNotify ? <span className="badge record-overdue">{t('records.notNotifiedCount', { count: toNotify })}</span> : null}
        </p>
      }
      list={
        <RecordList
          label={t('records.breachRecord')}
          empty={t('records.noBreaches')}
          list={list}
          shown={shown}
          editingId={editing?.id}
          onOpen={(id) => void app.navigate({ view: 'records', tab: 'breaches', id })}
          columns={[
            { header: t('records.field.ref'), cell: (b) => b.ref },
            { header: t('records.field.title'), cell: (b) => b.title, link: true },
            { header: t('records.field.discoveredAt'), cell: (b) => formatInstant(app.lang, b.discoveredAt) },
            { header: t('records.field.riskLevel'), cell: (b) => t(`records.risk.${b.riskLevel}`) },
            { header: t('records.field.notificationShort'), cell: (b) => <NotificationBadge deadline={b.deadline} /> },
            { header: t('records.field.status'), cell: (b) => t(`records.status.${b.status}`) },
          ]}
        />
      }
      editor={
        editing && d ? (
          <EditorFrame
            title={editing.id ? `${current?.ref ?? ''} ${d.title}` : t('records.newBreach')}
            label={editing.id ? d.title : t('records.newBreach')}
            state={errs}
            onSave={() => void save()}
            onReload={() => void reloadCurrent()}
            onDelete={editing.id ? () => setConfirmDelete(true) : undefined}
          >
            {current ? (
              <p>
                <NotificationBadge deadline={current.deadline} />{' '}
                <span className="muted">{t('records.notification.dueAt', { at: formatInstant(app.lang, current.deadline.dueAt) })}</span>
              </p>
            ) : null}
            <Group title={t('records.facts')}>
              <div className="grid-2">
                <TextField label={t('records.field.ref')} value={d.ref} onChange={set('ref')} path="ref" />
                <SelectField
                  label={t('records.field.status')}
                  value={d.status}
                  onChange={(v) => set('status')(v as BreachForm['status'])}
                  path="status"
                  options={BREACH_STATUSES.map((s) => ({ value: s, label: t(`records.status.${s}`) }))}
                />
              </div>
              <TextField label={t('records.field.title')} value={d.title} onChange={set('title')} path="title" required autoFocus={!editing.id} />
              <TextArea label={t('records.field.description')} value={d.description} onChange={set('description')} path="description" rows={3} />
              <fieldset className="checks" data-path="nature">
                <legend>{t('records.field.nature')}</legend>
                {BREACH_NATURES.map((n) => (
                  <CheckboxField
                    key={n}
                    label={t(`records.nature.${n}`)}
                    checked={d.nature.includes(n)}
                    onChange={(on) => set('nature')(on ? [...d.nature, n] : d.nature.filter((x) => x !== n))}
                  />
                ))}
              </fieldset>
              <div className="grid-2">
                <DateTimeField label={t('records.field.occurredAt')} value={d.occurredAt} onChange={set('occurredAt')} path="occurredAt" />
                <DateTimeField label={t('records.field.discoveredAt')} value={d.discoveredAt} onChange={set('discoveredAt')} path="discoveredAt" required />
              </div>
            </Group>
            <Group title={t('records.effects')}>
              <TextField label={t('records.field.peopleCategories')} value={d.peopleCategories} onChange={set('peopleCategories')} path="peopleCategories" />
              <div className="grid-2">
                <NumberField label={t('records.field.peopleCount')} value={d.peopleCount} onChange={set('peopleCount')} path="peopleCount" />
                <NumberField label={t('records.field.recordsCount')} value={d.recordsCount} onChange={set('recordsCount')} path="recordsCount" />
              </div>
              <fieldset className="checks" data-path="dataCategories">
                <legend>{t('records.field.dataCategories')}</legend>
                {terms.map((term) => {
                  const checked = d.dataCategories.some((c) => c.code === term.code);
                  const name = inLang(term, 'label', app.lang);
                  return (
                    <CheckboxField
                      key={term.code}
                      label={term.special ? `${name} (${t('records.special')})` : name}
                      checked={checked}
                      onChange={(on) =>
                        set('dataCategories')(
                          on ? [...d.dataCategories, { code: term.code, label: name, special: term.special }] : d.dataCategories.filter((c) => c.code !== term.code),
                        )
                      }
                    />
                  );
                })}
              </fieldset>
              <TextArea label={t('records.field.consequences')} value={d.consequences} onChange={set('consequences')} path="consequences" rows={2} />
            </Group>
            <Group title={t('records.riskSection')}>
              <SelectField
                label={t('records.field.riskLevel')}
                value={d.riskLevel}
                onChange={(v) => set('riskLevel')(v as BreachForm['riskLevel'])}
                path="riskLevel"
                options={BREACH_RISK_LEVELS.map((s) => ({ value: s, label: t(`records.risk.${s}`) }))}
              />
              <TextArea label={t('records.field.riskReasoning')} value={d.riskReasoning} onChange={set('riskReasoning')} path="riskReasoning" rows={2} />
            </Group>
            <Group title={t('records.remedialAction')}>
              <TextArea label={t('records.field.measuresTaken')} value={d.measuresTaken} onChange={set('measuresTaken')} path="measuresTaken" rows={2} />
              <TextArea label={t('records.field.measuresProposed')} value={d.measuresProposed} onChange={set('measuresProposed')} path="measuresProposed" rows={2} />
            </Group>
            <Group title={t('records.notificationSection')}>
              <div className="grid-2">
                <DateTimeField label={t('records.field.notifiedAt')} value={d.notifiedAt} onChange={set('notifiedAt')} path="notifiedAt" />
                <TextField label={t('records.field.notificationRef')} value={d.notificationRef} onChange={set('notificationRef')} path="notificationRef" />
              </div>
              <TextArea label={t('records.field.lateReason')} value={d.lateReason} onChange={set('lateReason')} path="lateReason" rows={2} />
              <TextArea label={t('records.field.notNotifiedReason')} value={d.notNotifiedReason} onChange={set('notNotifiedReason')} path="notNotifiedReason" rows={2} />
            </Group>
            <Group title={t('records.informationSection')}>
              <div className="grid-2">
                <SelectField
                  label={t('records.field.peopleInformed')}
                  value={d.peopleInformed}
                  onChange={(v) => set('peopleInformed')(v as BreachForm['peopleInformed'])}
                  path="peopleInformed"
                  options={PEOPLE_INFORMED.map((s) => ({ value: s, label: t(`records.informed.${s}`) }))}
                />
                <TextField label={t('records.field.peopleInformedOn')} type="date" value={d.peopleInformedOn} onChange={set('peopleInformedOn')} path="peopleInformedOn" />
              </div>
              <TextField label={t('records.field.peopleInformedMeans')} value={d.peopleInformedMeans} onChange={set('peopleInformedMeans')} path="peopleInformedMeans" />
              <TextArea
                label={t('records.field.peopleNotInformedReason')}
                value={d.peopleNotInformedReason}
                onChange={set('peopleNotInformedReason')}
                path="peopleNotInformedReason"
                rows={2}
              />
            </Group>
            <ActivityLinks value={d.activityIds} onChange={set('activityIds')} activities={activities} />
            {current ? <DocumentsPanel ownerType="breach" ownerId={current.id} /> : null}
            {current ? <RecordHistory entityType="breach" id={current.id} version={current.version} /> : null}
          </EditorFrame>
        ) : null
      }
      dialog={
        confirmDelete && current ? (
          <ConfirmDialog
            title={t('records.delete')}
            text={t('records.confirmDelete', { ref: current.ref })}
            confirmLabel={t('records.delete')}
            cancelLabel={t('records.cancel')}
            danger
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() => {
              setConfirmDelete(false);
              void remove();
            }}
          />
        ) : null
      }
    />
  );
}
