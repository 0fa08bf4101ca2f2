/**
 * Dates and times typed as the DPO writes them (12/05/2026, 12/05/2026 11:30), never the browser's
 * own date picker, whose words and order follow the browser's language rather than the app's. The
 * value stays the register's (2026-05-12, 2026-05-12T11:30); an ISO date typed or pasted is read too.
 */
import { useState, type InputHTMLAttributes } from 'react';
import { useT } from '../app-context.js';

const p2 = (n: number) => String(n).padStart(2, '0');

/** `2026-05-12` or `2026-05-12T11:30` → `12/05/2026` or `12/05/2026 11:30`. */
export function formatDateInput(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}

/** What the DPO typed → the register's value; '' when empty, null when not a date (or without the time a date-time needs). */
export function parseDateInput(text: string, withTime: boolean): string | null {
  const s = text.trim();
  if (!s) return '';
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0;
  let time = false;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,à]+(\d{1,2})[:h](\d{2})?)?$/.exec(s);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) [h, mi, time] = [Number(iso[4]), Number(iso[5]), true];
  } else if (dmy) {
    [d, mo, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    if (dmy[4] !== undefined) [h, mi, time] = [Number(dmy[4]), Number(dmy[5] ?? 0), true];
  } else return null;
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || h > 23 || mi > 59) return null;
  const day = `${y}-${p2(mo)}-${p2(d)}`;
  if (!withTime) return day;
  return `${day}T${p2(time ? h : 0)}:${p2(time ? mi : 0)}`;
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange(value: string): void;
  /** A date and a time (`YYYY-MM-DDTHH:mm`) rather than a date. */
  withTime?: boolean;
};

/** A text input for a date (or a date and time) in the DPO's format, with the format as placeholder. */
export function DateInput({ value, onChange, withTime = false, ...rest }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? value : parseDateInput(draft, withTime);
  const wrong = draft !== null && parsed === null;
  const format = withTime ? t('firsthour.dateTimeFormat') : t('firsthour.dateFormat');
  const wrongId = `${rest.id ?? 'date'}-wrong`;
  return (
    <>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={`date-input${withTime ? ' with-time' : ''} ${rest.className ?? ''}`}
        placeholder={format}
        aria-invalid={wrong || rest['aria-invalid'] ? true : undefined}
        aria-describedby={[rest['aria-describedby'], wrong ? wrongId : ''].filter(Boolean).join(' ') || undefined}
        value={draft ?? formatDateInput(value)}
        onChange={(e) => {
          setDraft(e.target.value);
          const v = parseDateInput(e.target.value, withTime);
          if (v !== null && v !== value) onChange(v);
        }}
        onBlur={(e) => {
          if (parseDateInput(draft ?? '', withTime) !== null) setDraft(null);
          rest.onBlur?.(e);
        }}
      />
      {wrong ? (
        <div className="field-error" id={wrongId} role="status">
          {t('firsthour.dateWrong', { format })}
        </div>
      ) : null}
    </>
  );
}
