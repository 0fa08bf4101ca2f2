/**
 * The retention rule's wording, duration and starting event in the activity editor, read with the
 * import's normalisers: typing "3 ans à compter du départ" fills the duration (shown "3 ans", never
 * "P3Y") and the trigger ("départ"); text that says neither gets a warning.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { durationFromWords, durationInWords } from '../../core/import/normalise/duration-words.js';
import { parseRetention } from '../../core/import/normalise/retention.js';
import type { RetentionRule } from '../../core/model/schemas.js';
import { useApp } from '../app-context.js';
import { TextField } from '../components/fields.js';

/** Reads a rule's wording into its duration, trigger and periods. */
export function readRetentionText(r: RetentionRule, text: string): RetentionRule {
  const p = parseRetention(text);
  if (!p.understood) return { ...r, text };
  return {
    ...r,
    text,
    duration: p.duration || r.duration,
    trigger: p.trigger || r.trigger,
    activePeriod: p.activePeriod || r.activePeriod,
    archivePeriod: p.archivePeriod || r.archivePeriod,
    finalFate: p.finalFate ?? r.finalFate,
  };
}

export function RetentionTextField(props: { label: string; rule: RetentionRule; onChange(r: RetentionRule): void; path: string }) {
  const { t } = useApp();
  const text = props.rule.text;
  const understood = !text.trim() || parseRetention(text).understood;
  return (
    <TextField
      label={props.label}
      value={text}
      onChange={(v) => props.onChange(readRetentionText(props.rule, v))}
      path={props.path}
      required
      hint={understood ? undefined : t('mapping.retention.notUnderstood')}
    />
  );
}

/**
 * A duration shown and typed in words ("3 ans", "18 months"), kept as ISO 8601. Every keystroke that
 * makes a duration is handed to the form at once (the form holds what is typed: Ctrl+S, Enter or the
 * save button right after typing save it); the words typed stay as typed until the field is left.
 */
export function DurationField(props: { label: string; value: string; onChange(iso: string): void; path?: string; hint?: string }) {
  const { t, lang } = useApp();
  const id = useId();
  const [draft, setDraft] = useState(durationInWords(props.value, lang));
  const [bad, setBad] = useState(false);
  // The value this field last handed to the form: when it comes back, the words typed are kept.
  const handed = useRef<string | null>(null);
  useEffect(() => {
    if (handed.current === props.value) return;
    handed.current = null;
    setDraft(durationInWords(props.value, lang));
    setBad(false);
  }, [props.value, lang]);
  const hand = (text: string): string | undefined => {
    const iso = durationFromWords(text);
    if (iso !== undefined && iso !== props.value) {
      handed.current = iso;
      props.onChange(iso);
    }
    return iso;
  };
  return (
    <div className="field" data-path={props.path}>
      <div className="label-row">
        <label htmlFor={id}>{props.label}</label>
      </div>
      <input
        id={id}
        value={draft}
        aria-invalid={bad || undefined}
        aria-describedby={[props.hint ? `${id}-hint` : '', bad ? `${id}-warn` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          if (hand(e.target.value) !== undefined) setBad(false);
        }}
        onBlur={(e) => {
          // Left: words not understood are said; understood ones are shown as the register will print them.
          const iso = hand(e.target.value);
          setBad(iso === undefined);
          if (iso !== undefined) setDraft(durationInWords(iso, lang));
          handed.current = null;
        }}
      />
      {props.hint ? (
        <div className="hint" id={`${id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {bad ? (
        <div id={`${id}-warn`} className="small field-warning" role="status">
          {t('mapping.retention.notUnderstood')}
        </div>
      ) : null}
    </div>
  );
}
