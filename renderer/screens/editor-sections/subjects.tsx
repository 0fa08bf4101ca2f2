/** The editor's "subjects" section (see renderer/screens/activity-editor.tsx). */
import type { DataCategory, RetentionRule } from '../../../core/model/schemas.js';
import { CheckboxField, Repeated, SelectField, StringList, TextField, VocabPicker } from '../../components/fields.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';
import { DurationField, RetentionTextField } from '../retention-fields.js';

export function SubjectsSection(props: SectionProps) {
  const { form, set, t, app } = props;
  return (
    <Section id="subjects" title={t('sec.subjects')}>
      <Repeated
        legend={t('f.dataSubjects')}
        itemLabel={t('f.dataSubject')}
        addLabel={t('f.addDataSubject')}
        items={form.dataSubjects}
        onChange={set('dataSubjects')}
        make={() => ({ code: '', label: '', precision: '', volume: '' })}
        path="dataSubjects"
        render={(s, upd, i) => (
          <div className="grid-3">
            <VocabPicker
              kind="data_subject_category"
              label={t('f.dataSubject')}
              code={s.code}
              freeLabel={s.label}
              onChange={(code, label) => upd({ ...s, code, label })}
              path={`dataSubjects[${i}].code`}
              labelPath={`dataSubjects[${i}].label`}
              required
            />
            <TextField label={t('f.precision')} value={s.precision} onChange={(v) => upd({ ...s, precision: v })} path={`dataSubjects[${i}].precision`} />
            <TextField label={t('f.volume')} value={s.volume} onChange={(v) => upd({ ...s, volume: v })} path={`dataSubjects[${i}].volume`} />
          </div>
        )}
      />
      <Repeated<DataCategory>
        legend={t('f.dataCategories')}
        itemLabel={t('f.dataCategory')}
        addLabel={t('f.addDataCategory')}
        items={form.dataCategories}
        onChange={set('dataCategories')}
        make={() => ({ code: '', label: '', description: '', special: false })}
        path="dataCategories"
        render={(c, upd, i) => (
          <>
            <div className="grid-2">
              <VocabPicker
                kind="data_category"
                label={t('f.dataCategory')}
                code={c.code}
                freeLabel={c.label}
                onChange={(code, label) => {
                  const term = app.terms.get('data_category')?.find((x) => x.code === code);
                  upd({ ...c, code, label, special: term ? term.special : c.special });
                }}
                path={`dataCategories[${i}].code`}
                labelPath={`dataCategories[${i}].label`}
                required
              />
              <TextField label={t('f.precision')} value={c.description} onChange={(v) => upd({ ...c, description: v })} path={`dataCategories[${i}].description`} />
            </div>
            <CheckboxField label={t('f.special')} checked={c.special} onChange={(v) => upd({ ...c, special: v })} path={`dataCategories[${i}].special`} />
          </>
        )}
      />
      <Repeated<RetentionRule>
        legend={t('f.retention')}
        itemLabel={t('f.retentionRule')}
        addLabel={t('f.addRetention')}
        items={form.retention}
        onChange={set('retention')}
        make={() => ({ dataCategory: '', text: '', duration: '', trigger: '', activePeriod: '', archivePeriod: '', finalFate: null })}
        path="retention"
        render={(r, upd, i) => (
          <>
            <div className="grid-2">
              <SelectField
                label={t('f.retentionCategory')}
                value={r.dataCategory}
                onChange={(v) => upd({ ...r, dataCategory: v })}
                path={`retention[${i}].dataCategory`}
                options={[
                  { value: '', label: t('f.retentionWhole') },
                  ...[...new Set([...form.dataCategories.map((c) => c.label).filter(Boolean), ...(r.dataCategory ? [r.dataCategory] : [])])].map((l) => ({ value: l, label: l })),
                ]}
              />
              <RetentionTextField label={t('f.retentionText')} rule={r} onChange={upd} path={`retention[${i}].text`} />
            </div>
            <div className="grid-3">
              <DurationField label={t('mapping.retention.duration')} value={r.duration} onChange={(v) => upd({ ...r, duration: v })} path={`retention[${i}].duration`} />
              <TextField label={t('f.trigger')} value={r.trigger} onChange={(v) => upd({ ...r, trigger: v })} path={`retention[${i}].trigger`} />
              <SelectField
                label={t('f.finalFate')}
                value={r.finalFate ?? ''}
                onChange={(v) => upd({ ...r, finalFate: (v || null) as RetentionRule['finalFate'] })}
                path={`retention[${i}].finalFate`}
                empty={t('common.dash')}
                options={(['delete', 'anonymise', 'archive', 'sort', 'deposit'] as const).map((x) => ({
                  value: x,
                  label: x === 'sort' || x === 'deposit' ? t(`legal.fate.${x}`) : t(`fate.${x}`),
                }))}
              />
              <DurationField label={t('f.activePeriod')} value={r.activePeriod} onChange={(v) => upd({ ...r, activePeriod: v })} path={`retention[${i}].activePeriod`} />
              <DurationField label={t('f.archivePeriod')} value={r.archivePeriod} onChange={(v) => upd({ ...r, archivePeriod: v })} path={`retention[${i}].archivePeriod`} />
            </div>
          </>
        )}
      />
      <StringList
        legend={t('f.dataSources')}
        itemLabel={t('f.dataSource')}
        addLabel={t('f.addDataSource')}
        items={form.dataSources}
        onChange={set('dataSources')}
        path="dataSources"
      />
    </Section>
  );
}
