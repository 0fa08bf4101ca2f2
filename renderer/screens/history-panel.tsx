/** The history of one activity: when, from where, and what changed, field by field. */
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../core/model/register.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { LOCALES } from '../../core/i18n/localized.js';
import { ActivityAsOfEntry } from '../components/activity-as-of.js';
import { fieldLabel } from '../api/error-text.js';
import { dpoHistoryLabel } from '../../core/dpo/history-text.js';

export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
  return JSON.stringify(v);
}

export function HistoryPanel(props: { activityId: number; refreshKey: number; onClose(): void }) {
  const app = useApp();
  const t = useT();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asOfEntry, setAsOfEntry] = useState<number | null>(null);
  useEffect(() => {
    // With the language: each change also comes in the register's words (labels, not codes).
    call('history/list', { entityType: 'activity', entityId: props.activityId, limit: 200, lang: app.lang })
      .then(setEntries)
      .catch((e: Error) => setError(e.message));
  }, [props.activityId, props.refreshKey, app.lang]);
  return (
    <aside className="history-panel" aria-labelledby="history-title">
      <div className="history-head">
        <h2 id="history-title">{t('history.title')}</h2>
        <button type="button" className="link" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {entries === null ? <p>{t('common.loading')}</p> : null}
      {entries?.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      <ol className="history-list">
        {entries?.map((e) => (
          <li key={e.id} className="history-entry">
            <div className="history-when">
              <strong>{t(`history.action.${e.action}`)}</strong> <time dateTime={e.at}>{new Date(e.at).toLocaleString(LOCALES[app.lang])}</time>
              <span className="muted">
                {' '}
                · {t(`history.source.${e.source as 'ui'}`) ?? e.source}
                {e.sourceFile ? ` ${modelOrigin(e.sourceFile, t) ?? t('history.fromFile', { file: e.sourceFile })}` : ''}
              </span>{' '}
              {e.action !== 'delete' ? (
                <button type="button" className="link small" onClick={() => setAsOfEntry(e.id)}>
                  {t('overview.showAsOfEntry')}
                </button>
              ) : null}
            </div>
            {e.action === 'update' ? (
              <ChangesTable changes={e.changes} label={(path) => modelChoice(path, t) ?? dpoHistoryLabel(app.lang, path) ?? (fieldLabel(t, path) || t('ui.history.otherField'))} />
            ) : (
              <div className="muted small">{t('ui.history.fields', { count: e.changes.length })}</div>
            )}
          </li>
        ))}
      </ol>
      {asOfEntry !== null ? <ActivityAsOfEntry activityId={props.activityId} entryId={asOfEntry} onClose={() => setAsOfEntry(null)} /> : null}
    </aside>
  );
}

/** An activity made from (or updated by) a model: its history says which one (`model:<id>@<version>`). */
function modelOrigin(sourceFile: string, t: ReturnType<typeof useT>): string | null {
  const m = /^model:(.+)@(\d{4}-\d{2}-\d{2})$/.exec(sourceFile);
  return m ? t('models.history.fromModel', { id: m[1], version: m[2] }) : null;
}

/** A model's newer version taken or left by the DPO (core/models/service.ts). */
function modelChoice(path: string, t: ReturnType<typeof useT>): string | null {
  return path === 'modelTaken' ? t('models.history.taken') : path === 'modelLeft' ? t('models.history.left') : null;
}

/** Values in the register's words, one line per item; a dash for nothing. */
const lines = (values: string[]) => (values.length ? values.join('\n') : '—');

/** What an update changed, field by field: before and after. */
export function ChangesTable(props: { changes: HistoryEntry['changes']; label(path: string): string }) {
  const t = useT();
  return (
    <table className="changes">
      <thead>
        <tr>
          <th scope="col">{t('history.field')}</th>
          <th scope="col">{t('history.before')}</th>
          <th scope="col">{t('history.after')}</th>
        </tr>
      </thead>
      <tbody>
        {props.changes.map((c, i) => (
          <tr key={i}>
            <th scope="row">{props.label(c.path)}</th>
            <td className="before">{c.text ? lines(c.text.before) : formatValue(c.before)}</td>
            <td className="after">{c.text ? lines(c.text.after) : formatValue(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
