/** The editor's "recipients" section (see renderer/screens/activity-editor.tsx). */
import type { ActivityRecipient } from '../../../core/model/schemas.js';
import { Repeated } from '../../components/fields.js';
import { RecipientItem, Section } from './parts.js';
import type { SectionProps } from './props.js';

export function RecipientsSection(props: SectionProps) {
  const { form, set, t, directory } = props;
  return (
    <Section id="recipients" title={t('sec.recipients')}>
      <Repeated<ActivityRecipient>
        legend={t('f.recipients')}
        itemLabel={t('f.recipient')}
        addLabel={t('f.addRecipient')}
        items={form.recipients}
        onChange={set('recipients')}
        make={() => ({ name: '', role: '', precision: '' })}
        path="recipients"
        render={(r, upd, i) => <RecipientItem r={r} upd={upd} i={i} directory={directory} />}
      />
    </Section>
  );
}
