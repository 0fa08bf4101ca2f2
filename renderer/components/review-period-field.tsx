/** The organisation's review period (months between two reviews of an activity): review cycle, issue 16. */
import { useId } from 'react';
import { useT } from '../app-context.js';

export function ReviewPeriodField(props: { value: number; onChange(v: number): void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="field" data-path="reviewPeriodMonths">
      <div className="label-row">
        <label htmlFor={id}>{t('overview.reviewPeriod')}</label>
      </div>
      <input
        id={id}
        type="number"
        min={1}
        max={120}
        step={1}
        value={props.value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(Math.max(1, Math.min(120, Math.round(Number(e.target.value) || 12))))}
      />
      <div className="hint" id={`${id}-hint`}>
        {t('overview.reviewPeriodHint')}
      </div>
    </div>
  );
}
