import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { readCsv } from './csv.js';
import { DETAIL_COLUMNS } from './fields.js';
import { Labels } from './labels.js';

describe('CSV export', () => {
  let t: TempRegister;
  afterEach(() => t?.cleanup());

  it('writes the detailed sheet as UTF-8 with a BOM and ";" separators, and reads back field for field', async () => {
    t = openTempRegister({ demo: true });
    const out = path.join(t.dir, 'registre.csv');
    const r = await t.call('export/file', { format: 'csv', lang: 'fr', out, scope: {} });
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${DETAIL_COLUMNS.map((c) => Labels.forRegister(t.reg, 'fr').t(c.label)).join(';')}`);
    const rows = readCsv(text);
    expect(rows).toHaveLength(1 + r.activities);
    const L = Labels.forRegister(t.reg, 'fr');
    const activities = t.reg.activities.loadMany({});
    for (const a of activities) {
      const row = rows.find((x) => x[0] === a.ref && x[1] === a.name)!;
      expect(row, a.ref).toBeTruthy();
      expect(row).toHaveLength(DETAIL_COLUMNS.length);
      DETAIL_COLUMNS.forEach((c, k) => {
        const v = c.value(a, L, undefined);
        if (c.field === 'organisation') return;
        expect(row[k], `${a.ref} ${c.label}`).toBe(v instanceof Date ? L.date(v.toISOString()) : (v ?? ''));
      });
    }
    // Multi-line values survive the quoting.
    const t001 = rows.find((x) => x[0] === 'T-001')!;
    expect(t001[DETAIL_COLUMNS.findIndex((c) => c.field === 'subPurposes')]).toBe('Calcul des salaires\nDéclarations sociales nominatives (DSN)\nÉdition des bulletins de paie');
    expect(t001[DETAIL_COLUMNS.findIndex((c) => c.field === 'createdAt')]).toBe('14/05/2019');
  });

  it('neutralises text a spreadsheet would take for a formula, and reads it back intact', async () => {
    t = openTempRegister({ demo: false });
    const org = await t.call('organisations/create', { organisation: { name: 'Org; "quoted"' } });
    const nasty = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2', '@SUM(A1)', '\tTab', '\rCR'];
    await t.call('activities/create', {
      organisationId: org.id,
      activity: { ref: 'T-001', name: nasty[0], purpose: nasty[1], description: nasty[2], owner: nasty[3], rights: nasty[4], breaches: nasty[5] },
    });
    const out = path.join(t.dir, 'x.csv');
    await t.call('export/file', { format: 'csv', lang: 'en', out, scope: {} });
    const text = fs.readFileSync(out, 'utf8');
    // No field of the file starts with a formula trigger once unquoted.
    const raw = text
      .slice(1)
      .split(/;|\r\n/)
      .map((f) => f.replace(/^"/, ''));
    expect(raw.filter((f) => /^[=+\-@\t\r]/.test(f))).toEqual([]);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    const rows = readCsv(text);
    const col = (field: string) => rows[1][DETAIL_COLUMNS.findIndex((c) => c.field === field)];
    expect([col('name'), col('purpose'), col('description'), col('owner')]).toEqual(nasty.slice(0, 4));
    // zod trims surrounding whitespace on input, so tab and CR survive only inside the text.
    expect(col('organisation')).toBe('Org; "quoted"');
  });
});
