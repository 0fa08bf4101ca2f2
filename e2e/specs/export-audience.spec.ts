import ExcelJS from 'exceljs';
import path from 'node:path';
import { RegisterPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.use({ demo: true });

test('the export dialog offers the audience, remembers it between exports, and the public register leaves out security measures', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron exports through its native save dialog');
  const { page } = app;
  const register = new RegisterPage(page);
  await expect(register.count).toHaveText('10 of 10 activities');
  await page.getByRole('button', { name: 'Export' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export the register' });
  // The default audience is the supervisory authority.
  await expect(dialog.getByRole('radio', { name: /For the supervisory authority/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /Public \(for publication\)/ }).check();
  await dialog.getByLabel('English').check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^public-register-atelier-lumiere-sas-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).not.toContain('Security measures');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Opened again: the audience chosen last time is kept.
  await page.getByRole('button', { name: 'Export' }).click();
  dialog = page.getByRole('dialog', { name: 'Export the register' });
  await expect(dialog.getByRole('radio', { name: /Public \(for publication\)/ })).toBeChecked();
  // The information notice is offered too, with its own formats.
  await dialog.getByRole('radio', { name: /Information notice/ }).check();
  await expect(dialog.getByRole('radio', { name: 'Word (.docx)' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'CSV' })).toHaveCount(0);
});
