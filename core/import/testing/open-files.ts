/** A department's file written from its cells and opened for import in a temporary register: how the class tests start. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openTempRegister, type TempRegister } from '../../testing/temp-register.js';
import type { ImportPreview } from '../preview/preview.js';
import { writeXlsx } from './corpus.js';

/** An XLSX workbook of these sheets, opened for import. */
export async function openSheets(t: TempRegister, sheets: Record<string, (string | number)[][]>): Promise<ImportPreview> {
  const file = path.join(t.dir, 'dept.xlsx');
  await writeXlsx(file, sheets);
  return (await t.call('import/open', { file })) as ImportPreview;
}

/** A CSV of these rows (every cell quoted, commas between), opened for import. */
export async function openCsv(t: TempRegister, rows: string[][]): Promise<ImportPreview> {
  const file = path.join(t.dir, 'dept.csv');
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  fs.writeFileSync(file, rows.map((r) => r.map(cell).join(',')).join('\r\n'));
  return (await t.call('import/open', { file })) as ImportPreview;
}

/** The activities a preview would write (rows that are not activities left out). */
export const activitiesOf = (p: ImportPreview) => p.rows.filter((r) => r.status !== 'skipped' && r.activity).map((r) => r.activity!);

/**
 * A temporary register with one organisation for each test of the calling file (vitest's hooks), and the ways to
 * open a file into it.
 */
export function importTestRegister(): {
  open: (sheets: Record<string, (string | number)[][]>) => Promise<ImportPreview>;
  openCsv: (rows: string[][]) => Promise<ImportPreview>;
} {
  let t: TempRegister;
  beforeEach(async () => {
    t = openTempRegister();
    await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
  });
  afterEach(() => t.cleanup());
  return { open: (sheets) => openSheets(t, sheets), openCsv: (rows) => openCsv(t, rows) };
}
