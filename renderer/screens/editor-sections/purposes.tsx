/** The editor's "purposes" section (see renderer/screens/activity-editor.tsx). */
import { StringList, TextArea } from '../../components/fields.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';

export function PurposesSection(props: SectionProps) {
  const { form, set, t } = props;
  return (
    <Section id="purposes" title={t('sec.purposes')}>
      <TextArea label={t('f.purpose')} value={form.purpose} onChange={set('purpose')} path="purpose" required />
      <StringList
        legend={t('f.subPurposes')}
        itemLabel={t('f.subPurpose')}
        addLabel={t('f.addSubPurpose')}
        items={form.subPurposes}
        onChange={set('subPurposes')}
        path="subPurposes"
        multiline
      />
    </Section>
  );
}
