/** What the register shows when it holds no activity yet: create one, import, or load the demo. */
import type { ReactNode } from 'react';
import { useApp, useT } from '../../app-context.js';
import { ModelsButton } from '../models/models-dialog.js';

export function EmptyRegister(props: { canImport: boolean; onImport?(): void }): ReactNode {
  const app = useApp();
  const t = useT();
  return (
    <div className="empty-state">
      <h2>{t('empty.noActivityTitle')}</h2>
      <p>{t('empty.noActivityText')}</p>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={() => void app.navigate({ view: 'activity', id: 'new' })}>
          {t('empty.createFirst')}
        </button>
        <ModelsButton label={t('models.ui.start')} />
        {props.canImport ? (
          <button type="button" className="secondary" onClick={props.onImport}>
            {t('register.import')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
