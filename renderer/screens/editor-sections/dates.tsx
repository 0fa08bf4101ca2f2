/** The editor's "dates" section (see renderer/screens/activity-editor.tsx). */
import { TextField } from '../../components/fields.js';
import { formatDate } from '../register-view.js';
import { Section } from './parts.js';
import type { SectionProps } from './props.js';

export function DatesSection(props: SectionProps) {
  const { form, set, t, app, activity } = props;
  return (
    <Section id="dates" title={t('sec.dates')}>
      <div className="grid-3">
        <TextField label={t('f.lastReviewedAt')} type="date" value={form.lastReviewedAt} onChange={set('lastReviewedAt')} path="lastReviewedAt" />
        <TextField label={t('overview.nextReviewByHand')} type="date" value={form.nextReviewAt ?? ''} onChange={set('nextReviewAt')} path="nextReviewAt" />
        {activity ? (
          <>
            <div className="readonly-field">
              <div className="label">{t('f.createdAt')}</div>
              <div>{formatDate(activity.createdAt, app.lang)}</div>
            </div>
            <div className="readonly-field">
              <div className="label">{t('f.updatedAt')}</div>
              <div>{formatDate(activity.updatedAt, app.lang)}</div>
            </div>
          </>
        ) : null}
      </div>
    </Section>
  );
}
