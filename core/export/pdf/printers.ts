/**
 * The printer the PDF export uses. Defaults to Chromium through Playwright; the desktop app's main
 * process installs its own (`webContents.printToPDF`) at start-up:
 *
 *   import { setPdfPrinter } from '../core/export/pdf/printers.js';
 *   setPdfPrinter({ print: (html) => printWithElectron(html) });
 */
import { PlaywrightPrinter, type PdfPrinter } from './printer.js';

let current: PdfPrinter | null = null;

export function setPdfPrinter(printer: PdfPrinter | null): void {
  current = printer;
}

export function getPdfPrinter(): PdfPrinter {
  current ??= new PlaywrightPrinter();
  return current;
}
