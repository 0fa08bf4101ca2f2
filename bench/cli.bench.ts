/**
 * Start-up of the `art30` command: `art30 list` on a small register (the demo register, 12
 * activities), as the bundled command runs it (dist/cli, built first), against a raw Node process
 * that loads better-sqlite3, opens the same file and reads its activities. Best of several runs of
 * each, taken alternately; target ≤ 2×.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../core/api/dispatch.js';
import { Register } from '../core/register.js';
import { tempDir } from '../core/testing/temp-register.js';
import type { BenchResult, BenchSuite } from './harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 9);

const RAW = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { fileMustExist: true });
const rows = db.prepare('SELECT * FROM activities ORDER BY organisation_id, ref').all();
let out = '';
for (const r of rows) out += r.ref + '  ' + r.status + '  ' + r.role + '  ' + r.name + '\\n';
process.stdout.write(out + rows.length + ' activities\\n');
db.close();
`;

function timed(args: string[]): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ART30_DB: '' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const suite: BenchSuite = {
  name: 'cli: start-up of `art30 list` on a small register',
  async run(): Promise<BenchResult[]> {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--cli'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the CLI build failed');
    const dir = tempDir('art30-bench-cli-');
    try {
      const file = path.join(dir, 'demo.art30');
      const reg = Register.open(file);
      const made = await dispatch(reg, 'demo/create', {}, { source: 'cli' }, { trusted: true });
      if (!made.ok) throw new Error(made.error.message);
      reg.close();
      const bin = path.join(root, 'cli', 'bin', 'art30.mjs');
      const cli: number[] = [];
      const raw: number[] = [];
      // One of each first, not counted: the file system cache warm for both.
      const first = timed([bin, 'list', '--db', file]);
      if (!/12 activities/.test(first.stdout)) throw new Error(`unexpected output of art30 list: ${first.stdout}`);
      timed(['-e', RAW, file]);
      for (let i = 0; i < RUNS; i++) {
        cli.push(timed([bin, 'list', '--db', file]).ms);
        raw.push(timed(['-e', RAW, file]).ms);
      }
      const best = (xs: number[]) => Math.min(...xs);
      const round = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
      console.log(`    art30 list (ms): ${round(cli)}\n    raw node (ms):   ${round(raw)}`);
      return [
        {
          name: '`art30 list` start-up ÷ raw node open + read (best of each)',
          value: best(cli) / best(raw),
          unit: '×',
          limit: 2,
          detail: `${best(cli).toFixed(0)} ms vs ${best(raw).toFixed(0)} ms`,
        },
        { name: '`art30 --version`', value: best([0, 1, 2].map(() => timed([bin, '--version']).ms)), unit: 'ms' },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
