/**
 * Writing an export: the file is produced under a temporary name beside the target and renamed
 * only when complete, so a failed or cancelled export leaves no file (and never a half-written
 * one). The export — format, language, scope, file name, SHA-256 — is then recorded in the history.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporaryPathFor } from '../files.js';
import type { CallMeta, Register } from '../register.js';
import type { ExportScope } from './scope.js';

export interface ExportRecord {
  format: string;
  lang: string;
  scope: ExportScope;
  fileName: string;
  activities: number;
  /** An export of the register as it stood at the end of this day. */
  asOf?: string;
  audience?: string;
  document?: string;
  /** The breach record and the request log were included. */
  records?: boolean;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Runs `produce(tmp)`, then renames tmp over `target`. On any failure the temporary file is removed. */
export async function writeAtomically(target: string, produce: (tmp: string) => Promise<void> | void): Promise<{ file: string; sha256: string }> {
  const file = path.resolve(target);
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw Object.assign(new Error(`the folder ${dir} does not exist`), { code: 'ENOENT' });
  const tmp = temporaryPathFor(file);
  try {
    await produce(tmp);
    const sha256 = await sha256OfFile(tmp);
    fs.renameSync(tmp, file);
    return { file, sha256 };
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** Produces the export in a private temporary folder and returns its bytes (web mode). */
export async function produceBytes(produce: (tmp: string) => Promise<void> | void): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-export-'));
  try {
    const tmp = path.join(dir, 'export');
    await produce(tmp);
    return fs.readFileSync(tmp);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Records the export in the history: what was exported, to which file, with which SHA-256. */
export function recordExport(reg: Register, meta: CallMeta, r: ExportRecord, sha256: string): void {
  reg.write(() =>
    reg.record(meta, {
      entityType: 'export',
      entityId: null,
      entityLabel: r.fileName,
      organisationId: r.scope.organisationId ?? null,
      action: 'export',
      changes: [
        {
          path: 'export',
          before: null,
          after: {
            format: r.format,
            lang: r.lang,
            file: r.fileName,
            sha256,
            activities: r.activities,
            scope: r.scope,
            ...(r.audience ? { audience: r.audience } : {}),
            ...(r.document ? { document: r.document } : {}),
            ...(r.records ? { records: true } : {}),
            ...(r.asOf ? { asOf: r.asOf } : {}),
          },
        },
      ],
    }),
  );
}
