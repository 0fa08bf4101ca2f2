/**
 * The shell both records share (breach record, request log): a list with its filters and counts,
 * and the editor of the record opened beside it. `useRecordTab` holds the list, the record being
 * edited (dirty guard), save / reload after a conflict / delete; the tabs add their fields.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useApp, useT } from '../../app-context.js';
import { ErrorsContext } from '../../components/fields.js';
import type { RecordsRoute } from '../records-route.js';
import { useErrorState, type ErrorState } from './shared.js';

/** Editing state of one record, with the dirty guard of the app. */
function useEditing<D>() {
  const app = useApp();
  const [editing, setEditing] = useState<{ id: number | null; version: number; data: D; initial: string } | null>(null);
  const dirty = editing ? JSON.stringify(editing.data) !== editing.initial : false;
  // `app` is a new object at each render of the app; only `dirty` (and leaving the screen) matter here.
  useEffect(() => app.setDirty(dirty), [dirty]); // eslint-disable-line react-hooks/exhaustive-deps -- see above
  useEffect(() => () => app.setDirty(false), []); // eslint-disable-line react-hooks/exhaustive-deps -- see above
  const open = (id: number | null, version: number, data: D) => setEditing({ id, version, data, initial: JSON.stringify(data) });
  const set =
    <K extends keyof D>(k: K) =>
    (v: D[K]) =>
      setEditing((e) => (e ? { ...e, data: { ...e.data, [k]: v } } : e));
  return { editing, setEditing, open, set };
}

/** A record of either kind, as the API returns it. */
interface SavedRecord {
  id: number;
  version: number;
  ref: string;
}

/** How one kind of record is listed, written and edited. */
export interface RecordKind<R extends SavedRecord, D> {
  tab: RecordsRoute['tab'];
  list(organisationId: number | null): Promise<R[]>;
  create(organisationId: number, data: D): Promise<R>;
  update(id: number, version: number, data: D): Promise<R>;
  remove(id: number, version: number): Promise<unknown>;
  toForm(r: R): D;
  blank(activityId?: number): D;
  /** Loaded with the list, each time (the request log's retention settings). */
  alongside?(): Promise<void>;
}

export function useRecordTab<R extends SavedRecord, D>(kind: RecordKind<R, D>, route: RecordsRoute, onChanged: () => void) {
  const app = useApp();
  const t = useT();
  const [list, setList] = useState<R[] | null>(null);
  const { editing, setEditing, open, set } = useEditing<D>();
  const errs = useErrorState();
  const current = editing?.id ? list?.find((r) => r.id === editing.id) : undefined;

  const reload = async () => {
    const [l] = await Promise.all([kind.list(app.orgId), kind.alongside?.()]);
    setList(l);
    return l;
  };
  const openRecord = (r: R | null, activityId?: number) => {
    errs.clear();
    if (r) open(r.id, r.version, kind.toForm(r));
    else open(null, 0, kind.blank(activityId));
  };
  useEffect(() => {
    void reload().then((l) => {
      const { id, activityId } = route;
      if (id === 'new') openRecord(null, activityId);
      else if (id) {
        const r = l.find((x) => x.id === id);
        if (r) openRecord(r);
      }
    });
  }, [app.generation, route]); // eslint-disable-line react-hooks/exhaustive-deps -- reload when the register or the route changes, not when the callbacks are recreated

  /** A write that returns the record: the list is reloaded and the record reopened as saved. */
  const write = async (run: () => Promise<R>, after?: (saved: R) => void) => {
    try {
      const saved = await run();
      app.setDirty(false);
      await reload();
      after?.(saved);
      openRecord(saved);
    } catch (e) {
      errs.show(e);
    }
  };
  const save = () => {
    if (!editing) return Promise.resolve();
    const { id, version, data } = editing;
    return write(
      () => (id ? kind.update(id, version, data) : kind.create(app.orgId!, data)),
      (saved) => {
        onChanged();
        app.notify(`${saved.ref} — ${t('records.saved')}`);
        if (route.id !== saved.id) history.replaceState(null, '', `#/${kind.tab}/${saved.id}`);
      },
    );
  };
  const reloadCurrent = async () => {
    const l = await reload();
    const r = editing?.id ? l.find((x) => x.id === editing.id) : undefined;
    if (r) openRecord(r);
  };
  const remove = async () => {
    if (!editing?.id) return;
    try {
      await kind.remove(editing.id, editing.version);
      app.setDirty(false);
      // The deleted record's form closes: saving it could only fail.
      setEditing(null);
      await reload();
      onChanged();
      void app.navigate({ view: 'records', tab: kind.tab });
    } catch (e) {
      errs.show(e);
    }
  };

  return { list, all: list ?? [], current, editing, set, errs, save, reloadCurrent, remove, write, reload };
}

