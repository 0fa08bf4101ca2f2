import fs from 'node:fs';
import path from 'node:path';
import { RegisterPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.use({ demo: true });

test('import a department spreadsheet: mapping, preview, import, summary, undo', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron imports through its native open dialog');
  const { page } = app;
  const register = new RegisterPage(page);
  const csv = path.join(app.dir, 'service-achats.csv');
  fs.writeFileSync(
    csv,
    [
      'Nom du traitement;Finalité;Service;Base légale',
      'Gestion des fournisseurs;Suivi des contrats fournisseurs;Achats;Contrat',
      'Évaluation des fournisseurs;Notation annuelle;Achats;Intérêt légitime',
      '',
    ].join('\r\n'),
    'utf8',
  );
  await expect(register.count).toHaveText('10 of 10 activities');
  await page.getByRole('button', { name: 'Import a spreadsheet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a spreadsheet' });
  await dialog.getByLabel('Choose a spreadsheet (.xlsx, .ods, .csv)').setInputFiles(csv);

  // Mapping: the columns were recognised.
  await expect(dialog.getByRole('table', { name: /Columns/ })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: /A Nom du traitement/ })).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Next' }).click();

  // Preview: two new activities; exclude none.
  const preview = dialog.getByRole('table', { name: 'Preview' });
  await expect(preview.getByRole('row')).toHaveCount(3);
  await expect(preview).toContainText('Gestion des fournisseurs');
  await expect(preview.getByRole('row', { name: /Gestion des fournisseurs/ })).toContainText('New');
  await dialog.getByRole('button', { name: /^Import \(2\)$/ }).click();

  // Summary, then the table shows them.
  await expect(dialog.getByRole('status').filter({ hasText: 'service-achats.csv' })).toContainText('2 activities created');
  await dialog.getByRole('button', { name: 'Undo this import' }).click();
  await page.getByRole('alertdialog', { name: 'Undo this import?' }).getByRole('button', { name: 'Undo the import' }).click();
  await expect(dialog.getByText('The import was undone.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(register.count).toHaveText('10 of 10 activities');
  await expect(register.row('Gestion des fournisseurs')).toHaveCount(0);
});

test('export the selected activities as a spreadsheet, in English', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron exports through its native save dialog');
  const { page } = app;
  const register = new RegisterPage(page);
  await expect(register.count).toHaveText('10 of 10 activities');
  await register.table.getByRole('checkbox', { name: 'Select T-001 Gestion de la paie' }).check();
  await register.table.getByRole('checkbox', { name: 'Select T-002 Recrutement' }).check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the register' });
  await expect(dialog.getByLabel('The selected activities: 2')).toBeChecked();
  await dialog.getByLabel('English').check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  // The file name says what is inside: an extract, whose, which selection, when.
  expect(download.suggestedFilename()).toMatch(/^register-extract-atelier-lumiere-sas-selection-2-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(dialog.getByRole('status')).toContainText('Exported:');
  // The export is in the history.
  const history = (await app.callDirect('history/list', { entityType: 'export' })) as { changes: { after: { scope?: { ids?: number[] } } }[] }[];
  expect(history.length).toBe(1);
});
