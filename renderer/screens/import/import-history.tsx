/**
 * Past imports, reachable at any time from the side bar: file, date, counts, state, and an undo for
 * each import still in the register — after a confirmation that says what will happen.
 */
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../core/api/table.js';
import { call } from '../../api/client.js';
import { useApp, useT } from '../../app-context.js';
import { ConfirmDialog, Modal } from '../../components/modal.js';
import { LOCALES } from '../../../core/i18n/localized.js';

type Batch = ApiOutput<'import/batches'>[number];

export function ImportHistory(props: { onClose(changed: boolean): void }) {
  const app = useApp();
  const t = useT();
  const [batches, setBatches] = useState<Batch[] | null>(null);
  const [confirm, setConfirm] = useState<Batch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const date = (iso: string) => new Date(iso).toLocaleString(LOCALES[app.lang], { dateStyle: 'short', timeStyle: 'short' });

  const load = () =>
    call('import/batches', {})
      .then(setBatches)
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);

  const undo = async (b: Batch) => {
    setConfirm(null);
    setError(null);
    try {
      const u = await call('import/undo', { batchId: b.id });
      setDone(t('import.history.done', { id: b.id, deleted: u.activitiesDeleted, restored: u.activitiesRestored }));
      setChanged(true);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Modal
      title={t('import.history.title')}
      onClose={() => props.onClose(changed)}
      wide
      footer={
        <button type="button" className="secondary" onClick={() => props.onClose(changed)}>
          {t('common.close')}
        </button>
      }
    >
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {done ? (
        <div className="banner ok" role="status">
          {done}
        </div>
      ) : null}
      {batches === null ? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      ) : batches.length === 0 ? (
        <p>{t('import.history.empty')}</p>
      ) : (
        <table className="grid compact" aria-label={t('import.history.title')}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('import.history.file')}</th>
              <th scope="col">{t('import.history.date')}</th>
              <th scope="col">{t('import.history.counts')}</th>
              <th scope="col">{t('import.history.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('import.history.undo')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <td>{b.id}</td>
                <td>{b.fileName}</td>
                <td>{date(b.at)}</td>
                <td>
                  {t('import.result.created', { count: b.created })} · {t('import.result.updated', { count: b.updated })}
                </td>
                <td>{b.undoneAt ? t('import.history.undoneOn', { date: date(b.undoneAt) }) : t('import.history.active')}</td>
                <td>
                  {b.undoneAt ? null : (
                    <button
                      type="button"
                      className="secondary danger-text"
                      aria-label={t('import.history.undoLabel', { file: b.fileName, date: date(b.at) })}
                      onClick={() => setConfirm(b)}
                    >
                      {t('import.history.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm ? (
        <ConfirmDialog
          title={t('import.history.confirmTitle')}
          text={t('import.history.confirmText', { file: confirm.fileName, date: date(confirm.at), created: confirm.created, updated: confirm.updated })}
          confirmLabel={t('import.history.confirm')}
          cancelLabel={t('firsthour.keepImport')}
          danger
          onConfirm={() => void undo(confirm)}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </Modal>
  );
}
