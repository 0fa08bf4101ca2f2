/**
 * The records a DPO keeps beside the register: the breach record (Art. 33(5)) and the log of
 * data-subject requests (Arts. 12, 15-22). Two tabs, each a filtered list with counts and deadline
 * badges, and an editor beside it. Every save goes through `breaches/*` and `requests/*`.
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { ActivitySummary, HistoryEntry } from '../../core/model/register.js';
import { formatValue } from './history-panel.js';
import {
  BREACH_NATURES,
  BREACH_RISK_LEVELS,
  BREACH_STATUSES,
  emptyBreachData,
  PEOPLE_INFORMED,
  REQUEST_CHANNELS,
  REQUEST_OUTCOMES,
  REQUEST_RIGHTS,
  REQUEST_STATUSES,
  type Breach,
  type BreachData,
  type RequestData,
  type SubjectRequest,
} from '../../core/records/model.js';
import { addMonths } from '../../core/records/deadlines.js';
import { formatDate, formatInstant } from '../../core/records/labels.js';
import { ApiCallError, call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { CheckboxField, ErrorsContext, SelectField, TextArea, TextField } from '../components/fields.js';
import { ConfirmDialog } from '../components/modal.js';
import { NotificationBadge, RequestDeadlineBadge } from '../components/record-badges.js';
import type { RecordsRoute } from './records-route.js';
import type { MessageParams } from '../../core/errors.js';

type Tab = RecordsRoute['tab'];

export function RecordsScreen(props: { route: RecordsRoute }) {
  const app = useApp();
  const t = useT();
  const { tab } = props.route;
  const [counts, setCounts] = useState<{ breaches: number; requests: number } | null>(null);
  const [changes, setChanges] = useState(0);
  const onChanged = () => setChanges((n) => n + 1);
  useEffect(() => {
    if (!app.orgId) return;
    void Promise.all([call('breaches/list', { organisationId: app.orgId }), call('requests/list', { organisationId: app.orgId })]).then(([b, r]) =>
      setCounts({ breaches: b.length, requests: r.length }),
    );
  }, [app.orgId, app.generation, props.route, changes]);
  const go = (next: Tab) => void app.navigate({ view: 'records', tab: next });
  return (
    <div className="screen split-screen records-screen">
      <header className="screen-header">
        <h1>{tab === 'breaches' ? t('records.breachRecord') : t('records.requestLog')}</h1>
      </header>
      <p className="intro">{tab === 'breaches' ? t('records.breachRecordArticle') : t('records.requestLogArticle')}</p>
      <div role="tablist" aria-label={`${t('records.breaches')} / ${t('records.requests')}`} className="tabs">
        {(['breaches', 'requests'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`records-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="records-panel"
            tabIndex={tab === k ? 0 : -1}
            className={`tab ${tab === k ? 'active' : ''}`}
            onClick={() => go(k)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const other = k === 'breaches' ? 'requests' : 'breaches';
                go(other);
                setTimeout(() => document.getElementById(`records-tab-${other}`)?.focus());
              }
            }}
          >
            {t(k === 'breaches' ? 'records.breaches' : 'records.requests')}
            {counts ? <span className="tab-count">{counts[k]}</span> : null}
          </button>
        ))}
      </div>
      <div id="records-panel" role="tabpanel" aria-labelledby={`records-tab-${tab}`}>
        {tab === 'breaches' ? (
          <BreachesTab key={`b-${app.orgId}`} route={props.route} onChanged={onChanged} />
        ) : (
          <RequestsTab key={`r-${app.orgId}`} route={props.route} onChanged={onChanged} />
        )}
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** The activities of the organisation, for the links. */
function useActivities(): ActivitySummary[] {
  const app = useApp();
  const [list, setList] = useState<ActivitySummary[]>([]);
  useEffect(() => {
    if (app.orgId) void call('activities/list', { organisationId: app.orgId }).then(setList);
  }, [app.orgId, app.generation]);
  return list;
}

