/** The register's selected activities (the export can take just them): a hook and the count with "clear". */
import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../app-context.js';

export interface Selection {
  selected: Set<number>;
  set(ids: Iterable<number>): void;
  toggle(id: number, on: boolean): void;
  clear(): void;
}

export function useSelection(): Selection {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const set = useCallback((ids: Iterable<number>) => setSelected(new Set(ids)), []);
  const toggle = useCallback(
    (id: number, on: boolean) =>
      setSelected((s) => {
        const n = new Set(s);
        if (on) n.add(id);
        else n.delete(id);
        return n;
      }),
    [],
  );
  const clear = useCallback(() => setSelected(new Set()), []);
  return useMemo(() => ({ selected, set, toggle, clear }), [selected, set, toggle, clear]);
}

export function SelectionInfo(props: { selection: Selection }) {
  const t = useT();
  const { selected, clear } = props.selection;
  if (!selected.size) return null;
  return (
    <span className="selection">
      {t('ui.selected', { count: selected.size })}{' '}
      <button type="button" className="link" onClick={clear}>
        {t('register.clearSelection')}
      </button>
    </span>
  );
}
