/**
 * The activity editor, in the sections of the CNIL fiche. Explicit save, unsaved-changes guard,
 * field messages from the API (`error.details[].path`), version conflicts, duplicate / retire /
 * delete with confirmation, and the activity's history.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Activity, Recipient } from '../../core/model/register.js';
import type { ActivityFields } from '../../core/model/schemas.js';
import { assessDpia, EMPTY_DPIA } from '../../core/model/dpia.js';
import { ApiCallError, call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { useDirty } from '../hooks/use-dirty.js';
import { ErrorsContext } from '../components/fields.js';
import { ConfirmDialog } from '../components/modal.js';
import { ChecksBanner } from './checks-banner.js';
import { HistoryPanel } from './history-panel.js';
import { formatDate, invalidateRegisterCache } from './register-view.js';
import { IdentificationSection } from './editor-sections/identification.js';
import { ActorsSection } from './editor-sections/actors.js';
import { PurposesSection } from './editor-sections/purposes.js';
import { SubjectsSection } from './editor-sections/subjects.js';
import { LegalSection } from './editor-sections/legal.js';
import { RecipientsSection } from './editor-sections/recipients.js';
import { TransfersSection } from './editor-sections/transfers.js';
import { SecuritySection } from './editor-sections/security.js';
import { DpiaSection } from './editor-sections/dpia.js';
import { OtherSection } from './editor-sections/other.js';
import { DatesSection } from './editor-sections/dates.js';
import type { SectionProps } from './editor-sections/props.js';

export function emptyActivity(): ActivityFields {
  return {
    ref: '',
    name: '',
    role: 'controller',
    status: 'draft',
    department: '',
    owner: '',
    description: '',
    purpose: '',
    subPurposes: [],
    legalBases: [],
    art9Conditions: [],
    criminalDataBasis: '',
    dataSubjects: [],
    dataCategories: [],
    dataSources: [],
    recipients: [],
    transfers: [],
    retention: [],
    securityMeasures: [],
    securityNotes: '',
    jointControllers: [],
    clients: [],
    dpia: { ...EMPTY_DPIA },
    automatedDecision: { exists: false, description: '' },
    systems: [],
    rights: '',
    consentRecords: '',
    breaches: '',
    lastReviewedAt: '',
    lastReviewedBy: '',
    nextReviewAt: '',
  };
}

/** The editable fields of an activity (as the service's `activityFields`). */
export function fieldsOf(a: Activity): ActivityFields {
  const { id: _i, organisationId: _o, version: _v, createdAt: _c, updatedAt: _u, dpia, recipients, ...rest } = a;
  const { suggested: _s, required: _r, ...screening } = dpia;
  return {
    ...emptyActivity(),
    ...rest,
    recipients: recipients.map((r) => ({ recipientId: r.recipientId, name: r.name, role: r.role, precision: r.precision })),
    dpia: screening,
  };
}

const SECTIONS = ['identification', 'actors', 'purposes', 'subjects', 'legal', 'recipients', 'transfers', 'security', 'dpia', 'other', 'dates'] as const;
type SectionId = (typeof SECTIONS)[number];

type Pending = 'duplicate' | 'retire' | 'delete' | null;

