#!/usr/bin/env node
/**
 * better-sqlite3 for Electron's ABI, kept APART from node_modules (which stays built for Node, so
 * `npm test` and `npm start` work in any order without a rebuild):
 *
 *   .electron-native/electron-v<electron>-<platform>-<arch>/better_sqlite3.node
 *
 * The main process passes that file to better-sqlite3 as `nativeBinding`. The last one ensured is
 * also copied to .electron-native/package/ for electron-builder (resources/native/ in installers). Built once per Electron
 * and better-sqlite3 version (cached): a copy of node_modules/better-sqlite3's sources is built
 * with a prebuilt binary when one can be fetched (prebuild-install), else with node-gyp against
 * Electron's headers. Both need the network the first time, unless `--nodedir DIR` (or
 * ART30_ELECTRON_NODEDIR) points at Electron's headers already on disk.
 *
 *   node scripts/electron-native.mjs               build if missing or stale
 *   node scripts/electron-native.mjs --force       rebuild
 *   node scripts/electron-native.mjs --check       exit 0 when built, 1 otherwise (no build)
 *   node scripts/electron-native.mjs --print-path  print where the module goes
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wantedElectronVersion } from './electron-types.mjs';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULE_FILE = 'better_sqlite3.node';

function readVersion(pkg) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** Must match nativeBuildDir() in electron/paths.ts (a unit test checks they agree). */
export function nativeDir(electronVersion, platform = process.platform, arch = process.arch) {
  return path.join(root, '.electron-native', `electron-v${electronVersion}-${platform}-${arch}`);
}

function run(command, args, cwd, env = process.env) {
  process.stdout.write(`  $ ${[path.basename(command), ...args].join(' ')}\n`);
  const r = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  return r.status === 0;
}

function copySources(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    const source = path.join(from, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(to, entry), { recursive: true });
  }
}

/** The copy electron-builder puts in the installer (see electron-builder.yml, extraResources). */
function stageForPackaging(target) {
  const dir = path.join(root, '.electron-native', 'package');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(target, path.join(dir, MODULE_FILE));
}

function main() {
  const { values } = parseArgs({
    options: {
      force: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      'print-path': { type: 'boolean', default: false },
      nodedir: { type: 'string' },
      arch: { type: 'string' },
    },
    strict: true,
  });
  // Where the download failed npm removed the package: the version is then package.json's (where the
  // module would go is still known; building it needs the package, see start.mjs).
  let electronVersion;
  try {
    electronVersion = readVersion('electron');
  } catch {
    electronVersion = wantedElectronVersion();
  }
  const sqliteVersion = readVersion('better-sqlite3');
  const arch = values.arch ?? process.arch;
  const dir = nativeDir(electronVersion, process.platform, arch);
  const target = path.join(dir, MODULE_FILE);
  const stampFile = path.join(dir, 'build.json');

  if (values['print-path']) {
    process.stdout.write(`${target}\n`);
    return 0;
  }

  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    stamp = null;
  }
  const upToDate = fs.existsSync(target) && stamp?.electron === electronVersion && stamp?.betterSqlite3 === sqliteVersion;
  if (values.check) {
    process.stdout.write(upToDate ? `${target}\n` : `better-sqlite3 is not built for Electron ${electronVersion} yet.\n`);
    return upToDate ? 0 : 1;
  }
  if (upToDate && !values.force) {
    stageForPackaging(target);
    process.stdout.write(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}: ${path.relative(root, target)} (cached)\n`);
    return 0;
  }

  process.stdout.write(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})…\n`);
  const work = path.join(root, '.electron-native', `work-${process.platform}-${arch}`, 'better-sqlite3');
  copySources(path.join(root, 'node_modules', 'better-sqlite3'), work);
  const nodedir = values.nodedir ?? process.env.ART30_ELECTRON_NODEDIR;
  // Build tools look for node_modules/.bin of the checkout (node-gyp, prebuild-install).
  const bin = (name, file) => path.join(root, 'node_modules', name, file);

  let method = null;
  if (!nodedir && fs.existsSync(bin('prebuild-install', 'bin.js'))) {
    if (run(process.execPath, [bin('prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', process.platform], work)) {
      method = 'prebuild-install';
    }
  }
  if (!method) {
    const gypArgs = [
      bin('node-gyp', path.join('bin', 'node-gyp.js')),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      ...(nodedir ? [`--nodedir=${path.resolve(nodedir)}`] : ['--dist-url=https://electronjs.org/headers', `--devdir=${path.join(os.homedir(), '.electron-gyp')}`]),
    ];
    if (run(process.execPath, gypArgs, work, { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion })) method = 'node-gyp';
  }
  const built = path.join(work, 'build', 'Release', MODULE_FILE);
  if (!method || !fs.existsSync(built)) {
    process.stderr.write(
      `\nCould not build better-sqlite3 for Electron ${electronVersion}.\n` +
        "The first build needs either a prebuilt binary or Electron's headers, both downloaded from the network,\n" +
        'and a C++ toolchain (python3, make, a C++20 compiler) for the headers route.\n' +
        "Offline: pass --nodedir DIR (or ART30_ELECTRON_NODEDIR) pointing at Electron's headers.\n" +
        'Without Electron, use the app in a browser: npm run web\n',
    );
    return 1;
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(built, target);
  fs.writeFileSync(
    stampFile,
    `${JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch, method, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  fs.rmSync(path.dirname(work), { recursive: true, force: true });
  stageForPackaging(target);
  process.stdout.write(`better-sqlite3 for Electron ${electronVersion}: ${path.relative(root, target)}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