/** Field errors of the API, in the DPO's language: the catalogue key when the service gives one. */
function useErrorState() {
  const app = useApp();
  const t = useT();
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const show = (e: unknown, label: (path: string) => string) => {
    if (e instanceof ApiCallError) {
      if (e.code === 'conflict' && e.details.some((d) => d.path === 'version')) {
        setConflict(true);
        setMessage(null);
        return;
      }
      // Dates in the parameters are written as the DPO's language writes them.
      const params = (p?: MessageParams) =>
        p && Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(app.lang, v) : String(v ?? '')]));
      const text = (d: { key?: string; params?: MessageParams; message: string }) =>
        d.key ? t(d.key, params(d.params)) : app.lang === 'en' ? d.message : t('records.error.invalid');
      setErrors(new Map(e.details.map((d) => [d.path, text(d)])));
      const first = e.details[0];
      setMessage(first ? t('records.error.notSaved', { field: label(first.path), message: text(first) }) : app.lang === 'en' ? e.message : t('records.error.invalid'));
    } else setMessage((e as Error).message);
  };
  const clear = () => {
    setErrors(new Map());
    setMessage(null);
    setConflict(false);
  };
  return { errors, message, conflict, show, clear };
}

/** The label of a field path (`activityIds[1]` → "Processing activities concerned"). */
function useFieldLabel() {
  const t = useT();
  return (path: string) => {
    const field = path.replace(/[[.].*$/, '');
    const key = field === 'description' ? 'records.field.description' : `records.field.${field}`;
    const label = t(key);
    return label === key ? field : label;
  };
}

/** `2026-03-02T09:30:00.000Z` ↔ the value of a datetime-local input, in this computer's time. */
function toLocalInput(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function DateTimeField(props: { label: string; value: string; onChange(v: string): void; path: string; required?: boolean; hint?: string }) {
  const id = useId();
  return (
    <ErrorsContext.Consumer>
      {(errors) => {
        const error = errors.get(props.path);
        return (
          <div className={`field ${error ? 'has-error' : ''}`} data-path={props.path}>
            <div className="label-row">
              <label htmlFor={id}>{props.label}</label>
              {props.required ? (
                <span className="req" aria-hidden="true">
                  *
                </span>
              ) : null}
            </div>
            <input
              id={id}
              type="datetime-local"
              value={props.value}
              aria-required={props.required || undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={[props.hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
              onChange={(e) => props.onChange(e.target.value)}
            />
            {props.hint ? (
              <div className="hint" id={`${id}-hint`}>
                {props.hint}
              </div>
            ) : null}
            {error ? (
              <div className="field-error" id={`${id}-err`} role="alert">
                {error}
              </div>
            ) : null}
          </div>
        );
      }}
    </ErrorsContext.Consumer>
  );
}

/** The activities a record concerns: a list with remove buttons, and a picker to add one. */
function ActivityLinks(props: { value: number[]; onChange(v: number[]): void; activities: ActivitySummary[] }) {
  const t = useT();
  const id = useId();
  const [pick, setPick] = useState('');
  const byId = new Map(props.activities.map((a) => [a.id, a]));
  const available = props.activities.filter((a) => !props.value.includes(a.id));
  return (
    <ErrorsContext.Consumer>
      {(errors) => {
        const issues = [...errors.entries()].filter(([p]) => p.startsWith('activityIds'));
        return (
          <fieldset className="record-group" data-path="activityIds">
            <legend>{t('records.activitiesConcerned')}</legend>
            <ul className="record-links">
              {props.value.map((aid, i) => {
                const a = byId.get(aid);
                const error = errors.get(`activityIds[${i}]`);
                return (
                  <li key={aid} data-path={`activityIds[${i}]`}>
                    <span>{a ? `${a.ref} — ${a.name}` : `#${aid}`}</span>
                    {error ? <span className="field-error">{error}</span> : null}
                    <button
                      type="button"
                      className="link small"
                      aria-label={`${t('records.remove')} ${a?.ref ?? aid}`}
                      onClick={() => props.onChange(props.value.filter((x) => x !== aid))}
                    >
                      {t('records.remove')}
                    </button>
                  </li>
                );
              })}
            </ul>
            <div className="inline-form">
              <div className="field">
                <label htmlFor={id}>{t('records.linkActivity')}</label>
                <select id={id} value={pick} onChange={(e) => setPick(e.target.value)}>
                  <option value="">—</option>
                  {available.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.ref} — {a.name}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="secondary"
                disabled={!pick}
                onClick={() => {
                  props.onChange([...props.value, Number(pick)]);
                  setPick('');
                }}
              >
                {t('records.add')}
              </button>
            </div>
            {issues.length && !props.value.length ? <div className="field-error">{issues[0][1]}</div> : null}
          </fieldset>
        );
      }}
    </ErrorsContext.Consumer>
  );
}

function Group(props: { title: string; children: ReactNode }) {
  return (
    <fieldset className="record-group">
      <legend>{props.title}</legend>
      {props.children}
    </fieldset>
  );
}

function EditorFrame(props: {
  title: string;
  label: string;
  state: ReturnType<typeof useErrorState>;
  onSave(): void;
  onReload(): void;
  onDelete?: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const { state } = props;
  return (
    <ErrorsContext.Provider value={state.errors}>
      <form
        className="edit-pane"
        aria-label={props.label}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave();
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 's') {
            e.preventDefault();
            props.onSave();
          }
        }}
      >
        <h2>{props.title}</h2>
        {state.conflict ? (
          <div className="banner conflict" role="alert">
            <p>{t('records.error.conflict')}</p>
            <button type="button" className="secondary" onClick={props.onReload}>
              {t('records.reload')}
            </button>
          </div>
        ) : null}
        {state.message ? (
          <div className="banner error" role="alert">
            {state.message}
          </div>
        ) : null}
        {props.children}
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('records.save')}
          </button>
          {props.onDelete ? (
            <button type="button" className="secondary danger-text" onClick={props.onDelete}>
              {t('records.delete')}
            </button>
          ) : null}
        </div>
      </form>
    </ErrorsContext.Provider>
  );
}

/** Editing state of one record, with the dirty guard of the app. */
function useEditing<D>() {
  const app = useApp();
  const [editing, setEditing] = useState<{ id: number | null; version: number; data: D; initial: string } | null>(null);
  const dirty = editing ? JSON.stringify(editing.data) !== editing.initial : false;
  useEffect(() => app.setDirty(dirty), [dirty]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => app.setDirty(false), []); // eslint-disable-line react-hooks/exhaustive-deps
  const open = (id: number | null, version: number, data: D) => setEditing({ id, version, data, initial: JSON.stringify(data) });
  const set =
    <K extends keyof D>(k: K) =>
    (v: D[K]) =>
      setEditing((e) => (e ? { ...e, data: { ...e.data, [k]: v } } : e));
  return { editing, setEditing, open, set };
}

// ---------------------------------------------------------------------------------------------
// Breaches

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

function BreachesTab(props: { route: RecordsRoute; onChanged(): void }) {
  const app = useApp();
  const t = useT();
  const label = useFieldLabel();
  const activities = useActivities();
  const [list, setList] = useState<Breach[] | null>(null);
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const { editing, open, set } = useEditing<BreachForm>();
  const errs = useErrorState();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const current = editing?.id ? list?.find((b) => b.id === editing.id) : undefined;

  const reload = async () => {
    const l = app.orgId ? await call('breaches/list', { organisationId: app.orgId }) : [];
    setList(l);
    return l;
  };
  const openBreach = (b: Breach | null, activityId?: number) => {
    errs.clear();
    if (b) open(b.id, b.version, breachForm(b));
    else open(null, 0, blankBreach(activityId));
  };
  useEffect(() => {
    void reload().then((l) => {
      const { id, activityId } = props.route;
      if (id === 'new') openBreach(null, activityId);
      else if (id) {
        const b = l.find((x) => x.id === id);
        if (b) openBreach(b);
      }
    });
  }, [app.generation, props.route]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (list ?? []).filter(
      (b) =>
        (!status || (status === 'to_notify' ? ['pending', 'overdue'].includes(b.deadline.state) : b.status === status)) &&
        (!q || `${b.ref} ${b.title} ${b.description}`.toLowerCase().includes(q)),
    );
  }, [list, status, search]);
  const all = list ?? [];
  const toNotify = all.filter((b) => b.deadline.state === 'pending' || b.deadline.state === 'overdue').length;

  const save = async () => {
    if (!editing) return;
    const d = editing.data;
    const payload = { ...d, peopleCount: d.peopleCount, recordsCount: d.recordsCount } as unknown as Record<string, unknown>;
    try {
      const saved = editing.id
        ? await call('breaches/update', { id: editing.id, version: editing.version, breach: payload })
        : await call('breaches/create', { organisationId: app.orgId!, breach: payload });
      app.setDirty(false);
      await reload();
      props.onChanged();
      openBreach(saved);
      app.notify(`${saved.ref} — ${t('records.saved')}`);
      if (props.route.id !== saved.id) history.replaceState(null, '', `#/breaches/${saved.id}`);
    } catch (e) {
      errs.show(e, label);
    }
  };
  const reloadCurrent = async () => {
    const l = await reload();
    const b = editing?.id ? l.find((x) => x.id === editing.id) : undefined;
    if (b) openBreach(b);
  };
  const remove = async () => {
    setConfirmDelete(false);
    if (!editing?.id) return;
    try {
      await call('breaches/delete', { id: editing.id, version: editing.version });
      app.setDirty(false);
      await reload();
      props.onChanged();
      void app.navigate({ view: 'records', tab: 'breaches' });
    } catch (e) {
      errs.show(e, label);
    }
  };
  const terms = app.terms.get('data_category') ?? [];
  const d = editing?.data;

  return (
    <>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void app.navigate({ view: 'records', tab: 'breaches', id: 'new' })}>
          + {t('records.newBreach')}
        </button>
      </div>
      <div className="filterbar">
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
      </div>
      <p className="records-counts" aria-live="polite" data-testid="breach-counts">
        <span className="badge">{t('records.breach', { count: shown.length })}</span>
        <span className="badge record-info">{t('records.openCount', { count: all.filter((b) => b.status === 'open').length })}</span>
        {toNotify ? <span className="badge record-overdue">{t('records.notNotifiedCount', { count: toNotify })}</span> : null}
      </p>
      <div className="split">
        <div className="list-pane">
          {list && !list.length ? <p className="muted">{t('records.noBreaches')}</p> : null}
          <table className="grid compact" aria-label={t('records.breachRecord')}>
            <thead>
              <tr>
                <th scope="col">{t('records.field.ref')}</th>
                <th scope="col">{t('records.field.title')}</th>
                <th scope="col">{t('records.field.discoveredAt')}</th>
                <th scope="col">{t('records.field.riskLevel')}</th>
                <th scope="col">{t('records.field.notificationShort')}</th>
                <th scope="col">{t('records.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((b) => (
                <tr key={b.id} className={editing?.id === b.id ? 'selected' : undefined}>
                  <td>{b.ref}</td>
                  <td>
                    <button
                      type="button"
                      className="link row-link"
                      aria-current={editing?.id === b.id ? 'true' : undefined}
                      onClick={() => void app.navigate({ view: 'records', tab: 'breaches', id: b.id })}
                    >
                      {b.title}
                    </button>
                  </td>
                  <td>{formatInstant(app.lang, b.discoveredAt)}</td>
                  <td>{t(`records.risk.${b.riskLevel}`)}</td>
                  <td>
                    <NotificationBadge deadline={b.deadline} />
                  </td>
                  <td>{t(`records.status.${b.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editing && d ? (
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
                  const name = app.lang === 'fr' ? term.labelFr : term.labelEn;
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
            {current ? <RecordHistory entityType="breach" id={current.id} version={current.version} /> : null}
          </EditorFrame>
        ) : null}
      </div>
      {confirmDelete && current ? (
        <ConfirmDialog
          title={t('records.delete')}
          text={t('records.confirmDelete', { ref: current.ref })}
          confirmLabel={t('records.delete')}
          cancelLabel={t('records.cancel')}
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => void remove()}
        />
      ) : null}
    </>
  );
}

function NumberField(props: { label: string; value: number | null; onChange(v: number | null): void; path: string }) {
  const id = useId();
  return (
    <ErrorsContext.Consumer>
      {(errors) => {
        const error = errors.get(props.path);
        return (
          <div className={`field ${error ? 'has-error' : ''}`} data-path={props.path}>
            <div className="label-row">
              <label htmlFor={id}>{props.label}</label>
            </div>
            <input
              id={id}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={props.value ?? ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-err` : undefined}
              onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
            />
            {error ? (
              <div className="field-error" id={`${id}-err`} role="alert">
                {error}
              </div>
            ) : null}
          </div>
        );
      }}
    </ErrorsContext.Consumer>
  );
}

