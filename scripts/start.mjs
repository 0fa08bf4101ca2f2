#!/usr/bin/env node
/**
 * `npm start [-- --register FILE]`: builds the app (scripts/build.mjs), makes sure better-sqlite3
 * is built for Electron (scripts/electron-native.mjs, cached, kept apart from node_modules), and
 * launches Electron on dist/electron/main.cjs. Without an Electron binary (an optional dependency:
 * the install goes on when it cannot be downloaded) it says so in one line, starts web mode and
 * opens the system browser on it.
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

/** The command that opens a URL in the system browser ($BROWSER first), or null. */
export function browserCommand(url, platform = process.platform, env = process.env) {
  if (env.BROWSER) return { cmd: env.BROWSER, args: [url] };
  if (platform === 'darwin') return { cmd: 'open', args: [url] };
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { cmd: 'xdg-open', args: [url] };
}

/**
 * Without Electron: web mode (web/cli.ts) on the same register, and the system browser opened on
 * it. The server is a child of this process and stops with it.
 */
function startWebMode(reason, args) {
  process.stdout.write(`art30: Electron is not available here (${reason.split('\n')[0]}): Art30 opens in your browser instead (web mode; Ctrl+C to stop).\n`);
  const build = step('build.mjs', ['--renderer-only-if-missing']);
  if (build !== 0) return Promise.resolve(build);
  // `--register FILE` (the desktop app's option) is web mode's `--db FILE`.
  const webArgs = args.map((a) => (a === '--register' ? '--db' : a));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'web', 'cli.ts'), ...webArgs], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill('SIGTERM'));
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const m = /Open: (\S+)/.exec(String(chunk));
    if (!m || opened) return;
    opened = true;
    if (process.env.ART30_NO_BROWSER) return;
    const { cmd, args: openArgs } = browserCommand(m[1]);
    const opener = spawn(cmd, openArgs, { stdio: 'ignore', detached: true });
    opener.on('error', () => process.stdout.write(`art30: no browser could be opened (${cmd}): open the address above yourself.\n`));
    opener.unref();
  });
  return new Promise((resolve) => child.on('exit', (status, signal) => resolve(status ?? (signal ? 0 : 1))));
}

function main() {
  const { binary, reason } = findElectron();
  if (!binary) return startWebMode(reason, process.argv.slice(2));
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
