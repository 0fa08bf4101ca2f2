import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures.js';

test.use({ demo: true });

test('the mapping step explains each mapping, names the missing purpose, and imports the rows as drafts', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron imports through its native open dialog');
  const { page } = app;
  const csv = path.join(app.dir, 'service-rh.csv');
  fs.writeFileSync(
    csv,
    [
      'Nom du traitement;Qui a accès ?;Combien de temps on garde ?;Service',
      'Entretiens annuels;Service RH;5 ans;Ressources humaines',
      'Astreintes;Direction;deux ans;Direction technique',
      '',
    ].join('\r\n'),
    'utf8',
  );
  await page.getByRole('button', { name: 'Import a spreadsheet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a spreadsheet' });
  await dialog.getByLabel('Choose a spreadsheet (.xlsx, .ods, .csv)').setInputFiles(csv);

  // Each mapping says why; the field no column gives (nor any column that could stand in for it) is named once.
  const recipients = dialog.getByRole('combobox', { name: /B Qui a accès/ });
  await expect(recipients).toHaveValue('recipients');
  await expect(dialog.getByText(/Words of the header that belong to this field/).first()).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText('no column gives the field “Purpose”');
  await dialog.getByRole('button', { name: 'Next' }).click();

  // A sheet without any purpose column: its rows come in as drafts to complete, and the preview says so.
  await expect(dialog).toContainText(/Imported as a draft: “Purpose” is missing/);
  await expect(dialog.getByRole('button', { name: /^Import \(2\)$/ })).toBeEnabled();
  await dialog.getByRole('button', { name: /^Import \(2\)$/ }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'service-rh.csv' })).toContainText('2 activities created');
  const list = (await app.callDirect('activities/list', {})) as { name: string; status: string }[];
  expect(list.find((a) => a.name === 'Entretiens annuels')?.status).toBe('draft');
});
