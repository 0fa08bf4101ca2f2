import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempFolder } from '../testing.js';
import { readCsv } from '../../core/export/csv.js';
import { cellText } from '../../core/export/xlsx/cells.js';

const tmp = useTempFolder();
const run = runCli;

describe('art30 export', () => {
  it('writes an XLSX extract by references, in English, and a CSV of the processor register', async () => {
    expect((await run('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const xlsx = path.join(tmp.dir, 'extract.xlsx');
    const r = await run('export', '--format', 'xlsx', '--out', xlsx, '--lang', 'en', '--org', '1', '--refs', 'T-001,T-004', '--db', tmp.db);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Exported 2 activities to .*extract\.xlsx \(SHA-256 [0-9a-f]{64}\)\n$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const detail = wb.getWorksheet('Activities in detail')!;
    expect([2, 3].map((n) => cellText(detail.getRow(n).getCell(1)))).toEqual(['T-001', 'T-004']);
    expect(wb.worksheets.map((w) => w.name)).toContain('Record T-004');

    const csv = path.join(tmp.dir, 'processor.csv');
    const c = await run('export', '--format', 'csv', '--out', csv, '--role', 'processor', '--json', '--db', tmp.db);
    expect(JSON.parse(c.out)).toMatchObject({ activities: 1, file: csv });
    expect(
      readCsv(fs.readFileSync(csv, 'utf8'))
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['P-001']);

    // --format json still goes through the register document.
    const json = path.join(tmp.dir, 'r.json');
    expect((await run('export', '--format', 'json', '--out', json, '--role', 'controller', '--db', tmp.db)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).activities.map((a: { role: string }) => a.role)).not.toContain('processor');
  });

  it('refuses bad options (exit 1) and unknown references (exit 2), writing nothing', async () => {
    expect((await run('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const out = path.join(tmp.dir, 'x.xlsx');
    expect((await run('export', '--format', 'odt', '--out', out, '--db', tmp.db)).code).toBe(1);
    expect((await run('export', '--format', 'xlsx', '--audience', 'press', '--out', out, '--db', tmp.db)).code).toBe(1);
    expect((await run('export', '--format', 'csv', '--notice', '--out', out, '--db', tmp.db)).code).toBe(1);
    expect((await run('export', '--format', 'xlsx', '--lang', 'de', '--out', out, '--db', tmp.db)).code).toBe(1);
    expect((await run('export', '--format', 'xlsx', '--role', 'dpo', '--out', out, '--db', tmp.db)).code).toBe(1);
    const missing = await run('export', '--format', 'xlsx', '--refs', 'T-404', '--out', out, '--db', tmp.db);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/T-404/);
    expect(fs.readdirSync(tmp.dir).filter((f) => !f.startsWith('register.art30'))).toEqual([]);
  });

  it('refuses an ambiguous reference without --org (exit 2, naming the organisations) and never exports another organisation’s activity', async () => {
    expect((await run('init', '--demo', '--db', tmp.db)).code).toBe(0);
    const out = path.join(tmp.dir, 'extrait.pdf');
    const r = await run('export', '--format', 'pdf', '--out', out, '--refs', 'T-001,T-004', '--db', tmp.db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/T-001/);
    expect(r.err).toMatch(/Atelier Lumière SAS/);
    expect(r.err).toMatch(/Fondation Atelier Lumière/);
    expect(fs.existsSync(out)).toBe(false);
    const csv = path.join(tmp.dir, 'extrait.csv');
    const ok = await run('export', '--format', 'csv', '--out', csv, '--refs', 'T-001,T-004', '--org', '1', '--audience', 'public', '--json', '--db', tmp.db);
    expect(ok.code).toBe(0);
    const rows = readCsv(fs.readFileSync(csv, 'utf8'));
    expect(rows.slice(1).map((row) => row[0])).toEqual(['T-001', 'T-004']);
    expect(rows.slice(1).map((row) => row[2])).toEqual(['Atelier Lumière SAS', 'Atelier Lumière SAS']);
    expect(rows[0].join(';')).not.toMatch(/sécurité/i);
    const notice = path.join(tmp.dir, 'notice.html');
    expect((await run('export', '--notice', '--format', 'html', '--subjects', 'Clients', '--org', '1', '--out', notice, '--db', tmp.db)).code).toBe(0);
    expect(fs.readFileSync(notice, 'utf8')).toContain('Gestion des clients');
  });
});
