/** Bytes → workbook, whatever the format (recognised from the content). */
import path from 'node:path';
import { AppError, text } from '../../errors.js';
import { detectFormat } from './detect-format.js';
import { IMPORT_LIMITS } from './limits.js';
import { readCsv } from './read-csv.js';
import { readOds } from './read-ods.js';
import { readXlsx } from './read-xlsx.js';
import type { WorkbookData } from './workbook.js';

export type ReadResult = { kind: 'workbook'; workbook: WorkbookData } | { kind: 'json' };

export function readWorkbook(data: Buffer, fileName: string, limits = IMPORT_LIMITS): ReadResult {
  const name = path.basename(fileName);
  const detected = detectFormat(data, name, limits);
  try {
    if (detected.format === 'json') return { kind: 'json' };
    if (detected.format === 'csv') return { kind: 'workbook', workbook: readCsv(data, name, limits) };
    if (detected.format === 'xlsx') return { kind: 'workbook', workbook: readXlsx(detected.zip, name, limits) };
    return { kind: 'workbook', workbook: readOds(detected.zip, name, limits) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof RangeError) throw new AppError('bad_input', text('errors.file.tooLargeToRead', { file: name }));
    throw new AppError('bad_input', text('errors.file.unreadable', { file: name, reason: (error as Error).message }));
  }
}
