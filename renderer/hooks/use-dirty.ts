import { useEffect } from 'react';
import { useApp } from '../app-context.js';

/** Tells the app whether this screen holds unsaved changes (leaving then asks), and clears it on unmount. */
export function useDirty(dirty: boolean): void {
  const { setDirty } = useApp();
  useEffect(() => setDirty(dirty), [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
}
