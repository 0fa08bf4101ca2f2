/**
 * Import of a department spreadsheet: choose the file, check the column mapping, preview what will
 * be written (and exclude rows), import with progress, then a summary that can be undone.
 */
import { Fragment, useRef, useState } from 'react';
import type { ApiOutput } from '../../core/api/table.js';
import { call, isElectron } from '../api/client.js';
import { typography, useApp, useT } from '../app-context.js';
import { ConfirmDialog, Modal } from '../components/modal.js';
import { DraftsOption, MappingWhy, MissingFields } from './import-mapping-notes.js';
import { RowChanges, RowIssues } from './import/import-changes.js';
import { RowValues, SheetsFate } from './import/import-values.js';
import { ImportSummary, SummaryActivities } from './import/import-summary.js';
import { inLang, LOCALES } from '../../core/i18n/localized.js';

type Preview = ApiOutput<'import/openBytes'>;
type Summary = ApiOutput<'import/commit'>;
type Undo = ApiOutput<'import/undo'>;
type Step = 'file' | 'mapping' | 'preview' | 'summary';

const ROWS_SHOWN = 300;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function ImportWizard(props: { onClose(changed: boolean): void }) {
  const app = useApp();
  const t = useT();
  const [step, setStep] = useState<Step>('file');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [mappingName, setMappingName] = useState('');
  const [changed, setChanged] = useState(false);
  const [drafts, setDrafts] = useState(false);
  /** Row key → list fields the DPO chose to replace (after seeing what it removes). */
  const [replace, setReplace] = useState<Record<string, string[]>>({});
  const [confirmUndo, setConfirmUndo] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  const run = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError((e as Error).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const openFile = async (file: File) => {
    if (/\.json$/i.test(file.name)) {
      // An Art30 JSON register document: imported whole, in one transaction.
      const d = await run(async () => call('import/documentBytes', { fileName: file.name, base64: toBase64(await file.arrayBuffer()) }));
      if (d) {
        setChanged(true);
        app.notify(
          `${file.name}${t('firsthour.colon')}${t('import.result.created', { count: d.activities.created })}, ${t('import.result.updated', { count: d.activities.updated })}`,
        );
      }
      return;
    }
    const p = await run(async () =>
      call('import/openBytes', { fileName: file.name, base64: toBase64(await file.arrayBuffer()), organisationId: app.orgId ?? undefined, lang: app.lang }),
    );
    if (p) {
      setPreview(p);
      setExcluded([]);
      setStep('mapping');
    }
  };

  const openWithDialog = async () => {
    const r = await run(() => call('app/importFile', {}));
    if (r && !r.cancelled) {
      const first = r.preview as Preview;
      // The dialog's preview shows values in French; in another language, the same preview again in it.
      const again =
        app.lang !== 'fr' ? await run(() => call('import/preview', { sessionId: first.sessionId, organisationId: first.organisationId || undefined, lang: app.lang })) : undefined;
      setPreview(again ?? first);
      setStep('mapping');
    }
  };

  const repreview = async (extra: {
    mapping?: Record<string, string | null>;
    mappingFor?: string;
    excludedRows?: string[];
    drafts?: boolean;
    replace?: Record<string, string[]>;
  }) => {
    if (!preview) return;
    const p = await run(() =>
      call('import/preview', {
        sessionId: preview.sessionId,
        organisationId: preview.organisationId || undefined,
        excludedRows: extra.excludedRows ?? excluded,
        mapping: extra.mapping,
        mappingFor: extra.mappingFor,
        drafts: extra.drafts ?? drafts,
        replace: extra.replace ?? replace,
        lang: app.lang,
      }),
    );
    if (p) setPreview(p);
  };

  const commit = async () => {
    if (!preview) return;
    const s = await run(() =>
      call('import/commit', { sessionId: preview.sessionId, organisationId: preview.organisationId || undefined, excludedRows: excluded, drafts, replace, lang: app.lang }),
    );
    if (s) {
      setSummary(s);
      setChanged(true);
      setStep('summary');
    }
  };

  const close = () => {
    if (preview && step !== 'summary') void call('import/close', { sessionId: preview.sessionId }).catch(() => undefined);
    props.onClose(changed);
  };

  const template = async () => {
    const r = await run(() => call('app/template', { lang: app.lang }));
    if (r && !r.cancelled) {
      if (r.downloadUrl) {
        const a = document.createElement('a');
        a.href = r.downloadUrl;
        a.download = '';
        document.body.appendChild(a);
        a.click();
        a.remove();
      }
      app.notify(r.file);
    }
  };

  const steps: Step[] = ['file', 'mapping', 'preview', 'summary'];
  const stepLabel = (s: Step) =>
    s === 'file' ? t('import.choose').split(' (')[0] : s === 'mapping' ? t('import.mapping') : s === 'preview' ? t('import.preview') : t('import.summary');
  const sheets = preview?.sheets.filter((s) => s.status === 'imported') ?? [];
  const counts = preview?.counts;

  return (
    <Modal
      title={t('import.title')}
      onClose={close}
      wide
      footer={
        <>
          <button type="button" className="secondary" onClick={close}>
            {step === 'summary' ? t('common.close') : t('common.cancel')}
          </button>
          {step === 'mapping' ? (
            <button type="button" className="primary" disabled={busy} onClick={() => setStep('preview')}>
              {t('import.next')}
            </button>
          ) : null}
          {step === 'preview' ? (
            <button type="button" className="primary" disabled={busy || !counts?.willWrite} onClick={() => void commit()}>
              {busy ? t('import.progress') : `${t('import.apply')} (${counts?.willWrite ?? 0})`}
            </button>
          ) : null}
        </>
      }
    >
      <ol className="steps" aria-label={t('import.title')}>
        {steps.map((s) => (
          <li key={s} className={s === step ? 'current' : undefined} aria-current={s === step ? 'step' : undefined}>
            {stepLabel(s)}
          </li>
        ))}
      </ol>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {busy ? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      ) : null}

      {step === 'file' ? (
        <div
          className="dropzone"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const f = e.dataTransfer.files[0];
            if (f) void openFile(f);
          }}
        >
          <label htmlFor="import-file">{t('import.choose')}</label>
          {/* The browser's own file button speaks the browser's language: the window's button opens it. */}
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            tabIndex={-1}
            className="visually-hidden"
            accept=".xlsx,.ods,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,text/csv"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) {
                setChosen(f.name);
                void openFile(f);
              }
            }}
          />
          {!isElectron() ? (
            <p className="file-picker">
              <button type="button" className="secondary" aria-describedby="import-file-chosen" onClick={() => fileInput.current?.click()}>
                {t('firsthour.chooseFile')}
              </button>{' '}
              <span id="import-file-chosen" className="muted">
                {chosen ?? t('firsthour.noFile')}
              </span>
            </p>
          ) : null}
          {isElectron() ? (
            <button type="button" className="secondary" onClick={() => void openWithDialog()}>
              {t('import.choose')}
            </button>
          ) : null}
          <button type="button" className="link" onClick={() => void template()}>
            {t('import.template')}
          </button>
        </div>
      ) : null}

      {step === 'mapping' && preview ? (
        <div>
          <p>
            <strong>{preview.fileName}</strong> — {preview.organisationName}
          </p>
          {sheets.map((sheet) => (
            <table key={sheet.index} className="grid compact mapping" aria-label={`${t('import.mapping')} — ${sheet.name}`}>
              <caption>
                {t('firsthour.sheetRows', { sheet: sheet.name, count: sheet.dataRows })}
                <MissingFields t={t} messages={sheet.messages} />
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.field')}</th>
                </tr>
              </thead>
              <tbody>
                {sheet.columns
                  .filter((c) => !c.hidden)
                  .map((c) => (
                    <tr key={c.index}>
                      <th scope="row">
                        <span className="muted">{c.letter}</span> {c.header}
                        {c.samples.length ? <div className="muted small">{c.samples.slice(0, 2).join(' · ')}</div> : null}
                      </th>
                      <td>
                        <select
                          aria-label={`${t('import.field')} — ${c.letter} ${c.header}`}
                          aria-describedby={c.why ? `why-${sheet.index}-${c.index}` : undefined}
                          // The step opens on the closest column to a required field no column gives.
                          autoFocus={sheet.missing?.[0]?.candidates[0]?.letter === c.letter}
                          value={c.field ?? ''}
                          onChange={(e) => void repreview({ mapping: { [c.letter]: e.target.value || null }, mappingFor: sheet.name })}
                        >
                          <option value="">{t('import.ignore')}</option>
                          {preview.fields.map((f) => (
                            <option key={f.key} value={f.key}>
                              {typography(app.lang)(inLang(f, 'label', app.lang))}
                            </option>
                          ))}
                        </select>
                        {c.field && c.source === 'auto' && c.confidence < 0.7 ? <span className="badge warn">?</span> : null}
                        <MappingWhy t={t} why={c.why} id={`why-${sheet.index}-${c.index}`} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ))}
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => call('mappings/save', { name: mappingName, sessionId: preview.sessionId })).then(
                (r) => r && app.notify(`${t('import.saveMapping')}${t('firsthour.colon')}${r.name}`),
              );
            }}
          >
            <div className="field">
              <label htmlFor="mapping-name">{t('import.saveMapping')}</label>
              <input id="mapping-name" value={mappingName} onChange={(e) => setMappingName(e.target.value)} />
            </div>
            <button type="submit" className="secondary" disabled={!mappingName.trim()}>
              {t('common.save')}
            </button>
          </form>
        </div>
      ) : null}

      {step === 'preview' && preview && counts ? (
        <div>
          <p className="counts" role="status">
            {(['new', 'update', 'unchanged', 'duplicate', 'error', 'excluded', 'skipped'] as const)
              .filter((k) => counts[k] > 0 || k === 'new')
              .map((k) => (
                <span key={k} className={`badge import-${k}`}>
                  {t('firsthour.count', { label: t(`import.status.${k}`), count: counts[k] })}
                </span>
              ))}
          </p>
          {preview.ownExport ? <p className="muted">{t('import.ownExport')}</p> : null}
          {preview.newOrganisations.length ? <p className="muted">{t('import.newOrganisations', { names: preview.newOrganisations.join(', ') })}</p> : null}
          {preview.newRecipients.length ? <p>{t('firsthour.newRecipients', { names: preview.newRecipients.join(', ') })}</p> : null}
          <SheetsFate preview={preview} />
          {counts.error > 0 || drafts ? (
            <DraftsOption
              t={t}
              checked={drafts}
              disabled={busy}
              onChange={(v) => {
                setDrafts(v);
                void repreview({ drafts: v });
              }}
            />
          ) : null}
          <div className="table-scroll static">
            <table className="grid compact" aria-label={t('import.preview')}>
              <thead>
                <tr>
                  <th scope="col">{t('import.ignore')}</th>
                  <th scope="col">#</th>
                  <th scope="col">{t('col.status')}</th>
                  <th scope="col">{t('col.ref')}</th>
                  <th scope="col">{t('col.name')}</th>
                  <th scope="col">{t('firsthour.values')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, ROWS_SHOWN).map((r) => (
                  <Fragment key={r.key}>
                    <tr>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${t('import.ignore')} ${r.key}`}
                          checked={excluded.includes(r.key)}
                          onChange={(e) => {
                            const next = e.target.checked ? [...excluded, r.key] : excluded.filter((k) => k !== r.key);
                            setExcluded(next);
                            void repreview({ excludedRows: next });
                          }}
                        />
                      </td>
                      <td>{t('firsthour.rowAt', { sheet: r.sheet, row: r.row })}</td>
                      <td>
                        <span className={`badge import-${r.status}`}>{t(`import.status.${r.status}`)}</span>
                      </td>
                      <td>{r.ref}</td>
                      <td>{r.name}</td>
                      <td className="small">
                        <RowIssues row={r} fields={preview.fields} />
                        <RowValues row={r} />
                      </td>
                    </tr>
                    {r.fieldChanges.length ? (
                      <tr className="row-changes">
                        <td colSpan={6}>
                          <RowChanges
                            row={r}
                            busy={busy}
                            replace={replace[r.key] ?? []}
                            onReplace={(field, on) => {
                              const list = (replace[r.key] ?? []).filter((f) => f !== field);
                              const next = { ...replace, [r.key]: on ? [...list, field] : list };
                              setReplace(next);
                              void repreview({ replace: next });
                            }}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}

      {step === 'summary' && summary ? (
        <div>
          <ImportSummary summary={summary} />
          <SummaryActivities summary={summary} />
          {undo ? (
            <p role="status">{t('import.undone')}</p>
          ) : summary.batchId ? (
            <button type="button" className="secondary danger-text" disabled={busy} onClick={() => setConfirmUndo(true)}>
              {t('import.undo')}
            </button>
          ) : null}
          {confirmUndo && summary.batchId ? (
            <ConfirmDialog
              title={t('import.history.confirmTitle')}
              text={t('import.history.confirmText', {
                file: summary.fileName,
                date: new Date().toLocaleDateString(LOCALES[app.lang]),
                created: summary.created,
                updated: summary.updated,
              })}
              confirmLabel={t('import.history.confirm')}
              cancelLabel={t('firsthour.keepImport')}
              danger
              onConfirm={() => {
                setConfirmUndo(false);
                void run(() => call('import/undo', { batchId: summary.batchId! })).then((u) => u && setUndo(u));
              }}
              onCancel={() => setConfirmUndo(false)}
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
