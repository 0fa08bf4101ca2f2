import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcedureName } from '../core/api/dispatch.js';
import type { AppEvent, BridgeResult } from '../core/api/shell.js';
import { Register } from '../core/register.js';
import { tempDir } from '../core/testing/temp-register.js';
import { createInvoker, progressReporter, type Invoker } from './invoke.js';
import { RegisterSession } from './register-session.js';
import { SettingsStore } from './settings.js';
import { createShellHandlers, type FileDialogs } from './shell-procedures.js';

// The import engine's procedures (loaded with its module of the API table).
const hasImportOpen = await isProcedureName('import/open');
const hasTemplate = await isProcedureName('import/template');

/** Dialog answers, in order, as the DPO would give them; null = Cancel. */
class ScriptedDialogs implements FileDialogs {
  answers: (string | null)[] = [];
  asked: { kind: string; title: string; defaultPath?: string; extensions: string[] }[] = [];
  private next(kind: string, o: { title: string; defaultPath?: string; filters: { extensions: string[] }[] }) {
    this.asked.push({ kind, title: o.title, defaultPath: o.defaultPath, extensions: o.filters.flatMap((f) => f.extensions) });
    if (this.answers.length === 0) throw new Error(`unexpected ${kind} dialog`);
    return Promise.resolve(this.answers.shift() ?? null);
  }
  save(o: { title: string; defaultPath: string; filters: { extensions: string[] }[] }) {
    return this.next('save', o);
  }
  open(o: { title: string; defaultPath?: string; filters: { extensions: string[] }[] }) {
    return this.next('open', o);
  }
}

let dir: string;
let userData: string;
let docs: string;
let dialogs: ScriptedDialogs;
let settings: SettingsStore;
let session: RegisterSession;
let events: AppEvent[];
let shown: string[];
let invoke: Invoker;

beforeEach(async () => {
  dir = tempDir('art30-shell-');
  userData = path.join(dir, 'userData');
  docs = path.join(dir, 'Documents');
  fs.mkdirSync(docs, { recursive: true });
  dialogs = new ScriptedDialogs();
  settings = new SettingsStore(userData);
  events = [];
  shown = [];
  session = new RegisterSession({ settings, onSwitch: (file) => events.push({ type: 'register', file }) });
  await session.start(path.join(userData, 'register.art30'));
  const shell = createShellHandlers({
    session,
    settings,
    dialogs,
    documentsDir: docs,
    systemLanguage: 'fr',
    showItemInFolder: (file) => shown.push(file),
    today: () => '2025-03-14',
  });
  invoke = createInvoker({ session, shell, send: (e) => events.push(e) });
  expect(await ok(invoke('demo/create', {}))).toBeTruthy();
});

