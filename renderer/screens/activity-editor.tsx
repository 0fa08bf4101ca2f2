/**
 * The activity editor, in the sections of the CNIL fiche. Explicit save, unsaved-changes guard,
 * field messages from the API (`error.details[].path`), version conflicts, duplicate / retire /
 * delete with confirmation, and the activity's history.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Activity, Recipient } from '../../core/model/register.js';
import type { ActivityFields, ActivityRecipient, ClientController, DataCategory, JointController, RetentionRule, Transfer } from '../../core/model/schemas.js';
import { assessDpia, EMPTY_DPIA } from '../../core/model/dpia.js';
import { ApiCallError, call } from '../api/client.js';
import { useApp, useT, type Translate } from '../app-context.js';
import { CheckboxField, CodesField, CountryField, ErrorsContext, Repeated, SelectField, StringList, TextArea, TextField, VocabPicker } from '../components/fields.js';
import { ConfirmDialog } from '../components/modal.js';
import { ChecksBanner } from './checks-banner.js';
import { DestinationField, DpiaDecisions } from './legal-fields.js';
import { HistoryPanel } from './history-panel.js';
import { formatDate, invalidateRegisterCache } from './register-view.js';

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

const emptyContact = () => ({ name: '', firstName: '', company: '', address: '', postalCode: '', city: '', country: '', phone: '', email: '' });

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
  const [summary, setSummary] = useState<{ message: string; issues: { path: string; message: string }[] } | null>(null);
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
  }, [props.id]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    call('recipients/list', {})
      .then(setDirectory)
      .catch(() => undefined);
  }, [app.generation, historyKey]);

  const dirty = useMemo(() => JSON.stringify(form) !== initial, [form, initial]);
  useEffect(() => {
    app.setDirty(dirty);
  }, [dirty]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => app.setDirty(false), []); // eslint-disable-line react-hooks/exhaustive-deps

  const set = <K extends keyof ActivityFields>(key: K) => (value: ActivityFields[K]) => setForm((f) => ({ ...f, [key]: value }));

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
                      {i.path}
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
            <Section id="identification" title={sectionTitle('identification')}>
              <div className="grid-2">
                <TextField label={t('f.ref')} value={form.ref} onChange={set('ref')} path="ref" hint={t('f.refHint')} />
                <TextField label={t('f.name')} value={form.name} onChange={set('name')} path="name" required autoFocus={props.id === 'new'} />
                <SelectField
                  label={t('f.role')}
                  value={form.role}
                  onChange={(v) => set('role')(v as ActivityFields['role'])}
                  path="role"
                  options={(['controller', 'joint_controller', 'processor'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))}
                />
                <SelectField
                  label={t('f.status')}
                  value={form.status}
                  onChange={(v) => set('status')(v as ActivityFields['status'])}
                  path="status"
                  options={(['draft', 'active', 'retired'] as const).map((r) => ({ value: r, label: t(`status.${r}`) }))}
                />
                <TextField label={t('f.department')} value={form.department} onChange={set('department')} path="department" list="departments" />
                <TextField label={t('f.owner')} value={form.owner} onChange={set('owner')} path="owner" />
              </div>
              <Departments />
              <TextArea label={t('f.description')} value={form.description} onChange={set('description')} path="description" />
            </Section>

            <Section id="actors" title={sectionTitle('actors')}>
              <div className="readonly-block">
                <div className="label">{t('f.controller')}</div>
                <div>
                  <strong>{org?.name}</strong>
                  {org ? ` — ${[org.address, org.postalCode, org.city].filter(Boolean).join(' ')}` : ''}
                  {org?.dpo ? (
                    <div className="muted">
                      {t('org.dpo')}: {[org.dpo.firstName, org.dpo.name].filter(Boolean).join(' ')} {org.dpo.email ? `<${org.dpo.email}>` : ''}
                    </div>
                  ) : null}
                </div>
                <div className="hint">{t('f.controllerHint')}</div>
              </div>
              {form.role === 'joint_controller' || form.jointControllers.length ? (
                <Repeated<JointController>
                  legend={t('f.jointControllers')}
                  itemLabel={t('f.jointController')}
                  addLabel={t('f.addJointController')}
                  items={form.jointControllers}
                  onChange={set('jointControllers')}
                  make={() => ({ ...emptyContact(), responsibilities: '' })}
                  path="jointControllers"
                  render={(jc, upd, i) => (
                    <>
                      <ContactFields value={jc} onChange={(c) => upd({ ...jc, ...c })} path={`jointControllers[${i}]`} t={t} />
                      <TextArea label={t('f.responsibilities')} value={jc.responsibilities} onChange={(v) => upd({ ...jc, responsibilities: v })} path={`jointControllers[${i}].responsibilities`} />
                    </>
                  )}
                />
              ) : null}
              {form.role === 'processor' || form.clients.length ? (
                <Repeated<ClientController>
                  legend={t('f.clients')}
                  itemLabel={t('f.client')}
                  addLabel={t('f.addClient')}
                  items={form.clients}
                  onChange={set('clients')}
                  make={() => ({ ...emptyContact(), representative: '', dpo: '', processingCategories: [] })}
                  path="clients"
                  render={(c, upd, i) => (
                    <>
                      <ContactFields value={c} onChange={(x) => upd({ ...c, ...x })} path={`clients[${i}]`} t={t} />
                      <div className="grid-2">
                        <TextField label={t('f.clientRepresentative')} value={c.representative} onChange={(v) => upd({ ...c, representative: v })} path={`clients[${i}].representative`} />
                        <TextField label={t('f.clientDpo')} value={c.dpo} onChange={(v) => upd({ ...c, dpo: v })} path={`clients[${i}].dpo`} />
                      </div>
                      <StringList
                        legend={t('f.processingCategories')}
                        itemLabel={t('f.processingCategory')}
                        addLabel={t('f.addProcessingCategory')}
                        items={c.processingCategories}
                        onChange={(v) => upd({ ...c, processingCategories: v })}
                        path={`clients[${i}].processingCategories`}
                      />
                    </>
                  )}
                />
              ) : null}
            </Section>

            <Section id="purposes" title={sectionTitle('purposes')}>
              <TextArea label={t('f.purpose')} value={form.purpose} onChange={set('purpose')} path="purpose" required />
              <StringList legend={t('f.subPurposes')} itemLabel={t('f.subPurpose')} addLabel={t('f.addSubPurpose')} items={form.subPurposes} onChange={set('subPurposes')} path="subPurposes" multiline />
            </Section>

            <Section id="subjects" title={sectionTitle('subjects')}>
              <Repeated
                legend={t('f.dataSubjects')}
                itemLabel={t('f.dataSubject')}
                addLabel={t('f.addDataSubject')}
                items={form.dataSubjects}
                onChange={set('dataSubjects')}
                make={() => ({ code: '', label: '', precision: '', volume: '' })}
                path="dataSubjects"
                render={(s, upd, i) => (
                  <div className="grid-3">
                    <VocabPicker
                      kind="data_subject_category"
                      label={t('f.dataSubject')}
                      code={s.code}
                      freeLabel={s.label}
                      onChange={(code, label) => upd({ ...s, code, label })}
                      path={`dataSubjects[${i}].code`}
                      labelPath={`dataSubjects[${i}].label`}
                      required
                    />
                    <TextField label={t('f.precision')} value={s.precision} onChange={(v) => upd({ ...s, precision: v })} path={`dataSubjects[${i}].precision`} />
                    <TextField label={t('f.volume')} value={s.volume} onChange={(v) => upd({ ...s, volume: v })} path={`dataSubjects[${i}].volume`} />
                  </div>
                )}
              />
              <Repeated<DataCategory>
                legend={t('f.dataCategories')}
                itemLabel={t('f.dataCategory')}
                addLabel={t('f.addDataCategory')}
                items={form.dataCategories}
                onChange={set('dataCategories')}
                make={() => ({ code: '', label: '', description: '', special: false })}
                path="dataCategories"
                render={(c, upd, i) => (
                  <>
                    <div className="grid-2">
                      <VocabPicker
                        kind="data_category"
                        label={t('f.dataCategory')}
                        code={c.code}
                        freeLabel={c.label}
                        onChange={(code, label) => {
                          const term = app.terms.get('data_category')?.find((x) => x.code === code);
                          upd({ ...c, code, label, special: term ? term.special : c.special });
                        }}
                        path={`dataCategories[${i}].code`}
                        labelPath={`dataCategories[${i}].label`}
                        required
                      />
                      <TextField label={t('f.precision')} value={c.description} onChange={(v) => upd({ ...c, description: v })} path={`dataCategories[${i}].description`} />
                    </div>
                    <CheckboxField label={t('f.special')} checked={c.special} onChange={(v) => upd({ ...c, special: v })} path={`dataCategories[${i}].special`} />
                  </>
                )}
              />
              <Repeated<RetentionRule>
                legend={t('f.retention')}
                itemLabel={t('f.retentionRule')}
                addLabel={t('f.addRetention')}
                items={form.retention}
                onChange={set('retention')}
                make={() => ({ dataCategory: '', text: '', duration: '', trigger: '', activePeriod: '', archivePeriod: '', finalFate: null })}
                path="retention"
                render={(r, upd, i) => (
                  <>
                    <div className="grid-2">
                      <SelectField
                        label={t('f.retentionCategory')}
                        value={r.dataCategory}
                        onChange={(v) => upd({ ...r, dataCategory: v })}
                        path={`retention[${i}].dataCategory`}
                        options={[
                          { value: '', label: t('f.retentionWhole') },
                          ...[...new Set([...form.dataCategories.map((c) => c.label).filter(Boolean), ...(r.dataCategory ? [r.dataCategory] : [])])].map((l) => ({ value: l, label: l })),
                        ]}
                      />
                      <TextField label={t('f.retentionText')} value={r.text} onChange={(v) => upd({ ...r, text: v })} path={`retention[${i}].text`} required />
                    </div>
                    <div className="grid-3">
                      <TextField label={t('f.duration')} value={r.duration} onChange={(v) => upd({ ...r, duration: v })} path={`retention[${i}].duration`} />
                      <TextField label={t('f.trigger')} value={r.trigger} onChange={(v) => upd({ ...r, trigger: v })} path={`retention[${i}].trigger`} />
                      <SelectField
                        label={t('f.finalFate')}
                        value={r.finalFate ?? ''}
                        onChange={(v) => upd({ ...r, finalFate: (v || null) as RetentionRule['finalFate'] })}
                        path={`retention[${i}].finalFate`}
                        empty={t('common.none')}
                        options={(['delete', 'anonymise', 'archive', 'sort', 'deposit'] as const).map((x) => ({ value: x, label: x === 'sort' || x === 'deposit' ? t(`legal.fate.${x}`) : t(`fate.${x}`) }))}
                      />
                      <TextField label={t('f.activePeriod')} value={r.activePeriod} onChange={(v) => upd({ ...r, activePeriod: v })} path={`retention[${i}].activePeriod`} />
                      <TextField label={t('f.archivePeriod')} value={r.archivePeriod} onChange={(v) => upd({ ...r, archivePeriod: v })} path={`retention[${i}].archivePeriod`} />
                    </div>
                  </>
                )}
              />
              <StringList legend={t('f.dataSources')} itemLabel={t('f.dataSource')} addLabel={t('f.addDataSource')} items={form.dataSources} onChange={set('dataSources')} path="dataSources" />
            </Section>

            <Section id="legal" title={sectionTitle('legal')}>
              <Repeated
                legend={t('f.legalBases')}
                itemLabel={t('f.legalBasis')}
                addLabel={t('f.addLegalBasis')}
                items={form.legalBases}
                onChange={set('legalBases')}
                make={() => ({ code: 'to_be_determined' as const, justification: '' })}
                path="legalBases"
                render={(b, upd, i) => (
                  <div className="grid-2">
                    <VocabPicker
                      kind="legal_basis"
                      label={t('f.legalBasis')}
                      code={b.code}
                      freeLabel=""
                      allowOther={false}
                      onChange={(code) => upd({ ...b, code: (code || 'to_be_determined') as typeof b.code })}
                      path={`legalBases[${i}].code`}
                    />
                    <TextArea label={t('f.justification')} value={b.justification} onChange={(v) => upd({ ...b, justification: v })} path={`legalBases[${i}].justification`} rows={2} />
                  </div>
                )}
              />
              {hasSpecial || form.art9Conditions.length ? (
                <Repeated
                  legend={t('f.art9')}
                  hint={hasSpecial ? t('f.art9Hint') : undefined}
                  itemLabel={t('f.art9Condition')}
                  addLabel={t('f.addArt9')}
                  items={form.art9Conditions}
                  onChange={set('art9Conditions')}
                  make={() => ({ code: 'explicit_consent' as const, justification: '' })}
                  path="art9Conditions"
                  render={(b, upd, i) => (
                    <div className="grid-2">
                      <VocabPicker
                        kind="art9_condition"
                        label={t('f.art9Condition')}
                        code={b.code}
                        freeLabel=""
                        allowOther={false}
                        onChange={(code) => upd({ ...b, code: (code || 'explicit_consent') as typeof b.code })}
                        path={`art9Conditions[${i}].code`}
                      />
                      <TextArea label={t('f.justification')} value={b.justification} onChange={(v) => upd({ ...b, justification: v })} path={`art9Conditions[${i}].justification`} rows={2} />
                    </div>
                  )}
                />
              ) : null}
              <TextArea label={t('f.criminalDataBasis')} value={form.criminalDataBasis} onChange={set('criminalDataBasis')} path="criminalDataBasis" rows={2} />
            </Section>

            <Section id="recipients" title={sectionTitle('recipients')}>
              <Repeated<ActivityRecipient>
                legend={t('f.recipients')}
                itemLabel={t('f.recipient')}
                addLabel={t('f.addRecipient')}
                items={form.recipients}
                onChange={set('recipients')}
                make={() => ({ name: '', role: '', precision: '' })}
                path="recipients"
                render={(r, upd, i) => <RecipientItem r={r} upd={upd} i={i} directory={directory} />}
              />
            </Section>

            <Section id="transfers" title={sectionTitle('transfers')}>
              <datalist id="recipient-names">
                {[...new Set([...form.recipients.map((r) => r.name), ...directory.map((r) => r.name)])].filter(Boolean).map((n) => (
                  <option key={n} value={n} />
                ))}
              </datalist>
              <Repeated<Transfer>
                legend={t('f.transfers')}
                itemLabel={t('f.transfer')}
                addLabel={t('f.addTransfer')}
                items={form.transfers}
                onChange={set('transfers')}
                make={() => ({ recipient: '', country: '', safeguard: null, derogation: null, documentation: '', tiaRef: '' })}
                path="transfers"
                render={(x, upd, i) => (
                  <>
                    <div className="grid-2">
                      <TextField label={t('f.transferRecipient')} value={x.recipient} onChange={(v) => upd({ ...x, recipient: v })} path={`transfers[${i}].recipient`} list="recipient-names" required />
                      <DestinationField value={x.country} onChange={(v) => upd({ ...x, country: v })} path={`transfers[${i}].country`} />
                      <VocabPicker
                        kind="transfer_safeguard"
                        label={t('f.safeguard')}
                        code={x.safeguard ?? ''}
                        freeLabel=""
                        allowOther={false}
                        onChange={(code) => upd({ ...x, safeguard: (code || null) as Transfer['safeguard'], derogation: code === 'derogation' ? x.derogation : null })}
                        path={`transfers[${i}].safeguard`}
                      />
                      {x.safeguard === 'derogation' ? (
                        <VocabPicker
                          kind="art49_derogation"
                          label={t('f.derogation')}
                          code={x.derogation ?? ''}
                          freeLabel=""
                          allowOther={false}
                          onChange={(code) => upd({ ...x, derogation: (code || null) as Transfer['derogation'] })}
                          path={`transfers[${i}].derogation`}
                        />
                      ) : null}
                    </div>
                    <TextField label={t('f.documentation')} value={x.documentation} onChange={(v) => upd({ ...x, documentation: v })} path={`transfers[${i}].documentation`} />
                    <TextField label={t('legal.tiaRef')} value={x.tiaRef} onChange={(v) => upd({ ...x, tiaRef: v })} path={`transfers[${i}].tiaRef`} />
                  </>
                )}
              />
            </Section>

            <Section id="security" title={sectionTitle('security')}>
              <Repeated
                legend={t('f.securityMeasures')}
                itemLabel={t('f.securityMeasure')}
                addLabel={t('f.addSecurityMeasure')}
                items={form.securityMeasures}
                onChange={set('securityMeasures')}
                make={() => ({ type: 'access_control' as const, precision: '' })}
                path="securityMeasures"
                render={(m, upd, i) => (
                  <div className="grid-2">
                    <VocabPicker
                      kind="security_measure_type"
                      label={t('f.securityType')}
                      code={m.type}
                      freeLabel=""
                      allowOther={false}
                      onChange={(code) => upd({ ...m, type: (code || 'other') as typeof m.type })}
                      path={`securityMeasures[${i}].type`}
                    />
                    <TextField label={t('f.precision')} value={m.precision} onChange={(v) => upd({ ...m, precision: v })} path={`securityMeasures[${i}].precision`} />
                  </div>
                )}
              />
              <TextArea label={t('f.securityNotes')} value={form.securityNotes} onChange={set('securityNotes')} path="securityNotes" rows={2} />
            </Section>

            <Section id="dpia" title={sectionTitle('dpia')}>
              <fieldset className="checks" data-path="dpia.criteria">
                <legend>{t('f.dpiaCriteria')}</legend>
                {(app.terms.get('dpia_criterion') ?? []).map((c) => (
                  <CheckboxField
                    key={c.code}
                    label={app.lang === 'fr' ? c.labelFr : c.labelEn}
                    checked={form.dpia.criteria.includes(c.code as never)}
                    onChange={(on) =>
                      set('dpia')({ ...form.dpia, criteria: on ? [...form.dpia.criteria, c.code as never] : form.dpia.criteria.filter((x) => x !== c.code) })
                    }
                  />
                ))}
              </fieldset>
              <fieldset className="checks" data-path="dpia.art35Cases">
                <legend>{t('f.art35Cases')}</legend>
                {(app.terms.get('art35_case') ?? []).map((c) => (
                  <CheckboxField
                    key={c.code}
                    label={app.lang === 'fr' ? c.labelFr : c.labelEn}
                    checked={form.dpia.art35Cases.includes(c.code as never)}
                    onChange={(on) =>
                      set('dpia')({ ...form.dpia, art35Cases: on ? [...form.dpia.art35Cases, c.code as never] : form.dpia.art35Cases.filter((x) => x !== c.code) })
                    }
                  />
                ))}
              </fieldset>
              <p className={`suggestion ${dpia.suggested ? 'warn' : ''}`} role="status">
                {form.dpia.art35Cases.length
                  ? t('f.dpiaSuggestedCase')
                  : dpia.suggested
                    ? t('f.dpiaSuggested', { n: new Set(form.dpia.criteria).size })
                    : t('f.dpiaNotSuggested', { n: new Set(form.dpia.criteria).size })}
              </p>
              <CheckboxField
                label={t('f.dpiaOverride')}
                checked={form.dpia.override !== null}
                onChange={(on) => set('dpia')({ ...form.dpia, override: on ? { required: !dpia.suggested, justification: '' } : null })}
                path="dpia.override"
              />
              {form.dpia.override ? (
                <div className="indent">
                  <CheckboxField
                    label={t('f.dpiaOverrideRequired')}
                    checked={form.dpia.override.required}
                    onChange={(v) => set('dpia')({ ...form.dpia, override: { ...form.dpia.override!, required: v } })}
                    path="dpia.override.required"
                  />
                  <TextArea
                    label={t('f.dpiaOverrideJustification')}
                    value={form.dpia.override.justification}
                    onChange={(v) => set('dpia')({ ...form.dpia, override: { ...form.dpia.override!, justification: v } })}
                    path="dpia.override.justification"
                    required
                    rows={2}
                  />
                </div>
              ) : null}
              <p className="outcome">
                <strong>{t('f.dpiaResult', { required: dpia.required ? t('f.dpiaRequiredWord') : t('f.dpiaNotRequiredWord') })}</strong>
              </p>
              <div className="grid-3">
                <SelectField
                  label={t('f.dpiaStatus')}
                  value={form.dpia.status}
                  onChange={(v) => set('dpia')({ ...form.dpia, status: v as ActivityFields['dpia']['status'] })}
                  path="dpia.status"
                  options={(['not_assessed', 'not_required', 'planned', 'in_progress', 'completed'] as const).map((s) => ({ value: s, label: t(`dpiaStatus.${s}`) }))}
                />
                <TextField label={t('f.dpiaDate')} type="date" value={form.dpia.date} onChange={(v) => set('dpia')({ ...form.dpia, date: v })} path="dpia.date" />
                <TextField label={t('f.dpiaLink')} value={form.dpia.link} onChange={(v) => set('dpia')({ ...form.dpia, link: v })} path="dpia.link" />
              </div>
              <DpiaDecisions dpia={form.dpia} onChange={set('dpia')} />
            </Section>

            <Section id="other" title={sectionTitle('other')}>
              <CheckboxField
                label={t('f.automatedDecision')}
                checked={form.automatedDecision.exists}
                onChange={(v) => set('automatedDecision')({ ...form.automatedDecision, exists: v })}
                path="automatedDecision.exists"
              />
              {form.automatedDecision.exists || form.automatedDecision.description ? (
                <TextArea
                  label={t('f.automatedDescription')}
                  value={form.automatedDecision.description}
                  onChange={(v) => set('automatedDecision')({ ...form.automatedDecision, description: v })}
                  path="automatedDecision.description"
                  rows={2}
                />
              ) : null}
              <Repeated
                legend={t('f.systems')}
                itemLabel={t('f.system')}
                addLabel={t('f.addSystem')}
                items={form.systems}
                onChange={set('systems')}
                make={() => ({ name: '', hosting: '', country: '' })}
                path="systems"
                render={(s, upd, i) => (
                  <div className="grid-3">
                    <TextField label={t('f.systemName')} value={s.name} onChange={(v) => upd({ ...s, name: v })} path={`systems[${i}].name`} required />
                    <TextField label={t('f.hosting')} value={s.hosting} onChange={(v) => upd({ ...s, hosting: v })} path={`systems[${i}].hosting`} />
                    <CountryField label={t('f.country')} value={s.country} onChange={(v) => upd({ ...s, country: v })} path={`systems[${i}].country`} />
                  </div>
                )}
              />
              <TextArea label={t('f.rights')} value={form.rights} onChange={set('rights')} path="rights" rows={2} />
              <TextField label={t('f.consentRecords')} value={form.consentRecords} onChange={set('consentRecords')} path="consentRecords" />
              <TextArea label={t('f.breaches')} value={form.breaches} onChange={set('breaches')} path="breaches" rows={2} />
            </Section>

            <Section id="dates" title={sectionTitle('dates')}>
              <div className="grid-3">
                <TextField label={t('f.lastReviewedAt')} type="date" value={form.lastReviewedAt} onChange={set('lastReviewedAt')} path="lastReviewedAt" />
                {activity ? (
                  <>
                    <div className="readonly-field">
                      <div className="label">{t('f.createdAt')}</div>
                      <div>{formatDate(activity.createdAt, app.lang)}</div>
                    </div>
                    <div className="readonly-field">
                      <div className="label">{t('f.updatedAt')}</div>
                      <div>{formatDate(activity.updatedAt, app.lang)}</div>
                    </div>
                  </>
                ) : null}
              </div>
            </Section>
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

function Section(props: { id: SectionId; title: string; children: ReactNode }) {
  return (
    <section id={`sec-${props.id}`} className="section" aria-labelledby={`sec-${props.id}-h`}>
      <h2 id={`sec-${props.id}-h`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function Departments() {
  const app = useApp();
  const [list, setList] = useState<string[]>([]);
  useEffect(() => {
    call('activities/departments', { organisationId: app.orgId ?? undefined })
      .then(setList)
      .catch(() => undefined);
  }, [app.orgId]);
  return (
    <datalist id="departments">
      {list.map((d) => (
        <option key={d} value={d} />
      ))}
    </datalist>
  );
}

function ContactFields(props: { value: { name: string; firstName: string; company: string; address: string; postalCode: string; city: string; country: string; phone: string; email: string }; onChange(v: Partial<typeof props.value>): void; path: string; t: Translate }) {
  const { value: c, onChange, path, t } = props;
  return (
    <div className="grid-3">
      <TextField label={t('f.contactName')} value={c.name} onChange={(v) => onChange({ name: v })} path={`${path}.name`} />
      <TextField label={t('f.firstName')} value={c.firstName} onChange={(v) => onChange({ firstName: v })} path={`${path}.firstName`} />
      <TextField label={t('f.company')} value={c.company} onChange={(v) => onChange({ company: v })} path={`${path}.company`} />
      <TextField label={t('f.address')} value={c.address} onChange={(v) => onChange({ address: v })} path={`${path}.address`} />
      <TextField label={t('f.postalCode')} value={c.postalCode} onChange={(v) => onChange({ postalCode: v })} path={`${path}.postalCode`} />
      <TextField label={t('f.city')} value={c.city} onChange={(v) => onChange({ city: v })} path={`${path}.city`} />
      <TextField label={t('f.country')} value={c.country} onChange={(v) => onChange({ country: v })} path={`${path}.country`} />
      <TextField label={t('f.phone')} type="tel" value={c.phone} onChange={(v) => onChange({ phone: v })} path={`${path}.phone`} />
      <TextField label={t('f.email')} type="email" value={c.email} onChange={(v) => onChange({ email: v })} path={`${path}.email`} />
    </div>
  );
}

const NEW = '__new__';

/** A recipient: picked from the directory, or created inline (added to the directory on save). */
function RecipientItem(props: { r: ActivityRecipient; upd(next: ActivityRecipient): void; i: number; directory: Recipient[] }) {
  const { r, upd, i, directory } = props;
  const t = useT();
  const app = useApp();
  const [creating, setCreating] = useState(!r.recipientId && r.name !== '');
  const entry = r.recipientId ? directory.find((d) => d.id === r.recipientId) : undefined;
  const value = r.recipientId ? String(r.recipientId) : creating ? NEW : '';
  return (
    <>
      <div className="grid-2">
        <SelectField
          label={t('f.recipientFromDirectory')}
          value={value}
          path={`recipients[${i}].recipientId`}
          empty={t('common.choose')}
          onChange={(v) => {
            if (v === NEW) {
              setCreating(true);
              upd({ name: '', type: 'other', countries: [], role: r.role, precision: r.precision });
            } else if (v) {
              setCreating(false);
              const d = directory.find((x) => x.id === Number(v));
              upd({ recipientId: Number(v), name: d?.name ?? '', role: r.role, precision: r.precision });
            } else {
              setCreating(false);
              upd({ name: '', role: r.role, precision: r.precision });
            }
          }}
          options={[...directory.map((d) => ({ value: String(d.id), label: `${d.name} — ${app.termLabel('recipient_type', d.type)}` })), { value: NEW, label: t('f.newRecipient') }]}
        />
        <TextField label={t('f.recipientRole')} value={r.role} onChange={(v) => upd({ ...r, role: v })} path={`recipients[${i}].role`} />
      </div>
      {entry ? (
        <p className="hint">
          {app.termLabel('recipient_type', entry.type)}
          {entry.countries.length ? ` · ${entry.countries.map((c) => app.countryName(c)).join(', ')}` : ''}
          {entry.contractRef ? ` · ${entry.contractRef}` : ''}
        </p>
      ) : null}
      {creating && !r.recipientId ? (
        <div className="grid-3 indent">
          <TextField label={t('f.newRecipientName')} value={r.name} onChange={(v) => upd({ ...r, name: v })} path={`recipients[${i}].name`} required />
          <VocabPicker kind="recipient_type" label={t('f.recipientType')} code={r.type ?? 'other'} freeLabel="" allowOther={false} onChange={(code) => upd({ ...r, type: (code || 'other') as ActivityRecipient['type'] })} path={`recipients[${i}].type`} />
          <CodesField label={t('f.countries')} hint={t('f.countriesHint')} value={r.countries ?? []} onChange={(v) => upd({ ...r, countries: v })} path={`recipients[${i}].countries`} />
        </div>
      ) : null}
      <TextField label={t('f.precision')} value={r.precision} onChange={(v) => upd({ ...r, precision: v })} path={`recipients[${i}].precision`} />
    </>
  );
}
