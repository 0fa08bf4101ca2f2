/** `npm run web` stops with its parent: killing the process that started it leaves no server running. */
import { spawn } from 'node:child_process';
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
});
