/**
 * The register's table: TanStack Table (sort, visible columns kept between sessions) and
 * TanStack Virtual (only the rows in view are in the page: 10,000 activities stay fluid), with a
 * selection column.
 */
import { useEffect, useRef, useState } from 'react';
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState, type Table, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ActivityFacts } from '../../../core/overview/facts.js';
import type { ActivitySummary } from '../../../core/model/register.js';
import { useApp, useT } from '../../app-context.js';
import { loadVisibility, useRegisterColumns } from './columns.js';
import type { Selection } from './selection.js';

export function useRegisterTable(shown: ActivitySummary[], facts: Map<number, ActivityFacts> | null): Table<ActivitySummary> {
  const columns = useRegisterColumns(facts);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'ref', desc: false }]);
  const [visibility, setVisibility] = useState<VisibilityState>(() => loadVisibility());
  useEffect(() => localStorage.setItem('art30.columns', JSON.stringify(visibility)), [visibility]);
  return useReactTable({
    data: shown,
    columns,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => String(r.id),
  });
}

export function RegisterTable(props: { table: Table<ActivitySummary>; selection: Selection; footer?: React.ReactNode }) {
  const app = useApp();
  const t = useT();
  const { table, selection } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 37,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length ? items[0].start : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const visibleColumns = table.getVisibleLeafColumns();
  const shownIds = tableRows.map((r) => r.original.id);

  return (
    <div className="table-scroll" ref={scrollRef} data-testid="register-scroll">
      {/* As wide as its columns: narrower windows scroll the table sideways instead of cutting its words. */}
      <table
        id="register-table"
        className="grid"
        aria-label={t('register.table')}
        aria-rowcount={tableRows.length + 1}
        style={{ minWidth: 40 + visibleColumns.reduce((w, c) => w + c.getSize(), 0) }}
      >
        <colgroup>
          <col style={{ width: 40 }} />
          {visibleColumns.map((c) => (
            <col key={c.id} style={{ width: c.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id} aria-rowindex={1}>
              <th className="select-col" scope="col">
                <input
                  type="checkbox"
                  aria-label={t('register.selectAll')}
                  checked={shownIds.length > 0 && shownIds.every((id) => selection.selected.has(id))}
                  onChange={(e) => selection.set(e.target.checked ? shownIds : [])}
                />
              </th>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                return (
                  <th key={h.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()} title={t('register.sortBy', { column: String(h.column.columnDef.header) })}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true" className="pad">
              <td style={{ height: padTop }} colSpan={visibleColumns.length + 1} />
            </tr>
          ) : null}
          {items.map((v) => {
            const row = tableRows[v.index];
            const id = row.original.id;
            return (
              <tr
                key={row.id}
                aria-rowindex={v.index + 2}
                className={selection.selected.has(id) ? 'selected' : undefined}
                data-ref={row.original.ref}
                onDoubleClick={() => void app.navigate({ view: 'activity', id })}
              >
                <td className="select-col">
                  <input
                    type="checkbox"
                    aria-label={t('register.selectRow', { name: `${row.original.ref} ${row.original.name}` })}
                    checked={selection.selected.has(id)}
                    onChange={(e) => selection.toggle(id, e.target.checked)}
                  />
                </td>
                {row.getVisibleCells().map((c) => (
                  <td key={c.id} className={`c-${c.column.id}`}>
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true" className="pad">
              <td style={{ height: padBottom }} colSpan={visibleColumns.length + 1} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {props.footer}
    </div>
  );
}
