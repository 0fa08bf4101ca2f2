/**
 * The window stays responsive during a long import: while a 3,000-row spreadsheet is committed,
 * the page's main thread keeps painting frames (the register works in another process: the web
 * server here, the register's utilityProcess in Electron — see electron/backend-process.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures.js';

test.use({ demo: true });

test('the window keeps painting while a long import is committed', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron imports through its native open dialog');
  test.setTimeout(180_000);
  const { page } = app;
  const rows = ['Nom du traitement;Finalité;Service;Base légale'];
  for (let i = 0; i < 3000; i++) rows.push(`Traitement ${i};Finalité du traitement ${i};Service ${i % 20};Contrat`);
  const csv = path.join(app.dir, 'long.csv');
  fs.writeFileSync(csv, rows.join('\r\n'), 'utf8');

  await page.getByRole('button', { name: 'Import a spreadsheet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a spreadsheet' });
  await dialog.getByLabel('Choose a spreadsheet (.xlsx, .ods, .csv)').setInputFiles(csv);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByRole('button', { name: /^Import \(3000\)$/ })).toBeVisible({ timeout: 60_000 });

  // Count frames and the longest gap between two while the commit runs.
  await page.evaluate(() => {
    const w = window as unknown as { frames_: { n: number; longest: number; last: number; on: boolean } };
    w.frames_ = { n: 0, longest: 0, last: performance.now(), on: true };
    const tick = (now: number) => {
      const f = w.frames_;
      f.longest = Math.max(f.longest, now - f.last);
      f.last = now;
      f.n++;
      if (f.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await dialog.getByRole('button', { name: /^Import \(3000\)$/ }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'long.csv' })).toContainText('3000 activities created', { timeout: 120_000 });
  const took = Date.now() - started;
  const frames = await page.evaluate(() => {
    const f = (window as unknown as { frames_: { n: number; longest: number; on: boolean } }).frames_;
    f.on = false;
    return { n: f.n, longest: f.longest };
  });
  // The commit takes long enough to matter, and the page painted throughout it: a window blocked
  // by the commit would show one gap as long as the commit (a busy shared machine adds short ones).
  expect(took).toBeGreaterThan(300);
  expect(frames.longest).toBeLessThan(Math.max(500, took / 3));
  expect(frames.n).toBeGreaterThan(took / 100);
});
