/**
 * The contract between the renderer and the shell it runs in (Electron main process, or the
 * loopback web server). The renderer reaches the API table with `invoke`; the few operations that
 * need the operating system (file dialogs, writing files, switching register files) are the `app/*`
 * procedures below, implemented by each shell: Electron with native dialogs, the web server with
 * downloads and uploads. Types only: no runtime code, safe to import from the renderer.
 */
import type { ApiError } from '../errors.js';
import type { Progress } from './procedure.js';

export type MenuCommand =
  'new-activity' | 'search' | 'import' | 'export' | 'backup' | 'language-fr' | 'language-en' | 'about' | 'recipients' | 'organisation' | 'reference' | 'register';

export type AppEvent =
  | { type: 'progress'; operation: string; progress: Progress }
  /** A menu entry or accelerator the renderer must act on. */
  | { type: 'menu'; command: MenuCommand }
  /** Another register file was opened: reload everything. */
  | { type: 'register'; file: string }
  /** The register's process stopped and was started again: reload everything (file null: not reopened). */
  | { type: 'restarted'; file: string | null; error?: ApiError };

export type ExportFormat = 'xlsx' | 'pdf' | 'csv' | 'json' | 'docx' | 'html';
/** Who an export is for (core/export/audience.ts). */
export type ExportAudience = 'authority' | 'internal' | 'public';
export type Language = 'fr' | 'en';

/** What an export covers: the same filter as `activities/list`, or selected activities. */
export interface ExportScope {
  organisationId?: number;
  role?: 'controller' | 'joint_controller' | 'processor' | 'controller_register';
  status?: 'draft' | 'active' | 'retired';
  search?: string;
  legalBasis?: string;
  country?: string;
  nonEeaTransfer?: boolean;
  specialCategories?: boolean;
  dpiaRequired?: boolean;
  department?: string;
  ids?: number[];
  refs?: string[];
}

export interface ShellProcedures {
  /** Which shell this is, the open register and recent ones. */
  'app/info': { input: Record<string, never>; output: { shell: 'electron' | 'web'; file: string; recent: string[]; language: Language | null } };
  /** Ask for a destination (Electron: save dialog), export, and say where the file went. */
  'app/export': {
    input: {
      format: ExportFormat;
      lang: Language;
      scope: ExportScope;
      fiches?: boolean;
      audience?: ExportAudience;
      document?: 'register' | 'notice';
      subjects?: string[];
      records?: boolean;
      asOf?: string;
    };
    output: { cancelled: true } | { cancelled: false; file: string; fileName: string; sha256: string; downloadUrl?: string };
  };
  /** Show an exported file in the system file manager (only files this shell wrote). */
  'app/showInFolder': { input: { file: string }; output: { shown: boolean } };
  /** Open a document kept in the register with the system's viewer (Electron); a browser shows it itself: `opened: false`. */
  'app/openDocument': { input: { id: number }; output: { opened: boolean } };
  /** Ask for a spreadsheet (Electron: open dialog) and start an import session: returns its preview. */
  'app/importFile': { input: Record<string, never>; output: { cancelled: true } | { cancelled: false; preview: unknown } };
  /** Ask for a destination and write a blank department template. */
  'app/template': { input: { lang: Language }; output: { cancelled: true } | { cancelled: false; file: string; downloadUrl?: string } };
  /** A review campaign's workbooks and e-mail drafts (or its reminder drafts): into a folder the DPO picks, or one ZIP download. */
  'app/campaignFiles': {
    input: { id: number; reminders: boolean; lang: Language };
    output: { cancelled: true } | { cancelled: false; file: string; files: string[]; downloadUrl?: string };
  };
  'app/backup': { input: Record<string, never>; output: { cancelled: true } | { cancelled: false; file: string; downloadUrl?: string } };
  'app/newRegister': { input: Record<string, never>; output: { cancelled: true } | { cancelled: false; file: string } };
  'app/openRegister': { input: { file?: string }; output: { cancelled: true } | { cancelled: false; file: string } };
  /** The UI language chosen by the DPO (menus follow it). */
  'app/setLanguage': { input: { language: Language }; output: { language: Language } };
}

export type ShellProcedureName = keyof ShellProcedures;

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the Electron preload exposes as `window.art30`, and what the web transport mimics. */
export interface Art30Bridge {
  invoke(procedure: string, input: unknown): Promise<BridgeResult<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}
