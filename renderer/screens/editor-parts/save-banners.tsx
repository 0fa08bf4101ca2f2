/** What a save can answer besides "saved": a version conflict (reload), or the fields to correct. */
import { forwardRef } from 'react';
import type { FieldIssue } from '../../../core/errors.js';
import { useT } from '../../app-context.js';

export const ConflictBanner = forwardRef<HTMLDivElement, { message: string; onReload(): void }>(function ConflictBanner(props, ref) {
  const t = useT();
  return (
    <div className="banner conflict" role="alert" tabIndex={-1} ref={ref}>
      <strong>{t('editor.conflictTitle')}</strong>
      <p>{t('editor.conflictText')}</p>
      <p className="muted">{props.message}</p>
      <button type="button" className="secondary" onClick={props.onReload}>
        {t('editor.conflictReload')}
      </button>
    </div>
  );
});

export const ErrorSummary = forwardRef<HTMLDivElement, { summary: { message: string; issues: FieldIssue[] }; onFocus(path: string): void }>(function ErrorSummary(
  { summary, onFocus },
  ref,
) {
  const t = useT();
  return (
    <div className="banner error" role="alert" tabIndex={-1} ref={ref}>
      <strong>{summary.issues.length ? t('editor.errorSummary') : t('common.errorTitle')}</strong>
      <p>{summary.message}</p>
      {summary.issues.length ? (
        <ul>
          {summary.issues.map((i) => (
            <li key={i.path}>
              <button type="button" className="link" onClick={() => onFocus(i.path)}>
                {i.label ?? t('ui.errorField')}
              </button>{' '}
              {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
