/** The window: navigation, organisation picker, language switch, the screens, notices and progress. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppEvent, ExportScope, Language } from '../core/api/shell.js';
import type { Country, Organisation, VocabularyTerm } from '../core/model/register.js';
import { QueryClientProvider } from '@tanstack/react-query';
import { call, onIdle, subscribe } from './api/client.js';
import { queryClient } from './api/queries.js';
import { AppProvider, initialLanguage, translator, useApp, useT, type Notice } from './app-context.js';
import { ConfirmDialog, Modal } from './components/modal.js';
import { ActivityEditor } from './screens/activity-editor.js';
import { ExportDialog } from './screens/export-dialog.js';
import { ImportWizard } from './screens/import-wizard.js';
import { ImportHistory } from './screens/import/import-history.js';
import { phaseText } from './screens/import/import-text.js';
import { DemoButton } from './screens/first-run.js';
import { OrganisationScreen } from './screens/organisation.js';
import { HomeScreen, OverviewScreen } from './screens/overview-home.js';
import { ContractsScreen } from './screens/contracts.js';
import { RecipientsScreen } from './screens/recipients.js';
import { ReferenceScreen } from './screens/reference.js';
import { RecordsScreen } from './screens/records.js';
import { CampaignsScreen } from './screens/campaigns.js';
import { ActionsScreen } from './screens/dpo/actions-screen.js';
import { invalidateRegisterCache } from './screens/register-view.js';
import { ReferenceUpdateNotice } from './screens/legal-fields.js';

interface Boot {
  lang: Language;
  shell: 'electron' | 'web';
  file: string;
  terms: VocabularyTerm[];
  countries: Country[];
  organisations: Organisation[];
}

async function boot(): Promise<Boot> {
  const [info, terms, countries, organisations] = await Promise.all([
    call('app/info', {}).catch(() => ({ shell: 'web' as const, file: '', recent: [], language: null })),
    call('reference/terms', {}),
    call('reference/countries', {}),
    call('organisations/list', {}),
  ]);
  return {
    lang: initialLanguage(localStorage.getItem('art30.lang'), info.language, navigator.language),
    shell: info.shell,
    file: info.file,
    terms,
    countries,
    organisations,
  };
}

export function App() {
  const [state, setState] = useState<Boot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [leave, setLeave] = useState<((ok: boolean) => void) | null>(null);
  const [bootKey, setBootKey] = useState(0);

  useEffect(() => {
    boot()
      .then(setState)
      .catch((e: Error) => setError(e.message));
  }, [bootKey]);

  // Another register file was opened (Electron), or the register's process was restarted: start again on it.
  const restartedRef = useRef<AppEvent | null>(null);
  useEffect(
    () =>
      subscribe((e) => {
        if (e.type === 'register' || e.type === 'restarted') {
          if (e.type === 'restarted') restartedRef.current = e;
          invalidateRegisterCache();
          queryClient.clear();
          setState(null);
          setBootKey((k) => k + 1);
        }
      }),
    [],
  );

  const onNotice = useCallback((n: Notice) => {
    setNotices((list) => [...list.slice(-2), n]);
    setTimeout(() => setNotices((list) => list.filter((x) => x.id !== n.id)), n.action ? 15000 : 5000);
  }, []);
  // Told once the app has booted again after the register's process was restarted.
  useEffect(() => {
    const e = restartedRef.current;
    if (!state || !e || e.type !== 'restarted') return;
    restartedRef.current = null;
    const t = translator(state.lang);
    onNotice({ id: Date.now(), message: e.file ? t('shell.restarted') : t('shell.restartFailed', { message: e.error?.message ?? '' }) });
  }, [state, onNotice]);
  const askLeave = useCallback(() => new Promise<boolean>((resolve) => setLeave(() => resolve)), []);

  if (error) {
    const t = translator(initialLanguage(localStorage.getItem('art30.lang'), null, navigator.language));
    return (
      <main className="boot-error">
        <h1>{t('common.errorTitle')}</h1>
        <p role="alert">{error}</p>
        <button type="button" className="primary" onClick={() => location.reload()}>
          {t('common.retry')}
        </button>
      </main>
    );
  }
  if (!state) return <div className="boot" aria-busy="true" />;

  const t = translator(state.lang);
  return (
    <QueryClientProvider client={queryClient}>
      <AppProvider key={bootKey} initial={state} onNotice={onNotice} askLeave={askLeave}>
        <Shell />
        <div className="notices" role="status" aria-live="polite">
          {notices.map((n) => (
            <div key={n.id} className="notice">
              <span>{n.message}</span>
              {n.action ? (
                <button type="button" className="link" onClick={n.action.run}>
                  {n.action.label}
                </button>
              ) : null}
            </div>
          ))}
        </div>
        <LeaveDialog
          open={leave !== null}
          t={t}
          onAnswer={(ok) => {
            leave?.(ok);
            setLeave(null);
          }}
        />
      </AppProvider>
    </QueryClientProvider>
  );
}

function LeaveDialog(props: { open: boolean; t: ReturnType<typeof translator>; onAnswer(ok: boolean): void }) {
  const app = useApp();
  if (!props.open) return null;
  return (
    <ConfirmDialog
      title={app.t('common.unsavedTitle')}
      text={app.t('common.unsaved')}
      confirmLabel={app.t('common.leave')}
      cancelLabel={app.t('common.stay')}
      danger
      onConfirm={() => props.onAnswer(true)}
      onCancel={() => props.onAnswer(false)}
    />
  );
}

interface ProgressState {
  operation: string;
  phase: string;
  done: number;
  total: number;
}

function Shell() {
  const app = useApp();
  const t = useT();
  const [focusSearch, setFocusSearch] = useState(0);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  // Import and export are part of every build (no probing): the props stay for the screens' layout.
  const canImport = true;
  const canExport = true;
  const [importOpen, setImportOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [exportState, setExportState] = useState<{ current: ExportScope; selected: number[]; shown: number[] } | null>(null);
  const [about, setAbout] = useState(false);
  const progressTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const backup = useCallback(async () => {
    try {
      const r = await call('app/backup', {});
      if (r.cancelled) return;
      if (r.downloadUrl) download(r.downloadUrl);
      app.notify(t('backup.done', { file: r.file }));
    } catch (e) {
      app.notify((e as Error).message);
    }
  }, [app, t]);

  const onEvent = useCallback(
    (e: AppEvent) => {
      if (e.type === 'progress') {
        setProgress({ operation: e.operation, ...e.progress });
        clearTimeout(progressTimer.current);
        if (e.progress.done >= e.progress.total) progressTimer.current = setTimeout(() => setProgress(null), 800);
        return;
      }
      if (e.type !== 'menu') return;
      switch (e.command) {
        case 'new-activity':
          void app.navigate({ view: 'activity', id: 'new' });
          break;
        case 'search':
          void app.navigate({ view: 'register' }).then((ok) => ok && setFocusSearch((n) => n + 1));
          break;
        case 'language-fr':
          app.setLang('fr');
          break;
        case 'language-en':
          app.setLang('en');
          break;
        case 'recipients':
        case 'organisation':
        case 'reference':
        case 'register':
          void app.navigate({ view: e.command });
          break;
        case 'import':
          if (canImport) setImportOpen(true);
          break;
        case 'export':
          if (canExport) setExportState({ current: { organisationId: app.orgId ?? undefined }, selected: [], shown: [] });
          break;
        case 'backup':
          void backup();
          break;
        case 'about':
          setAbout(true);
          break;
      }
    },
    [app, canImport, canExport, backup],
  );
  // Ctrl+S saves the form being edited, on every screen (the editors that save by other means handle it first);
  // where there is nothing to save, the window says so rather than letting the browser save the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 's' || e.defaultPrevented) return;
      e.preventDefault();
      const active = document.activeElement;
      const forms = Array.from(document.querySelectorAll<HTMLFormElement>('main form, [role="dialog"] form'));
      const form = (active instanceof Element ? active.closest('form') : null) ?? (forms.length === 1 ? forms[0] : null);
      if (form) form.requestSubmit();
      else app.notify(t('firsthour.nothingToSave'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app, t]);

  // A progress banner ends with its work: once no call is under way, whatever its last count said.
  useEffect(
    () =>
      onIdle(() => {
        clearTimeout(progressTimer.current);
        progressTimer.current = setTimeout(() => setProgress(null), 300);
      }),
    [],
  );
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  useEffect(() => subscribe((e) => onEventRef.current(e)), []);

  const noOrganisation = app.organisations.length === 0;
  const r = app.route;

  let screen: ReactNode;
  if (noOrganisation && r.view !== 'organisation' && r.view !== 'reference') screen = <Welcome />;
  else if (r.view === 'activity') screen = <ActivityEditor key={String(r.id)} id={r.id} />;
  else if (r.view === 'recipients') screen = <RecipientsScreen selectedId={r.id} />;
  else if (r.view === 'contracts') screen = <ContractsScreen selectedId={r.id} />;
  else if (r.view === 'organisation') screen = <OrganisationScreen />;
  else if (r.view === 'reference') screen = <ReferenceScreen />;
  else if (r.view === 'records') screen = <RecordsScreen route={r} />;
  else if (r.view === 'campaigns') screen = <CampaignsScreen />;
  else if (r.view === 'actions') screen = <ActionsScreen />;
  else if (r.view === 'overview') screen = <OverviewScreen />;
  else
    screen = (
      <HomeScreen route={r} canImport={canImport} canExport={canExport} focusSearch={focusSearch} onImport={() => setImportOpen(true)} onExport={(s) => setExportState(s)} />
    );

  const navItem = (view: 'overview' | 'register' | 'recipients' | 'organisation' | 'reference' | 'campaigns' | 'contracts' | 'actions', label: string) => {
    const current = r.view === view || (view === 'register' && r.view === 'activity');
    return (
      <li>
        <a
          href={`#/${view}`}
          aria-current={current ? 'page' : undefined}
          className={current ? 'active' : undefined}
          onClick={(e) => {
            e.preventDefault();
            void app.navigate({ view });
          }}
        >
          {label}
        </a>
      </li>
    );
  };

  return (
    <div className="app">
      <a href="#main" className="skip-link" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('firsthour.skipLink')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            30
          </span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="topbar-right">
          {app.organisations.length > 0 ? (
            <div className="org-picker">
              <label htmlFor="org-picker">{t('nav.organisationPicker')}</label>
              <select
                id="org-picker"
                value={app.orgId ?? ''}
                onChange={async (e) => {
                  const id = Number(e.target.value);
                  if (await app.confirmLeave()) {
                    app.setOrgId(id);
                    if (app.route.view === 'activity') void app.navigate({ view: 'register' });
                  }
                }}
              >
                {app.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="lang-switch" role="group" aria-label={t('lang.label')}>
            {(['fr', 'en'] as const).map((l) => (
              <button key={l} type="button" lang={l} aria-pressed={app.lang === l} className={app.lang === l ? 'active' : undefined} onClick={() => app.setLang(l)}>
                {l.toUpperCase()}
                <span className="visually-hidden"> — {t(`lang.${l}`)}</span>
              </button>
            ))}
          </div>
        </div>
      </header>
      <nav className="sidebar" aria-label={t('nav.main')}>
        <ul>
          {navItem('overview', t('overview.nav'))}
          {navItem('register', t('nav.register'))}
          {navItem('recipients', t('nav.recipients'))}
          {navItem('contracts', t('contracts.nav'))}
          <RecordsNavItem />
          {navItem('campaigns', t('campaign.nav'))}
          {navItem('actions', t('dpo.actions.title'))}
          {navItem('organisation', t('nav.organisation'))}
          {navItem('reference', t('nav.reference'))}
        </ul>
        <div className="sidebar-foot">
          <button type="button" className="link small" onClick={() => void backup()}>
            {t('register.backup')}
          </button>
          <button type="button" className="link small" onClick={() => setHistoryOpen(true)}>
            {t('import.history.open')}
          </button>
          {app.registerFile ? (
            <div className="register-file" title={app.registerFile}>
              {app.registerFile.split(/[\\/]/).pop()}
            </div>
          ) : null}
        </div>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        {progress ? (
          <div
            className="progress"
            role="progressbar"
            aria-label={phaseText(t, progress.phase) || t('common.progress')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
          >
            <div className="progress-text">
              {phaseText(t, progress.phase)} {progress.total ? `${progress.done} / ${progress.total}` : ''}
            </div>
            <div className="progress-track">
              <div className="progress-bar" style={{ width: `${progress.total ? Math.round((100 * progress.done) / progress.total) : 0}%` }} />
            </div>
          </div>
        ) : null}
        <ReferenceUpdateNotice />
        {screen}
      </main>
      {importOpen ? (
        <ImportWizard
          onClose={(changed) => {
            setImportOpen(false);
            if (changed) {
              invalidateRegisterCache();
              void app.reloadOrganisations();
              app.bumpGeneration();
            }
          }}
        />
      ) : null}
      {historyOpen ? (
        <ImportHistory
          onClose={(changed) => {
            setHistoryOpen(false);
            if (changed) {
              invalidateRegisterCache();
              void app.reloadOrganisations();
              app.bumpGeneration();
            }
          }}
        />
      ) : null}
      {exportState ? <ExportDialog scopes={exportState} onClose={() => setExportState(null)} /> : null}
      {about ? (
        <Modal
          title={t('app.name')}
          onClose={() => setAbout(false)}
          footer={
            <button type="button" className="primary" onClick={() => setAbout(false)}>
              {t('common.close')}
            </button>
          }
        >
          <p>{t('about.text')}</p>
        </Modal>
      ) : null}
    </div>
  );
}

export function download(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** First start: name the organisation, or load the demo register. */
function Welcome() {
  const app = useApp();
  const t = useT();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      invalidateRegisterCache();
      await app.reloadOrganisations();
      await app.reloadReference();
      app.bumpGeneration();
      await app.navigate({ view: 'register' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="screen">
      <div className="empty-state welcome">
        <h1>{t('empty.noOrgTitle')}</h1>
        <p>{t('empty.noOrgText')}</p>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => call('organisations/create', { organisation: { name } }));
          }}
        >
          <div className="field">
            <label htmlFor="welcome-org">{t('empty.orgName')}</label>
            <input id="welcome-org" value={name} onChange={(e) => setName(e.target.value)} required aria-invalid={error ? true : undefined} />
          </div>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {t('empty.createOrg')}
          </button>
        </form>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="or-line" aria-hidden="true" />
        <DemoButton disabled={busy} run={run} />
        <p className="hint">{t('empty.demoText')}</p>
      </div>
    </div>
  );
}

