/**
 * The register's own process, run here as a Node child of electron/backend-main.ts (the same entry
 * and message protocol Electron's utilityProcess runs): calls and progress cross the port, main's
 * event loop stays free during a long import (while the same import in-process blocks it), and a
 * crash restarts the process with the register reopened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '../core/api/procedure.js';
import { bigRows, writeXlsx } from '../core/import/testing/corpus.js';
import { tempDir } from '../core/testing/temp-register.js';
import { LocalBackend, type RegisterBackend } from './backend.js';
import { BACKEND_STOPPED, BackendProcess, nodeBackendChild } from './backend-process.js';

const entry = path.join(import.meta.dirname, 'backend-main.ts');
const start = () => nodeBackendChild(entry, [], ['--import', 'tsx']);
const meta = { source: 'ui' as const };

let dir: string;
let backends: RegisterBackend[];
beforeEach(() => {
  dir = tempDir('art30-backend-');
  backends = [];
});
afterEach(async () => {
  for (const b of backends) await b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The longest pause of this process's event loop while `work` runs (a 5 ms timer that should tick). */
/**
 * How long the event loop stood still while `work` ran: the sum of the gaps between 5 ms ticks beyond 20 ms
 * (a relative measure: the import's own commit in-process, against what is left of it across the port —
 * receiving and decoding the replies —, on the same machine at the same moment).
 */
async function timeBlocked(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let blocked = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > 20) blocked += now - last - 5;
    last = now;
  }, 5);
  try {
    await work();
    return blocked;
  } finally {
    clearInterval(timer);
  }
}

async function importLarge(backend: RegisterBackend, file: string, progress?: (p: Progress) => void): Promise<number> {
  expect((await backend.dispatch('organisations/create', { organisation: { name: 'Mairie' } }, meta, { trusted: false })).ok).toBe(true);
  const opened = await backend.dispatch('import/open', { file }, meta, { trusted: true });
  if (!opened.ok) throw new Error(opened.error.message);
  const committed = await backend.dispatch(
    'import/commit',
    { sessionId: (opened.value as { sessionId: string }).sessionId },
    { source: 'import' },
    { trusted: true, context: { progress } },
  );
  if (!committed.ok) throw new Error(committed.error.message);
  return (committed.value as { created: number }).created;
}

describe('the register process', () => {
  it('answers API calls across the port, trusted or not, and reports progress', async () => {
    const backend = new BackendProcess({ start });
    backends.push(backend);
    const file = await backend.open(path.join(dir, 'r.art30'), true);
    expect(file).toBe(path.join(dir, 'r.art30'));
    expect((await backend.dispatch('demo/create', {}, meta, { trusted: false })).ok).toBe(true);
    const list = await backend.dispatch('activities/list', {}, meta, { trusted: false });
    expect(list.ok && (list.value as unknown[]).length).toBe(12);
    // Procedures that take paths stay refused to untrusted callers, in the other process too.
    expect(await backend.dispatch('register/backup', { out: path.join(dir, 'b.art30') }, meta, { trusted: false })).toMatchObject({
      ok: false,
      error: { code: 'unknown_procedure' },
    });
    expect(await backend.dispatch('activities/get', { id: 'x' }, meta, { trusted: false })).toMatchObject({ ok: false, error: { code: 'validation' } });
    // A register that cannot be opened: the previous one stays open.
    fs.writeFileSync(path.join(dir, 'not.art30'), 'not a register');
    await expect(backend.open(path.join(dir, 'not.art30'), false)).rejects.toMatchObject({ code: 'register' });
    expect((await backend.dispatch('activities/list', {}, meta, { trusted: false })).ok).toBe(true);
  });

  it('keeps main responsive during a long import, which blocks it when run in-process', async () => {
    const sheet = path.join(dir, 'big.xlsx');
    await writeXlsx(sheet, { Registre: bigRows(3000) });

    const local = new LocalBackend();
    backends.push(local);
    await local.open(path.join(dir, 'local.art30'), true);
    const blocked = await timeBlocked(() => importLarge(local, sheet));

    const backend = new BackendProcess({ start });
    backends.push(backend);
    await backend.open(path.join(dir, 'remote.art30'), true);
    const phases = new Set<string>();
    let created = 0;
    const free = await timeBlocked(async () => {
      created = await importLarge(backend, sheet, (p) => phases.add(p.phase));
    });
    expect(created).toBe(3000);
    expect(phases.size).toBeGreaterThan(0);
    // In-process the event loop stops for the whole preview and commit; across the port it keeps ticking.
    expect(blocked).toBeGreaterThan(200);
    expect(free).toBeLessThan(blocked / 4);
  });

  it('restarts after a crash, reopens the register and says so; a call in flight gets an error', async () => {
    const restarts: (string | null)[] = [];
    const backend = new BackendProcess({ start, onRestart: (file) => restarts.push(file) });
    backends.push(backend);
    const file = await backend.open(path.join(dir, 'r.art30'), true);
    expect((await backend.dispatch('demo/create', {}, meta, { trusted: false })).ok).toBe(true);
    const first = backend.current;
    const inFlight = backend.dispatch('activities/list', {}, meta, { trusted: false });
    first.kill();
    expect(await inFlight).toMatchObject({ ok: false, error: BACKEND_STOPPED });
    for (let i = 0; i < 500 && restarts.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(restarts).toEqual([file]);
    expect(backend.current).not.toBe(first);
    const list = await backend.dispatch('activities/list', {}, meta, { trusted: false });
    expect(list.ok && (list.value as unknown[]).length).toBe(12);
  });
});
