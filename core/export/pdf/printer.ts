/**
 * Prints one self-contained HTML document to a PDF. The document carries everything: page size
 * (`@page { size: A4 }`), margins, the running header and the "page X / Y" footer (CSS `@page`
 * margin boxes), so a printer needs no options of its own — only Chromium's engine.
 *
 * Two implementations of the same interface:
 * - `PlaywrightPrinter` (CLI, tests, bench): Debian's Chromium (`/usr/bin/chromium`) driven by
 *   playwright-core, offline, never downloading a browser.
 * - the desktop app's, in Electron main: load the HTML in a hidden BrowserWindow and call
 *   `webContents.printToPDF({ preferCSSPageSize: true, printBackground: true })`; install it with
 *   `setPdfPrinter()` (core/export/pdf/printer-registry.ts).
 */
import { chromium, type Browser } from 'playwright-core';

export interface PdfPrinter {
  /** Prints `html` (a complete document) and returns the PDF bytes. */
  print(html: string, options?: { signal?: AbortSignal }): Promise<Buffer>;
}

export const CHROMIUM_PATH = process.env.ART30_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium through playwright-core: one browser per print, closed afterwards. */
export class PlaywrightPrinter implements PdfPrinter {
  constructor(private readonly executablePath: string = CHROMIUM_PATH) {}

  async print(html: string, options: { signal?: AbortSignal } = {}): Promise<Buffer> {
    options.signal?.throwIfAborted();
    const browser: Browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS, headless: true });
    const abort = () => void browser.close();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      const page = await browser.newPage({ javaScriptEnabled: false, offline: true });
      await page.setContent(html, { waitUntil: 'load', timeout: 0 });
      // outline: the bookmarks Chromium builds from the headings (it needs the tagged structure; the desktop app's printer adds them too).
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
      options.signal?.throwIfAborted();
      return pdf;
    } finally {
      options.signal?.removeEventListener('abort', abort);
      await browser.close().catch(() => undefined);
    }
  }
}
