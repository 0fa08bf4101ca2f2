/**
 * Limits on what an import will read, so that a hostile or broken file (zip bomb, huge sheet,
 * endless cell) is refused with a clear message instead of exhausting memory or hanging.
 */
import { text, type ErrorText } from '../../errors.js';
export const IMPORT_LIMITS = {
  /** Size of the file itself. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Size of a file sent by the renderer as base64 (`import/openBytes`). */
  maxUploadBytes: 25 * 1024 * 1024,
  /** Total uncompressed size of the parts of an XLSX/ODS that are read. */
  maxUncompressedBytes: 300 * 1024 * 1024,
  /** Compression ratio above which a part is treated as a zip bomb (real sheets stay under ~30). */
  maxCompressionRatio: 200,
  /** Number of non-empty cells in the whole workbook. */
  maxCells: 2_000_000,
  /** Rows of one sheet (after the header). */
  maxRows: 100_000,
  /** Sheets in one workbook. */
  maxSheets: 200,
  /** Characters in one cell: the longest text field of an activity is 10,000 characters. */
  maxCellChars: 10_000,
  /** Columns of one sheet. */
  maxColumns: 500,
} as const;

export type ImportLimits = typeof IMPORT_LIMITS;

/** A size as a text of the catalogue ("1.5 MB", "1,5 Mo"), translated where it is shown. */
export function formatBytes(n: number): ErrorText {
  if (n >= 1024 * 1024) return text('errors.size.mb', { n: Number((n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)) });
  if (n >= 1024) return text('errors.size.kb', { n: Math.round(n / 1024) });
  return text('errors.size.bytes', { count: n });
}
