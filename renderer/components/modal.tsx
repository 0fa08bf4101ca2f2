/** A modal dialog: focus moves in, Tab stays in, Escape cancels, focus returns where it was. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useApp } from '../app-context.js';
import { ErrorsContext } from './fields.js';

export function Modal(props: {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  role?: 'dialog' | 'alertdialog';
  /** Ctrl+S anywhere in the dialog (a dialog that edits a record). */
  onSave?(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = ref.current;
    const first = root?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button');
    (first ?? root)?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        className={`modal ${props.wide ? 'wide' : ''}`}
        role={props.role ?? 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            props.onClose();
          }
          if (props.onSave && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            props.onSave();
          }
          if (e.key === 'Tab' && ref.current) {
            const items = [
              ...ref.current.querySelectorAll<HTMLElement>(
                'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]',
              ),
            ];
            if (!items.length) return;
            const first = items[0];
            const last = items[items.length - 1];
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first.focus();
            }
          }
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        <div className="modal-body">{props.children}</div>
        {props.footer ? <div className="modal-footer">{props.footer}</div> : null}
      </div>
    </div>
  );
}

export function ConfirmDialog(props: { title: string; text: string; confirmLabel: string; cancelLabel: string; danger?: boolean; onConfirm(): void; onCancel(): void }) {
  return (
    <Modal
      title={props.title}
      onClose={props.onCancel}
      role="alertdialog"
      footer={
        <>
          <button type="button" className="secondary" onClick={props.onCancel} autoFocus>
            {props.cancelLabel}
          </button>
          <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <p>{props.text}</p>
    </Modal>
  );
}

/**
 * A dialog that edits one record: fields, the API's messages next to them, Cancel and Save. Ctrl+S
 * saves it, as on every form; once something is typed in it, a reload asks first.
 */
export function FormModal(props: {
  title: string;
  cancelLabel: string;
  saveLabel: string;
  errors: Map<string, string>;
  message: string | null;
  onSave(): void;
  onClose(): void;
  children: ReactNode;
}) {
  const [typed, setTyped] = useState(false);
  const { setDirty } = useApp();
  useEffect(() => {
    if (!typed) return;
    setDirty(true);
    return () => setDirty(false);
  }, [typed, setDirty]);
  return (
    <Modal
      title={props.title}
      onClose={props.onClose}
      onSave={props.onSave}
      // Wide: fields side by side keep their words whole ("Pas de décision d’adéquation").
      wide
      footer={
        <>
          <button type="button" className="secondary" onClick={props.onClose}>
            {props.cancelLabel}
          </button>
          <button type="button" className="primary" onClick={props.onSave}>
            {props.saveLabel}
          </button>
        </>
      }
    >
      <ErrorsContext.Provider value={props.errors}>
        <div onInput={() => setTyped(true)} onChange={() => setTyped(true)}>
          {props.message ? (
            <div className="banner error" role="alert">
              {props.message}
            </div>
          ) : null}
          {props.children}
        </div>
      </ErrorsContext.Provider>
    </Modal>
  );
}
