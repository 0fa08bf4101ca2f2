/** The print session's policy (see pdf-printer.ts), apart from Electron so a unit test can check it. */
import { APP_SCHEME } from './security.js';

export const PRINT_PARTITION = 'art30-print';
export const PRINT_ORIGIN = `${APP_SCHEME}://print`;

/** Requests the print session lets through: the document being printed, and inline data. */
export function isPrintRequest(url: string): boolean {
  return url.startsWith(`${PRINT_ORIGIN}/`) || url.startsWith('data:');
}
