/**
 * Writes the V8 code cache of the bundled command (see scripts/cli-loader.cjs): compiles
 * dist/cli/art30.cjs, runs a few read commands on a temporary demo register (so that the cache also
 * holds the functions they compile on the way), then writes dist/cli/art30.cjs.cache.
 * Run by scripts/build-cli.mjs in a process of its own, with no V8 flags, as `art30` runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileBundle, runBundle } from './cli-loader.cjs';

const file = process.argv[2];
const script = compileBundle(file);
const { main } = runBundle(script, file);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-code-cache-'));
try {
  const db = path.join(dir, 'demo.art30');
  const io = { stdout() {}, stderr() {}, confirm: async () => false };
  const env = { ART30_LANG: 'en' };
  for (const argv of [
    ['init', '--demo', '--db', db],
    ['list', '--db', db],
    ['orgs', '--db', db],
    ['list', '--json', '--db', db],
  ]) {
    const code = await main(argv, io, env);
    if (code !== 0) throw new Error(`art30 ${argv.join(' ')} failed (${code}) while writing the code cache`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
fs.writeFileSync(`${file}.cache`, script.createCachedData());
