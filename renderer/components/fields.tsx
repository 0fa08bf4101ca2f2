/** Labelled form controls. Each knows its field path, to show the API's message for that field. */
import { createContext, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { VocabularyKind } from '../../core/model/codes.js';
import { typography, useApp, useT } from '../app-context.js';
import { inLang } from '../../core/i18n/localized.js';
import { DateInput } from './date-input.js';
import { foldKey } from '../../core/text.js';

/** Field errors of the last save, keyed by path (`transfers[0].country`). */
export const ErrorsContext = createContext<Map<string, string>>(new Map());

export function useFieldError(path?: string): string | undefined {
  const errors = useContext(ErrorsContext);
  return path ? errors.get(path) : undefined;
}

interface Common {
  label: string;
  path?: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

/** A control's label, required mark, hint and error: what every field of a form shows around its control. */
export function Wrapper(props: Common & { id: string; error?: string; children: ReactNode }) {
  return (
    <div className={`field ${props.className ?? ''} ${props.error ? 'has-error' : ''}`} data-path={props.path}>
      <div className="label-row">
        <label htmlFor={props.id}>{props.label}</label>
        {props.required ? (
          <span className="req" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      {props.children}
      {props.hint ? (
        <div className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <div className="field-error" id={`${props.id}-err`} role="alert">
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;

/** What every form control carries: its id, and whether it is required, its error and hint for assistive technology. */
export const controlProps = (id: string, props: { required?: boolean; hint?: string }, error?: string) => ({
  id,
  'aria-required': props.required || undefined,
  'aria-invalid': error ? true : undefined,
  'aria-describedby': describedBy(id, props.hint, error),
});

export function TextField(
  props: Common & { value: string; onChange(v: string): void; type?: 'text' | 'email' | 'date' | 'tel'; list?: string; placeholder?: string; autoFocus?: boolean },
) {
  const id = useId();
  const error = useFieldError(props.path);
  return (
    <Wrapper {...props} id={id} error={error}>
      {props.type === 'date' ? (
        <DateInput {...controlProps(id, props, error)} required={props.required} value={props.value} autoFocus={props.autoFocus} onChange={props.onChange} />
      ) : (
        <input
          {...controlProps(id, props, error)}
          required={props.required}
          type={props.type ?? 'text'}
          value={props.value}
          list={props.list}
          placeholder={props.placeholder}
          autoFocus={props.autoFocus}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Wrapper>
  );
}

export function TextArea(props: Common & { value: string; onChange(v: string): void; rows?: number }) {
  const id = useId();
  const error = useFieldError(props.path);
  return (
    <Wrapper {...props} id={id} error={error}>
      <textarea {...controlProps(id, props, error)} required={props.required} rows={props.rows ?? 3} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </Wrapper>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: Common & { value: string; onChange(v: string): void; options: Option[]; empty?: string }) {
  const id = useId();
  const error = useFieldError(props.path);
  return (
    <Wrapper {...props} id={id} error={error}>
      <select {...controlProps(id, props, error)} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange(v: boolean): void; path?: string; hint?: string }) {
  const id = useId();
  const error = useFieldError(props.path);
  return (
    <div className={`field checkbox ${error ? 'has-error' : ''}`} data-path={props.path}>
      <input id={id} type="checkbox" checked={props.checked} aria-invalid={error ? true : undefined} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? <div className="hint">{props.hint}</div> : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

export const OTHER = '__other__';

/**
 * A controlled vocabulary with a free "other": the code is chosen from the list (labels in the UI
 * language) or left empty with a free label.
 */
export function VocabPicker(props: {
  kind: VocabularyKind;
  label: string;
  code: string;
  freeLabel: string;
  onChange(code: string, label: string): void;
  path?: string;
  labelPath?: string;
  allowOther?: boolean;
  required?: boolean;
}) {
  const { terms, lang } = useApp();
  const t = useT();
  const list = terms.get(props.kind) ?? [];
  const [forceOther, setForceOther] = useState(false);
  const hasOtherCode = list.some((x) => x.code === 'other');
  const isOther = forceOther || (!props.code && props.freeLabel !== '') || (hasOtherCode && props.code === 'other');
  const selectValue = props.code ? props.code : isOther ? OTHER : '';
  const id = useId();
  const codeError = useFieldError(props.path);
  const labelError = useFieldError(props.labelPath);
  const error = codeError ?? labelError;
  const labelOf = (code: string) => {
    const term = list.find((x) => x.code === code);
    return term ? typography(lang)(inLang(term, 'label', lang)) : '';
  };
  return (
    <div className={`field vocab ${error ? 'has-error' : ''}`} data-path={props.path ?? props.labelPath}>
      <div className="label-row">
        <label htmlFor={id}>{props.label}</label>
        {props.required ? (
          <span className="req" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      <select
        id={id}
        value={selectValue}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'other' && props.allowOther !== false) {
            setForceOther(true);
            props.onChange('other', '');
          } else if (v === OTHER) {
            setForceOther(true);
            props.onChange('', props.code ? '' : props.freeLabel);
          } else {
            setForceOther(false);
            props.onChange(v, v ? labelOf(v) : '');
          }
        }}
      >
        <option value="">{t('common.choose')}</option>
        {list.map((term) => (
          <option key={term.code} value={term.code}>
            {typography(lang)(inLang(term, 'label', lang))}
            {term.legacy ? ` (${t('ref.legacy')})` : ''}
          </option>
        ))}
        {props.allowOther !== false && !hasOtherCode ? <option value={OTHER}>{t('common.otherLabel')}</option> : null}
        {props.code && !list.some((x) => x.code === props.code) ? <option value={props.code}>{props.freeLabel || props.code}</option> : null}
      </select>
      {isOther && props.allowOther !== false && (!props.code || props.code === 'other') ? (
        <input
          className="other-input"
          aria-label={`${props.label} — ${t('common.otherLabel')}`}
          value={props.freeLabel}
          autoFocus={forceOther}
          onChange={(e) => props.onChange(props.code, e.target.value)}
        />
      ) : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** Country select, each option showing its adequacy status. */
export function CountryField(props: { label: string; value: string; onChange(code: string): void; path?: string; allowEmpty?: boolean; required?: boolean }) {
  const { countries, lang } = useApp();
  const t = useT();
  const id = useId();
  const error = useFieldError(props.path);
  const selected = countries.find((c) => c.code === props.value);
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
      <select
        id={id}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={selected ? `${id}-adq` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t('common.choose')}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {inLang(c, 'name', lang)} — {t(`adequacy.${c.adequacy}`)}
          </option>
        ))}
      </select>
      {selected ? (
        <div id={`${id}-adq`} className={`adequacy adequacy-${selected.adequacy}`}>
          {t('f.adequacyOf', { status: t(`adequacy.${selected.adequacy}`) })}
          {inLang(selected, 'adequacyScope', lang) ? ` — ${inLang(selected, 'adequacyScope', lang)}` : ''}
        </div>
      ) : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/**
 * A repeated group (a list of entries), each in its own fieldset with a remove button, and an add
 * button at the end.
 */
export function Repeated<T>(props: {
  legend: string;
  itemLabel: string;
  items: T[];
  onChange(items: T[]): void;
  make(): T;
  addLabel: string;
  path: string;
  render(item: T, update: (next: T) => void, index: number): ReactNode;
  hint?: string;
}) {
  const t = useT();
  const error = useFieldError(props.path);
  const ref = useRef<HTMLFieldSetElement>(null);
  const added = useRef(false);
  useEffect(() => {
    // After "Add", the keyboard goes to the new entry's first control.
    if (!added.current) return;
    added.current = false;
    const items = ref.current?.querySelectorAll(':scope > fieldset.item');
    items?.[items.length - 1]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [props.items.length]);
  return (
    <fieldset className="repeated" data-path={props.path} ref={ref}>
      <legend>{props.legend}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      {props.items.map((item, i) => (
        <fieldset className="item" key={i}>
          <legend className="item-legend">
            {props.itemLabel} {i + 1}
          </legend>
          <div className="item-body">{props.render(item, (next) => props.onChange(props.items.map((x, j) => (j === i ? next : x))), i)}</div>
          <button
            type="button"
            className="link danger remove"
            aria-label={t('f.remove', { what: props.itemLabel.toLowerCase(), n: i + 1 })}
            onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}
          >
            {t('common.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary add"
        onClick={() => {
          added.current = true;
          props.onChange([...props.items, props.make()]);
        }}
      >
        + {props.addLabel}
      </button>
    </fieldset>
  );
}

/** A list of plain strings (sub-purposes, sources, processing categories). */
export function StringList(props: { legend: string; itemLabel: string; addLabel: string; items: string[]; onChange(v: string[]): void; path: string; multiline?: boolean }) {
  return (
    <Repeated
      legend={props.legend}
      itemLabel={props.itemLabel}
      addLabel={props.addLabel}
      items={props.items}
      onChange={props.onChange}
      make={() => ''}
      path={props.path}
      render={(v, set, i) =>
        props.multiline ? (
          <TextArea label={`${props.itemLabel} ${i + 1}`} value={v} onChange={set} path={`${props.path}[${i}]`} rows={2} />
        ) : (
          <TextField label={`${props.itemLabel} ${i + 1}`} value={v} onChange={set} path={`${props.path}[${i}]`} />
        )
      }
    />
  );
}

/** A list of ISO country codes typed as text ("FR, US"); the text is kept as typed. */
/**
 * Countries typed as the DPO says them ("France, Inde, États-Unis"), by name in French or English
 * (or by code); shown by their names in the window's language; a name not recognised is said.
 */
export function CodesField(props: { label: string; hint?: string; value: string[]; onChange(v: string[]): void; path?: string }) {
  const app = useApp();
  const t = useT();
  const byName = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of app.countries) for (const n of [c.code, c.nameFr, c.nameEn]) if (n) m.set(foldKey(n), c.code);
    return m;
  }, [app.countries]);
  const read = (s: string) => {
    const parts = s
      .split(/[,;]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    return { codes: parts.map((p) => byName.get(foldKey(p))).filter((c): c is string => Boolean(c)), unknown: parts.filter((p) => !byName.has(foldKey(p))) };
  };
  const names = (codes: string[]) => codes.map((c) => app.countryName(c)).join(', ');
  const [raw, setRaw] = useState<string | null>(null);
  const shown = raw ?? names(props.value);
  const unknown = raw === null ? [] : read(raw).unknown;
  return (
    <>
      <TextField
        label={props.label}
        hint={props.hint}
        value={shown}
        path={props.path}
        onChange={(v) => {
          setRaw(v);
          props.onChange(read(v).codes);
        }}
      />
      {unknown.length ? (
        <div className="small field-warning" role="status">
          {t('firsthour.countryUnknown', { names: unknown.join(', ') })}
        </div>
      ) : null}
    </>
  );
}
