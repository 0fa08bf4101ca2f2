/**
 * `npm run web` stops with its parent: killing the process that started it leaves no server running;
 * started in a session of its own (`setsid`), it outlives the shell that started it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/temp-register.js';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const reachable = async (url: string) => {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
};

describe('web mode', () => {
  it('stops when its parent is killed (SIGKILL: no signal reaches it)', async () => {
    dir = tempDir('art30-web-parent-');
    const db = path.join(dir, 'register.art30');
    // The parent: a Node process that starts web mode the way `npm run web` does and relays its output.
    const parentScript = `
      const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, ['--import', 'tsx', ${JSON.stringify(path.resolve('web/cli.ts'))}, '--db', ${JSON.stringify(db)}], { stdio: ['ignore', 'pipe', 'inherit'] });
      c.stdout.on('data', (d) => process.stdout.write(String(d).replace(/^/gm, 'child ' + c.pid + ' ')));
    `;
    const parent = spawn(process.execPath, ['-e', parentScript], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`web mode did not start: ${out}`)), 45_000);
      parent.stdout.on('data', (d) => {
        out += String(d);
        const m = /Open: (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const childPid = Number(/child (\d+)/.exec(out)![1]);
    expect(await reachable(url)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 15_000;
    let alive = true;
    while (Date.now() < deadline) {
      try {
        process.kill(childPid, 0);
      } catch {
        alive = false;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    if (alive) process.kill(childPid, 'SIGKILL');
    expect(alive).toBe(false);
    expect(await reachable(url)).toBe(false);
  });

  it('keeps running in the background when the shell that started it (npm run web &) exits', async () => {
    dir = tempDir('art30-web-background-');
    const db = path.join(dir, 'register.art30');
    const log = path.join(dir, 'web.log');
    const cli = path.resolve('web/cli.ts');
    // As `npm run web … &` typed in a script: a shell starts it in the background, waits until it has
    // started, then exits (the server's own parent, the program that launched it, is this test runner).
    const shell = spawnSync(
      'sh',
      [
        '-c',
        `exec_server() { exec ${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(cli)} --db ${JSON.stringify(db)}; }; exec_server > ${JSON.stringify(log)} 2>&1 < /dev/null & echo $!; n=0; while ! grep -q Open: ${JSON.stringify(log)} && [ $n -lt 200 ]; do sleep 0.2; n=$((n+1)); done`,
      ],
      { cwd: process.cwd(), encoding: 'utf8' },
    );
    const pid = Number(shell.stdout.trim());
    try {
      const url = /Open: (\S+)/.exec(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '')?.[1] ?? '';
      expect(url, fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : 'no output').not.toBe('');
      // Its parents are checked every second: three seconds after the shell exited, it still answers.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await reachable(url)).toBe(true);
    } finally {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });

  it('keeps running when started in a session of its own (setsid … &) by a shell that then exits', async () => {
    dir = tempDir('art30-web-setsid-');
    const db = path.join(dir, 'register.art30');
    const log = path.join(dir, 'web.log');
    const cli = path.resolve('web/cli.ts');
    // As `setsid npm run web … &` in a terminal: a shell starts it in a session of its own (through
    // another shell, as npm does), waits until it has started, then exits.
    const inner = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(cli)} --db ${JSON.stringify(db)}; true`;
    const shell = spawnSync(
      'sh',
      [
        '-c',
        `setsid sh -c '${inner}' > ${JSON.stringify(log)} 2>&1 < /dev/null & echo $!; n=0; while ! grep -q Open: ${JSON.stringify(log)} && [ $n -lt 200 ]; do sleep 0.2; n=$((n+1)); done`,
      ],
      { cwd: process.cwd(), encoding: 'utf8' },
    );
    const pid = Number(shell.stdout.trim());
    try {
      let url = '';
      const started = Date.now();
      while (!url && Date.now() - started < 45_000) {
        url = /Open: (\S+)/.exec(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '')?.[1] ?? '';
        if (!url) await new Promise((r) => setTimeout(r, 250));
      }
      expect(url, fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : 'no output').not.toBe('');
      // Its parents are checked every second: three seconds after the shell exited, it still answers.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await reachable(url)).toBe(true);
    } finally {
      try {
        // The session's process group: the shell and the server.
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });
});