/** The breach record and the request log, beside the register. */
function RecordsNavItem() {
  const app = useApp();
  const t = useT();
  const current = app.route.view === 'records';
  // Deadlines passed: requests not answered in time, breaches past 72 hours and not notified.
  const [late, setLate] = useState(0);
  useEffect(() => {
    if (!app.orgId) return;
    void Promise.all([call('breaches/list', { organisationId: app.orgId }), call('requests/list', { organisationId: app.orgId, overdue: true })])
      .then(([b, r]) => setLate(b.filter((x) => x.deadline.state === 'overdue').length + r.length))
      .catch(() => undefined);
  }, [app.orgId, app.generation, app.route]);
  return (
    <li>
      <a
        href="#/breaches"
        aria-current={current ? 'page' : undefined}
        className={current ? 'active' : undefined}
        onClick={(e) => {
          e.preventDefault();
          void app.navigate({ view: 'records', tab: 'breaches' });
        }}
      >
        {t('records.breaches')} / {t('records.requests')}
        {late ? (
          <span className="tab-count record-late" title={t('records.overdueCount', { count: late })}>
            <span aria-hidden="true">{late}</span>
            <span className="visually-hidden">{t('records.overdueCount', { count: late })}</span>
          </span>
        ) : null}
      </a>
    </li>
  );
}
