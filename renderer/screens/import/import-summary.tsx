/** What an import did, in sentences: created, updated, unchanged, recipients added, rows left out. */
import type { ApiOutput } from '../../../core/api/table.js';
import { useT } from '../../app-context.js';

type Summary = ApiOutput<'import/commit'>;

export function ImportSummary(props: { summary: Summary }) {
  const t = useT();
  const s = props.summary;
  const skipped = s.skipped.excluded + s.skipped.duplicate;
  return (
    <div className="banner ok" role="status">
      <p>
        <strong>{s.fileName}</strong>
      </p>
      <ul>
        <li>{t('import.result.created', { count: s.created })}</li>
        <li>{t('import.result.updated', { count: s.updated })}</li>
        <li>{t('import.result.unchanged', { count: s.unchanged })}</li>
        {s.recipientsCreated ? <li>{t('import.result.recipients', { count: s.recipientsCreated })}</li> : null}
        {skipped ? <li>{t('import.result.skipped', { count: skipped })}</li> : null}
      </ul>
      {s.backup ? <p className="muted small">{t('import.result.backup', { file: s.backup.split(/[\\/]/).pop() ?? '' })}</p> : null}
    </div>
  );
}

export function SummaryActivities(props: { summary: Summary }) {
  const t = useT();
  return (
    <ul className="summary-list">
      {props.summary.activities.slice(0, 50).map((a) => (
        <li key={a.id}>
          {a.ref} {a.name} <span className="muted">({t(`import.result.action.${a.action}`)})</span>
        </li>
      ))}
    </ul>
  );
}
