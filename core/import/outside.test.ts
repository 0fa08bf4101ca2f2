/**
 * The import measured on files the project did not write: `../shared/fixtures/departments/` (department
 * files written by other hands, with `truth.json` giving every expected fact, and real public files in
 * `realworld/`). Read from there, never copied into the repository. Each good file must give ≥ 98 % of its
 * facts, no row that is not an activity may become one, and each bad file is refused as truth.json says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import type { ImportPreview } from './preview/preview.js';
import { compareFacts, type ExpectedFact } from './testing/facts.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../../shared/fixtures/departments');

interface TruthActivity {
  sheet: string | null;
  row?: number;
  record?: number;
  fields: Record<string, ExpectedFact>;
}
interface TruthFile {
  file: string;
  activity_count: number;
  sheets: { sheet: string | null; import: boolean }[];
  activities: TruthActivity[];
}
interface BadInput {
  file: string;
  expected: { outcome: string; activity_count?: number; error_should_say?: string };
}
interface Truth {
  files: TruthFile[];
  bad_inputs: BadInput[];
  vocabularies: { eea_countries: string[] };
}

const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'truth.json'), 'utf8')) as Truth;
const EEA = new Set(truth.vocabularies.eea_countries);

let t: TempRegister;
const report: string[] = [];

beforeAll(async () => {
  t = openTempRegister();
  await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
});
afterAll(() => {
  console.log(report.join('\n'));
  t.cleanup();
});

const count = (): number => t.reg.sqlite.prepare('SELECT count(*) FROM activities').pluck().get() as number;

/** The preview row of an expected activity: same sheet, same first row (CSV: the record's line). */
function rowOf(p: ImportPreview, a: TruthActivity): ImportPreview['rows'][number] | undefined {
  const rows = p.rows.filter((r) => a.sheet == null || r.sheet === a.sheet);
  const n = a.row ?? a.record;
  return rows.find((r) => r.row === n) ?? rows.find((r) => r.name.trim() === String(a.fields.name?.value ?? '\u0000').trim());
}

describe('department files written by other hands', () => {
  for (const f of truth.files) {
    it(`${f.file}: ${f.activity_count} activities, ≥ 98 % of the facts`, async () => {
      const p = (await t.call('import/open', { file: path.join(FIXTURES, f.file) })) as ImportPreview;
      const taken = p.rows.filter((r) => r.status !== 'skipped' && r.status !== 'excluded');
      const misses: string[] = [];
      let ok = 0;
      let total = 0;
      for (const a of f.activities) {
        const row = rowOf(p, a);
        for (const r of compareFacts(a.fields, row?.activity ?? null, EEA)) {
          total++;
          if (r.ok) ok++;
          else misses.push(`${a.sheet ?? ''}!${a.row ?? a.record} ${r.field}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.got)}`);
        }
      }
      const errors = taken.filter((r) => r.status === 'error').map((r) => `${r.key}: ${r.errors.map((e) => `${e.field} ${e.message}`).join(', ')}`);
      report.push(`${f.file}: ${ok}/${total} facts (${((100 * ok) / total).toFixed(1)} %), ${taken.length} rows for ${f.activity_count} activities`);
      for (const m of misses) report.push(`    ${m}`);
      for (const e of errors) report.push(`    error ${e}`);
      // Sheets that are not registers give no activity.
      for (const s of f.sheets.filter((x) => !x.import)) expect(taken.filter((r) => r.sheet === s.sheet).map((r) => r.key)).toEqual([]);
      expect(taken.length, 'one preview row per activity').toBe(f.activity_count);
      expect(errors).toEqual([]);
      expect(ok / total, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
      await t.call('import/close', { sessionId: p.sessionId });
    });
  }
});

describe('bad files', () => {
  for (const b of truth.bad_inputs) {
    it(`${b.file}: ${b.expected.outcome}`, async () => {
      const before = count();
      const res = await t.result('import/open', { file: path.join(FIXTURES, b.file) });
      if (b.expected.outcome.startsWith('reject')) {
        // Refused at once, or previewed with the rows in error named: the commit is refused, nothing is written.
        if (res.ok) {
          const p = res.value as ImportPreview;
          expect(p.counts.error + p.counts.willWrite, `${b.file}: the preview names what is wrong`).toBeGreaterThan(0);
          await expect(t.call('import/commit', { sessionId: p.sessionId })).rejects.toThrow();
        } else expect(res.error.code).toMatch(/^import_|^file_|^bad_input$/);
        expect(count()).toBe(before);
      } else {
        expect(res.ok).toBe(true);
        const p = (res as { value: ImportPreview }).value;
        expect(p.rows.filter((r) => r.status === 'new').length).toBe(b.expected.activity_count);
        await t.call('import/close', { sessionId: p.sessionId });
      }
    });
  }
});

describe('real public files (realworld/README.md)', () => {
  const cases: { file: string; activities: number | 'refused'; names?: string[] }[] = [
    { file: 'realworld/cnil_registre_simplifie.ods', activities: 'refused' },
    { file: 'realworld/cnil_registre_simplifie_excel-saved.ods', activities: 'refused' },
    { file: 'realworld/student_fashioninsta_cnil_registre_filled.ods', activities: 4 },
    { file: 'realworld/student_xbarrelet_cnil_fiche_in_workbook.xlsx', activities: 1 },
    { file: 'realworld/ciso_assistant_sample_processings_flat.xlsx', activities: 2 },
    { file: 'realworld/ciso_assistant_sample_processing_workbook.xlsx', activities: 1, names: ['HR Payroll'] },
    { file: 'realworld/apdp_benin_registre_activites_traitement.xls', activities: 'refused' },
  ];
  for (const c of cases) {
    it(`${c.file}: ${c.activities === 'refused' ? 'refused with the reason' : `${c.activities} activities`}`, async () => {
      const before = count();
      const res = await t.result('import/open', { file: path.join(FIXTURES, c.file) });
      if (c.activities === 'refused') {
        if (res.ok) expect((res.value as ImportPreview).counts.willWrite).toBe(0);
        else expect(res.error.code).toMatch(/^import_|^file_|^bad_input$/);
        expect(count()).toBe(before);
        return;
      }
      expect(res.ok, JSON.stringify(!res.ok && res.error)).toBe(true);
      const p = (res as { value: ImportPreview }).value;
      // A row of the CNIL list that a fiche describes is the fiche's duplicate, not an activity more.
      const taken = p.rows.filter((r) => r.status !== 'skipped' && r.status !== 'excluded' && r.status !== 'duplicate');
      report.push(`${c.file}: ${taken.map((r) => `${r.name} (${r.status})`).join(' | ')}`);
      expect(taken.length).toBe(c.activities);
      for (const n of c.names ?? []) expect(taken.map((r) => r.name)).toContain(n);
      // A row the file leaves incomplete (CISO Assistant's "processing 1" has no description) is named, and
      // comes in as a draft when the DPO asks.
      if (p.counts.error) {
        const drafts = (await t.call('import/preview', { sessionId: p.sessionId, drafts: true } as never)) as ImportPreview;
        expect(drafts.counts.willWrite).toBe(c.activities);
      }
      await t.call('import/close', { sessionId: p.sessionId });
    });
  }
});
