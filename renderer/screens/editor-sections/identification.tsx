/** The editor's "identification" section (see renderer/screens/activity-editor.tsx). */
import type { ActivityFields } from '../../../core/model/schemas.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { Departments, Section } from './parts.js';
import type { SectionProps } from './props.js';

export function IdentificationSection(props: SectionProps) {
  const { form, set, t, isNew } = props;
  return (
    <Section id="identification" title={t('sec.identification')}>
      <div className="grid-2">
        <TextField label={t('f.ref')} value={form.ref} onChange={set('ref')} path="ref" hint={t('f.refHint')} />
        <TextField label={t('f.name')} value={form.name} onChange={set('name')} path="name" required autoFocus={isNew} />
        <SelectField
          label={t('f.role')}
          value={form.role}
          onChange={(v) => set('role')(v as ActivityFields['role'])}
          path="role"
          options={(['controller', 'joint_controller', 'processor'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <SelectField
          label={t('f.status')}
          value={form.status}
          onChange={(v) => set('status')(v as ActivityFields['status'])}
          path="status"
          options={(['draft', 'active', 'retired'] as const).map((r) => ({ value: r, label: t(`status.${r}`) }))}
        />
        <TextField label={t('f.department')} value={form.department} onChange={set('department')} path="department" list="departments" />
        <TextField label={t('f.owner')} value={form.owner} onChange={set('owner')} path="owner" />
      </div>
      <Departments />
      <TextArea label={t('f.description')} value={form.description} onChange={set('description')} path="description" />
    </Section>
  );
}