/** A column of a record list; the `link` column opens the record. */
export interface RecordColumn<R> {
  header: string;
  cell(r: R): ReactNode;
  link?: boolean;
}

/** The list pane: "none yet", then the table of the records shown, the one being edited marked. */
export function RecordList<R extends SavedRecord>(props: {
  label: string;
  empty: string;
  list: R[] | null;
  shown: R[];
  columns: RecordColumn<R>[];
  editingId: number | null | undefined;
  onOpen(id: number): void;
}) {
  return (
    // Scrolls sideways when narrow: focusable and named, so that a keyboard can scroll it too.
    <div className="list-pane" role="region" aria-label={props.label} tabIndex={0}>
      {props.list && !props.list.length ? <p className="muted">{props.empty}</p> : null}
      <table className="grid compact" aria-label={props.label}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.shown.map((r) => (
            // The whole row opens the record with the mouse; the keyboard uses its link (one tab stop per row).
            <tr key={r.id} className={props.editingId === r.id ? 'selected clickable' : 'clickable'} onClick={() => props.onOpen(r.id)}>
              {props.columns.map((c) => (
                <td key={c.header}>
                  {c.link ? (
                    <button type="button" className="link row-link" aria-current={props.editingId === r.id ? 'true' : undefined} onClick={() => props.onOpen(r.id)}>
                      {c.cell(r)}
                    </button>
                  ) : (
                    c.cell(r)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A tab of the records: "new" button, filters, counts, anything else, then the list and the editor side by side. */
export function RecordTabLayout(props: {
  newLabel: string;
  onNew(): void;
  filters: ReactNode;
  counts: ReactNode;
  extra?: ReactNode;
  list: ReactNode;
  editor: ReactNode;
  dialog: ReactNode;
}) {
  return (
    <>
      <div className="toolbar">
        <button type="button" className="primary" onClick={props.onNew}>
          + {props.newLabel}
        </button>
      </div>
      <div className="filterbar">{props.filters}</div>
      {props.counts}
      {props.extra}
      <div className="split">
        {props.list}
        {props.editor}
      </div>
      {props.dialog}
    </>
  );
}

export function EditorFrame(props: { title: string; label: string; state: ErrorState; onSave(): void; onReload(): void; onDelete?: () => void; children: ReactNode }) {
  const t = useT();
  const { state } = props;
  return (
    <ErrorsContext.Provider value={state.errors}>
      <form
        className="edit-pane"
        aria-label={props.label}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave();
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 's') {
            e.preventDefault();
            props.onSave();
          }
        }}
      >
        <h2>{props.title}</h2>
        {state.conflict ? (
          <div className="banner conflict" role="alert">
            <p>{t('records.error.conflict')}</p>
            <button type="button" className="secondary" onClick={props.onReload}>
              {t('records.reload')}
            </button>
          </div>
        ) : null}
        {state.message ? (
          <div className="banner error" role="alert">
            {state.message}
          </div>
        ) : null}
        {props.children}
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('records.save')}
          </button>
          {props.onDelete ? (
            <button type="button" className="secondary danger-text" onClick={props.onDelete}>
              {t('records.delete')}
            </button>
          ) : null}
        </div>
      </form>
    </ErrorsContext.Provider>
  );
}
