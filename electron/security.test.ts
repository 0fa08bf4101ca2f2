import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { HandlerDetails, IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  RESPONSE_HEADERS,
  isAllowedRequest,
  isAppUrl,
  isExternalLink,
  isTrustedSender,
  resolveAppFile,
  secureSession,
  secureWebContents,
  windowOpenDecision,
} from './security.js';
import { webPreferences, windowOptions } from './window-options.js';

describe('window options', () => {
  it('isolates and sandboxes the renderer, without Node, with web security', () => {
    const prefs = webPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('builds the window with those preferences, hidden until ready, DevTools off by default', () => {
    const o = windowOptions('/p.cjs', { width: 1000, height: 700 });
    expect(o.show).toBe(false);
    expect(o.center).toBe(true);
    expect(o.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false, preload: '/p.cjs' });
    expect(windowOptions('/p.cjs', { x: 10, y: 20, width: 1000, height: 700 }, { devTools: true })).toMatchObject({ x: 10, y: 20, webPreferences: { devTools: true } });
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows only the app itself, no inline script, no eval, no network', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('is sent with every response of the app protocol', () => {
    expect(RESPONSE_HEADERS['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(RESPONSE_HEADERS['x-content-type-options']).toBe('nosniff');
  });

  it('registers app: as a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, bypassCSP: false } });
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
  });
});

describe('requests', () => {
  it('lets through the app origin only: the app is offline', () => {
    expect(isAllowedRequest('app://art30/index.html')).toBe(true);
    expect(isAllowedRequest('app://art30/assets/index-abc.js')).toBe(true);
    expect(isAllowedRequest('blob:app://art30/2f0c5b3e-1b7e-4c1e-9d7a-0c4f3e2a1b00')).toBe(true);
    expect(isAllowedRequest('data:image/svg+xml,<svg/>')).toBe(true);
    expect(isAllowedRequest('blob:https://example.org/2f0c5b3e')).toBe(false);
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:8080/api',
      'ws://localhost/',
      'wss://example.org/socket',
      'file:///etc/passwd',
      'ftp://example.org/',
      'app://evil/index.html',
      'app://art30.evil.org/',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', { devTools: true })).toBe(true);
  });

  it('maps app URLs to files inside the renderer folder and refuses traversal', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveAppFile(root, 'app://art30/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://art30/assets/a.js')).toBe(path.join(root, 'assets', 'a.js'));
    expect(resolveAppFile(root, 'app://art30/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
    for (const url of [
      'app://art30/..%2f..%2fetc%2fpasswd',
      'app://art30/assets/..%2F..%2Fsecret',
      'app://art30/%2e%2e%5csecret',
      'app://art30/a%00.js',
      'app://art30/%E0%A4%A',
      'app://art30/C:/Windows/win.ini',
      'app://other/index.html',
      'https://art30/index.html',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
    // The URL parser folds plain `..` segments: the result still stays inside the folder.
    for (const url of ['app://art30/../../etc/passwd', 'app://art30/%2e%2e/%2e%2e/etc/passwd']) {
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(root + path.sep), url).toBe(true);
    }
  });
});

describe('external links', () => {
  it('accepts http(s) links only', () => {
    expect(isExternalLink('https://www.cnil.fr/fr/RGDP-le-registre-des-activites-de-traitement')).toBe(true);
    expect(isExternalLink('http://example.org')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'app://art30/', 'https://user:pw@example.org/', 'mailto:dpo@example.org']) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });

  it('opens a clicked link (a new tab) in the system browser, at most once a second', () => {
    const link = (url: string, disposition: HandlerDetails['disposition'] = 'foreground-tab') => ({ url, disposition });
    expect(windowOpenDecision(link('https://www.cnil.fr/'), 0, 10_000).openExternal).toBe(true);
    expect(windowOpenDecision(link('https://www.cnil.fr/', 'background-tab'), 0, 10_000).openExternal).toBe(true);
    expect(windowOpenDecision(link('https://www.cnil.fr/', 'new-window'), 0, 10_000).openExternal).toBe(false);
    expect(windowOpenDecision(link('file:///etc/passwd'), 0, 10_000).openExternal).toBe(false);
    expect(windowOpenDecision(link('https://www.cnil.fr/'), 9_500, 10_000).openExternal).toBe(false);
  });
});

/** The parts of WebContents the policy touches, recorded (Electron cannot run here). */
class RecordingContents extends EventEmitter {
  openHandler: ((d: HandlerDetails) => { action: string }) | null = null;
  url = 'app://art30/index.html';
  setWindowOpenHandler(handler: (d: HandlerDetails) => { action: string }) {
    this.openHandler = handler;
  }
  getURL() {
    return this.url;
  }
}

function navigationEvent(url: string) {
  let prevented = false;
  return {
    url,
    preventDefault() {
      prevented = true;
    },
    get prevented() {
      return prevented;
    },
  };
}

describe('secureWebContents', () => {
  it('refuses navigation, redirects and webviews; new windows are denied, clicked http(s) links go to the browser', () => {
    const contents = new RecordingContents();
    const opened: string[] = [];
    let now = 100_000;
    secureWebContents(contents as unknown as WebContents, { openExternal: async (url: string) => void opened.push(url) }, () => now);

    for (const event of ['will-navigate', 'will-frame-navigate']) {
      const away = navigationEvent('https://attacker.example/');
      contents.emit(event, away);
      expect(away.prevented, event).toBe(true);
      const file = navigationEvent('file:///etc/passwd');
      contents.emit(event, file);
      expect(file.prevented, event).toBe(true);
      const reload = navigationEvent('app://art30/index.html');
      contents.emit(event, reload);
      expect(reload.prevented, `${event} reload`).toBe(false);
    }
    const redirect = navigationEvent('https://attacker.example/');
    contents.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
    const webview = navigationEvent('');
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.prevented).toBe(true);

    const open = contents.openHandler!;
    expect(open({ url: 'https://www.cnil.fr/', disposition: 'foreground-tab' } as HandlerDetails)).toEqual({ action: 'deny' });
    expect(open({ url: 'https://again.example/', disposition: 'foreground-tab' } as HandlerDetails)).toEqual({ action: 'deny' });
    now += 5_000;
    expect(open({ url: 'file:///etc/passwd', disposition: 'foreground-tab' } as HandlerDetails)).toEqual({ action: 'deny' });
    expect(open({ url: 'https://popup.example/', disposition: 'new-window' } as HandlerDetails)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.cnil.fr/']);
  });
});

describe('secureSession', () => {
  it('cancels every non-app request and refuses every permission', () => {
    const recorded: Record<string, unknown> = {};
    const fake = {
      webRequest: {
        onBeforeRequest: (filter: unknown, listener: unknown) => Object.assign(recorded, { filter, beforeRequest: listener }),
        onHeadersReceived: (listener: unknown) => Object.assign(recorded, { headers: listener }),
      },
      setPermissionRequestHandler: (h: unknown) => Object.assign(recorded, { permissionRequest: h }),
      setPermissionCheckHandler: (h: unknown) => Object.assign(recorded, { permissionCheck: h }),
      setDevicePermissionHandler: (h: unknown) => Object.assign(recorded, { device: h }),
      setDisplayMediaRequestHandler: (h: unknown) => Object.assign(recorded, { displayMedia: h }),
      on: (event: string, h: unknown) => Object.assign(recorded, { [event]: h }),
    };
    secureSession(fake as unknown as Session);
    expect(recorded.filter).toEqual({ urls: ['<all_urls>'] });
    const decide = (url: string) => {
      let result: { cancel?: boolean } = {};
      (recorded.beforeRequest as (d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void)({ url }, (r) => (result = r));
      return result.cancel;
    };
    expect(decide('app://art30/index.html')).toBe(false);
    expect(decide('https://example.org/')).toBe(true);
    expect(decide('http://127.0.0.1:9000/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);

    let granted: boolean | null = null;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fileSystem']) {
      (recorded.permissionRequest as (c: unknown, p: string, cb: (g: boolean) => void) => void)(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect((recorded.permissionCheck as (c: unknown, p: string) => boolean)(null, permission), permission).toBe(false);
    }
    expect((recorded.device as () => boolean)()).toBe(false);

    let headers: Record<string, string[]> = {};
    (recorded.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);

    let downloadPrevented = false;
    (recorded['will-download'] as (e: { preventDefault(): void }) => void)({ preventDefault: () => (downloadPrevented = true) });
    expect(downloadPrevented).toBe(true);
  });
});

describe('isTrustedSender', () => {
  const mainFrame = { url: 'app://art30/index.html' };
  const win = { mainFrame, isDestroyed: () => false } as unknown as WebContents;
  const event = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent;

  it('accepts the main frame of the app window showing the app', () => {
    expect(isTrustedSender(event(win, mainFrame), win)).toBe(true);
  });

  it('refuses other windows, subframes, other origins, and a closed window', () => {
    const other = { mainFrame: { url: 'app://art30/index.html' }, isDestroyed: () => false };
    expect(isTrustedSender(event(other, other.mainFrame), win)).toBe(false);
    expect(isTrustedSender(event(win, { url: 'app://art30/index.html' }), win)).toBe(false);
    expect(isTrustedSender(event(win, null), win)).toBe(false);
    const navigated = { mainFrame: { url: 'https://attacker.example/' }, isDestroyed: () => false } as unknown as WebContents;
    expect(isTrustedSender(event(navigated, navigated.mainFrame), navigated)).toBe(false);
    expect(isTrustedSender(event(win, mainFrame), null)).toBe(false);
    const closed = { mainFrame, isDestroyed: () => true } as unknown as WebContents;
    expect(isTrustedSender(event(closed, mainFrame), closed)).toBe(false);
  });
});

describe('PDF print session', () => {
  it('lets through only the document being printed and inline data', async () => {
    const { isPrintRequest } = await import('./print-policy.js');
    expect(isPrintRequest('app://print/document-1.html')).toBe(true);
    expect(isPrintRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['app://art30/index.html', 'https://example.org/font.woff2', 'file:///etc/passwd', 'app://printer.evil/']) {
      expect(isPrintRequest(url), url).toBe(false);
    }
  });
});
