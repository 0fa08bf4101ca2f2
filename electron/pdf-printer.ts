/**
 * PDF exports in the desktop app: the export engine's self-contained HTML is printed by Electron's
 * own Chromium (`webContents.printToPDF`) in a hidden window with JavaScript disabled, in a
 * separate in-memory session that serves only that document and refuses every other request.
 */
import { BrowserWindow, session as electronSession, type Session } from 'electron';
import type { PdfPrinter } from '../core/export/pdf/printer.js';
import { setPdfPrinter } from '../core/export/pdf/printers.js';
import { isPrintRequest, PRINT_ORIGIN, PRINT_PARTITION } from './print-policy.js';
import { APP_SCHEME, RESPONSE_HEADERS } from './security.js';

export class ElectronPdfPrinter implements PdfPrinter {
  private readonly documents = new Map<string, string>();
  private ses: Session | null = null;
  private counter = 0;

  private session(): Session {
    if (this.ses) return this.ses;
    const ses = electronSession.fromPartition(PRINT_PARTITION, { cache: false });
    ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: !isPrintRequest(details.url) }));
    ses.setPermissionRequestHandler((_c, _p, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.protocol.handle(APP_SCHEME, (request) => {
      const html = this.documents.get(request.url);
      if (html === undefined) return new Response('Not found', { status: 404 });
      return new Response(html, {
        headers: {
          ...RESPONSE_HEADERS,
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:",
          'content-type': 'text/html; charset=utf-8',
        },
      });
    });
    this.ses = ses;
    return ses;
  }

  async print(html: string, options: { signal?: AbortSignal } = {}): Promise<Buffer> {
    options.signal?.throwIfAborted();
    const url = `${PRINT_ORIGIN}/document-${++this.counter}.html`;
    this.documents.set(url, html);
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        session: this.session(),
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const abort = () => win.destroy();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      await win.loadURL(url);
      const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateDocumentOutline: true });
      options.signal?.throwIfAborted();
      return pdf;
    } finally {
      options.signal?.removeEventListener('abort', abort);
      this.documents.delete(url);
      if (!win.isDestroyed()) win.destroy();
    }
  }
}

/** Makes PDF exports print with Electron's own Chromium instead of an external browser. */
export function installPdfPrinter(): void {
  setPdfPrinter(new ElectronPdfPrinter());
}
