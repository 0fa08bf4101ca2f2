/**
 * Documents kept in the register and the audit bundle: `documents/*`. The window sends a file's
 * bytes as base64 (`documents/add`); trusted callers (the CLI, Electron main after a dialog) name a
 * path (`documents/addFile`). `documents/bundle` writes the audit bundle, `documents/verifyBundle`
 * checks one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DOCUMENT_OWNER_TYPES, type DocumentOwnerType } from '../../../db/document-store.js';
import { contractStore } from '../../contracts/services.js';
import { writeBundle, verifyBundle } from '../../documents/bundle.js';
import { DOCUMENT_AUDIENCES } from '../../documents/model.js';
import {
  addDocument,
  documentContent,
  documentLimits,
  documentOwner,
  getDocument,
  listDocuments,
  removeDocument,
  replaceDocument,
  updateDocument,
} from '../../documents/services.js';
import { AppError, text } from '../../errors.js';
import { AUDIENCES } from '../../export/audience.js';
import { EXPORT_LANGS } from '../../export/labels.js';
import { exportFileName } from '../../export/run.js';
import { t } from '../../i18n/i18n.js';
import type { Register } from '../../register.js';
import { procedure } from '../procedure.js';
import { activityFilterSchema } from './activities.js';
import { id, version } from './common.js';

const ownerType = z.enum(DOCUMENT_OWNER_TYPES, { error: 'must be activity, dpia, contract, breach or request' });
/** 25 MB as base64, and a little more so that the service says the file is too large. */
const base64 = z
  .string()
  .max(40 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/=\s]*$/, { error: 'must be base64' });
const details = {
  audience: z.enum(DOCUMENT_AUDIENCES).optional(),
  note: z.string().max(2000).optional(),
  addedBy: z.string().max(200).optional(),
};

