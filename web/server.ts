/**
 * Web mode: the built renderer and the API table over HTTP on 127.0.0.1 only, for one register file.
 *
 * Security: the server listens on the loopback interface only; every request must carry the Host
 * `127.0.0.1:PORT` (or `localhost:PORT`), which defeats DNS rebinding; every request must carry the
 * per-run secret token (the page's first load takes it from `?token=` and receives it as a cookie
 * scoped to this port; API calls also send it in the `X-Art30-Token` header, which a cross-site
 * form cannot set). Callers are untrusted: procedures that take file paths are refused, and the
 * `app/*` shell procedures are implemented here with downloads instead of dialogs.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch, isProcedureName, toApiError, type ApiResult } from '../core/api/dispatch.js';
import type { AppEvent, ExportScope, Language } from '../core/api/shell.js';
import { sha256File } from '../core/files.js';
import { Register, type CallMeta } from '../core/register.js';

export interface WebServerOptions {
  /** The register file (created when missing). */
  db: string;
  /** 0 or undefined: a random free port. */
  port?: number;
  /** The built renderer (index.html and assets). */
  rendererDir?: string;
  /** Fixed token (tests); a random one by default. */
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  register: Register;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** Headers sent with every response: nothing may be framed, sniffed or cached across runs. */
const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
};

const MAX_BODY = 64 * 1024 * 1024;

