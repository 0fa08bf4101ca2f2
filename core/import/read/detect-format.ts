/**
 * The format comes from the content, never from the file name: XLSX and ODS are ZIP archives with
 * a known part; CSV and JSON are text. Anything else (images, PDF, old .xls, Word files, binary
 * data, a text file named .xlsx) is refused with a message saying what the file really is.
 */
import path from 'node:path';
import { AppError, text } from '../../errors.js';
import { formatBytes, IMPORT_LIMITS } from './limits.js';
import { ZipReader } from './zip.js';

export type DetectedFormat = { format: 'xlsx'; zip: ZipReader } | { format: 'ods'; zip: ZipReader } | { format: 'csv' } | { format: 'json' };

/** Signatures of files that are not spreadsheets, and what they are (`errors.kind.*`). */
const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x42, 0x4d], 'bmp'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'oldOffice'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'sevenZip'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'database'],
];

const starts = (d: Buffer, sig: number[]) => sig.every((b, i) => d[i] === b);

export function detectFormat(data: Buffer, fileName: string, limits = IMPORT_LIMITS): DetectedFormat {
  const name = path.basename(fileName);
  if (data.length === 0) throw new AppError('bad_input', text('errors.file.empty', { file: name }));
  if (data.length > limits.maxFileBytes) {
    throw new AppError('bad_input', text('errors.file.tooLarge', { file: name, size: formatBytes(data.length), limit: formatBytes(limits.maxFileBytes) }));
  }
  if (starts(data, [0x50, 0x4b, 0x03, 0x04]) || starts(data, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = new ZipReader(data, name, limits);
    if (zip.has('xl/workbook.xml')) return { format: 'xlsx', zip };
    const mime = zip.has('mimetype') ? zip.readText('mimetype')?.trim() : undefined;
    if (mime === 'application/vnd.oasis.opendocument.spreadsheet' || (!mime && zip.has('content.xml'))) return { format: 'ods', zip };
    if (mime?.startsWith('application/vnd.oasis.opendocument.'))
      throw new AppError('bad_input', text('errors.file.otherOpenDocument', { file: name, kind: mime.split('.').pop() }));
    if (zip.has('word/document.xml')) throw new AppError('bad_input', text('errors.file.word', { file: name }));
    if (zip.has('ppt/presentation.xml')) throw new AppError('bad_input', text('errors.file.powerpoint', { file: name }));
    throw new AppError('bad_input', text('errors.file.zip', { file: name }));
  }
  const sig = SIGNATURES.find(([s]) => starts(data, s));
  if (sig) {
    throw new AppError('bad_input', text(sig[1] === 'oldOffice' ? 'errors.file.oldOffice' : 'errors.file.notSpreadsheet', { file: name, kind: text(`errors.kind.${sig[1]}`) }));
  }
  const head = data.subarray(0, 8192);
  const utf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  if (!utf16 && head.includes(0)) throw new AppError('bad_input', text('errors.file.binary', { file: name }));
  const ext = path.extname(name).toLowerCase();
  if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(ext)) {
    throw new AppError('bad_input', text('errors.file.textNamedSheet', { file: name, ext }));
  }
  const first = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()[0];
  if (first === '{') return { format: 'json' };
  return { format: 'csv' };
}
