/**
 * Import sessions: a file read once, kept in memory between `import/open`, the preview calls (the
 * DPO changing the mapping or excluding rows) and `import/commit`. Nothing touches the register
 * until the commit. Sessions expire after an hour; at most a few are kept.
 */
import type { FicheSide } from '../assemble/fiche-sides.js';
import { randomUUID } from 'node:crypto';
import { AppError, text } from '../../errors.js';
import type { CnilWorkbook } from '../locate/cnil-template.js';
import type { ficheLabels } from '../locate/fiche.js';
import type { PartSheet } from '../assemble/relational.js';
import type { SheetTable } from '../locate/find-table.js';
import type { PreviewPlan } from './preview.js';
import type { WorkbookData } from '../read/workbook.js';

export interface SheetMappingState {
  /** column index → field key (null = ignored) */
  fields: Map<number, string | null>;
  confidence: Map<number, number>;
  source: Map<number, 'auto' | 'saved' | 'user'>;
  savedMapping: string | null;
}

export interface ImportSession {
  id: string;
  openedAt: number;
  registerFile: string;
  fileName: string;
  sha256: string;
  size: number;
  workbook: WorkbookData;
  tables: SheetTable[];
  cnil: CnilWorkbook | null;
  /** Sheets laid out as a fiche (labels and values, one activity each) outside the CNIL template, with their labels. */
  fiches?: Map<number, ReturnType<typeof ficheLabels> & object>;
  /** Columns of a template's guidance beside a fiche's labels, by sheet: read as blank (locate/fiche.ts guidanceColumns). */
  guidance?: Map<number, number[]>;
  /** Relational workbooks: sheets describing parts of the activities of another sheet. */
  parts?: PartSheet[];
  /** Sheets beside the workbook's only fiche that hold one of its lists ("Titulares", "Conservação"). */
  ficheSides?: FicheSide[];
  mappings: Map<number, SheetMappingState>;
  /** The options and plan of the last preview, reused by the commit when nothing changed. */
  last: PreviewPlan | null;
  /** The last preview's sheet, organisation and excluded rows: the commit's defaults. */
  lastOptions: {
    sheet?: string;
    organisationId?: number;
    excludedRows?: (string | number)[];
    includedRows?: string[];
    drafts?: boolean;
    replace?: Record<string, string[]>;
    lang?: 'fr' | 'en';
  };
}

const TTL_MS = 60 * 60 * 1000;
const MAX_SESSIONS = 4;
const sessions = new Map<string, ImportSession>();

function expire(): void {
  const now = Date.now();
  for (const [id, s] of sessions) if (now - s.openedAt > TTL_MS) sessions.delete(id);
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
}

export function addSession(s: Omit<ImportSession, 'id' | 'openedAt' | 'last' | 'lastOptions'>): ImportSession {
  expire();
  const session: ImportSession = { ...s, id: randomUUID(), openedAt: Date.now(), last: null, lastOptions: {} };
  sessions.set(session.id, session);
  expire();
  return session;
}

export function getSession(id: string, registerFile: string): ImportSession {
  expire();
  const s = sessions.get(id);
  if (!s || s.registerFile !== registerFile) throw new AppError('not_found', text('errors.import.sessionGone'));
  return s;
}

export function closeSession(id: string): void {
  sessions.delete(id);
}
