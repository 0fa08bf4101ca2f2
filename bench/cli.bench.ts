/**
 * Start-up of the `art30` command: `art30 list` on a small register (the demo register, 12
 * activities), as the built command runs it (dist/cli, built first: a plain `list` is answered by
 * its quick path, cli/quick.ts), against a raw Node process
 * that loads better-sqlite3, opens the same file and reads its activities. The two are run one
 * after the other, BENCH_CLI_RUNS times (default 21); target: the median of the ratios of each pair
 * ≤ 1.5× (a pair shares the machine's load of its moment), and `art30 --version` under 100 ms (median).
 * For information, the whole command on the same register (`art30 orgs`: the API table, zod,
 * drizzle, i18next), paired with the raw process the same way. Medians, quartiles and extremes printed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../core/api/dispatch.js';
import { Register } from '../core/register.js';
import { tempDir } from '../core/testing/temp-register.js';
import type { BenchResult, BenchSuite } from './harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 21);

const RAW = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { fileMustExist: true });
const rows = db.prepare('SELECT * FROM activities ORDER BY organisation_id, ref').all();
let out = '';
for (const r of rows) out += r.ref + '  ' + r.status + '  ' + r.role + '  ' + r.name + '\\n';
process.stdout.write(out + rows.length + ' activities\\n');
db.close();
`;

/** The p-quantile of xs (linear between the two nearest ranks). */
function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}

/**
 * The children's environment: this one without ART30_DB and without NODE_EXTRA_CA_CERTS. Node reads
 * that file of certificates at every start, before any code runs (≈ 40 ms of CPU for 144 certificates
 * on the build machine, where it is set for the whole system): the same for both sides, it would hide
 * what the command adds to Node's own start, and a DPO's machine does not set it.
 */
const childEnv = (() => {
  const env: NodeJS.ProcessEnv = { ...process.env, ART30_DB: '' };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
})();

function timed(args: string[]): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: childEnv });
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
      const bin = path.join(root, 'cli', 'bin', 'art30.cjs');
      const cli: number[] = [];
      const raw: number[] = [];
      // One of each first, not counted: the file system cache warm for both.
      const first = timed([bin, 'list', '--db', file]);
      if (!/12 activities/.test(first.stdout)) throw new Error(`unexpected output of art30 list: ${first.stdout}`);
      timed(['-e', RAW, file]);
      // Each pair in turn starts with one or the other.
      for (let i = 0; i < RUNS; i++) {
        if (i % 2) raw.push(timed(['-e', RAW, file]).ms);
        cli.push(timed([bin, 'list', '--db', file]).ms);
        if (!(i % 2)) raw.push(timed(['-e', RAW, file]).ms);
      }
      // The whole command (not the quick path), for information.
      const whole: number[] = [];
      const rawWhole: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        if (i % 2) rawWhole.push(timed(['-e', RAW, file]).ms);
        whole.push(timed([bin, 'orgs', '--db', file]).ms);
        if (!(i % 2)) rawWhole.push(timed(['-e', RAW, file]).ms);
      }
      const wholeRatios = whole.map((c, i) => c / rawWhole[i]);
      // `--version` against a bare Node start (`node -e 0`), pair by pair: what the command adds to Node's own start-up.
      const version: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        if (i % 2) bare.push(timed(['-e', '0']).ms);
        version.push(timed([bin, '--version']).ms);
        if (!(i % 2)) bare.push(timed(['-e', '0']).ms);
      }
      const added = version.map((v, i) => v - bare[i]);
      const ratios = cli.map((c, i) => c / raw[i]);
      const spread = (xs: number[], digits = 0) =>
        `median ${quantile(xs, 0.5).toFixed(digits)}, quartiles ${quantile(xs, 0.25).toFixed(digits)}–${quantile(xs, 0.75).toFixed(digits)}, min ${Math.min(...xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)}`;
      console.log(
        `    ${RUNS} pairs, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS left out of both sides)' : ''}`,
      );
      console.log(`    art30 list (ms):      ${spread(cli)}\n    raw node (ms):        ${spread(raw)}\n    ratio of each pair:   ${spread(ratios, 2)}`);
      console.log(`    art30 orgs (ms):      ${spread(whole)}\n    ratio of each pair:   ${spread(wholeRatios, 2)}`);
      console.log(`    art30 --version (ms): ${spread(version)}\n    bare node -e 0 (ms):  ${spread(bare)}\n    --version − bare (ms): ${spread(added)}`);
      return [
        {
          name: '`art30 list` start-up ÷ raw node open + read (median of pairs)',
          value: quantile(ratios, 0.5),
          unit: '×',
          limit: 1.5,
          detail: `${quantile(cli, 0.5).toFixed(0)} ms vs ${quantile(raw, 0.5).toFixed(0)} ms (medians); ratios' quartiles ${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}; best ${(Math.min(...cli) / Math.min(...raw)).toFixed(2)}×`,
        },
        {
          name: '`art30 --version` (median)',
          value: quantile(version, 0.5),
          unit: 'ms',
          limit: 100,
          detail: `quartiles ${quantile(version, 0.25).toFixed(0)}–${quantile(version, 0.75).toFixed(0)} ms; a bare \`node -e 0\` ${quantile(bare, 0.5).toFixed(0)} ms`,
        },
        { name: '`art30 --version` − bare `node -e 0` (median of pairs)', value: quantile(added, 0.5), unit: 'ms' },
        {
          name: '`art30 orgs` (the whole command) ÷ raw node open + read (median of pairs)',
          value: quantile(wholeRatios, 0.5),
          unit: '×',
          detail: `${quantile(whole, 0.5).toFixed(0)} ms; ratios' quartiles ${quantile(wholeRatios, 0.25).toFixed(2)}–${quantile(wholeRatios, 0.75).toFixed(2)}`,
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
