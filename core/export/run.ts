/**
 * One export, start to finish: read the scope, write the format to a temporary file, rename it
 * into place (or return its bytes), record it in the history. Used by the `export/file` and
 * `export/bytes` procedures.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ProcedureContext } from '../api/procedure.js';
import { exportDocument } from '../document/export.js';
import { AppError, text } from '../errors.js';
import { t } from '../i18n/i18n.js';
import type { CallMeta, Register } from '../register.js';
import { writeCsv } from './csv.js';
import { Labels, type ExportLang } from './labels.js';
import { getPdfPrinter } from './pdf/printers.js';
import { printRegister } from './pdf/print-register.js';
import type { Audience } from './audience.js';
import { writeDocx } from './docx/register-docx.js';
import { writeNotice, NOTICE_FORMATS, type NoticeFormat } from './notice/notice.js';
import { resolveScope, suggestedFileName, type ExportScope } from './scope.js';
import { ExportSource } from './source.js';
import { isRegisterAsOf, withRegisterAsOf } from '../overview/as-of.js';
import { produceBytes, recordExport, writeAtomically } from './write.js';
import { writeXlsx } from './xlsx/workbook.js';
import { recordsForExport } from './records-export.js';
import { recordsHtml } from './records-pdf.js';
import { contractsForExport, contractsHtml, joinAppendices } from './contracts-export.js';
import { dpoWorkDocx, dpoWorkForExport, dpoWorkHtml } from '../dpo/export.js';

export const EXPORT_FORMATS = ['xlsx', 'pdf', 'csv', 'json', 'docx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** What is exported: the register (or an extract), or the Art. 13/14 information notice drafted from it. */
export const EXPORT_DOCUMENTS = ['register', 'notice'] as const;
export type ExportDocument = (typeof EXPORT_DOCUMENTS)[number];

export interface ExportRequest {
  format: ExportFormat;
  lang: ExportLang;
  scope: ExportScope;
  /** XLSX: one fiche sheet per activity (default: up to 200 activities). */
  fiches?: boolean;
  /** Who the document is for (default: the supervisory authority). */
  audience?: Audience;
  /** The register (default) or the information notice (html, pdf or docx). */
  document?: ExportDocument;
  /** Notice: only the activities whose data subjects match these (label or code, accents and case ignored). */
  subjects?: string[];
  /** XLSX and PDF: the breach record and the request log, when the DPO includes them. */
  records?: boolean;
  /** The register as it stood at the end of this day (YYYY-MM-DD), rebuilt from the verified history. */
  asOf?: string;
}

/** Writes the export to `file` (a temporary path); returns what was read (its scope, its activities). */
export async function produceExport(reg: Register, req: ExportRequest, file: string, ctx: ProcedureContext = {}): Promise<ExportSource> {
  if (req.asOf && !isRegisterAsOf(reg)) return withRegisterAsOf(reg, req.asOf, (past) => produceExport(past, req, file, ctx));
  const source = new ExportSource(reg, resolveScope(reg, req.scope, req.lang), ctx.signal);
  source.asOf = req.asOf;
  const L = Labels.forRegister(reg, req.lang);
  L.audience = req.audience ?? 'authority';
  if (req.document === 'notice') {
    if (!(NOTICE_FORMATS as readonly string[]).includes(req.format)) throw new AppError('validation', text('errors.export.noticeFormat', { format: req.format }));
    await writeNotice(file, source, L, { format: req.format as NoticeFormat, subjects: req.subjects, signal: ctx.signal });
    ctx.progress?.({ phase: 'export.phase.done', done: 1, total: 1 });
    return source;
  }
  // Never in a public register: breaches and requests are for the authority and the organisation.
  const records = req.records && req.audience !== 'public' ? recordsForExport(reg, source) : undefined;
  // Processor contracts (Art. 28) of the scope: a sheet and a section, never in a public register.
  const contracts = contractsForExport(reg, source, L.audience);
  // The DPO's sign-off (and, for internal readers, the recommendations and the action plan): never public (issue 25).
  const dpo = dpoWorkForExport(reg, source, L.audience, req.asOf);
  const organisationNames = new Map(source.organisations.map((o) => [o.id, o.name]));
  const total = source.summaries.length;
  // Phases are catalogue keys, shown in the DPO's language (which may not be the export's).
  const report = (phase: 'writing' | 'printing' | 'done', done: number, of: number) => ctx.progress?.({ phase: `export.phase.${phase}`, done, total: of });
  const writing = (step: string, done: number, of: number) => report(step === 'done' ? 'done' : 'writing', done, of);
  switch (req.format) {
    case 'xlsx':
      await writeXlsx(file, source, L, { fiches: req.fiches, onProgress: writing, records, contracts, dpo });
      break;
    case 'csv': {
      let done = 0;
      writeCsv(file, source, L, () => {
        if (++done % 500 === 0) report('writing', done, total);
      });
      report('done', total, total);
      break;
    }
    case 'docx':
      await writeDocx(file, source, L, { onProgress: writing, annexes: dpo && dpoWorkDocx(dpo, L) });
      report('done', total, total);
      break;
    case 'json':
      fs.writeFileSync(file, `${JSON.stringify({ ...exportDocument(reg, source.scope), ...(req.asOf ? { asOf: req.asOf } : {}) }, null, 2)}\n`);
      report('done', 1, 1);
      break;
    case 'pdf': {
      report('printing', 0, 1);
      let pdf: Buffer;
      try {
        pdf = await printRegister(source, L, getPdfPrinter(), {
          appendix: joinAppendices(records && recordsHtml(records, L), contracts && contractsHtml(contracts, L, organisationNames), dpo && dpoWorkHtml(dpo, L)),
          signal: ctx.signal,
          onVolume: (done, of) => report('printing', done, of),
        });
      } catch (error) {
        source.checkCancelled();
        throw new AppError('internal', text('errors.export.pdf', { reason: (error as Error).message }));
      }
      source.checkCancelled();
      fs.writeFileSync(file, pdf);
      report('done', 1, 1);
      break;
    }
    default:
      throw new AppError('validation', text('errors.export.format', { format: String(req.format) }));
  }
  source.checkCancelled();
  return source;
}

