/**
 * A file chosen with the window's own button and words ("Choisir un fichier…", "Aucun fichier choisi"):
 * the browser's file control speaks the browser's language, not the window's, so it stays hidden.
 */
import { useRef, useState } from 'react';
import { useT } from '../app-context.js';

export function FilePicker(props: { id: string; label: string; accept?: string; onFile(file: File): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={props.id} id={`${props.id}-label`}>
        {props.label}
      </label>
      <input
        ref={input}
        id={props.id}
        type="file"
        tabIndex={-1}
        className="visually-hidden"
        accept={props.accept}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) {
            setChosen(f.name);
            props.onFile(f);
          }
        }}
      />
      <p className="file-picker">
        <button type="button" className="secondary" aria-describedby={`${props.id}-label ${props.id}-chosen`} onClick={() => input.current?.click()}>
          {t('firsthour.chooseFile')}
        </button>{' '}
        <span id={`${props.id}-chosen`} className="muted">
          {chosen ?? t('firsthour.noFile')}
        </span>
      </p>
    </div>
  );
}
