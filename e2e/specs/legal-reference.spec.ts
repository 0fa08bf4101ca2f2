/**
 * Issue 11 in the app: the destination picker knows international organisations and shows the date
 * of the reference data next to the adequacy status; the DPIA section has the CNIL lists, the DPO's
 * advice and the prior consultation; a newer reference data file is loaded from the app and the
 * activities it concerns are listed; a damaged one is refused with a message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bundledDataset } from '../../core/reference/dataset.js';
import { EditorPage, RegisterPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.use({ demo: true });

test('a transfer to the European Patent Organisation, DPIA decisions, and a newer reference data file loaded from the app', async ({ app }) => {
  const { page } = app;
  const register = new RegisterPage(page);
  const ed = new EditorPage(page);
  await register.newActivity();
  await ed.field('Name of the processing activity').fill('Dépôt de brevets');
  await ed.field('Main purpose').fill('Déposer les brevets');
  const tr = await ed.addItem('Transfers outside the EU', 'Add a transfer', 'Transfer');
  await ed.field('Recipient abroad', tr).fill('Office européen des brevets');
  const destination = ed.field('Destination (country or international organisation)', tr);
  await expect(destination.locator('optgroup[label="International organisations"] option[value="IO-EPO"]')).toHaveCount(1);
  await destination.selectOption('IO-EPO');
  await expect(tr.getByTestId('destination-adequacy')).toContainText('Adequacy: Adequate');
  await expect(tr.getByTestId('destination-adequacy')).toContainText('Reference data as of 28/11/2026');
  await destination.selectOption('RE');
  await expect(tr.getByTestId('destination-adequacy')).toContainText('EU territory');
  await destination.selectOption('IO-EPO');
  await ed.field('Transfer impact assessment (reference)', tr).fill('TIA-EPO-1');
  if (process.env.ART30_SHOT) await tr.screenshot({ path: process.env.ART30_SHOT.replace(/\.png$/, '-transfer.png') });
  await page.getByLabel('Health data processed by health or medico-social establishments to care for people').check();
  await ed.field('DPO’s advice (Art. 35(2))').fill('Avis favorable');
  await ed.field('Prior consultation of the supervisory authority (Art. 36)').selectOption('to_do');
  await ed.save();
  await expect(page.getByText('The prior consultation of the supervisory authority (Art. 36) is still to be done.')).toBeVisible();
  await expect(page.getByText(/without a safeguard/)).toHaveCount(0);
  // The register table names an international organisation, not its code.
  await register.nav('Register').click();
  const row = page.getByRole('row', { name: /Dépôt de brevets/ });
  await expect(row.locator('.badge', { hasText: 'EPO' })).toHaveAttribute('title', /^European Patent Organisation/);
  await expect(row).not.toContainText('IO-EPO');

  // Reference data: the date, a damaged file refused, a newer one loaded with the activities it concerns.
  await register.nav('Reference data').click();
  await expect(page.getByTestId('dataset-date')).toHaveText('Reference data as of 28/11/2026');
  const dir = app.dir;
  const damaged = path.join(dir, 'damaged.json');
  fs.writeFileSync(damaged, '{"format": "art30-reference", "formatVer');
  await page.getByLabel('Load newer reference data…').setInputFiles(damaged);
  await expect(page.getByRole('alert').filter({ hasText: 'damaged.json is damaged' })).toContainText('Nothing was changed.');
  const newer = bundledDataset();
  newer.asOf = '2027-02-01';
  Object.assign(
    newer.countries.find((c) => c.code === 'IN')!,
    { adequacy: 'adequate', adequacyDecisionDate: '2027-01-20' },
  );
  const file = path.join(dir, 'reference-2027-02-01.json');
  fs.writeFileSync(file, JSON.stringify(newer));
  await page.getByLabel('Load newer reference data…').setInputFiles(file);
  await expect(page.getByTestId('dataset-date')).toHaveText('Reference data as of 01/02/2027');
  const report = page.getByTestId('dataset-report');
  await expect(report).toContainText('activities are concerned');
  await expect(report.getByRole('link', { name: /T-005/ })).toBeVisible();
  const organisations = page.getByRole('table', { name: 'International organisations' });
  await expect(
    organisations.getByRole('row').filter({ has: page.getByRole('cell', { name: 'European Patent Organisation (European Patent Office)', exact: true }) }),
  ).toContainText('Adequate');
  await page.screenshot({ path: path.join(dir, 'reference.png'), fullPage: true });
  if (process.env.ART30_SHOT) fs.copyFileSync(path.join(dir, 'reference.png'), process.env.ART30_SHOT);
});

test('after a reference data update made elsewhere, the app says once which activities are concerned', async ({ app }) => {
  const { page } = app;
  const newer = bundledDataset();
  newer.asOf = '2027-06-01';
  Object.assign(
    newer.countries.find((c) => c.code === 'IN')!,
    { adequacy: 'adequate', adequacyDecisionDate: '2027-05-20' },
  );
  // The window has read the reference data before the update (else its first load already sees the new data set and says so then).
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reference data' }).click();
  await expect(page.getByTestId('dataset-date')).toHaveText('Reference data as of 28/11/2026');
  await app.callDirect('reference/updateData', { text: JSON.stringify(newer), fileName: 'reference-2027-06-01.json' });
  await page.reload();
  const notice = page.locator('.notices').getByText('Reference data as of 01/06/2027 — 2 activities are concerned');
  await expect(notice).toBeVisible();
  await page.locator('.notices').getByRole('button', { name: 'Last update' }).click();
  await expect(page.getByTestId('dataset-report').getByRole('link', { name: /T-005/ })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('dataset-date')).toHaveText('Reference data as of 01/06/2027');
  await expect(page.locator('.notices').getByText('2 activities are concerned')).toHaveCount(0);

  // The DPO changes an organisation: the entry remembers it.
  const organisations = page.getByRole('table', { name: 'International organisations' });
  const un = organisations.getByRole('row').filter({ has: page.getByRole('cell', { name: 'United Nations', exact: true }) });
  await un.getByRole('button', { name: /Edit/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Adequacy status').selectOption('pending');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(un).toContainText('Changed by the DPO (kept by updates)');
});
