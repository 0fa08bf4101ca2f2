/** Export dialog: scope, format, language, progress, then "show in folder" (or the download). */
import { useState } from 'react';
import type { ExportAudience, ExportFormat, ExportScope, Language } from '../../core/api/shell.js';
import type { ApiInput } from '../../core/api/table.js';
import { call, isElectron } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { Modal } from '../components/modal.js';
import { AsOfChoice } from '../components/as-of-choice.js';

type ScopeKind = 'whole' | 'organisation' | 'controller' | 'processor' | 'filter' | 'selected';
type DocumentKind = 'register' | 'notice' | 'bundle';

/** The audience chosen last time: remembered between exports (and between sessions) in this browser profile. */
const AUDIENCE_KEY = 'art30.export.audience';
function rememberedAudience(): ExportAudience {
  try {
    const v = window.localStorage.getItem(AUDIENCE_KEY);
    return v === 'internal' || v === 'public' ? v : 'authority';
  } catch {
    return 'authority';
  }
}
function rememberAudience(a: ExportAudience): void {
  try {
    window.localStorage.setItem(AUDIENCE_KEY, a);
  } catch {
    // Storage refused (private mode): the choice lasts for this dialog only.
  }
}
const REGISTER_FORMATS = ['xlsx', 'pdf', 'docx', 'csv', 'json'] as const;
const NOTICE_FORMATS = ['docx', 'pdf', 'html'] as const;
const FORMAT_LABELS: Record<ExportFormat, string> = { xlsx: 'Excel (.xlsx)', pdf: 'PDF', docx: 'Word (.docx)', csv: 'CSV', json: 'JSON', html: 'HTML' };

