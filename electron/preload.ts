/**
 * The preload of the app's window (sandboxed, context-isolated): exposes exactly
 * `window.art30 = { invoke, subscribe }` (core/api/shell.ts `Art30Bridge`) and nothing of
 * Electron or Node. Bundled to dist/electron/preload.cjs.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent, Art30Bridge, BridgeResult } from '../core/api/shell.js';

// Literal channel names: a sandboxed preload cannot load other modules of the app.
const INVOKE_CHANNEL = 'art30:invoke';
const EVENT_CHANNEL = 'art30:event';

const bridge: Art30Bridge = {
  invoke(procedure: string, input: unknown): Promise<BridgeResult<unknown>> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, String(procedure), input) as Promise<BridgeResult<unknown>>;
  },
  subscribe(listener: (event: AppEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('subscribe() needs a function');
    const handler = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('art30', bridge);
