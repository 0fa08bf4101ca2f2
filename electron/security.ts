/**
 * The security policy of the desktop app, as small functions a unit test can assert without an
 * Electron binary: the app is offline, the renderer is served from `app://art30/` only, every
 * navigation, new window, webview and permission request is refused, and only http(s) links the
 * DPO clicked are handed to the system browser. Electron objects are passed in (types only here).
 */
import path from 'node:path';
import type { HandlerDetails, IpcMainInvokeEvent, Session, Shell, WebContents, WindowOpenHandlerResponse } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'art30';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The privileges of the `app:` scheme (registered before `ready`). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false, bypassCSP: false },
} as const;

/**
 * Content-Security-Policy of every page the app serves: scripts, styles, fonts and images from the
 * app itself only; no inline scripts, no eval, no plugins, no frames, no form posts, no network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "media-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of the `app:` protocol. */
export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
};

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True for a URL of the app's own origin (`app://art30/...`). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Whether a request made by a renderer may proceed: only the app's own origin, its blobs and
 * inline data (and, while developing with DevTools open, DevTools' own pages). Everything else —
 * http(s), ws(s), file, ftp, other hosts of `app:` — is refused: the app is offline.
 */
export function isAllowedRequest(url: string, options: { devTools?: boolean } = {}): boolean {
  if (isAppUrl(url)) return true;
  // Objects the page itself made (blob:app://art30/…) and inline data, which the CSP still governs.
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  if (url.startsWith('data:')) return true;
  if (options.devTools && url.startsWith('devtools://')) return true;
  return false;
}

/**
 * Maps an `app://art30/...` URL to a file inside `root` (the built renderer), or null when the URL
 * is not of the app's origin, is malformed, or escapes `root` (`..`, encoded slashes, absolute
 * paths, NUL bytes). `/` is `index.html`.
 */
export function resolveAppFile(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  // Every segment must be a plain name: no '..' even where the URL parser would have kept it.
  const segments = pathname.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

/** Only http(s) URLs may be given to the system browser. */
export function isExternalLink(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0 && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * Decides what to do with a `window.open` / `target=_blank` request: a new window is never
 * created; an http(s) link opened as a tab (what a click on a link produces) goes to the system
 * browser, at most once a second.
 */
export function windowOpenDecision(details: Pick<HandlerDetails, 'url' | 'disposition'>, lastExternalAt: number, now: number): { openExternal: boolean } {
  const clicked = details.disposition === 'foreground-tab' || details.disposition === 'background-tab';
  return { openExternal: clicked && isExternalLink(details.url) && now - lastExternalAt >= 1000 };
}

/** Permissions the renderer may be granted: none. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

/**
 * Whether an IPC call comes from the app's own page in the main window: the sender must be the
 * window's web contents and the frame its main frame, showing a page of the app's origin.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, expected: WebContents | null | undefined): boolean {
  if (!expected || expected.isDestroyed() || event.sender !== expected) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== expected.mainFrame) return false;
  return isAppUrl(frame.url);
}

/**
 * Installs the session-wide policy: every request that is not of the app's origin is cancelled,
 * every permission request and check refused, device and display-media access refused.
 */
export function secureSession(session: Session, options: { devTools?: boolean } = {}): void {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, options) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.on('will-download', (event) => event.preventDefault());
}

/**
 * Installs the per-page policy on any web contents: navigation away from the loaded page, new
 * windows and webviews are refused; http(s) links clicked by the DPO open in the system browser.
 */
export function secureWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>, clock: () => number = Date.now): void {
  let lastExternalAt = 0;
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    // Reloading the app's own page is the only navigation allowed.
    if (url === contents.getURL() && isAppUrl(url)) return;
    event.preventDefault();
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-frame-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details): WindowOpenHandlerResponse => {
    const now = clock();
    if (windowOpenDecision(details, lastExternalAt, now).openExternal) {
      lastExternalAt = now;
      void shell.openExternal(details.url);
    }
    return { action: 'deny' };
  });
}