export function ExportDialog(props: { scopes: { current: ExportScope; selected: number[]; shown: number[] }; onClose(): void; asOf?: string }) {
  const app = useApp();
  const t = useT();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [lang, setLang] = useState<Language>(app.lang);
  const [kind, setKind] = useState<ScopeKind>(props.scopes.selected.length ? 'selected' : 'organisation');
  const [fiches, setFiches] = useState(true);
  const [records, setRecords] = useState(false);
  const [asOf, setAsOf] = useState(props.asOf ?? '');
  const [audience, setAudience] = useState<ExportAudience>(rememberedAudience);
  const [documentKind, setDocumentKind] = useState<DocumentKind>('register');
  const [subjects, setSubjects] = useState('');
  const formats = documentKind === 'notice' ? NOTICE_FORMATS : REGISTER_FORMATS;
  const chooseDocument = (d: DocumentKind) => {
    setDocumentKind(d);
    if (!(d === 'notice' ? NOTICE_FORMATS : REGISTER_FORMATS).includes(format as never)) setFormat(d === 'notice' ? 'docx' : 'xlsx');
  };
  const bundle = documentKind === 'bundle';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ file: string; fileName: string; downloadUrl?: string } | null>(null);

  const org = app.orgId ?? undefined;
  const scopeOf = (k: ScopeKind): ExportScope => {
    switch (k) {
      case 'whole':
        return {};
      case 'organisation':
        return { organisationId: org };
      case 'controller':
        return { organisationId: org, role: 'controller_register' };
      case 'processor':
        return { organisationId: org, role: 'processor' };
      case 'filter':
        return { ...props.scopes.current, ids: props.scopes.shown };
      case 'selected':
        return { organisationId: org, ids: props.scopes.selected };
    }
  };
  const options: { k: ScopeKind; label: string; disabled?: boolean }[] = [
    { k: 'whole', label: t('export.scope.whole') },
    { k: 'organisation', label: t('export.scope.organisation') },
    { k: 'controller', label: t('export.scope.controller') },
    { k: 'processor', label: t('export.scope.processor') },
    { k: 'filter', label: t('export.scope.filter', { n: props.scopes.shown.length }), disabled: !props.scopes.shown.length },
    { k: 'selected', label: t('export.scope.selected', { n: props.scopes.selected.length }), disabled: !props.scopes.selected.length },
  ];

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      rememberAudience(audience);
      if (bundle) {
        // The audit bundle: the register (PDF and XLSX), its documents and their manifest, downloaded as one ZIP.
        const b = await call('documents/bundleBytes', { scope: scopeOf(kind) as ApiInput<'documents/bundleBytes'>['scope'], lang, audience });
        const url = URL.createObjectURL(new Blob([Uint8Array.from(atob(b.base64), (c) => c.charCodeAt(0))], { type: b.mime }));
        setDone({ file: b.fileName, fileName: b.fileName, downloadUrl: url });
        const a = document.createElement('a');
        a.href = url;
        a.download = b.fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        return;
      }
      const notice = documentKind === 'notice';
      const r = await call('app/export', {
        format,
        lang,
        scope: scopeOf(kind),
        fiches: format === 'xlsx' && !notice ? fiches : undefined,
        audience: notice || format === 'json' ? undefined : audience,
        records: !notice && audience !== 'public' && (format === 'xlsx' || format === 'pdf') ? records : undefined,
        ...(notice
          ? {
              document: 'notice' as const,
              subjects: subjects
                .split(/[,;]/)
                .map((x) => x.trim())
                .filter(Boolean),
            }
          : {}),
        ...(asOf ? { asOf } : {}),
      });
      if (!r.cancelled) {
        setDone({ file: r.file, fileName: r.fileName, downloadUrl: r.downloadUrl });
        if (r.downloadUrl) {
          const a = document.createElement('a');
          a.href = r.downloadUrl;
          a.download = r.fileName;
          document.body.appendChild(a);
          a.click();
          a.remove();
        }
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('export.title')}
      onClose={props.onClose}
      wide
      footer={
        <>
          <button type="button" className="secondary" onClick={props.onClose}>
            {t('common.close')}
          </button>
          {!done ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
              {busy ? t('common.loading') : t('export.start')}
            </button>
          ) : null}
        </>
      }
    >
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {done ? (
        <div className="banner ok" role="status">
          <p>{t('export.done', { file: done.fileName })}</p>
          {isElectron() && !bundle ? (
            <button type="button" className="secondary" onClick={() => void call('app/showInFolder', { file: done.file })}>
              {t('export.showInFolder')}
            </button>
          ) : done.downloadUrl ? (
            <a href={done.downloadUrl} download={done.fileName}>
              {t('common.download')} {done.fileName}
            </a>
          ) : null}
        </div>
      ) : (
        <>
          <fieldset className="radios">
            <legend>{t('export.scope')}</legend>
            {options.map((o) => (
              <label key={o.k} className="check">
                <input type="radio" name="export-scope" value={o.k} checked={kind === o.k} disabled={o.disabled} onChange={() => setKind(o.k)} />
                {o.label}
              </label>
            ))}
          </fieldset>
          <fieldset className="radios">
            <legend>{t('export.document.label')}</legend>
            {(['register', 'notice'] as const).map((d) => (
              <label key={d} className="check">
                <input type="radio" name="export-document" value={d} checked={documentKind === d} onChange={() => chooseDocument(d)} />
                {t(`export.document.${d}`)}
              </label>
            ))}
            <label className="check">
              <input type="radio" name="export-document" value="bundle" checked={bundle} onChange={() => chooseDocument('bundle')} />
              {t('documents.bundle.kind')}
            </label>
          </fieldset>
          {documentKind === 'notice' ? (
            <label className="field">
              <span>{t('export.notice.subjectsLabel')}</span>
              <input type="text" value={subjects} onChange={(e) => setSubjects(e.target.value)} aria-describedby="export-subjects-hint" />
              <small id="export-subjects-hint">{t('export.notice.subjectsHint')}</small>
            </label>
          ) : (
            <fieldset className="radios">
              <legend>{t('export.audience.label')}</legend>
              {(['authority', 'internal', 'public'] as const).map((a) => (
                <label key={a} className="check">
                  <input type="radio" name="export-audience" value={a} checked={audience === a} onChange={() => setAudience(a)} aria-describedby={`export-audience-${a}`} />
                  <span className="check-text">
                    {t(`export.audience.${a}`)}
                    <small id={`export-audience-${a}`} className="muted">
                      {t(`export.audience.${a}.hint`)}
                    </small>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="grid-2">
            {bundle ? null : (
              <fieldset className="radios">
                <legend>{t('export.format')}</legend>
                {formats.map((f) => (
                  <label key={f} className="check">
                    <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                    {FORMAT_LABELS[f]}
                  </label>
                ))}
              </fieldset>
            )}
            <fieldset className="radios">
              <legend>{t('export.language')}</legend>
              {(['fr', 'en'] as const).map((l) => (
                <label key={l} className="check">
                  <input type="radio" name="export-lang" value={l} checked={lang === l} onChange={() => setLang(l)} />
                  {t(`lang.${l}`)}
                </label>
              ))}
            </fieldset>
          </div>
          {bundle ? null : <AsOfChoice value={asOf} onChange={setAsOf} />}
          {format === 'xlsx' && documentKind === 'register' && !bundle ? (
            <label className="check">
              <input type="checkbox" checked={fiches} onChange={(e) => setFiches(e.target.checked)} />
              {t('export.fiches')}
            </label>
          ) : null}
          {(format === 'xlsx' || format === 'pdf') && documentKind === 'register' && audience !== 'public' ? (
            <label className="check">
              <input type="checkbox" checked={records} onChange={(e) => setRecords(e.target.checked)} />
              {t('records.export.include')}
            </label>
          ) : null}
        </>
      )}
    </Modal>
  );
}
