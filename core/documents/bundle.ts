/**
 * The audit bundle (issue 23): one ZIP for an inspector holding the register in scope (PDF and XLSX,
 * with the breach record and the request log unless the audience is the public), every document in
 * scope under a readable tree, and a manifest listing each file with its SHA-256 and the activities
 * it belongs to (`manifest.json`, and `SHA256SUMS` for `sha256sum -c`). The audience rules apply: a
 * document is in the bundle only when its own audience allows it (a public bundle holds no internal
 * document, and no breach or request). `verifyBundle` checks a bundle against its manifest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Zip, ZipPassThrough, unzipSync } from 'fflate';
import type { ProcedureContext } from '../api/procedure.js';
import { t, type Lang } from '../i18n/i18n.js';
import type { CallMeta, Register } from '../register.js';
import { APP_VERSION } from '../version.js';
import type { Audience } from '../export/audience.js';
import { exportFileName, produceExport, type ExportRequest } from '../export/run.js';
import type { ExportScope } from '../export/scope.js';
import { recordExport, writeAtomically } from '../export/write.js';
import { visibleTo } from './model.js';
import { documentContent, listDocuments, sha256 } from './services.js';

export const BUNDLE_FORMAT = 'art30-audit-bundle';
export const BUNDLE_VERSION = 1;

export interface BundleFile {
  path: string;
  sha256: string;
  size: number;
  /** `register` (the register's exports), `document` (a document kept in the register) or `readme`. */
  kind: 'register' | 'document' | 'readme';
  /** References of the activities it belongs to. */
  activities: string[];
  owner?: { type: string; ref: string; name: string };
  document?: { id: number; name: string; kind: string; addedAt: string; addedBy: string; audience: string };
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: number;
  generator: string;
  createdAt: string;
  lang: Lang;
  audience: Audience;
  scope: ExportScope;
  organisations: string[];
  files: BundleFile[];
}

export interface BundleRequest {
  out: string;
  scope: ExportScope;
  lang: Lang;
  audience?: Audience;
  /** Include the PDF (printed by Chromium); default yes. */
  pdf?: boolean;
}

/** A folder or file name safe on every system, readable. */
export function safeName(name: string, max = 80): string {
  const s = name
    // eslint-disable-next-line no-control-regex -- control characters never belong in a path
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (s.length <= max) return s || '-';
  const ext = path.extname(s).slice(0, 12);
  return `${s.slice(0, max - ext.length).trim()}${ext}`;
}

