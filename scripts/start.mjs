#!/usr/bin/env node
/**
 * `npm start [-- --register FILE]`: builds the app (scripts/build.mjs), makes sure better-sqlite3
 * is built for Electron (scripts/electron-native.mjs, cached, kept apart from node_modules), and
 * launches Electron on dist/electron/main.cjs. Without an Electron binary it says so and points
 * to `npm run web`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron binary's path, or null with the reason. */
export function findElectron() {
  let binary;
  try {
    binary = require('electron');
  } catch (error) {
    return { binary: null, reason: error instanceof Error ? error.message : String(error) };
  }
  if (typeof binary !== 'string' || !fs.existsSync(binary)) return { binary: null, reason: `no Electron binary at ${binary}` };
  return { binary, reason: null };
}

function step(script, args = []) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

function main() {
  const { binary, reason } = findElectron();
  if (!binary) {
    process.stderr.write(
      `art30: Electron cannot start here: its binary is not installed (${reason}).\n` +
        'It is downloaded by "npm install" (not with ELECTRON_SKIP_BINARY_DOWNLOAD=1); to get it, run\n' +
        '  rm -rf node_modules/electron && npm install\n' +
        'Meanwhile, use Art30 in your browser:\n' +
        '  npm run web\n',
    );
    return Promise.resolve(1);
  }
  let code = step('build.mjs');
  if (code !== 0) return Promise.resolve(code);
  code = step('electron-native.mjs');
  if (code !== 0) return Promise.resolve(code);

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [path.join(root, 'dist', 'electron', 'main.cjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`art30: Electron could not be started: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => {
    process.exitCode = code;
  });
}
