/**
 * The import measured on a perturbation corpus (testing/perturb.ts): the tables of department files
 * written by other hands (`../shared/fixtures/departments/truth.json`), their headers transformed
 * mechanically, their columns in other orders, padded with rows that are not activities at each place, their
 * list fields written as runs of ticks. Accuracy is printed per transformation and per row kind; each must reach 95 %.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, tempDir, type TempRegister } from '../testing/temp-register.js';
import type { ImportPreview } from './preview/preview.js';
import { compareFacts, type ExpectedFact } from './testing/facts.js';
import {
  baseTables,
  COLUMN_ORDERS,
  HEADER_TRANSFORMS,
  layoutOf,
  padded,
  reordered,
  ticked,
  writeLayout,
  type BaseTable,
  type Layout,
  type PadKind,
  type PadPlace,
  type TruthFile,
} from './testing/perturb.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../../shared/fixtures/departments');
const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'truth.json'), 'utf8')) as { files: TruthFile[]; vocabularies: { eea_countries: string[] } };
const EEA = new Set(truth.vocabularies.eea_countries);
const tables = baseTables(truth.files);

let t: TempRegister;
let dir: string;
const report: string[] = [];
let n = 0;

beforeAll(async () => {
  t = openTempRegister();
  dir = tempDir('art30-perturb-');
  await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
});
afterAll(() => {
  console.log(report.join('\n'));
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Score {
  ok: number;
  total: number;
  misses: string[];
}

/** Imports a layout and compares every expected fact; rows that are not activities must be skipped. */
async function measure(layout: Layout, label: string): Promise<Score & { strayTaken: number; refused: boolean }> {
  const file = path.join(dir, `t${n++}.xlsx`);
  await writeLayout(file, layout);
  const score = { ok: 0, total: 0, misses: [] as string[], strayTaken: 0, refused: false };
  const res = await t.result('import/open', { file });
  const expectedRows = layout.body.filter((b) => b.expected);
  if (!res.ok) {
    score.refused = true;
    for (const b of expectedRows) score.total += Object.keys(b.expected!).length;
    score.misses.push(`${label}: refused (${res.error.message})`);
    return score;
  }
  const p = res.value as ImportPreview;
  const first = layout.title.length + 1 + (layout.groupHeader ? 1 : 0) + 1 + 1;
  for (const [i, b] of layout.body.entries()) {
    const row = p.rows.find((r) => r.row === first + i);
    const taken = row && row.status !== 'skipped' && row.status !== 'excluded';
    if (!b.expected) {
      if (taken && b.kind !== 'blank') {
        score.strayTaken++;
        score.misses.push(`${label}: row ${first + i} (${b.kind}) taken as an activity`);
      }
      continue;
    }
    for (const r of compareFacts(b.expected as Record<string, ExpectedFact>, taken && row.status !== 'error' ? row.activity : null, EEA)) {
      score.total++;
      if (r.ok) score.ok++;
      else score.misses.push(`${label}: row ${first + i} ${r.field}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.got)}`);
    }
  }
  await t.call('import/close', { sessionId: p.sessionId });
  return score;
}

function add(into: Score, s: Score): void {
  into.ok += s.ok;
  into.total += s.total;
  into.misses.push(...s.misses);
}

function print(kind: string, name: string, s: Score): void {
  report.push(`${kind} ${name}: ${s.ok}/${s.total} facts (${((100 * s.ok) / Math.max(1, s.total)).toFixed(1)} %)`);
  for (const m of s.misses.slice(0, 12)) report.push(`    ${m}`);
}

const headersOf = (table: BaseTable, name: string) => table.columns.map((c, i) => HEADER_TRANSFORMS[name](c.header, i, table, tables));

describe('perturbation corpus: headers transformed', () => {
  it('reads tables from the files written by others', () => {
    expect(tables.length).toBeGreaterThanOrEqual(8);
  });
  for (const name of Object.keys(HEADER_TRANSFORMS)) {
    it(`${name}: ≥ 95 % of the facts`, async () => {
      const total: Score = { ok: 0, total: 0, misses: [] };
      for (const table of tables) add(total, await measure(layoutOf(table, headersOf(table, name)), `${table.source} [${name}]`));
      print('headers', name, total);
      expect(total.ok / total.total, total.misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe('perturbation corpus: columns in another order', () => {
  for (const [name, order] of Object.entries(COLUMN_ORDERS)) {
    it(`${name}: ≥ 95 % of the facts`, async () => {
      const total: Score = { ok: 0, total: 0, misses: [] };
      for (const table of tables) {
        const moved = reordered(table, order(table.columns.length));
        add(
          total,
          await measure(
            layoutOf(
              moved,
              moved.columns.map((c) => c.header),
            ),
            `${table.source} [${name}]`,
          ),
        );
      }
      print('columns', name, total);
      expect(total.ok / total.total, total.misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe('perturbation corpus: rows that are not activities, at each place', () => {
  const kinds: PadKind[] = ['section', 'example', 'instruction', 'total', 'notes', 'footer', 'blank'];
  const places: PadPlace[] = ['top', 'middle', 'bottom'];
  for (const kind of kinds) {
    it(`${kind} rows: never an activity, never a refused file, ≥ 95 % of the facts`, async () => {
      const total: Score = { ok: 0, total: 0, misses: [] };
      let stray = 0;
      let refused = 0;
      for (const place of places)
        for (const table of tables) {
          const s = await measure(padded(layoutOf(table, headersOf(table, 'as written')), table, kind, place), `${table.source} [${kind} at ${place}]`);
          add(total, s);
          stray += s.strayTaken;
          if (s.refused) refused++;
        }
      print('rows', kind, total);
      expect(refused, total.misses.join('\n')).toBe(0);
      expect(stray, total.misses.join('\n')).toBe(0);
      expect(total.ok / total.total, total.misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});

/** The items of a list cell, as the truth lists them (legal bases: the cell's own wording, split). */
function itemsOf(table: BaseTable, target: string) {
  return (text: string): string[] => {
    const row = table.rows.findIndex((r) => r[table.columns.findIndex((c) => c.target === target)] === text);
    const want = row >= 0 ? table.expected[row][target]?.value : undefined;
    if (Array.isArray(want) && target !== 'legal_basis') return want.map(String);
    return text
      .split(/\s*(?:\n|;|\s\/\s|\s\+\s|,\s|\set\s|\sand\s)\s*/)
      .map((x) => x.trim())
      .filter(Boolean);
  };
}

describe('perturbation corpus: list fields as runs of ticks', () => {
  const targets = ['legal_basis', 'data_categories', 'data_subject_categories'];
  for (const target of targets) {
    it(`${target} ticked under a group header: ≥ 95 % of the facts`, async () => {
      const total: Score = { ok: 0, total: 0, misses: [] };
      for (const table of tables) {
        const column = table.columns.findIndex((c) => c.target === target);
        if (column < 0) continue;
        const layout = ticked(layoutOf(table, headersOf(table, 'as written')), table, column, itemsOf(table, target));
        add(total, await measure(layout, `${table.source} [${target} ticked]`));
      }
      print('ticks', target, total);
      expect(total.total).toBeGreaterThan(0);
      expect(total.ok / total.total, total.misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});
