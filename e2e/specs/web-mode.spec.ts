import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, root, test } from '../fixtures.js';

test('npm run web: 127.0.0.1 only, prints the address with its token, refuses requests without it', async ({ browser, target }) => {
  test.skip(target !== 'web', 'web mode only');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-webcli-'));
  const db = path.join(dir, 'cli.art30');
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'web', 'cli.ts'), '--db', db], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => reject(new Error(`web mode exited (${code}): ${out}`)));
      setTimeout(() => reject(new Error(`no address printed: ${out}`)), 20_000);
    });
    expect(fs.existsSync(db)).toBe(true);
    const bare = url.replace(/\?token=.*/, '');
    const refused = await fetch(bare);
    expect(refused.status).toBe(403);
    const page = await browser.newPage();
    await page.goto(url);
    await expect(page.getByRole('heading', { name: /Welcome to Art30|Bienvenue dans Art30/ })).toBeVisible();
    await page.close();
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
