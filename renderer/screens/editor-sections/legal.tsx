/** The editor's "legal" section (see renderer/screens/activity-editor.tsx). */
import { Repeated, TextArea, VocabPicker } from '../../components/fields.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';

export function LegalSection(props: SectionProps) {
  const { form, set, t, hasSpecial } = props;
  return (
    <Section id="legal" title={t('sec.legal')}>
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
