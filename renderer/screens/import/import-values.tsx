/**
 * What the import will write, shown before it writes: each sheet of the workbook and what became of
 * it (imported, or skipped and why), and for each row the values it writes, field by field, items
 * listed (an update shows its changes as before → after, in import-changes.tsx).
 */
import type { ApiOutput } from '../../../core/api/table.js';
import { typography, useApp, useT } from '../../app-context.js';

type Preview = ApiOutput<'import/openBytes'>;
type Row = Preview['rows'][number];

/** The workbook's sheets: imported (with its rows) or skipped with the reason. */
export function SheetsFate(props: { preview: Preview }) {
  const t = useT();
  const sheets = props.preview.sheets;
  if (sheets.length < 2) return null;
  return (
    <section className="sheets-fate" aria-labelledby="sheets-fate-title">
      <h3 id="sheets-fate-title">{t('firsthour.sheets')}</h3>
      <ul>
        {sheets.map((s) => (
          <li key={s.index} data-sheet={s.name}>
            <strong>{s.name}</strong>
            {t('firsthour.colon')}
            {s.status === 'imported'
              ? t('firsthour.sheetImported', { count: s.dataRows })
              : s.status === 'not_selected'
                ? t('firsthour.sheetNotSelected')
                : t('firsthour.sheetSkipped', { reason: s.why ? t(s.why.key, s.why.params as never) : '' })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The values a new row writes, field by field (list fields one item per line); why a skipped row is not an activity. */
export function RowValues(props: { row: Row }) {
  const t = useT();
  const typo = typography(useApp().lang);
  const { row } = props;
  if (row.skip) return <div className="muted">{t(row.skip.reason.key, row.skip.reason.params as never)}</div>;
  // An update shows its changes (before → after) in the row below.
  if (row.status === 'update' || !row.values?.length) return null;
  return (
    <dl className="row-values">
      {row.values.map((v) => (
        <div key={v.field} className="row-value">
          <dt>{v.label}</dt>
          <dd>
            {v.lines.length === 1 ? (
              typo(v.lines[0])
            ) : (
              <ul className="values">
                {v.lines.map((line, i) => (
                  <li key={i}>{typo(line)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
