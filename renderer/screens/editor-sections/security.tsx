/** The editor's "security" section (see renderer/screens/activity-editor.tsx). */
import { Repeated, TextArea, TextField, VocabPicker } from '../../components/fields.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';

export function SecuritySection(props: SectionProps) {
  const { form, set, t } = props;
  return (
    <Section id="security" title={t('sec.security')}>
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
  );
}
