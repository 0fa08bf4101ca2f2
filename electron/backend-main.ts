/**
 * The register process: the entry Electron main starts with `utilityProcess.fork` (bundled to
 * dist/electron/backend.cjs), and the tests and the bench with Node's `child_process.fork`. It
 * holds the open register and answers the API calls main forwards (electron/backend.ts).
 *
 * Arguments: `--migrations DIR`, `--native FILE` (better-sqlite3 built for Electron),
 * `--print-in-parent` (PDF exports are printed by main's Chromium).
 */
import { parseArgs } from 'node:util';
import { setPdfPrinter } from '../core/export/pdf/printers.js';
import { LocalBackend, serveBackend, type MessagePortLike } from './backend.js';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  off(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function parentPort(): MessagePortLike {
  const electronPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (electronPort) {
    return {
      postMessage: (message) => electronPort.postMessage(message),
      onMessage(listener) {
        const f = (e: { data: unknown }) => listener(e.data);
        electronPort.on('message', f);
        return () => electronPort.off('message', f);
      },
    };
  }
  if (!process.send) throw new Error('The register process must be started by Art30.');
  return {
    postMessage: (message) => void process.send?.(message),
    onMessage(listener) {
      process.on('message', listener);
      return () => void process.off('message', listener);
    },
  };
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { migrations: { type: 'string' }, native: { type: 'string' }, 'print-in-parent': { type: 'boolean' } },
  strict: false,
});

const backend = new LocalBackend({
  ...(typeof values.migrations === 'string' ? { migrationsFolder: values.migrations } : {}),
  ...(typeof values.native === 'string' ? { nativeBinding: values.native } : {}),
});
serveBackend(parentPort(), backend, values['print-in-parent'] ? { installPrinter: setPdfPrinter } : {});
