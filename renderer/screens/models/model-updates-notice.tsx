/** Above the register: the activities whose model has a newer version, each opening its editor (where the DPO takes or leaves it). */
import { useApp, useT } from '../../app-context.js';
import { useModelUpdates } from './use-models.js';

export function ModelUpdatesNotice(props: { organisationId: number }) {
  const app = useApp();
  const t = useT();
  const { data } = useModelUpdates(props.organisationId, app.generation, app.lang);
  if (!data?.length) return null;
  return (
    <section className="banner model-updates" aria-labelledby="model-updates-title">
      <strong id="model-updates-title">{t('models.ui.updatesTitle')}</strong>
      <p>{t('models.ui.updatesIntro')}</p>
      <ul>
        {data.map((u) => (
          <li key={u.activityId}>
            <a
              href={`#/activity/${u.activityId}`}
              onClick={(e) => {
                e.preventDefault();
                void app.navigate({ view: 'activity', id: u.activityId });
              }}
            >
              {t('models.ui.updateOf', { ref: u.ref, name: u.name, id: u.modelId, from: u.fromVersion, to: u.toVersion })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
