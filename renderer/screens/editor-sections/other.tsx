/** The editor's "other" section (see renderer/screens/activity-editor.tsx). */
import { CheckboxField, CountryField, Repeated, TextArea, TextField } from '../../components/fields.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';
import { ActivityRecordsPanel } from '../activity-records-panel.js';
import { DocumentsPanel } from '../../components/documents-panel.js';

export function OtherSection(props: SectionProps) {
  const { form, set, t, activity } = props;
  return (
    <Section id="other" title={t('sec.other')}>
      <CheckboxField
        label={t('f.automatedDecision')}
        checked={form.automatedDecision.exists}
        onChange={(v) => set('automatedDecision')({ ...form.automatedDecision, exists: v })}
        path="automatedDecision.exists"
      />
      {form.automatedDecision.exists || form.automatedDecision.description ? (
        <TextArea
          label={t('f.automatedDescription')}
          value={form.automatedDecision.description}
          onChange={(v) => set('automatedDecision')({ ...form.automatedDecision, description: v })}
          path="automatedDecision.description"
          rows={2}
        />
      ) : null}
      <Repeated
        legend={t('f.systems')}
        itemLabel={t('f.system')}
        addLabel={t('f.addSystem')}
        items={form.systems}
        onChange={set('systems')}
        make={() => ({ name: '', hosting: '', country: '' })}
        path="systems"
        render={(s, upd, i) => (
          <div className="grid-3">
            <TextField label={t('f.systemName')} value={s.name} onChange={(v) => upd({ ...s, name: v })} path={`systems[${i}].name`} required />
            <TextField label={t('f.hosting')} value={s.hosting} onChange={(v) => upd({ ...s, hosting: v })} path={`systems[${i}].hosting`} />
            <CountryField label={t('f.country')} value={s.country} onChange={(v) => upd({ ...s, country: v })} path={`systems[${i}].country`} />
          </div>
        )}
      />
      <TextArea label={t('f.rights')} value={form.rights} onChange={set('rights')} path="rights" rows={2} />
      <TextField label={t('f.consentRecords')} value={form.consentRecords} onChange={set('consentRecords')} path="consentRecords" />
      <TextArea label={t('f.breaches')} value={form.breaches} onChange={set('breaches')} path="breaches" rows={2} />
      {activity ? <ActivityRecordsPanel activityId={activity.id} /> : <p className="hint">{t('records.saveActivityFirst')}</p>}
      {activity ? <DocumentsPanel ownerType="activity" ownerId={activity.id} /> : null}
    </Section>
  );
}
