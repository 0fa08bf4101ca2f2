/** The editor's "dpia" section (see renderer/screens/activity-editor.tsx). */
import type { ActivityFields } from '../../../core/model/schemas.js';
import { inLang } from '../../../core/i18n/localized.js';
import { typography } from '../../app-context.js';
import { CheckboxField, SelectField, TextArea, TextField } from '../../components/fields.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';
import { DpiaDecisions } from '../legal-fields.js';
import { DocumentsPanel } from '../../components/documents-panel.js';

export function DpiaSection(props: SectionProps) {
  const { form, set, t, app, dpia } = props;
  return (
    <Section id="dpia" title={t('sec.dpia')}>
      <fieldset className="checks" data-path="dpia.criteria">
        <legend>{t('f.dpiaCriteria')}</legend>
        {(app.terms.get('dpia_criterion') ?? []).map((c) => (
          <CheckboxField
            key={c.code}
            label={app.termLabel('dpia_criterion', c.code)}
            checked={form.dpia.criteria.includes(c.code as never)}
            onChange={(on) => set('dpia')({ ...form.dpia, criteria: on ? [...form.dpia.criteria, c.code as never] : form.dpia.criteria.filter((x) => x !== c.code) })}
          />
        ))}
      </fieldset>
      <fieldset className="checks" data-path="dpia.art35Cases">
        <legend>{t('f.art35Cases')}</legend>
        {(app.terms.get('art35_case') ?? []).map((c) => (
          <CheckboxField
            key={c.code}
            label={typography(app.lang)(inLang(c, 'label', app.lang))}
            checked={form.dpia.art35Cases.includes(c.code as never)}
            onChange={(on) => set('dpia')({ ...form.dpia, art35Cases: on ? [...form.dpia.art35Cases, c.code as never] : form.dpia.art35Cases.filter((x) => x !== c.code) })}
          />
        ))}
      </fieldset>
      <p className={`suggestion ${dpia.suggested ? 'warn' : ''}`} role="status">
        {form.dpia.art35Cases.length
          ? t('f.dpiaSuggestedCase')
          : dpia.suggested
            ? t('ui.dpiaSuggested', { count: new Set(form.dpia.criteria).size })
            : t('ui.dpiaNotSuggested', { count: new Set(form.dpia.criteria).size })}
      </p>
      <CheckboxField
        label={t('f.dpiaOverride')}
        checked={form.dpia.override !== null}
        onChange={(on) => set('dpia')({ ...form.dpia, override: on ? { required: !dpia.suggested, justification: '' } : null })}
        path="dpia.override"
      />
      {form.dpia.override ? (
        <div className="indent">
          <CheckboxField
            label={t('f.dpiaOverrideRequired')}
            checked={form.dpia.override.required}
            onChange={(v) => set('dpia')({ ...form.dpia, override: { ...form.dpia.override!, required: v } })}
            path="dpia.override.required"
          />
          <TextArea
            label={t('f.dpiaOverrideJustification')}
            value={form.dpia.override.justification}
            onChange={(v) => set('dpia')({ ...form.dpia, override: { ...form.dpia.override!, justification: v } })}
            path="dpia.override.justification"
            required
            rows={2}
          />
        </div>
      ) : null}
      <p className="outcome">
        <strong>{t('f.dpiaResult', { required: dpia.required ? t('f.dpiaRequiredWord') : t('f.dpiaNotRequiredWord') })}</strong>
      </p>
      <div className="grid-3">
        <SelectField
          label={t('f.dpiaStatus')}
          value={form.dpia.status}
          onChange={(v) => set('dpia')({ ...form.dpia, status: v as ActivityFields['dpia']['status'] })}
          path="dpia.status"
          options={(['not_assessed', 'not_required', 'planned', 'in_progress', 'completed'] as const).map((s) => ({ value: s, label: t(`dpiaStatus.${s}`) }))}
        />
        <TextField label={t('f.dpiaDate')} type="date" value={form.dpia.date} onChange={(v) => set('dpia')({ ...form.dpia, date: v })} path="dpia.date" />
        <TextField label={t('f.dpiaLink')} value={form.dpia.link} onChange={(v) => set('dpia')({ ...form.dpia, link: v })} path="dpia.link" />
      </div>
      <DpiaDecisions dpia={form.dpia} onChange={set('dpia')} />
      {props.activity ? <DocumentsPanel ownerType="dpia" ownerId={props.activity.id} title={t('documents.ui.dpiaTitle')} /> : null}
    </Section>
  );
}
