/** The editor's "purposes" section (see renderer/screens/activity-editor.tsx). */
import { basesAfterSubPurposes } from '../../../core/model/purposes.js';
import { StringList, TextArea } from '../../components/fields.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';

export function PurposesSection(props: SectionProps) {
  const { form, set, t } = props;
  // A sub-purpose removed: its bases go to the main purpose, the later ones follow their purpose.
  const setSubPurposes = (next: string[]) => {
    const moved = basesAfterSubPurposes(form.subPurposes, next, form);
    set('subPurposes')(next);
    if (moved !== form) {
      set('legalBases')(moved.legalBases);
      set('art9Conditions')(moved.art9Conditions);
    }
  };
  return (
    <Section id="purposes" title={t('sec.purposes')}>
      <TextArea label={t('f.purpose')} value={form.purpose} onChange={set('purpose')} path="purpose" required />
      <StringList
        legend={t('f.subPurposes')}
        itemLabel={t('f.subPurpose')}
        addLabel={t('f.addSubPurpose')}
        items={form.subPurposes}
        onChange={setSubPurposes}
        path="subPurposes"
        multiline
      />
    </Section>
  );
}