export const defaultRendererDir = (): string => path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'dist', 'renderer');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookies(req: http.IncomingMessage): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) map.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  return map;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('The request is too large.'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

const json = (res: http.ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

/** Files this server wrote for the browser to download (exports, backups, templates). */
interface Download {
  file: string;
  fileName: string;
  type: string;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir ?? defaultRendererDir());
  const register = Register.open(path.resolve(options.db));
  const meta: CallMeta = { source: 'web' };
  const downloadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-web-'));
  const downloads = new Map<string, Download>();
  const listeners = new Set<http.ServerResponse>();
  let language: Language | null = null;
  let port = 0;

  const emit = (event: AppEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(line);
  };

  const offerDownload = (file: string, fileName: string): string => {
    const id = randomBytes(12).toString('base64url');
    const ext = path.extname(fileName).toLowerCase();
    const type =
      ext === '.xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : ext === '.pdf'
          ? 'application/pdf'
          : ext === '.csv'
            ? 'text/csv; charset=utf-8'
            : ext === '.json'
              ? 'application/json; charset=utf-8'
              : 'application/octet-stream';
    downloads.set(id, { file, fileName, type });
    return `/download/${id}/${encodeURIComponent(fileName)}`;
  };

  const stamp = () => new Date().toISOString().slice(0, 10);
  const hasProcedure = (name: string) => isProcedureName(name);

  /** The `app/*` shell procedures, for a browser: files are offered as downloads. */
  async function shell(name: string, input: Record<string, unknown>): Promise<ApiResult<unknown>> {
    const progress = (operation: string) => ({ progress: (p: { phase: string; done: number; total: number }) => emit({ type: 'progress', operation, progress: p }) });
    switch (name) {
      case 'app/info':
        return { ok: true, value: { shell: 'web', file: register.file, recent: [], language } };
      case 'app/setLanguage': {
        const l = input.language;
        if (l !== 'fr' && l !== 'en') return { ok: false, error: { code: 'validation', message: 'The language must be fr or en.' } };
        language = l;
        return { ok: true, value: { language } };
      }
      case 'app/showInFolder':
        return { ok: true, value: { shown: false } };
      case 'app/importFile':
        // A browser uploads the bytes itself (import/openBytes).
        return { ok: true, value: { cancelled: true } };
      case 'app/newRegister':
      case 'app/openRegister':
        return { ok: false, error: { code: 'unknown_procedure', message: 'In web mode the register is the file given with --db: start the server on another file to open it.' } };
      case 'app/backup': {
        const fileName = `${path.basename(register.file).replace(/\.[^.]+$/, '')}-${stamp()}.art30`;
        const out = path.join(fs.mkdtempSync(path.join(downloadsDir, 'b-')), fileName);
        const r = await dispatch(register, 'register/backup', { out }, meta, { trusted: true });
        if (!r.ok) return r;
        return { ok: true, value: { cancelled: false, file: fileName, downloadUrl: offerDownload(out, fileName) } };
      }
      case 'app/template': {
        if (!hasProcedure('import/template')) return { ok: false, error: { code: 'unknown_procedure', message: 'Templates are not available in this version.' } };
        const lang = input.lang === 'en' ? 'en' : 'fr';
        const fileName = lang === 'fr' ? 'modele-registre-service.xlsx' : 'department-register-template.xlsx';
        const out = path.join(fs.mkdtempSync(path.join(downloadsDir, 't-')), fileName);
        const r = await dispatch(register, 'import/template', { out, lang }, meta, { trusted: true });
        if (!r.ok) return r;
        return { ok: true, value: { cancelled: false, file: fileName, downloadUrl: offerDownload(out, fileName) } };
      }
      case 'app/export': {
        const format = String(input.format ?? 'xlsx');
        const lang = input.lang === 'en' ? 'en' : 'fr';
        const scope = (input.scope ?? {}) as ExportScope;
        if (format === 'json' && !hasProcedure('export/file')) {
          const fileName = `register-${stamp()}.json`;
          const out = path.join(fs.mkdtempSync(path.join(downloadsDir, 'e-')), fileName);
          const r = await dispatch(register, 'register/exportJson', { out, scope }, meta, { trusted: true });
          if (!r.ok) return r;
          return { ok: true, value: { cancelled: false, file: fileName, fileName, sha256: sha256File(out), downloadUrl: offerDownload(out, fileName) } };
        }
        if (!hasProcedure('export/file')) return { ok: false, error: { code: 'unknown_procedure', message: 'Exports are not available in this version.' } };
        const ext = (['xlsx', 'pdf', 'csv', 'docx', 'html'] as const).find((f) => f === format) ?? 'json';
        const base = lang === 'fr' ? 'registre' : 'register';
        // The name says what is inside: organisation, scope, audience, date (core/export/run.ts).
        const named = hasProcedure('export/fileName') ? await dispatch(register, 'export/fileName', { ...input, format: ext, lang, scope }, meta, { trusted: true }) : null;
        if (named && !named.ok) return named;
        const fileName = ((named?.value as { fileName?: string } | undefined)?.fileName ?? '') || `${base}-${stamp()}.${ext}`;
        const out = path.join(fs.mkdtempSync(path.join(downloadsDir, 'e-')), fileName);
        const r = await dispatch(register, 'export/file', { ...input, format, lang, scope, out }, meta, { trusted: true, context: progress('export') });
        if (!r.ok) return r;
        const value = (r.value ?? {}) as { file?: string; sha256?: string };
        const written = value.file ?? out;
        return {
          ok: true,
          value: { cancelled: false, file: path.basename(written), fileName: path.basename(written), sha256: value.sha256 ?? sha256File(written), downloadUrl: offerDownload(written, path.basename(written)) },
        };
      }
      default:
        return { ok: false, error: { code: 'unknown_procedure', message: `There is no procedure "${name}".` } };
    }
  }

  function hostAllowed(req: http.IncomingMessage): boolean {
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  const cookieName = () => `art30_${port}`;

  function tokenOf(req: http.IncomingMessage, url: URL): string | null {
    const header = req.headers['x-art30-token'];
    if (typeof header === 'string') return header;
    const q = url.searchParams.get('token');
    if (q) return q;
    return cookies(req).get(cookieName()) ?? null;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req)) return send(res, 421, 'This server answers on 127.0.0.1 only.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = tokenOf(req, url);
    if (!given || !safeEqual(given, token)) return send(res, 403, 'Open Art30 with the address printed by "npm run web" (it carries the access token).');

    if (url.pathname.startsWith('/api/')) {
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      if (name === 'events' && req.method === 'GET') {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (req.method !== 'POST') return send(res, 405, 'Use POST.', 'text/plain; charset=utf-8', { Allow: 'POST' });
      // The API needs the header itself: a cookie alone (which a cross-site form could carry) is not enough.
      if (typeof req.headers['x-art30-token'] !== 'string') return send(res, 403, 'Missing X-Art30-Token header.');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send JSON.');
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (error) {
        const status = (error as { status?: number }).status ?? 400;
        return json(res, status, { ok: false, error: { code: 'bad_input', message: status === 413 ? 'The request is too large.' : 'The request is not valid JSON.' } });
      }
      try {
        const result = name.startsWith('app/')
          ? await shell(name, (input ?? {}) as Record<string, unknown>)
          : await dispatch(register, name, input, meta, { trusted: false, context: { progress: (p) => emit({ type: 'progress', operation: name, progress: p }) } });
        return json(res, 200, result);
      } catch (error) {
        return json(res, 200, { ok: false, error: toApiError(error) });
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');

    if (url.pathname.startsWith('/download/')) {
      const id = url.pathname.split('/')[2] ?? '';
      const d = downloads.get(id);
      if (!d || !fs.existsSync(d.file)) return send(res, 404, 'This download is no longer available.');
      const data = fs.readFileSync(d.file);
      return send(res, 200, data, d.type, { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}` });
    }

    // Static files of the renderer; the first load sets the token cookie for the assets that follow.
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      if (!fs.existsSync(path.join(rendererDir, 'index.html'))) return send(res, 500, 'The renderer is not built: run "npm run build".');
      return send(res, 404, 'Not found.');
    }
    const extra: Record<string, string> = {};
    if (rel === 'index.html') extra['Set-Cookie'] = `${cookieName()}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
    return send(res, 200, fs.readFileSync(file), MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', extra);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) json(res, 500, { ok: false, error: toApiError(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    register,
    async close() {
      for (const res of listeners) res.end();
      listeners.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      register.close();
      fs.rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}