afterEach(async () => {
  await session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function ok<T = unknown>(result: Promise<BridgeResult<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function fails(result: Promise<BridgeResult<unknown>>) {
  const r = await result;
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

describe('the IPC invoker', () => {
  it('runs API procedures on the open register as untrusted ui calls', async () => {
    const rows = await ok<{ ref: string }[]>(invoke('activities/list', {}));
    expect(rows.length).toBe(12);
    const info = await ok<{ file: string; activities: number }>(invoke('register/info', {}));
    expect(info.file).toBe(path.join(userData, 'register.art30'));
  });

  it('refuses procedures that take file paths, unknown names and malformed calls', async () => {
    const out = path.join(dir, 'stolen.art30');
    expect((await fails(invoke('register/backup', { out }))).code).toBe('unknown_procedure');
    expect(fs.existsSync(out)).toBe(false);
    expect((await fails(invoke('register/exportJson', { out: path.join(dir, 'x.json'), scope: {} }))).code).toBe('unknown_procedure');
    expect((await fails(invoke('register/importJson', { file: '/etc/passwd' }))).code).toBe('unknown_procedure');
    expect((await fails(invoke('app/nothing', {}))).code).toBe('unknown_procedure');
    expect((await fails(invoke('constructor', {}))).code).toBe('unknown_procedure');
    expect((await fails(invoke(42, {}))).code).toBe('unknown_procedure');
    expect((await fails(invoke('activities/get', { id: 'x' }))).code).toBe('validation');
    expect((await fails(invoke('app/setLanguage', { language: 'de' }))).code).toBe('validation');
    expect((await fails(invoke('app/showInFolder', { file: '/etc/passwd', extra: 1 }))).code).toBe('validation');
  });

  it('reports progress as events, throttled, the last one always sent', () => {
    const sent: AppEvent[] = [];
    let now = 0;
    const report = progressReporter(
      'import/commit',
      (e) => sent.push(e),
      50,
      () => now,
    );
    report({ phase: 'Writing', done: 0, total: 3 });
    now = 10;
    report({ phase: 'Writing', done: 1, total: 3 });
    now = 70;
    report({ phase: 'Writing', done: 2, total: 3 });
    now = 71;
    report({ phase: 'Writing', done: 3, total: 3 });
    expect(sent).toEqual([
      { type: 'progress', operation: 'import/commit', progress: { phase: 'Writing', done: 0, total: 3 } },
      { type: 'progress', operation: 'import/commit', progress: { phase: 'Writing', done: 2, total: 3 } },
      { type: 'progress', operation: 'import/commit', progress: { phase: 'Writing', done: 3, total: 3 } },
    ]);
  });
});

describe('shell procedures', () => {
  it('app/info tells the shell, the open register, the recent ones and the language chosen', async () => {
    expect(await ok(invoke('app/info', {}))).toEqual({
      shell: 'electron',
      file: path.join(userData, 'register.art30'),
      recent: [path.join(userData, 'register.art30')],
      language: null,
    });
    await ok(invoke('app/setLanguage', { language: 'en' }));
    expect(await ok(invoke('app/info', {}))).toMatchObject({ language: 'en' });
    expect(new SettingsStore(userData).get().language).toBe('en');
  });

  it('app/backup asks where, writes a consistent copy that opens as a register, and may show it', async () => {
    dialogs.answers = [path.join(docs, 'copy')];
    const r = await ok<{ cancelled: false; file: string }>(invoke('app/backup', {}));
    expect(r.file).toBe(path.join(docs, 'copy.art30'));
    expect(dialogs.asked[0]).toMatchObject({
      kind: 'save',
      title: 'Sauvegarder le registre',
      defaultPath: path.join(docs, 'register-sauvegarde-2025-03-14.art30'),
      extensions: ['art30'],
    });
    const copy = Register.open(r.file, { create: false });
    expect(copy.sqlite.prepare('SELECT count(*) FROM activities').pluck().get() as number).toBe(12);
    copy.close();
    expect(await ok(invoke('app/showInFolder', { file: r.file }))).toEqual({ shown: true });
    expect(shown).toEqual([r.file]);
  });

  it('does nothing when the DPO cancels a dialog', async () => {
    dialogs.answers = [null, null, null];
    expect(await ok(invoke('app/backup', {}))).toEqual({ cancelled: true });
    expect(await ok(invoke('app/newRegister', {}))).toEqual({ cancelled: true });
    expect(await ok(invoke('app/openRegister', {}))).toEqual({ cancelled: true });
    expect(session.file).toBe(path.join(userData, 'register.art30'));
    expect(events.filter((e) => e.type === 'register')).toEqual([]);
  });

  it('shows in the folder only files this shell wrote', async () => {
    const other = path.join(dir, 'other.txt');
    fs.writeFileSync(other, 'x');
    expect(await ok(invoke('app/showInFolder', { file: other }))).toEqual({ shown: false });
    expect(await ok(invoke('app/showInFolder', { file: session.file! }))).toEqual({ shown: false });
    expect(shown).toEqual([]);
  });

  it('a backup never overwrites the register itself', async () => {
    dialogs.answers = [session.file];
    const error = await fails(invoke('app/backup', {}));
    expect(error.message).toMatch(/cannot overwrite the register itself/);
  });

  it('app/newRegister creates an empty register, switches to it, and tells the renderer', async () => {
    const before = session.file!;
    dialogs.answers = [path.join(docs, 'mairie')];
    const r = await ok<{ file: string }>(invoke('app/newRegister', {}));
    expect(r.file).toBe(path.join(docs, 'mairie.art30'));
    expect(session.file).toBe(r.file);
    expect(events).toContainEqual({ type: 'register', file: r.file });
    expect(await ok<unknown[]>(invoke('activities/list', {}))).toEqual([]);
    expect((await ok<{ recent: string[] }>(invoke('app/info', {}))).recent).toEqual([r.file, before]);

    // Back to the first one through the recent list.
    expect(await ok(invoke('app/openRegister', { file: before }))).toEqual({ cancelled: false, file: before });
    expect(await ok<unknown[]>(invoke('activities/list', {}))).toHaveLength(12);
  });

  it('app/newRegister refuses to replace an existing file', async () => {
    const existing = path.join(docs, 'existing.art30');
    fs.writeFileSync(existing, 'keep me');
    dialogs.answers = [existing];
    expect((await fails(invoke('app/newRegister', {}))).message).toMatch(/already exists/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    expect(session.file).toBe(path.join(userData, 'register.art30'));
  });

  it('app/openRegister opens the file chosen in the dialog, and keeps the current register when it is not a register', async () => {
    const notRegister = path.join(docs, 'notes.art30');
    fs.writeFileSync(notRegister, 'this is not SQLite at all, just text that is long enough');
    dialogs.answers = [notRegister];
    const error = await fails(invoke('app/openRegister', {}));
    expect(error.code).toBe('register');
    expect(error.message).toMatch(/notes\.art30 is not an Art30 register/);
    expect(session.file).toBe(path.join(userData, 'register.art30'));
    expect(await ok<unknown[]>(invoke('activities/list', {}))).toHaveLength(12);

    const second = path.join(docs, 'second.art30');
    Register.open(second).close();
    dialogs.answers = [second];
    expect(await ok(invoke('app/openRegister', {}))).toEqual({ cancelled: false, file: second });
    expect(session.file).toBe(second);
  });

  it('the renderer may reopen only a recent register, never name another file', async () => {
    const elsewhere = path.join(dir, 'elsewhere.art30');
    const error = await fails(invoke('app/openRegister', { file: elsewhere }));
    expect(error.message).toMatch(/not one of the recent registers/);
    expect(fs.existsSync(elsewhere)).toBe(false);
  });

  it('export, import and template use the engines once they exist, else say they are not available', async () => {
    if (!(await isProcedureName('export/file'))) {
      expect((await fails(invoke('app/export', { format: 'json', lang: 'fr', scope: {} }))).message).toMatch(/not available/);
    } else {
      dialogs.answers = [path.join(docs, 'extract')];
      const r = await ok<{ cancelled: false; file: string; fileName: string; sha256: string }>(
        invoke('app/export', { format: 'json', lang: 'fr', scope: { organisationId: 1, refs: ['T-001'] } }),
      );
      expect(r.file).toBe(path.join(docs, 'extract.json'));
      expect(r.fileName).toBe('extract.json');
      expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(fs.existsSync(r.file)).toBe(true);
      // The proposed name says what is inside (organisation, references, date).
      expect(dialogs.asked.at(-1)).toMatchObject({ extensions: ['json'] });
      expect(dialogs.asked.at(-1)!.defaultPath).toMatch(/[/\\]Documents[/\\]extrait-registre-atelier-lumiere-sas-t-001-\d{4}-\d\d-\d\d\.json$/);
      expect(await ok(invoke('app/showInFolder', { file: r.file }))).toEqual({ shown: true });
    }
    if (!(await isProcedureName('import/open'))) {
      expect((await fails(invoke('app/importFile', {}))).message).toMatch(/not available/);
    } else {
      dialogs.answers = [null];
      expect(await ok(invoke('app/importFile', {}))).toEqual({ cancelled: true });
    }
  });

  it.skipIf(!hasImportOpen)('app/importFile opens the spreadsheet chosen in the dialog and returns its preview; nothing is written', async () => {
    const csv = path.join(docs, 'paie.csv');
    fs.writeFileSync(csv, 'Référence;Nom du traitement;Finalités;Service\nT-100;Paie des agents;Verser les salaires;RH\n');
    dialogs.answers = [csv];
    const r = await ok<{ cancelled: false; preview: { fileName: string; sessionId: string; counts: { rows: number } } }>(invoke('app/importFile', {}));
    expect(dialogs.asked.at(-1)).toMatchObject({ kind: 'open', extensions: ['xlsx', 'ods', 'csv', '*'] });
    expect(r.preview.fileName).toBe('paie.csv');
    expect(r.preview.counts.rows).toBe(1);
    expect(await ok<unknown[]>(invoke('activities/list', {}))).toHaveLength(12);
    // The renderer carries on with the session through the untrusted API.
    expect((await invoke('import/close', { sessionId: r.preview.sessionId })).ok).toBe(true);
    // But it cannot open a file by path itself.
    expect((await fails(invoke('import/open', { file: csv }))).code).toBe('unknown_procedure');
  });

  it.skipIf(!hasTemplate)('app/template writes the blank department template where the DPO chose', async () => {
    dialogs.answers = [path.join(docs, 'modele')];
    const r = await ok<{ cancelled: false; file: string }>(invoke('app/template', { lang: 'fr' }));
    expect(r.file).toBe(path.join(docs, 'modele.xlsx'));
    expect(fs.readFileSync(r.file).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultPath: path.join(docs, 'modele-registre-art30.xlsx'), extensions: ['xlsx'] });
    expect(await ok(invoke('app/showInFolder', { file: r.file }))).toEqual({ shown: true });
  });
});

describe('app/campaignFiles (issue 22)', () => {
  it('writes a review campaign’s workbooks and e-mail drafts into the folder the DPO names; the window cannot name one', async () => {
    const c = await ok<{ id: number }>(invoke('campaign/create', { organisationId: 1, departments: ['Marketing'], dueOn: '2025-04-30' }));
    dialogs.answers = [path.join(docs, 'revue 2025')];
    const r = await ok<{ file: string; files: string[] }>(invoke('app/campaignFiles', { id: c.id, reminders: false, lang: 'fr' }));
    expect(fs.readdirSync(path.join(docs, 'revue 2025')).sort()).toEqual(['revue-registre-c-001-marketing.eml', 'revue-registre-c-001-marketing.xlsx']);
    expect(dialogs.asked.at(-1)).toMatchObject({
      kind: 'save',
      title: 'Dossier des fichiers de la campagne',
      defaultPath: path.join(docs, 'campagne-de-revue-c-001-atelier-lumiere-sas'),
    });
    expect(await ok(invoke('app/showInFolder', { file: r.file }))).toEqual({ shown: true });
    expect((await fails(invoke('campaign/write', { id: c.id, dir: docs }))).code).toBe('unknown_procedure');
    expect((await fails(invoke('campaign/readFile', { file: r.file }))).code).toBe('unknown_procedure');
  });
});
