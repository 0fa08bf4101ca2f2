import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { files } from '../../core/documents/testing.js';
import { RegisterPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.use({ demo: true });

test('a processor contract with its points to review and its signed document; documents on an activity; the audit bundle', async ({ app, target }) => {
  test.skip(target === 'electron', 'same screens as web mode; Electron saves through its native dialog');
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { page } = app;
  await page.goto(`${app.server!.url}#/contracts`);
  await expect(page.getByRole('heading', { level: 1, name: 'Processor contracts (Art. 28)' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Processor PaieFacile SAS has no Art. 28 contract (activities T-001)' })).toBeVisible();

  // A contract lacking two clauses, due for review: its points are shown once saved.
  await page.getByRole('button', { name: '+ New contract' }).click();
  const form = page.getByRole('form', { name: 'New contract' });
  await form.getByLabel('Processor', { exact: true }).selectOption({ label: 'PaieFacile SAS' });
  await form.getByLabel('Signed on').fill('2021-03-15');
  await form.getByLabel('Review on').fill('2020-01-01');
  for (const l of ['a', 'b', 'c', 'd', 'e', 'f']) await form.getByRole('checkbox', { name: new RegExp(`^\\(${l}\\)`) }).check();
  await form.getByRole('checkbox', { name: /^T-001 — Gestion de la paie/ }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.notices')).toContainText('Contract C-001 saved.');
  const saved = page.getByRole('form', { name: 'Contract' });
  const points = saved.getByRole('status', { name: 'Points to review' });
  await expect(points).toContainText('Contract C-001 with PaieFacile SAS lacks Art. 28(3) clause(s) g, h');
  await expect(points).toContainText('is due for review on 2020-01-01');
  await expect(page.getByRole('status').filter({ hasText: 'Processor PaieFacile SAS has no Art. 28 contract' })).toHaveCount(0);

  // The signed contract kept with it; an executable refused with the reason.
  const dir = app.dir;
  const dpa = path.join(dir, 'DPA PaieFacile signé.pdf');
  fs.writeFileSync(dpa, files.pdf('dpa signé'));
  const exe = path.join(dir, 'outil.exe');
  fs.writeFileSync(exe, files.exe());
  const panel = page.getByTestId('documents-contract');
  await panel.getByTestId('documents-file-contract').setInputFiles(exe);
  await expect(panel.getByRole('alert')).toContainText('“outil.exe” is a program or holds code');
  await panel.getByTestId('documents-file-contract').setInputFiles(dpa);
  await expect(panel.getByRole('button', { name: 'DPA PaieFacile signé.pdf', exact: true })).toBeVisible();
  await expect(panel.getByRole('row').nth(1)).toContainText('For the authority');
  await page.evaluate(() => document.querySelectorAll('*').forEach((e) => e.scrollTop > 0 && e.scrollTo(0, 0)));
  await page.screenshot({ path: path.join('test-results', 'contracts.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).include('.split-screen').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // An internal note on the activity, added with the keyboard only; then removed after a confirmation.
  const register = new RegisterPage(page);
  await register.goto();
  await register.open('Gestion de la paie');
  const docs = page.getByTestId('documents-activity');
  await docs.scrollIntoViewIfNeeded();
  const note = path.join(dir, 'note.eml');
  fs.writeFileSync(note, files.eml());
  await docs.getByLabel('Audience').selectOption('internal');
  await docs.getByTestId('documents-file-activity').setInputFiles(note);
  await expect(docs.getByRole('button', { name: 'note.eml', exact: true })).toBeVisible();
  await expect(docs.getByRole('row').nth(1)).toContainText('Internal only');
  await docs.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join('test-results', 'documents-activity.png') });

  // The audit bundle from the export dialog: the contract is in it, the internal note is not.
  await register.goto();
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the register' });
  await dialog.getByLabel(/^Audit bundle \(ZIP\)/).check();
  await expect(dialog.getByRole('group', { name: 'Format' })).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-bundle-.*\.zip$/);
  const zip = path.join(dir, download.suggestedFilename());
  await download.saveAs(zip);
  const names = Object.keys(unzipSync(fs.readFileSync(zip)));
  expect(names).toContain('manifest.json');
  expect(names.some((n) => n.endsWith('/DPA PaieFacile signé.pdf'))).toBe(true);
  expect(names.some((n) => n.endsWith('note.eml'))).toBe(false);
  expect(await app.callDirect('documents/verifyBundle', { path: zip })).toMatchObject({ ok: true });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Removing asks first; the history keeps it.
  await register.goto();
  await register.open('Gestion de la paie');
  await docs.getByRole('button', { name: 'Remove note.eml' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(docs.getByRole('button', { name: 'note.eml', exact: true })).toHaveCount(0);
  const history = (await app.callDirect('history/list', { entityType: 'document' })) as { action: string }[];
  expect(history.map((h) => h.action)).toEqual(['delete', 'create', 'create']);
});

test('a breach keeps its notification e-mail; the records screen stays accessible', async ({ app, target }) => {
  test.skip(target === 'electron', 'same screens as web mode');
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { page } = app;
  const breaches = (await app.callDirect('breaches/list', {})) as { id: number; ref: string }[];
  const b1 = breaches.find((b) => b.ref === 'B-001')!;
  await page.goto(`${app.server!.url}#/breaches/${b1.id}`);
  const panel = page.getByTestId('documents-breach');
  await expect(panel.getByText('No document kept.')).toBeVisible();
  const mail = path.join(app.dir, 'notification CNIL.eml');
  fs.writeFileSync(mail, files.eml());
  await panel.getByTestId('documents-file-breach').setInputFiles(mail);
  await expect(panel.getByRole('button', { name: 'notification CNIL.eml', exact: true })).toBeVisible();
  await expect(panel.getByRole('row').nth(1)).toContainText('E-mail');
  const result = await new AxeBuilder({ page }).include('.records-screen').analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const docs = (await app.callDirect('documents/list', { ownerType: 'breach', ownerId: b1.id })) as { name: string }[];
  expect(docs.map((d) => d.name)).toEqual(['notification CNIL.eml']);
});
