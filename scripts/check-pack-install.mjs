#!/usr/bin/env node
/**
 * `npm run test:pack`: Art30 as a user installs it. `npm pack`s this folder (prepack bundles the
 * CLI), installs the tarball into a temporary folder with the Electron download blocked (its mirror
 * points at a closed port), then runs `npx art30 --version`, `art30 init --demo` and `art30 list`.
 * Fails unless the install completes without Electron and the commands work.
 *
 * better-sqlite3's prebuilt binary normally comes from GitHub; so that the check also runs where
 * only the npm registry is reachable, it is served from 127.0.0.1, packed from the one already in
 * node_modules (set ART30_PACK_REAL_PREBUILDS=1 to download it instead).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-pack-'));
const log = (line) => console.log(`test:pack: ${line}`);

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', shell: process.platform === 'win32', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A local mirror serving better-sqlite3's binary built here, in prebuild-install's tarball layout. */
async function prebuildMirror() {
  const tgz = path.join(work, 'better-sqlite3-prebuilt.tar.gz');
  const moduleDir = path.join(root, 'node_modules', 'better-sqlite3');
  execFileSync('tar', ['-czf', tgz, '-C', moduleDir, 'build/Release/better_sqlite3.node']);
  const server = http.createServer((req, res) => {
    if (!req.url?.endsWith('.tar.gz')) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/gzip' });
    fs.createReadStream(tgz).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

let mirror;
let failed = false;
try {
  log(`packing ${root}`);
  // The JSON report follows what prepack (the CLI build) printed.
  const packOut = run(npm, ['pack', '--json', '--pack-destination', work], { cwd: root });
  const packed = JSON.parse(packOut.slice(packOut.search(/^\[/m)));
  const tarball = path.join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  for (const needed of [
    'cli/bin/art30.cjs',
    'cli/bin/art30.mjs',
    'dist/cli/art30.mjs',
    'dist/cli/cli-loader.cjs',
    'dist/cli/start.cjs',
    'dist/cli/art30.cjs',
    'dist/cli/art30.cjs.cache',
    'dist/cli/migrations/meta/_journal.json',
  ]) {
    if (!files.includes(needed)) throw new Error(`the package lacks ${needed}`);
  }
  log(`${packed[0].filename}: ${files.length} files, ${(packed[0].size / 1e6).toFixed(1)} MB`);

  const project = path.join(work, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'art30-pack-check', version: '1.0.0', private: true }));
  const env = {
    ...process.env,
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: path.join(work, 'electron-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  // The Electron download is to be blocked, not skipped.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.npm_config_electron_skip_binary_download;
  if (!process.env.ART30_PACK_REAL_PREBUILDS) {
    mirror = await prebuildMirror();
    env.npm_config_better_sqlite3_binary_host = mirror.url;
  }
  log('installing the tarball (Electron download blocked)…');
  const install = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: project, env, encoding: 'utf8', shell: process.platform === 'win32' });
  if (install.status !== 0) throw new Error(`npm install of the tarball failed (${install.status}):\n${install.stdout}\n${install.stderr}`);
  const electronBinary = path.join(project, 'node_modules', 'electron', 'path.txt');
  if (fs.existsSync(electronBinary)) throw new Error('the Electron binary was downloaded although its download was blocked: the check proves nothing');
  log(`installed without Electron's binary${fs.existsSync(path.join(project, 'node_modules', 'electron')) ? '' : ' (the optional electron package was left out)'}`);

  const version = run(npm, ['exec', '--no', '--', 'art30', '--version'], { cwd: project, env }).trim();
  const expected = `art30 ${JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version}`;
  if (version !== expected) throw new Error(`npx art30 --version printed "${version}", not "${expected}"`);
  log(`npx art30 --version → ${version}`);

  const bin = path.join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'art30.cmd' : 'art30');
  const db = path.join(work, 'demo.art30');
  run(bin, ['init', '--demo', '--db', db], { cwd: project, env });
  // In English whatever the machine's language (art30 speaks the DPO's): statuses and roles in the register's words.
  const list = run(bin, ['list', '--db', db], { cwd: project, env: { ...env, ART30_LANG: 'en' } });
  if (!/^T-007 +Active +Controller +.+\n[\s\S]*12 activities\n$/m.test(list)) throw new Error(`art30 list printed:\n${list}`);
  log('art30 init --demo, art30 list → 12 activities');
  const missing = spawnSync(bin, ['list', '--db', path.join(work, 'typo.art30')], { cwd: project, env, encoding: 'utf8', shell: process.platform === 'win32' });
  if (missing.status !== 2) throw new Error(`art30 list on a missing file exited ${missing.status}, not 2`);
  log('PASS');
} catch (error) {
  failed = true;
  console.error(`test:pack: FAIL: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  mirror?.close();
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