export async function exportToFile(reg: Register, req: ExportRequest & { out: string }, meta: CallMeta, ctx: ProcedureContext = {}) {
  if (path.resolve(req.out) === path.resolve(reg.file)) throw new AppError('bad_input', text('errors.export.overRegister'));
  let source: ExportSource | undefined;
  const { file, sha256 } = await writeAtomically(req.out, async (tmp) => {
    source = await produceExport(reg, req, tmp, ctx);
  });
  const activities = source!.summaries.length;
  recordExport(
    reg,
    meta,
    {
      format: req.format,
      lang: req.lang,
      scope: source!.scope,
      fileName: path.basename(file),
      activities,
      audience: req.audience,
      document: req.document,
      records: req.records,
      ...(req.asOf ? { asOf: req.asOf } : {}),
    },
    sha256,
  );
  return { file, sha256, activities };
}

export async function exportToBytes(reg: Register, req: ExportRequest, meta: CallMeta, ctx: ProcedureContext = {}) {
  let source: ExportSource | undefined;
  const bytes = await produceBytes(async (tmp) => {
    source = await produceExport(reg, req, tmp, ctx);
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileName = exportFileName(reg, req, source!);
  recordExport(
    reg,
    meta,
    {
      format: req.format,
      lang: req.lang,
      scope: source!.scope,
      fileName,
      activities: source!.summaries.length,
      audience: req.audience,
      document: req.document,
      records: req.records,
      ...(req.asOf ? { asOf: req.asOf } : {}),
    },
    sha256,
  );
  return { fileName, mime: EXPORT_MIME[req.format], base64: bytes.toString('base64'), sha256, activities: source!.summaries.length };
}

/** The file name an export should have: organisation, scope, audience, date (`extrait-registre-atelier-lumiere-sas-t-001-t-004-2026-05-01.pdf`). */
export function exportFileName(reg: Register, req: Omit<ExportRequest, 'format'> & { format: string }, source?: ExportSource): string {
  const src = source ?? new ExportSource(reg, resolveScope(reg, req.scope, req.lang));
  const L = Labels.forRegister(reg, req.lang);
  const name = suggestedFileName(L, src.organisations, src.scope, src.exportedAt, req.format, req.audience);
  if (req.document !== 'notice') return name;
  // The notice's name in place of the kind of register (longest word first: "registre-public" before "registre").
  const kinds = (['extract', 'public', 'register'] as const).map((k) => t(req.lang, `export.file.${k}`)).sort((a, b) => b.length - a.length);
  const kind = kinds.find((k) => name.startsWith(k));
  return kind ? t(req.lang, 'export.file.notice') + name.slice(kind.length) : name;
}
