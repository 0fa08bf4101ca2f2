/** The export dialog's choice of the register of today or as it stood at the end of a past day (issue 16). */
import { useId } from 'react';
import { useT } from '../app-context.js';
import { DateInput } from './date-input.js';

export function AsOfChoice(props: { value: string; onChange(v: string): void }) {
  const t = useT();
  const id = useId();
  const today = new Date().toISOString().slice(0, 10);
  const past = props.value !== '';
  return (
    <fieldset className="radios as-of-choice">
      <legend>{t('overview.asOf')}</legend>
      <label className="check">
        <input type="radio" name={`${id}-as-of`} checked={!past} onChange={() => props.onChange('')} />
        {t('overview.asOfToday')}
      </label>
      <label className="check">
        <input type="radio" name={`${id}-as-of`} checked={past} onChange={() => props.onChange(props.value || today)} />
        {t('overview.asOfDate')}
      </label>
      {past ? (
        <div className="field">
          <label htmlFor={`${id}-date`} className="visually-hidden">
            {t('overview.asOfDate')}
          </label>
          <DateInput id={`${id}-date`} value={props.value} aria-describedby={`${id}-hint`} onChange={(v) => props.onChange(v && v > today ? today : v)} />
          <div className="hint" id={`${id}-hint`}>
            {t('overview.asOfHint')}
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
