/** The popover that shows or hides the register's columns (the name always stays). */
import { useState } from 'react';
import type { Table } from '@tanstack/react-table';
import type { ActivitySummary } from '../../../core/model/register.js';
import { useT } from '../../app-context.js';

export function ColumnChooser(props: { table: Table<ActivitySummary> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="column-chooser">
      <button type="button" className="secondary small" aria-expanded={open} aria-controls="column-chooser" onClick={() => setOpen((o) => !o)}>
        {t('register.columns')}
      </button>
      {open ? (
        <fieldset id="column-chooser" className="popover" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <legend>{t('register.columnsTitle')}</legend>
          {props.table.getAllLeafColumns().map((col) => (
            <label key={col.id} className="check">
              <input type="checkbox" checked={col.getIsVisible()} disabled={col.id === 'name'} onChange={col.getToggleVisibilityHandler()} />
              {String(col.columnDef.header)}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