// ---------------------------------------------------------------------------------------------
// Requests

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

function RequestsTab(props: { route: RecordsRoute; onChanged(): void }) {
  const app = useApp();
  const t = useT();
  const label = useFieldLabel();
  const activities = useActivities();
  const [list, setList] = useState<SubjectRequest[] | null>(null);
  const [status, setStatus] = useState('');
  const [right, setRight] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const { editing, open, set } = useEditing<RequestData>();
  const errs = useErrorState();
  const [confirm, setConfirm] = useState<'delete' | 'erase' | null>(null);
  const [retention, setRetention] = useState<{ value: string; saved: string } | null>(null);
  const [due, setDue] = useState(0);
  const current = editing?.id ? list?.find((r) => r.id === editing.id) : undefined;

  const reload = async () => {
    const [l, settings, dueList] = await Promise.all([
      app.orgId ? call('requests/list', { organisationId: app.orgId }) : Promise.resolve([]),
      call('requests/settings', {}),
      call('requests/requestersDue', {}),
    ]);
    setList(l);
    setRetention({ value: settings.requesterRetention, saved: settings.requesterRetention });
    setDue(dueList.length);
    return l;
  };
  const openRequest = (r: SubjectRequest | null, activityId?: number) => {
    errs.clear();
    if (r) open(r.id, r.version, requestForm(r));
    else open(null, 0, blankRequest(activityId));
  };
  useEffect(() => {
    void reload().then((l) => {
      const { id, activityId } = props.route;
      if (id === 'new') openRequest(null, activityId);
      else if (id) {
        const r = l.find((x) => x.id === id);
        if (r) openRequest(r);
      }
    });
  }, [app.generation, props.route]); // eslint-disable-line react-hooks/exhaustive-deps

  const all = list ?? [];
  const shown = all.filter((r) => (!status || r.status === status) && (!right || r.right === right) && (!overdueOnly || r.deadline.state === 'overdue'));
  const overdue = all.filter((r) => r.deadline.state === 'overdue').length;
  const openCount = all.filter((r) => !r.answeredOn).length;

  const save = async () => {
    if (!editing) return;
    try {
      const payload = editing.data as unknown as Record<string, unknown>;
      const saved = editing.id
        ? await call('requests/update', { id: editing.id, version: editing.version, request: payload })
        : await call('requests/create', { organisationId: app.orgId!, request: payload });
      app.setDirty(false);
      await reload();
      props.onChanged();
      openRequest(saved);
      app.notify(`${saved.ref} — ${t('records.saved')}`);
      if (props.route.id !== saved.id) history.replaceState(null, '', `#/requests/${saved.id}`);
    } catch (e) {
      errs.show(e, label);
    }
  };
  const reloadCurrent = async () => {
    const l = await reload();
    const r = editing?.id ? l.find((x) => x.id === editing.id) : undefined;
    if (r) openRequest(r);
  };
  const runConfirm = async () => {
    const what = confirm;
    setConfirm(null);
    if (!editing?.id) return;
    try {
      if (what === 'delete') {
        await call('requests/delete', { id: editing.id, version: editing.version });
        app.setDirty(false);
        await reload();
        props.onChanged();
        void app.navigate({ view: 'records', tab: 'requests' });
      } else {
        const r = await call('requests/eraseRequester', { id: editing.id, version: editing.version });
        app.setDirty(false);
        await reload();
        openRequest(r);
      }
    } catch (e) {
      errs.show(e, label);
    }
  };
  const saveRetention = async () => {
    if (!retention) return;
    try {
      const s = await call('requests/setSettings', { settings: { requesterRetention: retention.value } });
      setRetention({ value: s.requesterRetention, saved: s.requesterRetention });
      setDue((await call('requests/requestersDue', {})).length);
      app.notify(t('records.saved'));
    } catch (e) {
      app.notify(e instanceof ApiCallError && e.details[0] ? `${t('records.field.requesterRetention')} : ${t('records.error.invalid')}` : (e as Error).message);
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
    <>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void app.navigate({ view: 'records', tab: 'requests', id: 'new' })}>
          + {t('records.newRequest')}
        </button>
      </div>
      <div className="filterbar">
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
      </div>
      <p className="records-counts" aria-live="polite" data-testid="request-counts">
        <span className="badge">{t('records.request', { count: shown.length })}</span>
        <span className="badge record-info">{t('records.openCount', { count: openCount })}</span>
        {overdue ? <span className="badge record-overdue">{t('records.overdueCount', { count: overdue })}</span> : null}
      </p>
      {retention ? (
        <form
          className="inline-form records-retention"
          onSubmit={(e) => {
            e.preventDefault();
            void saveRetention();
          }}
        >
          <TextField
            label={t('records.field.requesterRetention')}
            hint={t('records.retentionHint')}
            value={retention.value}
            onChange={(v) => setRetention({ ...retention, value: v })}
            placeholder="P1Y"
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
      ) : null}
      <div className="split">
        <div className="list-pane">
          {list && !list.length ? <p className="muted">{t('records.noRequests')}</p> : null}
          <table className="grid compact" aria-label={t('records.requestLog')}>
            <thead>
              <tr>
                <th scope="col">{t('records.field.ref')}</th>
                <th scope="col">{t('records.field.right')}</th>
                <th scope="col">{t('records.field.receivedOn')}</th>
                <th scope="col">{t('records.field.deadline')}</th>
                <th scope="col">{t('records.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} className={editing?.id === r.id ? 'selected' : undefined}>
                  <td>
                    <button
                      type="button"
                      className="link row-link"
                      aria-current={editing?.id === r.id ? 'true' : undefined}
                      onClick={() => void app.navigate({ view: 'records', tab: 'requests', id: r.id })}
                    >
                      {r.ref}
                    </button>
                  </td>
                  <td>{t(`records.right.${r.right}`)}</td>
                  <td>{formatDate(app.lang, r.receivedOn)}</td>
                  <td>
                    {formatDate(app.lang, r.deadline.dueOn)} <RequestDeadlineBadge deadline={r.deadline} />
                  </td>
                  <td>{t(`records.requestStatus.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editing && d ? (
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
            {current ? <RecordHistory entityType="request" id={current.id} version={current.version} /> : null}
          </EditorFrame>
        ) : null}
      </div>
      {confirm && current ? (
        <ConfirmDialog
          title={t(confirm === 'delete' ? 'records.delete' : 'records.eraseRequester')}
          text={confirm === 'delete' ? t('records.confirmDelete', { ref: current.ref }) : `${t('records.eraseRequester')} (${current.ref}) ?`}
          confirmLabel={t(confirm === 'delete' ? 'records.delete' : 'records.eraseRequester')}
          cancelLabel={t('records.cancel')}
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => void runConfirm()}
        />
      ) : null}
    </>
  );
}

/** The changes of one breach or request, newest first, field by field (labels, not field paths). */
function RecordHistory(props: { entityType: 'breach' | 'request'; id: number; version: number }) {
  const app = useApp();
  const t = useT();
  const label = useFieldLabel();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    void call('history/list', { entityType: props.entityType, entityId: props.id, limit: 200 }).then(setEntries);
  }, [props.entityType, props.id, props.version]);
  return (
    <details className="record-history">
      <summary>{t('history.title')}</summary>
      <ol className="history-list">
        {entries?.map((e) => (
          <li key={e.id} className="history-entry">
            <div className="history-when">
              <strong>{t(`history.action.${e.action}`)}</strong> <time dateTime={e.at}>{new Date(e.at).toLocaleString(app.lang === 'fr' ? 'fr-FR' : 'en-GB')}</time>
              <span className="muted"> · {t(`history.source.${e.source}`)}</span>
            </div>
            {e.action === 'update' ? (
              <table className="changes">
                <thead>
                  <tr>
                    <th scope="col">{t('history.field')}</th>
                    <th scope="col">{t('history.before')}</th>
                    <th scope="col">{t('history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.changes.map((c, i) => (
                    <tr key={i}>
                      <th scope="row">{label(c.path)}</th>
                      <td className="before">{formatValue(c.before)}</td>
                      <td className="after">{formatValue(c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
