/** The history of one breach or request. */
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../core/model/register.js';
import { call } from '../../api/client.js';
import { useApp, useT } from '../../app-context.js';
import { ChangesTable } from '../history-panel.js';
import { LOCALES } from '../../../core/i18n/localized.js';
import { useFieldLabel } from './shared.js';

/** The changes of one breach or request, newest first, field by field (labels, not field paths). */
export function RecordHistory(props: { entityType: 'breach' | 'request'; id: number; version: number }) {
  const app = useApp();
  const t = useT();
  const label = useFieldLabel();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    void call('history/list', { entityType: props.entityType, entityId: props.id, limit: 200 }).then(setEntries);
  }, [props.entityType, props.id, props.version]);
  return (
    <details className="record-history">
      <summary>{t('history.title')}</summary>
      <ol className="history-list">
        {entries?.map((e) => (
          <li key={e.id} className="history-entry">
            <div className="history-when">
              <strong>{t(`history.action.${e.action}`)}</strong> <time dateTime={e.at}>{new Date(e.at).toLocaleString(LOCALES[app.lang])}</time>
              <span className="muted"> · {t(`history.source.${e.source}`)}</span>
            </div>
            {e.action === 'update' ? <ChangesTable changes={e.changes} label={label} /> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
