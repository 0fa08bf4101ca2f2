/**
 * The `app://art30/` protocol: serves the built renderer (dist/renderer) with the strict
 * Content-Security-Policy, refusing anything outside that folder. A plain `Request → Response`
 * function (web standard), installed with `protocol.handle('app', …)` and tested under Node.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { RESPONSE_HEADERS, mimeType, resolveAppFile } from './security.js';

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...RESPONSE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererRoot);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    let file = resolveAppFile(root, request.url);
    if (!file) return refuse(403, 'Forbidden');
    try {
      let stat = await fs.stat(file).catch(() => null);
      // The renderer is a single page: an unknown path without an extension is the app itself.
      if (!stat && !path.extname(file)) {
        file = path.join(root, 'index.html');
        stat = await fs.stat(file).catch(() => null);
      }
      if (stat?.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fs.stat(file).catch(() => null);
      }
      if (!stat || !stat.isFile()) return refuse(404, 'Not found');
      // A symbolic link inside the folder must not lead out of it.
      const real = await fs.realpath(file);
      const realRoot = await fs.realpath(root);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return refuse(403, 'Forbidden');
      const body = request.method === 'HEAD' ? null : await fs.readFile(real);
      return new Response(body, {
        status: 200,
        headers: { ...RESPONSE_HEADERS, 'content-type': mimeType(real), 'cache-control': 'no-cache' },
      });
    } catch {
      return refuse(404, 'Not found');
    }
  };
}

/** Every other scheme a renderer might reach (http, https, file) answers "offline". */
export function refusedProtocolHandler(): Response {
  return new Response('Art30 works offline: network requests are refused.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
