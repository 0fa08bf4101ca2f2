/**
 * `art30 import` of a long department file speaks like a tool: counts, then warnings grouped by kind
 * with a few examples each and where to see the rest — a few dozen lines for 10,000 rows; every
 * row with --verbose; the progress line rewritten on a terminal and silent when piped.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigRows, writeXlsx } from '../../core/import/testing/corpus.js';
import { progressLine } from '../progress.js';
import { groupByKind } from '../summary.js';
import { runCli, runCliWith, useTempFolder } from '../testing.js';

const tmp = useTempFolder();

/** 10,000 rows of bigRows, with known numbers of rows carrying three kinds of mistakes. */
function departmentRows(): (string | number)[][] {
  const rows = bigRows(10_000);
  const header = rows[0];
  const col = (name: string) => header.indexOf(name);
  for (let i = 1; i < rows.length; i++) {
    if (i % 7 === 0) rows[i][col('Pays')] = `Narnia ${i % 3}`; // an unknown country: 1,428 rows
    if (i % 11 === 0) rows[i][col('Durée de conservation')] = 'le temps qu’il faudra'; // an unreadable retention: 909 rows
    if (i % 13 === 0) rows[i][col('Date de création')] = 'hier'; // not a date: 769 rows
  }
  return rows;
}

interface Issue {
  field: string;
  code?: string;
  message: string;
}
interface Row {
  sheet: string;
  row: number;
  warnings: Issue[];
  errors: Issue[];
}

describe('art30 import of a 10,000-row file', () => {
  it('prints fewer than 60 lines without --verbose, each kind of warning named with its right count', async () => {
    await runCli('init', '--org', 'Mairie', '--db', tmp.db);
    const file = path.join(tmp.dir, 'departements.xlsx');
    await writeXlsx(file, { Activités: departmentRows() });

    // What the preview finds, from --json (everything): the warnings of each kind.
    const json = await runCli('import', file, '--dry-run', '--json', '--db', tmp.db);
    const preview = JSON.parse(json.out) as { rows: Row[] };
    expect(preview.rows).toHaveLength(10_000);
    const expected = new Map<string, number>();
    for (const r of preview.rows) for (const w of r.warnings) expected.set(`${w.code ?? w.message}`, (expected.get(`${w.code ?? w.message}`) ?? 0) + 1);
    // The mistakes made on purpose are among them, with their numbers.
    expect(expected.get('country_unknown')).toBe(Math.floor(10_000 / 7));
    expect(expected.get('retention_not_understood')).toBe(Math.floor(10_000 / 11));
    expect(expected.get('date_unknown')).toBe(Math.floor(10_000 / 13));

    for (const args of [['--dry-run'], ['--yes']]) {
      const r = await runCli('import', file, ...args, '--db', tmp.db);
      const lines = r.out.trimEnd().split('\n');
      expect(lines.length, r.out).toBeLessThan(60);
      // Every kind is named (by its code), with its count, then up to three examples and how many more.
      for (const [code, count] of expected) {
        const line = lines.find((l) => l.includes(`(${code})`));
        expect(line, `${code} in\n${r.out}`).toBeDefined();
        expect(line).toMatch(new RegExp(`^  ${count} × `));
        const examples = lines[lines.indexOf(line!) + 1];
        expect(examples).toMatch(/^ {6}Activités!/);
        if (count > 3) expect(examples).toMatch(new RegExp(`; ${count - 3} more$`));
      }
      expect(r.out).toMatch(/Warnings by kind \([\d,]+ warnings, on [\d,]+ rows\)/);
      expect(r.out).toMatch(/--verbose.*--json/);
      // Piped: no progress line.
      expect(r.err).not.toMatch(/Writing activities/);
      if (args[0] === '--yes') expect(r.out).toMatch(/Imported departements\.xlsx: 10000 created/);
    }

    // An example names the sheet, the cell and its text.
    const again = await runCli('import', file, '--dry-run', '--db', tmp.db);
    expect(again.out).toMatch(/Activités!G8 "Narnia 1"/);

    // --verbose lists every row; in French, the same summary in French words.
    const verbose = await runCli('import', file, '--dry-run', '--verbose', '--db', tmp.db);
    expect(verbose.out.split('\n').filter((l) => /^ {2}Activités!\d+ /.test(l))).toHaveLength(10_000);
    const fr = await runCliWith({ ART30_LANG: 'fr' }, 'import', file, '--dry-run', '--db', tmp.db);
    expect(fr.out).toMatch(/Alertes par type \(/);
    expect(fr.out).toMatch(/et \d+ de plus/);
    expect(fr.out.trimEnd().split('\n').length).toBeLessThan(60);
  }, 240_000);

  it('--progress forces one progress line per step when piped', async () => {
    await runCli('init', '--org', 'Mairie', '--db', tmp.db);
    const file = path.join(tmp.dir, 'petit.xlsx');
    await writeXlsx(file, { Activités: bigRows(40) });
    const r = await runCli('import', file, '--yes', '--progress', '--db', tmp.db);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Writing activities: 40\/40\n/);
  });
});

describe('the progress line', () => {
  it('rewrites itself on a terminal, ends with a newline when done, says nothing when piped', () => {
    const written: string[] = [];
    const tty = progressLine({ isTTY: true, write: (s: string) => written.push(s) });
    tty('Writing: 1/3', false);
    tty('Writing: 3/3', true);
    expect(written).toEqual(['\rWriting: 1/3\x1b[K', '\rWriting: 3/3\x1b[K\n']);
    const piped: string[] = [];
    progressLine({ isTTY: false, write: (s: string) => piped.push(s) })('Writing: 1/3', false);
    expect(piped).toEqual([]);
    progressLine({ isTTY: false, write: (s: string) => piped.push(s) }, true)('Writing: 1/3', false);
    expect(piped).toEqual(['Writing: 1/3\n']);
  });
});

describe('groupByKind', () => {
  it('counts each kind, keeps its first examples, most frequent first', () => {
    const groups = groupByKind(['a1', 'b1', 'a2', 'c1', 'a3', 'b2', 'a4'], (s) => s[0], 2);
    expect(groups).toEqual([
      { key: 'a', count: 4, examples: ['a1', 'a2'] },
      { key: 'b', count: 2, examples: ['b1', 'b2'] },
      { key: 'c', count: 1, examples: ['c1'] },
    ]);
  });
});
