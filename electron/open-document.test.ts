import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { files } from '../core/documents/testing.js';
import { tempDir } from '../core/testing/temp-register.js';
import { createInvoker } from './invoke.js';
import { RegisterSession } from './register-session.js';
import { SettingsStore } from './settings.js';
import { createShellHandlers } from './shell-procedures.js';

let dir = '';
let session: RegisterSession | undefined;
afterEach(async () => {
  await session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('app/openDocument hands a private copy of the document to the system’s viewer', async () => {
  dir = tempDir('art30-open-document-');
  const settings = new SettingsStore(path.join(dir, 'userData'));
  session = new RegisterSession({ settings, onSwitch: () => undefined });
  await session.start(path.join(dir, 'register.art30'));
  const opened: string[] = [];
  const noDialogs = { save: () => Promise.resolve(null), open: () => Promise.resolve(null) };
  const shell = createShellHandlers({
    session,
    settings,
    dialogs: noDialogs,
    documentsDir: dir,
    systemLanguage: 'en',
    showItemInFolder: () => undefined,
    openPath: (file) => (opened.push(file), Promise.resolve('')),
  });
  const invoke = createInvoker({ session, shell, send: () => undefined });
  const value = async (r: ReturnType<typeof invoke>) => {
    const x = await r;
    if (!x.ok) throw new Error(x.error.message);
    return x.value as Record<string, unknown>;
  };
  await value(invoke('demo/create', {}));
  const list = (await value(invoke('activities/list', {}))) as unknown as { id: number }[];
  const pdf = files.pdf('contrat');
  const doc = await value(invoke('documents/add', { ownerType: 'activity', ownerId: list[0].id, name: 'contrat.pdf', base64: pdf.toString('base64') }));
  expect(await value(invoke('app/openDocument', { id: doc.id }))).toEqual({ opened: true });
  expect(path.basename(opened[0])).toBe('contrat.pdf');
  expect(fs.readFileSync(opened[0]).equals(pdf)).toBe(true);
  fs.rmSync(path.dirname(opened[0]), { recursive: true, force: true });
  // The renderer names only a document, never a path; an unknown one is refused.
  const bad = await invoke('app/openDocument', { id: 9999 });
  expect(bad.ok).toBe(false);
});