export function ActivityEditor(props: { id: number | 'new' }) {
  const app = useApp();
  const t = useT();
  const [activity, setActivity] = useState<Activity | null>(null);
  const [form, setForm] = useState<ActivityFields>(emptyActivity);
  const [initial, setInitial] = useState<string>(() => JSON.stringify(emptyActivity()));
  const [loading, setLoading] = useState(props.id !== 'new');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [summary, setSummary] = useState<{ message: string; issues: { path: string; message: string; label?: string }[] } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const [directory, setDirectory] = useState<Recipient[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    if (props.id === 'new') {
      const blank = emptyActivity();
      setActivity(null);
      setForm(blank);
      setInitial(JSON.stringify(blank));
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      const a = await call('activities/get', { id: props.id });
      const f = fieldsOf(a);
      setActivity(a);
      setForm(f);
      setInitial(JSON.stringify(f));
      setLoadError(null);
      if (a.organisationId !== app.orgId) app.setOrgId(a.organisationId);
    } catch (e) {
      setLoadError((e as Error).message);
    } finally {
      setLoading(false);
      setErrors(new Map());
      setSummary(null);
      setConflict(null);
    }
  }, [props.id]); // eslint-disable-line react-hooks/exhaustive-deps -- load once per activity: the organisation switch inside must not reload the form

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    call('recipients/list', {})
      .then(setDirectory)
      .catch(() => undefined);
  }, [app.generation, historyKey]);

  const dirty = useMemo(() => JSON.stringify(form) !== initial, [form, initial]);
  useDirty(dirty);

  const set =
    <K extends keyof ActivityFields>(key: K) =>
    (value: ActivityFields[K]) =>
      setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setConflict(null);
    try {
      const saved =
        props.id === 'new'
          ? await call('activities/create', { organisationId: app.orgId!, activity: form as unknown as Record<string, unknown> })
          : await call('activities/update', { id: props.id, version: activity!.version, activity: form as unknown as Record<string, unknown> });
      const f = fieldsOf(saved);
      setActivity(saved);
      setForm(f);
      setInitial(JSON.stringify(f));
      setErrors(new Map());
      setSummary(null);
      setHistoryKey((k) => k + 1);
      invalidateRegisterCache();
      app.setDirty(false);
      app.notify(t('editor.savedAt', { version: saved.version }));
      if (props.id === 'new') await app.navigate({ view: 'activity', id: saved.id });
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'conflict' && e.details.some((d) => d.path === 'version')) {
        setConflict(e.message);
        setTimeout(() => conflictRef.current?.focus(), 0);
      } else if (e instanceof ApiCallError && e.details.length) {
        setErrors(new Map(e.details.map((d) => [d.path, d.message])));
        setSummary({ message: e.message, issues: e.details });
        setTimeout(() => summaryRef.current?.focus(), 0);
      } else {
        setSummary({ message: (e as Error).message, issues: [] });
        setTimeout(() => summaryRef.current?.focus(), 0);
      }
    } finally {
      setSaving(false);
    }
  };

  const runPending = async () => {
    const what = pending;
    setPending(null);
    if (!activity || !what) return;
    try {
      if (what === 'duplicate') {
        const copy = await call('activities/duplicate', { id: activity.id });
        invalidateRegisterCache();
        app.setDirty(false);
        await app.navigate({ view: 'activity', id: copy.id });
      } else if (what === 'retire') {
        const retired = await call('activities/retire', { id: activity.id, version: activity.version });
        const f = fieldsOf(retired);
        setActivity(retired);
        setForm(f);
        setInitial(JSON.stringify(f));
        setHistoryKey((k) => k + 1);
        invalidateRegisterCache();
        app.notify(t('editor.savedAt', { version: retired.version }));
      } else {
        await call('activities/delete', { id: activity.id, version: activity.version });
        invalidateRegisterCache();
        app.setDirty(false);
        await app.navigate({ view: 'register' });
      }
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'conflict') setConflict(e.message);
      else app.notify((e as Error).message);
    }
  };

  if (loading) return <div className="screen">{t('common.loading')}</div>;
  if (loadError) {
    return (
      <div className="screen">
        <div className="error-box" role="alert">
          {loadError}
        </div>
        <button type="button" className="secondary" onClick={() => void app.navigate({ view: 'register' })}>
          {t('common.back')}
        </button>
      </div>
    );
  }

  const org = app.organisations.find((o) => o.id === (activity?.organisationId ?? app.orgId));
  const title = props.id === 'new' ? t('editor.newTitle') : `${activity?.ref ?? ''} — ${activity?.name ?? ''}`;
  const hasSpecial = form.dataCategories.some((c) => c.special);
  const dpia = assessDpia(form.dpia);
  const sectionTitle = (s: SectionId) => t(`sec.${s}`);
  const sectionProps: SectionProps = { form, set, t, app, org, isNew: props.id === 'new', hasSpecial, dpia, directory, activity };

  return (
    <ErrorsContext.Provider value={errors}>
      <form
        className="screen editor-screen"
        aria-labelledby="editor-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            void save();
          }
        }}
      >
        <header className="screen-header editor-header">
          <div>
            <button type="button" className="link back" onClick={() => void app.navigate({ view: 'register' })}>
              ← {t('common.back')}
            </button>
            <h1 id="editor-title">{title}</h1>
            <div className="meta">
              {activity ? <span className={`badge status-${activity.status}`}>{t(`status.${activity.status}`)}</span> : null}
              {activity ? (
                <span className="muted">
                  {t('editor.version')} {activity.version} · {t('editor.updated')} {formatDate(activity.updatedAt, app.lang)}
                </span>
              ) : null}
              {dirty ? <span className="badge unsaved">{t('editor.unsavedBadge')}</span> : null}
            </div>
          </div>
          <div className="toolbar">
            {activity ? (
              <>
                <button type="button" className="secondary" aria-pressed={showHistory} onClick={() => setShowHistory((s) => !s)}>
                  {t('editor.history')}
                </button>
                <button type="button" className="secondary" onClick={() => setPending('duplicate')}>
                  {t('editor.duplicate')}
                </button>
                {activity.status !== 'retired' ? (
                  <button type="button" className="secondary" onClick={() => setPending('retire')}>
                    {t('editor.retire')}
                  </button>
                ) : null}
                <button type="button" className="secondary danger-text" onClick={() => setPending('delete')}>
                  {t('editor.delete')}
                </button>
              </>
            ) : null}
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </header>

        {conflict ? (
          <div className="banner conflict" role="alert" tabIndex={-1} ref={conflictRef}>
            <strong>{t('editor.conflictTitle')}</strong>
            <p>{t('editor.conflictText')}</p>
            <p className="muted">{conflict}</p>
            <button type="button" className="secondary" onClick={() => void load()}>
              {t('editor.conflictReload')}
            </button>
          </div>
        ) : null}

        {summary ? (
          <div className="banner error" role="alert" tabIndex={-1} ref={summaryRef}>
            <strong>{summary.issues.length ? t('editor.errorSummary') : t('common.errorTitle')}</strong>
            <p>{summary.message}</p>
            {summary.issues.length ? (
              <ul>
                {summary.issues.map((i) => (
                  <li key={i.path}>
                    <button type="button" className="link" onClick={() => focusPath(i.path)}>
                      {i.label ?? t('ui.errorField')}
                    </button>{' '}
                    {i.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        {activity ? <ChecksBanner activityId={activity.id} refreshKey={historyKey} onFocus={focusPath} /> : null}

        <div className={`editor-body ${showHistory ? 'with-history' : ''}`}>
          <nav className="section-nav" aria-label={t('editor.sections')}>
            <ul>
              {SECTIONS.map((s) => (
                <li key={s}>
                  <a
                    href={`#sec-${s}`}
                    onClick={(e) => {
                      e.preventDefault();
                      const el = document.getElementById(`sec-${s}`);
                      el?.scrollIntoView({ block: 'start' });
                      el?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
                    }}
                  >
                    {sectionTitle(s)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>

          <div className="sections">
            <IdentificationSection {...sectionProps} />

            <ActorsSection {...sectionProps} />

            <PurposesSection {...sectionProps} />

            <SubjectsSection {...sectionProps} />

            <LegalSection {...sectionProps} />

            <RecipientsSection {...sectionProps} />

            <TransfersSection {...sectionProps} />

            <SecuritySection {...sectionProps} />

            <DpiaSection {...sectionProps} />

            <OtherSection {...sectionProps} />

            <DatesSection {...sectionProps} />
            <div className="save-bar">
              <button type="submit" className="primary" disabled={saving}>
                {saving ? t('common.saving') : t('common.save')}
              </button>
            </div>
          </div>

          {showHistory && activity ? <HistoryPanel activityId={activity.id} refreshKey={historyKey} onClose={() => setShowHistory(false)} /> : null}
        </div>

        {pending ? (
          <ConfirmDialog
            title={t(pending === 'delete' ? 'editor.confirmDeleteTitle' : pending === 'retire' ? 'editor.confirmRetireTitle' : 'editor.confirmDuplicateTitle')}
            text={t(pending === 'delete' ? 'editor.confirmDelete' : pending === 'retire' ? 'editor.confirmRetire' : 'editor.confirmDuplicate')}
            confirmLabel={t(pending === 'delete' ? 'editor.delete' : pending === 'retire' ? 'editor.retire' : 'editor.duplicate')}
            cancelLabel={t('common.cancel')}
            danger={pending === 'delete'}
            onCancel={() => setPending(null)}
            onConfirm={() => void runPending()}
          />
        ) : null}
      </form>
    </ErrorsContext.Provider>
  );
}

function focusPath(path: string): void {
  let p = path;
  for (;;) {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
      return;
    }
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return;
    p = p.slice(0, cut);
  }
}
