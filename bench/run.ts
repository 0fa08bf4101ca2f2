/**
 * `npm run bench`: runs every suite in bench/*.bench.ts (or those named on the command line) and
 * prints each result against its target. Exits 1 when a target is missed.
 * scripts/bench.mjs bundles the suites first and names the folder of the bundles in ART30_BENCH_DIR;
 * `tsx bench/run.ts` runs the sources as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, BenchSuite } from './harness.js';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const suitesDir = process.env.ART30_BENCH_DIR ?? dir;
const files = fs
  .readdirSync(suitesDir)
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
const all: (BenchResult & { suite: string; ok: boolean })[] = [];
for (const file of files) {
  const suite = (await import(pathToFileURL(path.join(suitesDir, file)).href)).default as BenchSuite;
  console.log(`\n▶ ${suite.name}`);
  for (const r of await suite.run()) {
    const ok = r.limit === undefined || r.value <= r.limit;
    if (!ok) failed++;
    all.push({ ...r, suite: suite.name, ok });
    const v = r.unit === '×' ? `${r.value.toFixed(2)}×` : `${r.value.toFixed(1)} ${r.unit}`;
    const target = r.limit === undefined ? '(for information)' : `(target ${r.unit === '×' ? `≤ ${r.limit}×` : `≤ ${r.limit} ${r.unit}`})`;
    console.log(`  ${r.limit === undefined ? 'INFO' : ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(58)} ${v.padStart(10)}  ${target}${r.detail ? `  ${r.detail}` : ''}`);
  }
}
fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
fs.writeFileSync(path.join(dir, 'out', 'results.json'), JSON.stringify(all, null, 2));
console.log(`\n${all.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
