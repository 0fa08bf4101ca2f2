/** The editor's header: back link, title, status and version, unsaved badge, and the actions on the saved activity. */
import type { Activity } from '../../../core/model/register.js';
import { useApp, useT } from '../../app-context.js';
import type { ActivityAction } from '../../hooks/use-activity-form.js';
import { formatDate } from '../register-parts/format.js';
import { SaveButton } from './save-button.js';

export function EditorHeader(props: {
  title: string;
  activity: Activity | null;
  dirty: boolean;
  saving: boolean;
  showHistory: boolean;
  onToggleHistory(): void;
  onAction(action: ActivityAction): void;
}) {
  const app = useApp();
  const t = useT();
  const { activity } = props;
  return (
    <header className="screen-header editor-header">
      <div>
        <button type="button" className="link back" onClick={() => void app.navigate({ view: 'register' })}>
          ← {t('common.back')}
        </button>
        <h1 id="editor-title">{props.title}</h1>
        <div className="meta">
          {activity ? <span className={`badge status-${activity.status}`}>{t(`status.${activity.status}`)}</span> : null}
          {activity ? (
            <span className="muted">
              {t('editor.version')} {activity.version} · {t('editor.updated')} {formatDate(activity.updatedAt, app.lang)}
            </span>
          ) : null}
          {props.dirty ? <span className="badge unsaved">{t('editor.unsavedBadge')}</span> : null}
        </div>
      </div>
      <div className="toolbar">
        {activity ? (
          <>
            <button type="button" className="secondary" aria-pressed={props.showHistory} onClick={props.onToggleHistory}>
              {t('editor.history')}
            </button>
            <button type="button" className="secondary" onClick={() => props.onAction('duplicate')}>
              {t('editor.duplicate')}
            </button>
            {activity.status !== 'retired' ? (
              <button type="button" className="secondary" onClick={() => props.onAction('retire')}>
                {t('editor.retire')}
              </button>
            ) : null}
            <button type="button" className="secondary danger-text" onClick={() => props.onAction('delete')}>
              {t('editor.delete')}
            </button>
          </>
        ) : null}
        <SaveButton saving={props.saving} />
      </div>
    </header>
  );
}
