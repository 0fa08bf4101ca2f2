/**
 * One row of the import preview in detail: its errors and warnings (translated, with the field's
 * label), and for an update every changed field as values — before → after, items added, items the
 * file does not name (kept), and a "replace" choice per list field that shows what it would remove.
 */
import type { ApiOutput } from '../../../core/api/table.js';
import { typography, useApp, useT } from '../../app-context.js';
import { issueText } from './import-text.js';

type Preview = ApiOutput<'import/openBytes'>;
type Row = Preview['rows'][number];

/** The row's errors and warnings, translated, each with its cell and the field's label. */
export function RowIssues(props: { row: Row; fields: Preview['fields'] }) {
  const app = useApp();
  const t = useT();
  const { row } = props;
  return (
    <>
      {row.errors.map((x, i) => (
        <div key={`e${i}`} className="field-error">
          {issueText(t, app.lang, x, props.fields)}
        </div>
      ))}
      {row.warnings.map((x, i) => (
        <div key={`w${i}`} className="muted">
          {issueText(t, app.lang, x, props.fields)}
        </div>
      ))}
    </>
  );
}

/** An update's changes as values, field by field, with the "replace" choice of each list field. */
export function RowChanges(props: { row: Row; replace: string[]; onReplace(field: string, on: boolean): void; busy: boolean }) {
  const t = useT();
  const typo = typography(useApp().lang);
  const { row } = props;
  return (
    <div className="row-details">
      {row.fieldChanges.length ? (
        <table className="grid compact changes" aria-label={t('import.change.caption', { ref: row.ref, name: row.name })}>
          <thead>
            <tr>
              <th scope="col">{t('import.change.field')}</th>
              <th scope="col">{t('import.change.before')}</th>
              <th scope="col">{t('import.change.after')}</th>
            </tr>
          </thead>
          <tbody>
            {row.fieldChanges.map((c) => {
              const id = `replace-${row.key}-${c.field}`.replace(/[^\w-]/g, '_');
              return (
                <tr key={c.field}>
                  <th scope="row">{c.label}</th>
                  <td>
                    <ul className="values">
                      {c.before.map((v, i) => (
                        <li key={i} className={c.removed.includes(v) ? 'removed' : c.replaceWouldRemove.includes(v) ? 'kept' : undefined}>
                          {c.removed.includes(v) ? <del aria-label={`${t('import.change.removed')}${t('firsthour.colon')}${v}`}>{typo(v)}</del> : typo(v)}
                          {c.removed.includes(v) ? <span className="badge import-error"> {t('import.change.removed')}</span> : null}
                          {c.replaceWouldRemove.includes(v) ? <span className="badge"> {t('import.change.kept')}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <ul className="values">
                      {c.after.map((v, i) => (
                        <li key={i}>
                          {c.added.includes(v) ? <ins>{typo(v)}</ins> : typo(v)}
                          {c.added.includes(v) ? <span className="badge import-new"> {t('import.change.added')}</span> : null}
                        </li>
                      ))}
                    </ul>
                    {c.mode !== 'set' && (c.replaceWouldRemove.length || c.mode === 'replace') ? (
                      <label htmlFor={id} className="replace-choice">
                        <input
                          id={id}
                          type="checkbox"
                          disabled={props.busy}
                          checked={props.replace.includes(c.field)}
                          onChange={(e) => props.onReplace(c.field, e.target.checked)}
                        />{' '}
                        {t('import.change.replace')} — {c.label}
                      </label>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
