import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, refusedProtocolHandler } from './app-protocol.js';
import { CONTENT_SECURITY_POLICY } from './security.js';

let dir: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-protocol-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Art30</title><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handle = createAppProtocolHandler(root);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the renderer with its type and the strict CSP', async () => {
    const index = await get('app://art30/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>Art30</title>');

    const script = await get('app://art30/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');
    expect((await get('app://art30/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves the app for the root and for routes of the single-page app', async () => {
    expect(await (await get('app://art30/')).text()).toContain('<title>Art30</title>');
    expect(await (await get('app://art30/activities/12')).text()).toContain('<title>Art30</title>');
    expect((await get('app://art30/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://art30/../secret.txt',
      'app://art30/%2e%2e/secret.txt',
      'app://art30/..%2fsecret.txt',
      'app://art30/assets/..%2f..%2fsecret.txt',
      'app://art30/..%5csecret.txt',
      'app://art30/assets/link.txt',
      'app://other/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('TOP SECRET');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://art30/index.html', 'POST')).status).toBe(405);
    const head = await get('app://art30/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers every other scheme with a refusal', async () => {
    const r = refusedProtocolHandler();
    expect(r.status).toBe(403);
    expect(await r.text()).toMatch(/offline/);
  });
});
