/**
 * On the reference data screen: the catalogue of models in use (its date), loading a models data set
 * (a newer catalogue, or models another DPO shared) and exporting the DPO's own models to share.
 */
import { useId, useRef, useState } from 'react';
import type { ApiOutput } from '../../../core/api/table.js';
import { call } from '../../api/client.js';
import { useApp, useT } from '../../app-context.js';
import { formatDateInput } from '../../components/date-input.js';
import { invalidateRegisterCache } from '../register-view.js';
import { useModelList } from './use-models.js';

export function ModelsDataPanel() {
  const app = useApp();
  const t = useT();
  const list = useModelList('');
  const [report, setReport] = useState<ApiOutput<'models/load'> | null>(null);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const own = list.data?.models.filter((m) => m.origin === 'dpo').length ?? 0;

  const load = async (file: File) => {
    setError('');
    try {
      const r = await call('models/load', { text: await file.text(), fileName: file.name });
      setReport(r);
      invalidateRegisterCache();
      void list.refetch();
      app.bumpGeneration();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const exportOwn = async () => {
    setError('');
    try {
      const r = await call('models/export', {});
      const url = URL.createObjectURL(new Blob([r.text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      app.notify(t('models.cli.exported', { count: r.count, file: r.fileName }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="reference-dataset" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>{t('models.ui.title')}</h2>
      {list.data ? <p>{t('models.cli.listHead', { asOf: formatDateInput(list.data.asOf), count: list.data.models.length })}</p> : null}
      <button type="button" className="secondary" onClick={() => input.current?.click()}>
        {t('models.ui.load')}
      </button>{' '}
      {/* Electron refuses downloads; `art30 models export` writes the file there. */}
      {app.shell === 'web' && own ? (
        <button type="button" className="secondary" onClick={() => void exportOwn()}>
          {t('models.ui.exportOwn', { count: own })}
        </button>
      ) : null}
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('models.ui.load')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void load(f);
        }}
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <div className="banner ok" role="status">
          {t('models.cli.loaded', { asOf: formatDateInput(report.asOf), changed: report.changed.length, activities: report.activities.length })}
        </div>
      ) : null}
    </section>
  );
}