function uniquePath(taken: Set<string>, p: string): string {
  if (!taken.has(p.toLowerCase())) {
    taken.add(p.toLowerCase());
    return p;
  }
  const ext = path.posix.extname(p);
  for (let i = 2; ; i++) {
    const candidate = `${p.slice(0, p.length - ext.length)} (${i})${ext}`;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

export function sha256Lines(files: { path: string; sha256: string }[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

/** Writes the bundle to `req.out` (atomically) and records it in the history. */
export async function writeBundle(
  reg: Register,
  req: BundleRequest,
  meta: CallMeta,
  ctx: ProcedureContext = {},
): Promise<{ file: string; sha256: string; files: number; documents: number; activities: number }> {
  const audience = req.audience ?? 'authority';
  const L = (key: string, params?: Record<string, string | number>) => t(req.lang, key, params);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-bundle-'));
  try {
    const exportReq: Omit<ExportRequest, 'format'> = { lang: req.lang, scope: req.scope, audience, records: audience !== 'public' };
    const xlsxFile = path.join(tmpDir, 'register.xlsx');
    const source = await produceExport(reg, { ...exportReq, format: 'xlsx' }, xlsxFile, ctx);
    const registerFiles: { name: string; file: string }[] = [{ name: exportFileName(reg, { ...exportReq, format: 'xlsx' }, source), file: xlsxFile }];
    if (req.pdf !== false) {
      const pdfFile = path.join(tmpDir, 'register.pdf');
      await produceExport(reg, { ...exportReq, format: 'pdf' }, pdfFile, ctx);
      registerFiles.unshift({ name: exportFileName(reg, { ...exportReq, format: 'pdf' }, source), file: pdfFile });
    }
    const inScope = new Map(source.summaries.map((s) => [s.id, s.ref]));
    const several = source.organisations.length > 1;
    const orgName = new Map(source.organisations.map((o) => [o.id, o.name]));
    const taken = new Set<string>();
    const entries: { file: BundleFile; bytes: () => Buffer }[] = [];
    const registerFolder = L('documents.bundle.folder.register');
    for (const r of registerFiles) {
      const bytes = fs.readFileSync(r.file);
      entries.push({
        file: {
          path: uniquePath(taken, `${registerFolder}/${safeName(r.name, 150)}`),
          sha256: sha256(bytes),
          size: bytes.length,
          kind: 'register',
          activities: [...inScope.values()],
        },
        bytes: () => bytes,
      });
    }
    const docsFolder = L('documents.bundle.folder.documents');
    let documents = 0;
    for (const d of listDocuments(reg)) {
      if (!visibleTo(d.audience, audience)) continue;
      if (audience === 'public' && (d.ownerType === 'breach' || d.ownerType === 'request')) continue;
      const activities = d.owner.activities.filter((a) => inScope.has(a.id)).map((a) => a.ref);
      if (!activities.length) continue;
      const owner = `${d.owner.ref}${d.owner.name ? ` ${d.owner.name}` : ''}`;
      const folder =
        d.ownerType === 'activity' || d.ownerType === 'dpia'
          ? `${safeName(owner)}${d.ownerType === 'dpia' ? `/${L('documents.bundle.folder.dpia')}` : ''}`
          : `${L(`documents.bundle.folder.${d.ownerType === 'contract' ? 'contracts' : d.ownerType === 'breach' ? 'breaches' : 'requests'}`)}/${safeName(owner)}`;
      const org = several ? `${safeName(orgName.get(d.organisationId) ?? String(d.organisationId))}/` : '';
      const id = d.id;
      entries.push({
        file: {
          path: uniquePath(taken, `${docsFolder}/${org}${folder}/${safeName(d.name, 120)}`),
          sha256: d.sha256,
          size: d.size,
          kind: 'document',
          activities,
          owner: { type: d.ownerType, ref: d.owner.ref, name: d.owner.name },
          document: { id: d.id, name: d.name, kind: d.kind, addedAt: d.addedAt, addedBy: d.addedBy, audience: d.audience },
        },
        bytes: () => documentContent(reg, id).bytes,
      });
      documents++;
    }
    const createdAt = reg.now();
    const readme = Buffer.from(
      L('documents.bundle.readme', { generator: `Art30 ${APP_VERSION}`, date: createdAt.slice(0, 10), audience: L(`documents.bundle.audience.${audience}`) }),
    );
    entries.unshift({ file: { path: uniquePath(taken, 'README.txt'), sha256: sha256(readme), size: readme.length, kind: 'readme', activities: [] }, bytes: () => readme });
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      generator: `Art30 ${APP_VERSION}`,
      createdAt,
      lang: req.lang,
      audience,
      scope: source.scope,
      organisations: source.organisations.map((o) => o.name),
      files: entries.map((e) => e.file),
    };
    const { file, sha256: zipSha } = await writeAtomically(req.out, (tmp) => writeZip(tmp, entries, manifest));
    recordExport(
      reg,
      meta,
      { format: 'bundle', lang: req.lang, scope: source.scope, fileName: path.basename(file), activities: source.summaries.length, audience, records: audience !== 'public' },
      zipSha,
    );
    return { file, sha256: zipSha, files: entries.length, documents, activities: source.summaries.length };
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

/** Streams the entries into a ZIP (stored: documents are compressed already), manifest last. */
function writeZip(target: string, entries: { file: BundleFile; bytes: () => Buffer }[], manifest: BundleManifest): Promise<void> {
  const fd = fs.openSync(target, 'w');
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const zip = new Zip((err, chunk, final) => {
      if (failed) return;
      if (err) {
        failed = true;
        reject(err);
        return;
      }
      try {
        fs.writeSync(fd, chunk);
      } catch (e) {
        failed = true;
        reject(e as Error);
        return;
      }
      if (final) resolve();
    });
    const add = (name: string, bytes: Uint8Array) => {
      const f = new ZipPassThrough(name);
      zip.add(f);
      f.push(bytes, true);
    };
    try {
      for (const e of entries) {
        const bytes = e.bytes();
        if (sha256(bytes) !== e.file.sha256) throw new Error(`${e.file.path}: content does not match its SHA-256`);
        add(e.file.path, bytes);
      }
      add('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
      add('SHA256SUMS', Buffer.from(sha256Lines(manifest.files)));
      zip.end();
    } catch (e) {
      failed = true;
      reject(e as Error);
    }
  }).finally(() => fs.closeSync(fd));
}

export interface BundleProblem {
  path: string;
  problem: 'altered' | 'missing' | 'extra';
}

export type BundleCheck =
  { ok: true; files: number; manifest: BundleManifest } | { ok: false; files: number; problems: BundleProblem[]; manifest?: BundleManifest; unreadable?: string };

/** Checks every file of a bundle against its manifest: each listed file present with its SHA-256, nothing unlisted. */
export function verifyBundle(bytes: Uint8Array): BundleCheck {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    return { ok: false, files: 0, problems: [], unreadable: (error as Error).message };
  }
  const raw = entries['manifest.json'];
  if (!raw) return { ok: false, files: 0, problems: [], unreadable: 'manifest.json' };
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(Buffer.from(raw).toString('utf8')) as BundleManifest;
    if (manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files)) throw new Error(`not an ${BUNDLE_FORMAT} manifest`);
  } catch (error) {
    return { ok: false, files: 0, problems: [], unreadable: `manifest.json: ${(error as Error).message}` };
  }
  const problems: BundleProblem[] = [];
  const listed = new Set<string>(['manifest.json', 'SHA256SUMS']);
  for (const f of manifest.files) {
    listed.add(f.path);
    const content = entries[f.path];
    if (!content) problems.push({ path: f.path, problem: 'missing' });
    else if (sha256(content) !== f.sha256) problems.push({ path: f.path, problem: 'altered' });
  }
  const sums = entries.SHA256SUMS;
  if (sums && Buffer.from(sums).toString('utf8') !== sha256Lines(manifest.files)) problems.push({ path: 'SHA256SUMS', problem: 'altered' });
  for (const name of Object.keys(entries)) if (!listed.has(name) && !name.endsWith('/')) problems.push({ path: name, problem: 'extra' });
  return problems.length ? { ok: false, files: manifest.files.length, problems, manifest } : { ok: true, files: manifest.files.length, manifest };
}
