/**
 * The format comes from the content, never from the file name: XLSX and ODS are ZIP archives with
 * a known part; CSV and JSON are text. Anything else (images, PDF, old .xls, Word files, binary
 * data, a text file named .xlsx) is refused with a message saying what the file really is.
 */
import path from 'node:path';
import { AppError } from '../errors.js';
import { formatBytes, IMPORT_LIMITS } from './limits.js';
import { ZipReader } from './zip.js';

export type DetectedFormat = { format: 'xlsx'; zip: ZipReader } | { format: 'ods'; zip: ZipReader } | { format: 'csv' } | { format: 'json' };

const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x42, 0x4d], 'a BMP image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old-format Office file (.xls or .doc, Office 97-2003)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'a database file'],
];

const starts = (d: Buffer, sig: number[]) => sig.every((b, i) => d[i] === b);

export function detectFormat(data: Buffer, fileName: string, limits = IMPORT_LIMITS): DetectedFormat {
  const name = path.basename(fileName);
  if (data.length === 0) throw new AppError('bad_input', `${name} is empty (0 bytes).`);
  if (data.length > limits.maxFileBytes) {
    throw new AppError('bad_input', `${name} is too large to import (${formatBytes(data.length)}; at most ${formatBytes(limits.maxFileBytes)}). Split it into smaller files.`);
  }
  if (starts(data, [0x50, 0x4b, 0x03, 0x04]) || starts(data, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = new ZipReader(data, name, limits);
    if (zip.has('xl/workbook.xml')) return { format: 'xlsx', zip };
    const mime = zip.has('mimetype') ? zip.readText('mimetype')?.trim() : undefined;
    if (mime === 'application/vnd.oasis.opendocument.spreadsheet' || (!mime && zip.has('content.xml'))) return { format: 'ods', zip };
    if (mime?.startsWith('application/vnd.oasis.opendocument.'))
      throw new AppError('bad_input', `${name} is an OpenDocument file but not a spreadsheet (${mime.split('.').pop()}).`);
    if (zip.has('word/document.xml')) throw new AppError('bad_input', `${name} is a Word document, not a spreadsheet.`);
    if (zip.has('ppt/presentation.xml')) throw new AppError('bad_input', `${name} is a PowerPoint presentation, not a spreadsheet.`);
    throw new AppError('bad_input', `${name} is a ZIP archive, not a spreadsheet: Art30 imports XLSX, ODS, CSV and Art30 JSON files.`);
  }
  const sig = SIGNATURES.find(([s]) => starts(data, s));
  if (sig) {
    const hint = sig[1].includes('.xls') ? ' Open it in Excel or LibreOffice and save it as .xlsx.' : '';
    throw new AppError('bad_input', `${name} is ${sig[1]}, not a spreadsheet: Art30 imports XLSX, ODS, CSV and Art30 JSON files.${hint}`);
  }
  const head = data.subarray(0, 8192);
  const utf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  if (!utf16 && head.includes(0))
    throw new AppError('bad_input', `${name} is a binary file of an unknown kind, not a spreadsheet: Art30 imports XLSX, ODS, CSV and Art30 JSON files.`);
  const ext = path.extname(name).toLowerCase();
  if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(ext)) {
    throw new AppError('bad_input', `${name} is named ${ext} but is a plain text file, not a spreadsheet. If it is a CSV export, rename it to .csv.`);
  }
  const first = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()[0];
  if (first === '{') return { format: 'json' };
  return { format: 'csv' };
}
