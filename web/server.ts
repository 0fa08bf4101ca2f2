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
import { dispatch, toApiError, unwrap } from '../core/api/dispatch.js';
import type { ProcedureContext } from '../core/api/procedure.js';
import { isShellProcedure, runShellProcedure, type ShellHandlers } from '../core/api/shell-contract.js';
import type { AppEvent, Language } from '../core/api/shell.js';
import { AppError, apiError, text } from '../core/errors.js';
import { sha256File } from '../core/files.js';
import { Register, type CallMeta } from '../core/register.js';
import { t } from '../core/i18n/i18n.js';

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
  /** A trusted API call on this server's register; its error becomes the shell's. */
  const trusted = async (name: string, input: unknown, ctx: ProcedureContext = {}) => unwrap(await dispatch(register, name, input, meta, { trusted: true, context: ctx }));
  const fileIn = (prefix: string, fileName: string) => path.join(fs.mkdtempSync(path.join(downloadsDir, `${prefix}-`)), fileName);

  /** The `app/*` shell procedures (the same contract as Electron main's), for a browser: files are offered as downloads. */
  const shell: ShellHandlers = {
    'app/info': async () => ({ shell: 'web', file: register.file, recent: [], language }),
    'app/setLanguage': async (input) => {
      language = input.language;
      return { language };
    },
    'app/showInFolder': async () => ({ shown: false }),
    // The browser opens a document itself (documents/content).
    'app/openDocument': async () => ({ opened: false }),
    // A browser uploads the bytes itself (import/openBytes).
    'app/importFile': async () => ({ cancelled: true }),
    'app/newRegister': async () => {
      throw new AppError('unknown_procedure', text('errors.webRegisterFixed'));
    },
    'app/openRegister': async () => {
      throw new AppError('unknown_procedure', text('errors.webRegisterFixed'));
    },
    'app/backup': async () => {
      const fileName = `${path.basename(register.file).replace(/\.[^.]+$/, '')}-${stamp()}.art30`;
      const out = fileIn('b', fileName);
      await trusted('register/backup', { out });
      return { cancelled: false, file: fileName, downloadUrl: offerDownload(out, fileName) };
    },
    'app/template': async (input) => {
      const fileName = `${t(input.lang, 'shell.webTemplateFileName')}.xlsx`;
      const out = fileIn('t', fileName);
      await trusted('import/template', { out, lang: input.lang });
      return { cancelled: false, file: fileName, downloadUrl: offerDownload(out, fileName) };
    },
    'app/campaignFiles': async (input, ctx) => {
      // One ZIP of the campaign's workbooks and e-mail drafts (a browser downloads one file).
      const value = (await trusted('campaign/filesBytes', input, ctx)) as { fileName: string; files: string[]; base64: string };
      const out = fileIn('c', value.fileName);
      fs.writeFileSync(out, Buffer.from(value.base64, 'base64'));
      return { cancelled: false, file: value.fileName, files: value.files, downloadUrl: offerDownload(out, value.fileName) };
    },
    'app/export': async (input, ctx) => {
      // The name says what is inside: organisation, scope, audience, date (core/export/run.ts).
      const named = (await trusted('export/fileName', input, ctx)) as { fileName?: string };
      const out = fileIn('e', named.fileName || `${t(input.lang, 'shell.registerFileName')}-${stamp()}.${input.format}`);
      const value = (await trusted('export/file', { ...input, out }, ctx)) as { file?: string; sha256?: string };
      const written = value.file ?? out;
      const fileName = path.basename(written);
      return { cancelled: false, file: fileName, fileName, sha256: value.sha256 ?? sha256File(written), downloadUrl: offerDownload(written, fileName) };
    },
  };

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
        return json(res, status, { ok: false, error: apiError('bad_input', text(status === 413 ? 'errors.requestTooLarge' : 'errors.requestNotJson')) });
      }
      try {
        const context: ProcedureContext = { progress: (p) => emit({ type: 'progress', operation: name, progress: p }) };
        const result = isShellProcedure(name) ? await runShellProcedure(shell, name, input, context) : await dispatch(register, name, input, meta, { trusted: false, context });
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
