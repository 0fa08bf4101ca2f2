/**
 * The activity editor, in the sections of the CNIL fiche: layout and sections. Its state (load,
 * edit, dirty, save, version conflict, field errors, duplicate / retire / delete) is
 * `useActivityForm` (renderer/hooks/use-activity-form.ts); the history is beside it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActivityFields } from '../../core/model/schemas.js';
import { assessDpia } from '../../core/model/dpia.js';
import { useRecipientDirectory } from '../api/queries.js';
import { useApp, useT } from '../app-context.js';
import { useDirty } from '../hooks/use-dirty.js';
import { useActivityForm, type ActivityAction } from '../hooks/use-activity-form.js';
import { ACTIVITY_FORM } from '../hooks/activity-form-model.js';
import { ErrorsContext } from '../components/fields.js';
import { ChecksBanner } from './checks-banner.js';
import { HistoryPanel } from './history-panel.js';
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
import { EditorHeader } from './editor-parts/editor-header.js';
import { ConflictBanner, ErrorSummary } from './editor-parts/save-banners.js';
import { focusPath, SectionNav } from './editor-parts/section-nav.js';
import { SaveButton } from './editor-parts/save-button.js';
import { ConfirmAction } from './editor-parts/confirm-action.js';
import { ModelPanel, SaveAsModelButton } from './models/model-panel.js';
import { ModelsButton } from './models/models-dialog.js';
import { SignoffPanel } from './dpo/signoff-panel.js';
import { ActionDialog, type ActionSource } from './dpo/action-dialog.js';

export { emptyActivity, fieldsOf, ACTIVITY_FORM } from '../hooks/activity-form-model.js';

export function ActivityEditor(props: { id: number | 'new' }) {
  const app = useApp();
  const t = useT();
  const { state, dirty, store } = useActivityForm(props.id, ACTIVITY_FORM);
  const { activity, form, errors, summary, conflict, saving } = state;
  const [pending, setPending] = useState<ActivityAction | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const [actionFrom, setActionFrom] = useState<ActionSource | null>(null);
  const directory = useRecipientDirectory(app.generation);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  useDirty(dirty);

  // An activity opened from another organisation's register makes that organisation the current one.
  const loadedOrg = activity?.organisationId;
  useEffect(() => {
    if (loadedOrg !== undefined && loadedOrg !== app.orgId) app.setOrgId(loadedOrg);
  }, [loadedOrg]); // eslint-disable-line react-hooks/exhaustive-deps -- once per loaded activity: the switch must not reload the form

  const set = useCallback(
    <K extends keyof ActivityFields>(key: K) =>
      (value: ActivityFields[K]) =>
        store.set(key, value),
    [store],
  );

  const save = async () => {
    if (store.get().saving) return;
    const outcome = await store.save(app.orgId!);
    if ('saved' in outcome) {
      setHistoryKey((k) => k + 1);
      app.setDirty(false);
      app.notify(t('editor.savedAt', { version: outcome.saved.version }));
      if (props.id === 'new') await app.navigate({ view: 'activity', id: outcome.saved.id });
    } else if ('conflict' in outcome) setTimeout(() => conflictRef.current?.focus(), 0);
    else setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const runPending = async () => {
    const what = pending;
    setPending(null);
    if (!activity || !what) return;
    const outcome = await store.act(what);
    if ('failed' in outcome) app.notify(outcome.failed);
    if (!('done' in outcome)) return;
    if (what === 'retire' && outcome.done) {
      setHistoryKey((k) => k + 1);
      app.notify(t('editor.savedAt', { version: outcome.done.version }));
    } else {
      app.setDirty(false);
      await app.navigate(what === 'duplicate' && outcome.done ? { view: 'activity', id: outcome.done.id } : { view: 'register' });
    }
  };

  if (state.status === 'loading') return <div className="screen">{t('common.loading')}</div>;
  if (state.status === 'failed') {
    return (
      <div className="screen">
        <div className="error-box" role="alert">
          {state.loadError}
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
        <EditorHeader
          title={title}
          activity={activity}
          dirty={dirty}
          saving={saving}
          showHistory={showHistory}
          onToggleHistory={() => setShowHistory((s) => !s)}
          onAction={setPending}
        />

        {conflict ? <ConflictBanner ref={conflictRef} message={conflict} onReload={() => void store.reload()} /> : null}
        {summary ? <ErrorSummary ref={summaryRef} summary={summary} onFocus={focusPath} /> : null}
        {activity ? (
          <ChecksBanner
            activityId={activity.id}
            refreshKey={historyKey}
            onFocus={focusPath}
            action={(c, text) => (
              <button type="button" className="link make-action" onClick={() => setActionFrom({ activityId: activity.id, checkCode: c.code, checkText: text })}>
                {t('dpo.actions.fromCheck')}
              </button>
            )}
          />
        ) : null}
        {activity ? <SignoffPanel activityId={activity.id} version={activity.version} dirty={dirty} refreshKey={historyKey} onChanged={() => setHistoryKey((k) => k + 1)} /> : null}
        {activity ? (
          <ModelPanel
            activityId={activity.id}
            refreshKey={historyKey}
            dirty={dirty}
            onChanged={() => {
              void store.reload();
              setHistoryKey((k) => k + 1);
            }}
          />
        ) : (
          <div className="new-from-model">
            <ModelsButton label={t('models.ui.newFromModel')} />
          </div>
        )}

        <div className={`editor-body ${showHistory ? 'with-history' : ''}`}>
          <SectionNav />

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
              <SaveButton saving={saving} />
              {activity ? <SaveAsModelButton activityId={activity.id} disabled={dirty} /> : null}
            </div>
          </div>

          {showHistory && activity ? <HistoryPanel activityId={activity.id} refreshKey={historyKey} onClose={() => setShowHistory(false)} /> : null}
        </div>

        {actionFrom && activity ? <ActionDialog organisationId={activity.organisationId} source={actionFrom} onClose={() => setActionFrom(null)} /> : null}
        {pending ? <ConfirmAction action={pending} onCancel={() => setPending(null)} onConfirm={() => void runPending()} /> : null}
      </form>
    </ErrorsContext.Provider>
  );
}
