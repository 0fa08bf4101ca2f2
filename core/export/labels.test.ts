import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import * as F from './format.js';
import { Labels } from './labels.js';

/** Every text of a workbook, sheet names included. */
async function workbookTexts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((sheet) => {
    out.push(sheet.name);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.isMerged || cell.master === cell) out.push(cell.text);
      }),
    );
  });
  return out;
}

/** The body text of a DOCX, paragraph by paragraph. */
function docxText(file: string): string {
  const xml = strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']);
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

describe('export words', () => {
  let t: TempRegister;
  afterEach(() => t?.cleanup());

  it('come from the catalogue in both languages: no key is missing and none is printed as a key', async () => {
    t = openTempRegister({ demo: true });
    Labels.missing.clear();
    const texts: Record<string, string[]> = {};
    for (const lang of ['fr', 'en'] as const) {
      const xlsx = path.join(t.dir, `r-${lang}.xlsx`);
      await t.call('export/file', { format: 'xlsx', lang, out: xlsx, scope: {}, fiches: true, records: true });
      const csv = path.join(t.dir, `r-${lang}.csv`);
      await t.call('export/file', { format: 'csv', lang, out: csv, scope: { status: 'active' } });
      const docx = path.join(t.dir, `r-${lang}.docx`);
      await t.call('export/file', { format: 'docx', lang, out: docx, scope: {} });
      texts[lang] = [...(await workbookTexts(xlsx)), fs.readFileSync(csv, 'utf8'), docxText(docx)];
    }
    expect([...Labels.missing]).toEqual([]);
    for (const lang of ['fr', 'en'] as const) {
      const keyLike = texts[lang].filter((x) => /\b(doc|legal|export|records)\.[a-z][\w.]*\b/.test(x) && !/https?:|@/.test(x));
      expect(keyLike, lang).toEqual([]);
    }
    // The same register reads differently in each language (French typography, dates, words).
    expect(texts.fr.join('\n')).toContain('Registre des activités de traitement');
    expect(texts.en.join('\n')).toContain('Record of processing activities');
    expect(texts.fr.join('\n')).not.toContain('Record of processing activities');
  });

  it('write dates, durations and label/value pairs as each language does', () => {
    t = openTempRegister();
    const fr = Labels.forRegister(t.reg, 'fr');
    const en = Labels.forRegister(t.reg, 'en');
    expect(fr.date('2026-03-05')).toBe('05/03/2026');
    expect(en.date('2026-03-05')).toBe('2026-03-05');
    expect(fr.duration('P1Y6M')).toBe('1 an 6 mois');
    expect(fr.duration('P5Y')).toBe('5 ans');
    expect(en.duration('P1Y2D')).toBe('1 year 2 days');
    expect(fr.kv('Pays', 'Inde')).toBe('Pays : Inde');
    expect(en.kv('Country', 'India')).toBe('Country: India');
    // A retention rule's parts: no space before the semicolon in English.
    const rule = { dataCategory: '', text: 'Fin du contrat', duration: 'P5Y', trigger: 'départ', activePeriod: '', archivePeriod: '', finalFate: null };
    expect(F.retentionDetails(fr, rule)).toBe('Durée : 5 ans ; Point de départ : départ');
    expect(F.retentionDetails(en, rule)).toBe('Duration: 5 years; Starting point: départ');
    // An organisation given as both a name and a company is named once; a person and their company both.
    expect(F.contactLine({ name: 'Maison Vernier SA', company: 'Maison Vernier SA', city: 'Lyon' })).not.toMatch(/Vernier SA.*Vernier SA/);
    expect(F.contactLine({ name: 'Durand', firstName: 'Léa', company: 'Maison Vernier SA' })).toMatch(/Durand.*Maison Vernier SA/);
    expect(fr.role('processor')).toBe('Sous-traitant');
    expect(en.status('retired')).toBe('Retired');
    expect(fr.finalFate('unknown_code')).toBe('unknown_code');
    expect(fr.dateFormat).toBe('dd/mm/yyyy');
    expect(Labels.missing.has('doc.unknown_code')).toBe(false);
  });
});
