/**
 * Every bad input of the issue gets a `bad_input` error whose message names the file (and the
 * sheet, row or cell where it applies), never a crash or a hang, and the register is left exactly
 * as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { openImport } from './preview/open.js';
import { IMPORT_LIMITS } from './read/limits.js';
import { writeRhWorkbook, writeXlsx } from './testing/corpus.js';

let t: TempRegister;
let snapshot: () => unknown;
beforeAll(() => {
  t = openTempRegister({ demo: true });
  snapshot = () => ({
    activities: t.reg.sqlite.prepare('SELECT id, version, updated_at FROM activities ORDER BY id').all(),
    history: t.reg.sqlite.prepare('SELECT count(*) FROM history').pluck().get(),
    recipients: t.reg.sqlite.prepare('SELECT count(*) FROM recipients').pluck().get(),
  });
});
afterAll(() => t.cleanup());

async function expectBadInput(file: string, ...patterns: RegExp[]): Promise<void> {
  const before = snapshot();
  const started = Date.now();
  const r = await t.result('import/open', { file });
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('bad_input');
  expect(r.error.message).toContain(path.basename(file));
  for (const p of patterns) expect(r.error.message).toMatch(p);
  expect(snapshot()).toEqual(before);
}

const file = (name: string) => path.join(t.dir, name);

describe('files that are not spreadsheets', () => {
  it('an image named .xlsx', async () => {
    fs.writeFileSync(file('photo.xlsx'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]));
    await expectBadInput(file('photo.xlsx'), /is a PNG image, not a spreadsheet/);
  });
  it('a text file named .xlsx', async () => {
    fs.writeFileSync(file('notes.xlsx'), 'Ceci est une note, pas un tableur.\n');
    await expectBadInput(file('notes.xlsx'), /named \.xlsx but is a plain text file/);
  });
  it('a PDF, an old .xls, binary data, an empty file', async () => {
    fs.writeFileSync(file('scan.pdf'), '%PDF-1.4\n%âãÏÓ\n');
    await expectBadInput(file('scan.pdf'), /PDF document/);
    fs.writeFileSync(file('old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expectBadInput(file('old.xls'), /Office 97-2003.*save it as \.xlsx/);
    fs.writeFileSync(file('blob.bin'), Buffer.from([1, 2, 3, 0, 0, 5, 6]));
    await expectBadInput(file('blob.bin'), /binary file/);
    fs.writeFileSync(file('vide.csv'), '');
    await expectBadInput(file('vide.csv'), /is empty/);
  });
  it('a Word document and a plain ZIP', async () => {
    fs.writeFileSync(file('lettre.xlsx'), zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
    await expectBadInput(file('lettre.xlsx'), /Word document/);
    fs.writeFileSync(file('archive.zip'), zipSync({ 'a.txt': strToU8('hello') }));
    await expectBadInput(file('archive.zip'), /ZIP archive, not a spreadsheet/);
  });
});

describe('damaged and hostile workbooks', () => {
  it('a truncated XLSX', async () => {
    await writeRhWorkbook(file('full.xlsx'));
    const data = fs.readFileSync(file('full.xlsx'));
    fs.writeFileSync(file('cut.xlsx'), data.subarray(0, Math.floor(data.length / 2)));
    await expectBadInput(file('cut.xlsx'), /damaged or incomplete/);
  });
  it('a zip bomb (a part that expands a thousand times)', async () => {
    const sheet = `<worksheet><sheetData>${' '.repeat(30 * 1024 * 1024)}</sheetData></worksheet>`;
    fs.writeFileSync(
      file('bomb.xlsx'),
      zipSync({
        'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
        'xl/worksheets/sheet1.xml': [strToU8(sheet), { level: 9 }],
      }),
    );
    expect(fs.statSync(file('bomb.xlsx')).size).toBeLessThan(200_000);
    await expectBadInput(file('bomb.xlsx'), /zip bomb/);
  });
  it('a part whose declared size lies, and a workbook over the uncompressed budget', async () => {
    const data = zipSync({ 'xl/workbook.xml': [strToU8('<workbook>' + 'x'.repeat(5_000_000) + '</workbook>'), { level: 9 }] });
    const buf = Buffer.from(data);
    // Patch the declared uncompressed size (central directory, offset 24) to 100 bytes.
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(100, cd + 24);
    fs.writeFileSync(file('liar.xlsx'), buf);
    await expectBadInput(file('liar.xlsx'), /zip bomb/);
    expect(() => openImport(t.reg, fs.readFileSync(file('full.xlsx')), 'full.xlsx', { ...IMPORT_LIMITS, maxUncompressedBytes: 2000 })).toThrow(/too large to import.*uncompressed/);
  });
  it('a file over the size limit sent by the window', async () => {
    const r = await t.result('import/openBytes', { fileName: 'big.xlsx', base64: 'A'.repeat(Math.ceil((IMPORT_LIMITS.maxUploadBytes * 4) / 3) + 100) });
    expect(r.ok ? null : r.error.code).toBe('validation');
    expect(r.ok ? '' : r.error.message).toMatch(/too large/);
  });
});

describe('workbooks without a usable table', () => {
  it('an empty workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Feuil1');
    await wb.xlsx.writeFile(file('empty.xlsx'));
    await expectBadInput(file('empty.xlsx'), /is empty/);
  });
  it('headers only', async () => {
    await writeXlsx(file('headers.xlsx'), { Registre: [['Nom du traitement', 'Finalité', 'Base légale']] });
    await expectBadInput(file('headers.xlsx'), /sheet “Registre”: headers only/);
  });
  it('no recognisable header', async () => {
    await writeXlsx(file('random.xlsx'), {
      Data: [
        ['Colonne 1', 'Truc', 'Machin'],
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ],
    });
    await expectBadInput(file('random.xlsx'), /sheet “Data”: no recognisable header row/);
  });
  it('a 40,000-character cell, named by sheet and cell', async () => {
    await writeXlsx(file('long.xlsx'), {
      Registre: [
        ['Nom du traitement', 'Finalité'],
        ['Paie', 'x'.repeat(40_000)],
      ],
    });
    await expectBadInput(file('long.xlsx'), /sheet “Registre”, cell B2: the cell holds 40,000 characters/);
    fs.writeFileSync(file('long.csv'), `Nom du traitement;Finalité\nPaie;${'y'.repeat(40_000)}\n`);
    await expectBadInput(file('long.csv'), /row 2, column 2: the cell holds 40,000 characters/);
  });
  it('a CSV whose quoted cell never ends (cut short)', async () => {
    fs.writeFileSync(file('cut.csv'), 'Nom du traitement;Finalité\nPaie;"Calcul des\n');
    await expectBadInput(file('cut.csv'), /row 2: a quoted cell is never closed/);
  });
  it('a row missing its purpose: the preview names sheet, row and field, the commit writes nothing', async () => {
    await writeXlsx(file('nopurpose.xlsx'), {
      Registre: [
        ['Nom du traitement', 'Finalité'],
        ['Paie', 'Payer'],
        ['Badges', ''],
      ],
    });
    const before = snapshot();
    const p = await t.call('import/open', { file: file('nopurpose.xlsx') });
    expect(p.rows[1]).toMatchObject({ key: 'Registre!3', status: 'error' });
    const r = await t.result('import/commit', { sessionId: p.sessionId });
    expect(r.ok ? null : r.error.message).toMatch(/nopurpose\.xlsx, sheet “Registre”, row 3, field Purpose: The purpose is empty/);
    expect(snapshot()).toEqual(before);
  });
  it('a JSON register document is pointed to register/importJson', async () => {
    fs.writeFileSync(file('doc.json'), '{"format": "art30-register"}');
    await expectBadInput(file('doc.json'), /register\/importJson/);
  });
});
