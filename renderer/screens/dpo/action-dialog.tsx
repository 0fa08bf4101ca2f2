/** A point to review (or a free note) made an action of the plan: title, owner, due date, priority, note (issue 25). */
import { useState } from 'react';
import type { Action } from '../../../core/dpo/actions.js';
import { ApiCallError, call } from '../../api/client.js';
import { invalidateAfterWrite } from '../../api/queries.js';
import { useApp, useT } from '../../app-context.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { FormModal } from '../../components/modal.js';

export interface ActionSource {
  activityId: number | null;
  /** The point to review's code and its text in the DPO's language. */
  checkCode?: string;
  checkText?: string;
}

export function ActionDialog(props: { organisationId: number; source: ActionSource; onClose(): void; onCreated?(a: Action): void }) {
  const app = useApp();
  const t = useT();
  const [form, setForm] = useState({ title: props.source.checkText ?? '', owner: '', dueOn: '', priority: 'medium', note: '' });
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const save = async () => {
    try {
      const created = await call('actions/create', {
        organisationId: props.organisationId,
        action: { ...form, activityId: props.source.activityId, checkCode: props.source.checkCode ?? '' },
      });
      await invalidateAfterWrite();
      app.notify(t('dpo.actions.created', { ref: created.ref }));
      props.onCreated?.(created);
      props.onClose();
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(new Map(e.details.map((d) => [d.path.replace(/^action\./, ''), d.message])));
      setMessage((e as Error).message);
    }
  };
  return (
    <FormModal
      title={t('dpo.actions.new')}
      cancelLabel={t('common.cancel')}
      saveLabel={t('dpo.actions.create')}
      errors={errors}
      message={message}
      onSave={() => void save()}
      onClose={props.onClose}
    >
      {props.source.checkText ? (
        <p className="muted">
          {t('dpo.action.point')}
          {t('firsthour.colon')}
          {props.source.checkText}
        </p>
      ) : null}
      <TextField label={t('dpo.action.title')} value={form.title} onChange={set('title')} path="title" required autoFocus />
      <TextField label={t('dpo.action.owner')} value={form.owner} onChange={set('owner')} path="owner" />
      <TextField label={t('dpo.action.dueOn')} type="date" value={form.dueOn} onChange={set('dueOn')} path="dueOn" />
      <SelectField
        label={t('dpo.action.priority')}
        value={form.priority}
        onChange={set('priority')}
        path="priority"
        options={(['high', 'medium', 'low'] as const).map((p) => ({ value: p, label: t(`dpo.priority.${p}`) }))}
      />
      <TextArea label={t('dpo.action.note')} value={form.note} onChange={set('note')} path="note" />
    </FormModal>
  );
}

/** Closing an action: done or dropped, saying what was done (the history keeps it). */
export function CloseActionDialog(props: { action: Action; onClose(): void; onClosed?(a: Action): void }) {
  const app = useApp();
  const t = useT();
  const [state, setState] = useState<'done' | 'dropped'>('done');
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    if (!outcome.trim()) {
      setErrors(new Map([['outcome', t('dpo.error.outcomeRequired')]]));
      setMessage(null);
      return;
    }
    try {
      const closed = await call('actions/close', { id: props.action.id, version: props.action.version, state, outcome });
      await invalidateAfterWrite();
      app.notify(t('dpo.actions.closed', { ref: closed.ref }));
      props.onClosed?.(closed);
      props.onClose();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <FormModal
      title={t('dpo.actions.closeTitle', { ref: props.action.ref })}
      cancelLabel={t('common.cancel')}
      saveLabel={t('dpo.actions.closeConfirm')}
      errors={errors}
      message={message}
      onSave={() => void save()}
      onClose={props.onClose}
    >
      <p>{props.action.title}</p>
      <SelectField
        label={t('dpo.action.state')}
        value={state}
        onChange={(v) => setState(v as 'done' | 'dropped')}
        options={(['done', 'dropped'] as const).map((s) => ({ value: s, label: t(`dpo.state.${s}`) }))}
      />
      <TextArea label={t('dpo.action.outcome')} value={outcome} onChange={setOutcome} path="outcome" required />
    </FormModal>
  );
}
