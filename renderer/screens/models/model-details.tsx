/** One model as the activity it makes in the DPO's language: every fact with its source, or "to be checked". */
import { useApp, useT } from '../../app-context.js';
import { useModel } from './use-models.js';
import { sourceDate } from '../../../core/models/activity.js';

export function ModelDetails(props: { id: string; domId: string }) {
  const app = useApp();
  const t = useT();
  const { data, error } = useModel(props.id);
  if (error) return <p role="alert">{(error as Error).message}</p>;
  if (!data) return <p id={props.domId}>{t('common.loading')}</p>;
  const a = data.activity[app.lang];
  const row = (label: string, values: string[]) =>
    values.length ? (
      <>
        <dt>{label}</dt>
        <dd>
          <ul>
            {values.map((v, i) => (
              <li key={i}>{v}</li>
            ))}
          </ul>
        </dd>
      </>
    ) : null;
  return (
    <dl className="model-details" id={props.domId}>
      {row(
        t('models.cli.kinds'),
        data.model.kinds.map((k) => t(`models.kind.${k}`)),
      )}
      {row(t('models.cli.subPurposes'), a.subPurposes ?? [])}
      {row(
        t('models.cli.legalBases'),
        (a.legalBases ?? []).map((b) => `${app.termLabel('legal_basis', b.code)} — ${b.justification ?? ''}`),
      )}
      {row(
        t('models.cli.art9'),
        (a.art9Conditions ?? []).map((b) => `${app.termLabel('art9_condition', b.code)} — ${b.justification ?? ''}`),
      )}
      {row(
        t('models.cli.subjects'),
        (a.dataSubjects ?? []).map((s) => s.label),
      )}
      {row(
        t('models.cli.categories'),
        (a.dataCategories ?? []).map((c) => c.label),
      )}
      {row(
        t('models.cli.recipients'),
        (a.recipients ?? []).map((r) => `${r.name} (${app.termLabel('recipient_type', r.type ?? 'other')})`),
      )}
      {row(
        t('models.cli.retention'),
        (a.retention ?? []).map((r) => `${r.dataCategory ? `${r.dataCategory} : ` : ''}${r.text}`),
      )}
      {row(
        t('models.cli.security'),
        (a.securityMeasures ?? []).map((s) => `${app.termLabel('security_measure_type', s.type)}${s.precision ? ` — ${s.precision}` : ''}`),
      )}
      {row(t('models.cli.dpia'), a.description ? [a.description] : [])}
      {row(
        t('models.ui.sources'),
        data.sources.map((s) => `${s.title[app.lang]} (${sourceDate(s, app.lang)})`),
      )}
    </dl>
  );
}
