/**
 * The documents kept with a record (an activity, its DPIA, a contract, a breach, a request): listed
 * with their name, kind, date, who added them and their audience; opened with the system's viewer
 * (the browser's, for PDF and images; a download otherwise); added, replaced and removed — each
 * change recorded in the history by the service. A refused file says why.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { KeptDocument } from '../../core/documents/model.js';
import { call, isElectron } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { ConfirmDialog } from './modal.js';

type OwnerType = KeptDocument['ownerType'];
type Audience = KeptDocument['audience'];

const documentsKey = (ownerType: OwnerType, ownerId: number) => ['documents', ownerType, ownerId] as const;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Opens a document in a new tab (the browser's viewer) or downloads it when the browser cannot show it. */
async function openDocument(d: KeptDocument): Promise<void> {
  // The desktop app hands a private copy to the system's viewer; a browser shows it itself.
  if (isElectron() && (await call('app/openDocument', { id: d.id })).opened) return;
  const c = await call('documents/content', { id: d.id });
  const bytes = Uint8Array.from(atob(c.base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: c.mediaType }));
  const viewable = c.mediaType === 'application/pdf' || c.mediaType.startsWith('image/') || c.mediaType === 'text/plain';
  const a = document.createElement('a');
  a.href = url;
  if (viewable) a.target = '_blank';
  else a.download = c.name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function DocumentsPanel(props: { ownerType: OwnerType; ownerId: number; title?: string }) {
  const app = useApp();
  const t = useT();
  const client = useQueryClient();
  const id = useId();
  const key = documentsKey(props.ownerType, props.ownerId);
  const list = useQuery({ queryKey: [...key, app.generation], queryFn: () => call('documents/list', { ownerType: props.ownerType, ownerId: props.ownerId }) });
  const [audience, setAudience] = useState<Audience>('authority');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<KeptDocument | null>(null);
  const addInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const [replacing, setReplacing] = useState<KeptDocument | null>(null);
  const done = async (message: string) => {
    setError(null);
    await client.invalidateQueries({ queryKey: ['documents'] });
    app.notify(message);
  };
  const fail = (e: unknown) => setError((e as Error).message);
  const add = useMutation({
    mutationFn: async (file: File) =>
      call('documents/add', {
        ownerType: props.ownerType,
        ownerId: props.ownerId,
        name: file.name,
        base64: await base64Of(file),
        audience,
        addedBy: app.organisations.find((o) => o.id === app.orgId)?.dpo?.name ?? '',
      }),
    onSuccess: (d) => done(t('documents.ui.added', { name: d.name })),
    onError: fail,
  });
  const replace = useMutation({
    mutationFn: async ({ d, file }: { d: KeptDocument; file: File }) => call('documents/replace', { id: d.id, version: d.version, name: file.name, base64: await base64Of(file) }),
    onSuccess: (d) => done(t('documents.ui.replaced', { name: d.name })),
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (d: KeptDocument) => call('documents/remove', { id: d.id, version: d.version }),
    onSuccess: () => done(t('documents.ui.removed')),
    onError: fail,
  });
  const busy = add.isPending || replace.isPending || remove.isPending;
  const docs = list.data ?? [];
  return (
    <section className="documents-panel" aria-labelledby={`${id}-title`} data-testid={`documents-${props.ownerType}`}>
      <h3 id={`${id}-title`}>{props.title ?? t('documents.title')}</h3>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {list.isSuccess && !docs.length ? <p className="muted">{t('documents.none')}</p> : null}
      {docs.length ? (
        <table className="grid compact" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{t('documents.field.name')}</th>
              <th scope="col">{t('documents.field.kind')}</th>
              <th scope="col">{t('documents.field.addedAt')}</th>
              <th scope="col">{t('documents.field.addedBy')}</th>
              <th scope="col">{t('documents.field.audience')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('documents.ui.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <td>
                  <button type="button" className="link" onClick={() => void openDocument(d).catch(fail)} title={t('documents.ui.open')}>
                    {d.name}
                  </button>
                </td>
                <td>
                  {t(`documents.kind.${d.kind}`)} ·{' '}
                  {d.size < 1048576
                    ? t('documents.sizeKb', { size: Math.max(1, Math.round(d.size / 1024)) })
                    : t('documents.sizeMb', { size: Math.round((d.size / 1048576) * 10) / 10 })}
                </td>
                <td>{new Date(d.addedAt).toLocaleDateString(app.lang === 'fr' ? 'fr-FR' : 'en-GB')}</td>
                <td>{d.addedBy}</td>
                <td>{t(`documents.audience.${d.audience}`)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="secondary small"
                    disabled={busy}
                    aria-label={t('documents.ui.replaceNamed', { name: d.name })}
                    onClick={() => {
                      setReplacing(d);
                      replaceInput.current?.click();
                    }}
                  >
                    {t('documents.ui.replace')}
                  </button>
                  <button
                    type="button"
                    className="secondary small danger-text"
                    disabled={busy}
                    aria-label={t('documents.ui.removeNamed', { name: d.name })}
                    onClick={() => setRemoving(d)}
                  >
                    {t('documents.ui.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="documents-add">
        <label className="field inline">
          <span>{t('documents.field.audience')}</span>
          <select value={audience} onChange={(e) => setAudience(e.target.value as Audience)}>
            {(['authority', 'internal', 'public'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`documents.audience.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" disabled={busy} onClick={() => addInput.current?.click()}>
          + {t('documents.ui.add')}
        </button>
        <small className="muted">{t('documents.ui.kinds')}</small>
      </div>
      <input
        ref={addInput}
        type="file"
        hidden
        aria-label={t('documents.ui.add')}
        data-testid={`documents-file-${props.ownerType}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) add.mutate(file);
        }}
      />
      <input
        ref={replaceInput}
        type="file"
        hidden
        aria-label={t('documents.ui.replace')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file && replacing) replace.mutate({ d: replacing, file });
        }}
      />
      {removing ? (
        <ConfirmDialog
          title={t('documents.ui.remove')}
          text={t('documents.ui.confirmRemove', { name: removing.name })}
          confirmLabel={t('documents.ui.remove')}
          cancelLabel={t('common.cancel')}
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const d = removing;
            setRemoving(null);
            remove.mutate(d);
          }}
        />
      ) : null}
    </section>
  );
}
