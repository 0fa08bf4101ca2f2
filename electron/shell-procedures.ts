/**
 * The `app/*` shell procedures of the desktop app (see core/api/shell.ts): everything that needs
 * the operating system. The renderer never names a file to write: main asks with a native dialog,
 * then calls the trusted API procedure with the chosen path. Electron is injected (dialogs, the
 * file manager) so the unit tests run these with real registers under plain Node.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unwrap } from '../core/api/dispatch.js';
import type { ProcedureContext } from '../core/api/procedure.js';
import type { ShellHandlers } from '../core/api/shell-contract.js';
import type { ExportFormat, Language } from '../core/api/shell.js';
import { AppError, text } from '../core/errors.js';
import { t as translate } from '../core/i18n/i18n.js';
import type { CallMeta } from '../core/register.js';
import { texts, type ShellTexts } from './i18n.js';
import { REGISTER_EXTENSION, withRegisterExtension, type RegisterSession } from './register-session.js';
import type { SettingsStore } from './settings.js';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Native file dialogs; null when the DPO cancelled. */
export interface FileDialogs {
  save(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  open(options: { title: string; defaultPath?: string; filters: FileFilter[] }): Promise<string | null>;
}

export interface ShellHost {
  session: RegisterSession;
  settings: SettingsStore;
  dialogs: FileDialogs;
  /** Default folder of save dialogs (the DPO's documents). */
  documentsDir: string;
  /** Language of the menus and dialogs when the DPO has not chosen one. */
  systemLanguage: Language;
  showItemInFolder(file: string): void;
  /** Opens a file with the system's default application (Electron's shell.openPath); resolves to an error text, '' when opened. */
  openPath?(file: string): Promise<string>;
  /** The UI language changed: the menus follow. */
  languageChanged?(language: Language): void;
  /** Today, for default file names (replaceable in tests). */
  today?(): string;
}

export { isShellProcedure, shellInputSchemas, type ShellHandler, type ShellHandlers } from '../core/api/shell-contract.js';

const EXPORT_FILTERS: Record<ExportFormat, FileFilter> = {
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  docx: { name: 'Word', extensions: ['docx'] },
  html: { name: 'HTML', extensions: ['html'] },
};

function withExtension(file: string, ext: string): string {
  return path.extname(file).toLowerCase() === `.${ext}` ? file : `${file}.${ext}`;
}

const UI_META: CallMeta = { source: 'ui' };

export function createShellHandlers(host: ShellHost): ShellHandlers {
  /** Files this shell wrote: the only ones "show in folder" reveals. */
  const written = new Set<string>();
  const today = () => (host.today ? host.today() : new Date().toISOString().slice(0, 10));
  const lang = (): Language => host.settings.get().language ?? host.systemLanguage;
  const t = (): ShellTexts => texts(lang());

  /** Runs a trusted API procedure on the open register; its error becomes the shell's. */
  async function trusted(name: string, input: unknown, ctx: ProcedureContext, meta: CallMeta = UI_META): Promise<unknown> {
    return unwrap(await host.session.dispatch(name, input, meta, { trusted: true, context: ctx }));
  }

  const remember = (file: string) => {
    written.add(path.resolve(file));
    return path.resolve(file);
  };

  return {
    'app/info': async () => ({
      shell: 'electron',
      file: host.session.file ?? '',
      recent: [...host.session.recent],
      language: host.settings.get().language ?? null,
    }),

    'app/export': async (input, ctx) => {
      const filter = EXPORT_FILTERS[input.format];
      const chosen = await host.dialogs.save({
        title: t().exportTitle,
        // The name says what is inside: organisation, scope, audience, date (core/export/run.ts).
        defaultPath: path.join(
          host.documentsDir,
          ((await trusted('export/fileName', input, ctx)) as { fileName: string }).fileName || `${t().exportFileName}-${today()}.${input.format}`,
        ),
        filters: [filter],
      });
      if (!chosen) return { cancelled: true };
      const out = withExtension(chosen, input.format);
      const value = (await trusted('export/file', { ...input, out }, ctx)) as { file?: string; sha256: string };
      const file = remember(value.file ?? out);
      return { cancelled: false, file, fileName: path.basename(file), sha256: value.sha256 };
    },

    'app/showInFolder': async (input) => {
      const file = path.resolve(input.file);
      if (!written.has(file)) return { shown: false };
      host.showItemInFolder(file);
      return { shown: true };
    },

    'app/openDocument': async (input, ctx) => {
      if (!host.openPath) return { opened: false };
      // A private copy in a temporary folder, opened with the system's viewer for its kind.
      const doc = (await trusted('documents/get', { id: input.id }, ctx)) as { name: string };
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'art30-document-')), doc.name);
      await trusted('documents/saveFile', { id: input.id, out }, ctx);
      fs.chmodSync(out, 0o400);
      return { opened: (await host.openPath(out)) === '' };
    },

    'app/importFile': async (_input, ctx) => {
      const file = await host.dialogs.open({
        title: t().importTitle,
        defaultPath: host.documentsDir,
        filters: [
          { name: t().spreadsheets, extensions: ['xlsx', 'ods', 'csv'] },
          { name: t().allFiles, extensions: ['*'] },
        ],
      });
      if (!file) return { cancelled: true };
      const preview = await trusted('import/open', { file }, ctx, { source: 'import' });
      return { cancelled: false, preview };
    },

    'app/template': async (input, ctx) => {
      const chosen = await host.dialogs.save({
        title: t().templateTitle,
        defaultPath: path.join(host.documentsDir, `${texts(input.lang).templateFileName}.xlsx`),
        filters: [EXPORT_FILTERS.xlsx],
      });
      if (!chosen) return { cancelled: true };
      const out = withExtension(chosen, 'xlsx');
      const value = (await trusted('import/template', { out, lang: input.lang }, ctx)) as { file?: string };
      return { cancelled: false, file: remember(value.file ?? out) };
    },

    'app/campaignFiles': async (input, ctx) => {
      // The DPO names the folder the campaign's files go into (created if needed).
      const named = (await trusted('campaign/filesName', input, ctx)) as { folder: string };
      const chosen = await host.dialogs.save({ title: translate(lang(), 'campaign.folderTitle'), defaultPath: path.join(host.documentsDir, named.folder), filters: [] });
      if (!chosen) return { cancelled: true };
      const value = (await trusted('campaign/write', { id: input.id, dir: chosen, reminders: input.reminders }, ctx)) as { dir: string; files: string[] };
      for (const f of value.files) remember(path.join(value.dir, f));
      return { cancelled: false, file: value.files.length ? path.join(value.dir, value.files[0]) : value.dir, files: value.files };
    },

    'app/backup': async (_input, ctx) => {
      const current = host.session.file;
      if (!current) throw new AppError('register', text('errors.noRegisterOpen'));
      const base = path.basename(current, path.extname(current));
      const chosen = await host.dialogs.save({
        title: t().backupTitle,
        defaultPath: path.join(host.documentsDir, `${base}-${t().backupFileName}-${today()}.${REGISTER_EXTENSION}`),
        filters: [{ name: t().registerFiles, extensions: [REGISTER_EXTENSION] }],
      });
      if (!chosen) return { cancelled: true };
      const out = withRegisterExtension(chosen);
      if (path.resolve(out) === current) throw new AppError('bad_input', text('errors.backupOverRegister'));
      const value = (await trusted('register/backup', { out }, ctx)) as { file: string };
      return { cancelled: false, file: remember(value.file) };
    },

    'app/newRegister': async () => {
      const chosen = await host.dialogs.save({
        title: t().newRegisterTitle,
        defaultPath: path.join(host.documentsDir, `${t().registerFileName}.${REGISTER_EXTENSION}`),
        filters: [{ name: t().registerFiles, extensions: [REGISTER_EXTENSION] }],
      });
      if (!chosen) return { cancelled: true };
      return { cancelled: false, file: await host.session.switchTo(withRegisterExtension(chosen), 'create') };
    },

    'app/openRegister': async (input) => {
      if (input.file !== undefined) {
        // The renderer may only reopen a register from the recent list: it never names other files.
        const file = path.resolve(input.file);
        if (!host.session.recent.includes(file)) throw new AppError('bad_input', text('errors.notRecent', { file: path.basename(file) }));
        return { cancelled: false, file: await host.session.switchTo(file, 'open') };
      }
      const chosen = await host.dialogs.open({
        title: t().openRegisterTitle,
        defaultPath: host.session.file ? path.dirname(host.session.file) : host.documentsDir,
        filters: [
          { name: t().registerFiles, extensions: [REGISTER_EXTENSION] },
          { name: t().allFiles, extensions: ['*'] },
        ],
      });
      if (!chosen) return { cancelled: true };
      return { cancelled: false, file: await host.session.switchTo(chosen, 'open') };
    },

    'app/setLanguage': async (input) => {
      host.settings.update({ language: input.language });
      host.languageChanged?.(input.language);
      return { language: input.language };
    },
  };
}
