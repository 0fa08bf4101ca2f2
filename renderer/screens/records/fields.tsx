/** The records' own fields: date and time, a count, the linked activities, a titled group. */
import { useId, useState, type ReactNode } from 'react';
import type { ActivitySummary } from '../../../core/model/register.js';
import { useT } from '../../app-context.js';
import { controlProps, ErrorsContext, useFieldError, Wrapper } from '../../components/fields.js';
import { DateInput } from '../../components/date-input.js';

/** `2026-03-02T09:30:00.000Z` ↔ the value of a datetime-local input, in this computer's time. */
export function toLocalInput(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function DateTimeField(props: { label: string; value: string; onChange(v: string): void; path: string; required?: boolean; hint?: string }) {
  const id = useId();
  const error = useFieldError(props.path);
  return (
    <Wrapper {...props} id={id} error={error}>
      <DateInput {...controlProps(id, props, error)} withTime value={props.value} onChange={props.onChange} />
    </Wrapper>
  );
}

/** The activities a record concerns: a list with remove buttons, and a picker to add one. */
export function ActivityLinks(props: { value: number[]; onChange(v: number[]): void; activities: ActivitySummary[] }) {
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

export function Group(props: { title: string; children: ReactNode }) {
  return (
    <fieldset className="record-group">
      <legend>{props.title}</legend>
      {props.children}
    </fieldset>
  );
}

export function NumberField(props: { label: string; value: number | null; onChange(v: number | null): void; path: string }) {
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
