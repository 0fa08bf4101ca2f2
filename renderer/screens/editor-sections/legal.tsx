/** The editor's "legal" section (see renderer/screens/activity-editor.tsx): each basis says which purpose it serves (issue 25). */
import { useEffect, useRef } from 'react';
import type { ActivityFields } from '../../../core/model/schemas.js';
import { Repeated, SelectField, TextArea, VocabPicker, type Option } from '../../components/fields.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';

/** The purposes a basis can serve: the main purpose and each sub-purpose, by their words. */
function purposeOptions(form: ActivityFields, t: SectionProps['t']): Option[] {
  const short = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s);
  return [
    { value: '0', label: t('purposes.editor.main', { text: short(form.purpose) || t('purposes.editor.untitled') }) },
    ...form.subPurposes.map((s, i) => ({ value: String(i + 1), label: t('purposes.editor.sub', { n: i + 1, text: short(s) || t('purposes.editor.untitled') }) })),
  ];
}

export function LegalSection(props: SectionProps) {
  const { form, set, t, hasSpecial } = props;
  const options = purposeOptions(form, t);
  // Saving or confirming the bases clears the point "bases per purpose to check".
  const setBases =
    <K extends 'legalBases' | 'art9Conditions'>(key: K) =>
    (value: ActivityFields[K]) => {
      set(key)(value);
      if (form.purposeBasesToCheck) set('purposeBasesToCheck')(false);
    };
  const purposeField = (b: { purpose: number }, upd: (p: number) => void, path: string) =>
    form.subPurposes.length ? <SelectField label={t('purposes.editor.served')} value={String(b.purpose)} options={options} onChange={(v) => upd(Number(v))} path={path} /> : null;
  return (
    <Section id="legal" title={t('sec.legal')}>
      <BasesToCheck {...props} />
      <Repeated
        legend={t('f.legalBases')}
        hint={form.subPurposes.length ? t('purposes.editor.hint') : undefined}
        itemLabel={t('f.legalBasis')}
        addLabel={t('f.addLegalBasis')}
        items={form.legalBases}
        onChange={setBases('legalBases')}
        make={() => ({ code: 'to_be_determined' as const, justification: '', purpose: 0 })}
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
            {purposeField(b, (purpose) => upd({ ...b, purpose }), `legalBases[${i}].purpose`)}
            <TextArea
              label={t('f.justification')}
              hint={b.code === 'legitimate_interests' ? t('purposes.editor.interests') : undefined}
              value={b.justification}
              onChange={(v) => upd({ ...b, justification: v })}
              path={`legalBases[${i}].justification`}
              rows={2}
            />
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
          onChange={setBases('art9Conditions')}
          make={() => ({ code: 'explicit_consent' as const, justification: '', purpose: 0 })}
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
              {purposeField(b, (purpose) => upd({ ...b, purpose }), `art9Conditions[${i}].purpose`)}
              <TextArea
                label={t('f.justification')}
                value={b.justification}
                onChange={(v) => upd({ ...b, justification: v })}
                path={`art9Conditions[${i}].justification`}
                rows={2}
              />
            </div>
          )}
        />
      ) : null}
      <TextArea label={t('f.criminalDataBasis')} value={form.criminalDataBasis} onChange={set('criminalDataBasis')} path="criminalDataBasis" rows={2} />
    </Section>
  );
}

/** The bases an upgrade gave to the main purpose: said, until the DPO changes or confirms them (then saves). */
function BasesToCheck({ form, set, t, activity }: SectionProps) {
  const confirmed = useRef<HTMLParagraphElement>(null);
  const wasToCheck = Boolean(activity?.purposeBasesToCheck);
  const justConfirmed = wasToCheck && !form.purposeBasesToCheck;
  useEffect(() => {
    // The button is gone: the keyboard goes to the sentence that replaces it.
    if (justConfirmed && document.activeElement === document.body) confirmed.current?.focus();
  }, [justConfirmed]);
  if (form.purposeBasesToCheck) {
    return (
      <div className="banner conflict purpose-bases-check">
        <p>{t('purposes.editor.toCheck')}</p>
        <button type="button" className="secondary" onClick={() => set('purposeBasesToCheck')(false)}>
          {t('purposes.editor.confirm')}
        </button>
      </div>
    );
  }
  if (!justConfirmed) return null;
  return (
    <p className="banner ok" role="status" tabIndex={-1} ref={confirmed}>
      {t('purposes.editor.confirmed')}
    </p>
  );
}
