/**
 * Regulator-ready exports of the register (or an extract): XLSX, PDF, CSV, JSON, in French or
 * English. `export/file` writes a file by path (trusted callers only: Electron main after a save
 * dialog, the CLI, tests); `export/bytes` returns the file's bytes (the browser / web mode). Both
 * report progress, honour cancellation, and record the export in the history.
 */
import { z } from 'zod';
import { EXPORT_LANGS } from '../../export/labels.js';
import { AUDIENCES } from '../../export/audience.js';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, exportFileName, exportToBytes, exportToFile } from '../../export/run.js';
import { procedure } from '../procedure.js';
import { activityFilterSchema } from './activities.js';

const exportRequest = z.object({
  format: z.enum(EXPORT_FORMATS, { error: (iss) => `"${String(iss.input)}" is not an export format (xlsx, pdf, csv, json, docx or html)` }),
  lang: z.enum(EXPORT_LANGS, { error: 'must be fr or en' }).default('fr'),
  scope: activityFilterSchema,
  /** XLSX: one fiche sheet per activity; by default only up to 200 activities. */
  fiches: z.boolean().optional(),
  /** Who the document is for: the supervisory authority (default), internal (with points to review), public. */
  audience: z.enum(AUDIENCES, { error: 'must be authority, internal or public' }).optional(),
  /** The register (default) or the Art. 13/14 information notice drafted from the activities in scope. */
  document: z.enum(EXPORT_DOCUMENTS).optional(),
  /** Notice: the data subjects it is for (e.g. "Clients"). */
  subjects: z.array(z.string().min(1).max(200)).max(50).optional(),
  /** XLSX and PDF: include the breach record and the request log. */
  records: z.boolean().optional(),
  /** The register as it stood at the end of this day (YYYY-MM-DD), rebuilt from the verified history. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date (YYYY-MM-DD)' })
    .optional(),
});

export const exportProcedures = {
  'export/file': procedure({
    summary: 'Export the register (or the activities in scope) to an XLSX, PDF, CSV or JSON file',
    trusted: true,
    input: exportRequest.extend({ out: z.string().min(1).max(4096) }),
    run: (reg, i, meta, ctx) => exportToFile(reg, i, meta, ctx),
  }),
  'export/fileName': procedure({
    summary: 'The file name an export would have: organisation, scope, audience and date',
    input: exportRequest,
    run: (reg, i) => ({ fileName: exportFileName(reg, i) }),
  }),
  'export/bytes': procedure({
    summary: 'Export the register (or the activities in scope) and return the file as base64',
    input: exportRequest,
    run: (reg, i, meta, ctx) => exportToBytes(reg, i, meta, ctx),
  }),
};