function readFile(file: string): { name: string; bytes: Buffer } {
  try {
    return { name: file, bytes: fs.readFileSync(file) };
  } catch (error) {
    throw new AppError('bad_input', text('documents.error.unreadable', { name: file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
}

/** The record a reference names: an activity (or its DPIA), a contract, a breach or a request. */
export function resolveOwner(reg: Register, ref: string, organisationId?: number, to?: DocumentOwnerType): { type: DocumentOwnerType; id: number } {
  const org = organisationId ? ' AND organisation_id = ?' : '';
  const params = organisationId ? [ref, organisationId] : [ref];
  const ids = (table: string) =>
    (
      reg.sqlite
        .prepare(`SELECT id FROM ${table} WHERE ref = ? COLLATE NOCASE${org}`)
        .pluck()
        .all(...params) as number[]
    ).map(Number);
  const found: { type: DocumentOwnerType; id: number }[] = [];
  const wanted = (types: DocumentOwnerType[]) => !to || types.includes(to);
  if (wanted(['activity', 'dpia'])) for (const i of ids('activities')) found.push({ type: to === 'dpia' ? 'dpia' : 'activity', id: i });
  if (wanted(['contract']))
    for (const i of organisationId ? contractStore(reg).idsByRef(ref, organisationId) : contractStore(reg).idsByRef(ref)) found.push({ type: 'contract', id: i });
  if (wanted(['breach'])) for (const i of ids('breaches')) found.push({ type: 'breach', id: i });
  if (wanted(['request'])) for (const i of ids('subject_requests')) found.push({ type: 'request', id: i });
  if (!found.length) throw new AppError('not_found', text('documents.error.refNotFound', { ref }));
  if (found.length > 1) {
    const list = found.map((f) => `${f.type} #${f.id} (${documentOwner(reg, f.type, f.id).organisationId})`).join(', ');
    throw new AppError('conflict', text('documents.error.ambiguousRef', { ref, list }));
  }
  return found[0];
}

export const documentProcedures = {
  'documents/list': procedure({
    summary: 'The documents kept in the register: of a record, an organisation or an activity (with its DPIA, contracts, breaches and requests)',
    input: z.object({ ownerType: ownerType.optional(), ownerId: id.optional(), organisationId: id.optional(), activityId: id.optional() }).default({}),
    run: (reg, i) => listDocuments(reg, i),
  }),
  'documents/get': procedure({ summary: 'One document', input: z.object({ id }), run: (reg, i) => getDocument(reg, i.id) }),
  'documents/content': procedure({
    summary: 'A document’s file, as base64, to open it with the system’s viewer',
    input: z.object({ id }),
    run: (reg, i) => {
      const { document, bytes } = documentContent(reg, i.id);
      return { name: document.name, mediaType: document.mediaType, sha256: document.sha256, base64: bytes.toString('base64') };
    },
  }),
  'documents/saveFile': procedure({
    summary: 'Write a document’s file to a path (to open it with the system’s viewer)',
    trusted: true,
    input: z.object({ id, out: z.string().min(1).max(4096) }),
    run: (reg, i) => {
      const { bytes } = documentContent(reg, i.id);
      fs.writeFileSync(i.out, bytes);
      return { file: i.out };
    },
  }),
  'documents/limits': procedure({
    summary: 'The size limits of one document and of all the register’s documents',
    input: z.object({}).default({}),
    run: (reg) => documentLimits(reg),
  }),
  'documents/resolveOwner': procedure({
    summary: 'The record a reference names (activity, DPIA, contract, breach or request)',
    input: z.object({ ref: z.string().trim().min(1).max(100), organisationId: id.optional(), to: ownerType.optional() }),
    run: (reg, i) => {
      const o = resolveOwner(reg, i.ref, i.organisationId, i.to);
      return documentOwner(reg, o.type, o.id);
    },
  }),
  'documents/add': procedure({
    summary: 'Attach a document (its bytes as base64) to an activity, its DPIA, a contract, a breach or a request',
    input: z.object({ ownerType, ownerId: id, name: z.string().min(1).max(1000), base64, ...details }),
    run: (reg, i, meta) => addDocument(reg, { ...i, bytes: Buffer.from(i.base64, 'base64') }, meta),
  }),
  'documents/addFile': procedure({
    summary: 'Attach a file (by path) to an activity, its DPIA, a contract, a breach or a request',
    trusted: true,
    input: z.object({ ownerType, ownerId: id, path: z.string().min(1).max(4096), ...details }),
    run: (reg, i, meta) => addDocument(reg, { ...i, ...readFile(i.path) }, meta),
  }),
  'documents/replace': procedure({
    summary: 'Replace a document’s file by a newer one (base64); the earlier file stays in the history',
    input: z.object({ id, version, name: z.string().min(1).max(1000), base64 }),
    run: (reg, i, meta) => replaceDocument(reg, i.id, i.version, { name: i.name, bytes: Buffer.from(i.base64, 'base64') }, meta),
  }),
  'documents/replaceFile': procedure({
    summary: 'Replace a document’s file by a newer one (by path)',
    trusted: true,
    input: z.object({ id, version, path: z.string().min(1).max(4096) }),
    run: (reg, i, meta) => replaceDocument(reg, i.id, i.version, readFile(i.path), meta),
  }),
  'documents/update': procedure({
    summary: 'Change a document’s name, audience or note',
    input: z.object({ id, version, name: z.string().min(1).max(1000).optional(), audience: z.enum(DOCUMENT_AUDIENCES).optional(), note: z.string().max(2000).optional() }),
    run: (reg, i, meta) => updateDocument(reg, i.id, i.version, i, meta),
  }),
  'documents/remove': procedure({
    summary: 'Remove a document from its record and the exports (it stays in the history)',
    input: z.object({ id, version }),
    run: (reg, i, meta) => {
      removeDocument(reg, i.id, i.version, meta);
      return { removed: true };
    },
  }),
  'documents/bundle': procedure({
    summary: 'Write the audit bundle: the register (PDF and XLSX), the documents in scope and a manifest with their SHA-256, as one ZIP',
    trusted: true,
    input: z.object({
      out: z.string().min(1).max(4096),
      scope: activityFilterSchema,
      lang: z.enum(EXPORT_LANGS).default('fr'),
      audience: z.enum(AUDIENCES).optional(),
      pdf: z.boolean().optional(),
    }),
    run: (reg, i, meta, ctx) => writeBundle(reg, i, meta, ctx),
  }),
  'documents/bundleBytes': procedure({
    summary: 'Write the audit bundle and return it as base64 (the window, web mode), with the file name it should have',
    input: z.object({ scope: activityFilterSchema, lang: z.enum(EXPORT_LANGS).default('fr'), audience: z.enum(AUDIENCES).optional() }),
    run: async (reg, i, meta, ctx) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-bundle-out-'));
      try {
        const out = path.join(dir, 'bundle.zip');
        const result = await writeBundle(reg, { ...i, out }, meta, ctx);
        const fileName = `${t(i.lang, 'documents.bundle.fileName')}-${exportFileName(reg, { ...i, format: 'zip' })}`;
        return { fileName, mime: 'application/zip', base64: fs.readFileSync(out).toString('base64'), sha256: result.sha256, files: result.files, documents: result.documents };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  }),
  'documents/verifyBundle': procedure({
    summary: 'Check an audit bundle: every file against the SHA-256 of its manifest',
    trusted: true,
    input: z.object({ path: z.string().min(1).max(4096) }),
    run: (_reg, i) => {
      const { bytes } = readFile(i.path);
      const check = verifyBundle(bytes);
      return check.ok
        ? { ok: true as const, files: check.files, problems: [] }
        : { ok: false as const, files: check.files, problems: check.problems, unreadable: check.unreadable };
    },
  }),
};
