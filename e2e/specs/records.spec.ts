import ExcelJS from 'exceljs';
import path from 'node:path';
import { cellText } from '../../core/export/xlsx/cells.js';
import { RegisterPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.use({ demo: true });

test('record a breach from an activity, see it on the activity, export it', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron exports through its native save dialog');
  const { page } = app;
  const register = new RegisterPage(page);
  await expect(register.count).toHaveText('10 of 10 activities');
  await register.open('Gestion de la paie');
  const panel = page.getByTestId('activity-breaches');
  await expect(panel.getByRole('link', { name: /B-001/ })).toBeVisible();
  await expect(panel).toContainText('Notified within 72 hours');
  await panel.getByRole('button', { name: 'Record a breach for this activity' }).click();

  const editor = page.getByRole('form', { name: 'Record a breach' });
  await expect(editor.getByRole('listitem').filter({ hasText: 'T-001 — Gestion de la paie' })).toBeVisible();
  await editor.getByLabel('Title').fill('Accès non autorisé au logiciel de paie');
  await editor.getByLabel('Discovered on').fill('2026-03-02T09:30');
  await editor.getByLabel('Notified to the authority on').fill('2026-03-01T09:00');
  await editor.getByLabel('Confidentiality').check();
  await editor.getByRole('button', { name: 'Save' }).click();
  // Refused, the field named, nothing written.
  await expect(editor.getByRole('alert').first()).toContainText('Notified to the authority on');
  await expect(editor.locator('[data-path="notifiedAt"] .field-error')).toHaveText('The notification cannot be dated before the discovery of the breach.');
  expect(await app.callDirect('breaches/list', {})).toHaveLength(2);

  await editor.getByLabel('Notified to the authority on').fill('2026-03-03T10:00');
  await editor.getByLabel('Notification reference').fill('CNIL-2026-0042');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.notices')).toContainText('B-003');
  const saved = page.getByRole('form', { name: 'Accès non autorisé au logiciel de paie' });
  await expect(saved.locator('[data-state="on_time"]')).toHaveText('Notified within 72 hours');
  await expect(page.getByTestId('breach-counts')).toContainText('3 breaches');
  await expect(page.getByRole('tab', { name: /Breaches/ })).toContainText('3');
  await page.evaluate(() => document.querySelectorAll('*').forEach((e) => e.scrollTop > 0 && e.scrollTo(0, 0)));
  await page.screenshot({ path: path.join('test-results', 'records-breach.png') });

  // Back on the activity: the breach is listed there.
  await register.goto();
  await register.open('Gestion de la paie');
  await expect(page.getByTestId('activity-breaches').getByRole('link', { name: 'B-003 — Accès non autorisé au logiciel de paie' })).toBeVisible();
  await page.getByTestId('activity-breaches').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join('test-results', 'records-activity.png') });

  // Export with the records included.
  await register.goto();
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the register' });
  await dialog.getByLabel('Include the breach record and the request log').check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  const wb = await new ExcelJS.Workbook().xlsx.readFile(file);
  const sheet = wb.getWorksheet('Breaches')!;
  const refs = [4, 5, 6].map((n) => cellText(sheet.getRow(n).getCell(1)));
  expect(refs).toEqual(['B-001', 'B-002', 'B-003']);
  expect(cellText(sheet.getRow(6).getCell(4))).toContain('Title: Accès non autorisé au logiciel de paie');
  expect(cellText(sheet.getRow(6).getCell(6))).toContain('Notification reference: CNIL-2026-0042');
  expect(cellText(wb.getWorksheet('Breaches (detail)')!.getRow(7).getCell(2))).toBe('Accès non autorisé au logiciel de paie');
  expect(wb.getWorksheet('Requests')).toBeTruthy();
});

test('the request log: counts, an overdue badge, a filter, and an extension beyond three months refused', async ({ app, target }) => {
  test.skip(target === 'electron', 'same screens as web mode');
  const { page } = app;
  // The navigation says how many deadlines have passed (the demo's overdue request).
  const nav = page.getByRole('navigation', { name: /Main navigation/ }).getByRole('link', { name: /^Breaches \/ Requests/ });
  await expect(nav).toHaveAccessibleName('Breaches / Requests 1 overdue');
  await nav.click();
  await page.getByRole('tab', { name: /Requests/ }).click();
  await expect(page.getByTestId('request-counts')).toContainText('4 requests');
  await expect(page.getByTestId('request-counts')).toContainText('1 overdue');
  const log = page.getByRole('table', { name: 'Data subject requests' });
  await expect(log.getByRole('row', { name: /R-002/ }).locator('[data-state="overdue"]')).toHaveText(/^Overdue by \d+ days?$/);
  await expect(log.getByRole('row', { name: /R-003/ }).locator('[data-state="due"]')).toHaveText(/^Due in \d+ days?$/);
  await page.getByLabel('Overdue only').check();
  await expect(log.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Overdue only').uncheck();

  await log.getByRole('button', { name: 'R-003' }).click();
  const editor = page.getByRole('form', { name: 'R-003' });
  // Shown as the DPO writes dates (dd/mm/yyyy).
  const received = (await editor.getByLabel('Received on').inputValue()).split('/').reverse().join('-');
  const far = new Date(Date.parse(`${received}T00:00:00Z`) + 120 * 86_400_000).toISOString().slice(0, 10);
  await editor.getByLabel('Extended until').fill(far);
  await editor.getByLabel('Reasons for the extension').fill('Complex request');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.locator('[data-path="extendedUntil"] .field-error')).toContainText('cannot go beyond three months');
  const r3 = ((await app.callDirect('requests/list', {})) as { ref: string; extendedUntil: string }[]).find((r) => r.ref === 'R-003');
  expect(r3?.extendedUntil).toBe('');
  await page
    .getByRole('group', { name: /Language/ })
    .getByRole('button', { name: /^FR/ })
    .click();
  await page.evaluate(() => document.querySelectorAll('*').forEach((e) => e.scrollTop > 0 && e.scrollTo(0, 0)));
  await expect(page.getByTestId('request-counts')).toContainText('4 demandes');
  // The error shown before the switch is now in French too, with a French date.
  const refused = page.getByRole('form', { name: 'R-003' }).locator('[data-path="extendedUntil"] .field-error');
  await expect(refused).toContainText('ne peut dépasser trois mois');
  await expect(refused).toContainText(/au plus tard le \d{2}\/\d{2}\/\d{4}/);
  await page.screenshot({ path: path.join('test-results', 'records-requests.png') });
});

test('the records screens: no accessibility violation, a breach recorded with the keyboard only', async ({ app, target }) => {
  test.skip(target === 'electron', 'same screens as web mode');
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { page } = app;
  await page.goto(`${app.server!.url}#/breaches/new`);
  const editor = page.getByRole('form', { name: 'Record a breach' });
  await expect(editor.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Rançongiciel sur le serveur de fichiers');
  await page.keyboard.press('Control+s');
  await expect(page.locator('.notices')).toContainText('B-003');
  for (const hash of ['#/breaches/1', '#/requests/2']) {
    await page.goto(`${app.server!.url}${hash}`);
    await expect(page.locator('.edit-pane')).toBeVisible();
    const result = await new AxeBuilder({ page }).include('.records-screen').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('a record changed elsewhere is a conflict (reload shows it); erase a requester, delete a breach, each after a confirmation', async ({ app, target }) => {
  test.skip(target === 'electron', 'same screens as web mode');
  const { page } = app;
  type Row = { id: number; ref: string; version: number; title?: string; requester?: string } & Record<string, unknown>;
  const breaches = (await app.callDirect('breaches/list', {})) as Row[];
  const b1 = breaches.find((b) => b.ref === 'B-001')!;
  await page.goto(`${app.server!.url}#/breaches/${b1.id}`);
  const editor = page.locator('form.edit-pane');
  await expect(editor.getByLabel('Title')).toHaveValue(b1.title!);

  // Another program saves the breach meanwhile: this window's save is refused, nothing overwritten.
  const { id, organisationId: _o, version, createdAt: _c, updatedAt: _u, activities, deadline: _d, ...rest } = b1 as Row & { activities: { id: number }[] };
  await app.callDirect('breaches/update', { id, version, breach: { ...rest, activityIds: activities.map((a) => a.id), title: 'Titre écrit ailleurs' } });
  await editor.getByLabel('Title').fill('Titre de cette fenêtre');
  await editor.getByRole('button', { name: 'Save' }).click();
  const banner = editor.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Reload' }) });
  await expect(banner).toBeVisible();
  expect(((await app.callDirect('breaches/list', {})) as Row[]).find((b) => b.id === id)?.title).toBe('Titre écrit ailleurs');
  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(editor.getByLabel('Title')).toHaveValue('Titre écrit ailleurs');
  await expect(banner).toBeHidden();

  // Delete: cancelled first, then confirmed.
  await editor.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  expect((await app.callDirect('breaches/list', {})) as Row[]).toHaveLength(2);
  await editor.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('breach-counts')).toContainText('1 breach');
  expect(((await app.callDirect('breaches/list', {})) as Row[]).map((b) => b.ref)).toEqual(['B-002']);
  await expect(page.locator('form.edit-pane')).toHaveCount(0);

  // Erase a requester's details: the request stays, the details are gone and the date is shown.
  const requests = (await app.callDirect('requests/list', {})) as Row[];
  const withRequester = requests.find((r) => r.requester)!;
  await page.goto(`${app.server!.url}#/requests/${withRequester.id}`);
  await page.getByRole('button', { name: 'Erase the requester’s details' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Erase the requester’s details' }).click();
  await expect(page.locator('form.edit-pane [data-path="requester"]')).toContainText('Requester’s details erased on');
  const after = ((await app.callDirect('requests/list', {})) as Row[]).find((r) => r.id === withRequester.id)!;
  expect(after.requester).toBe('');
  expect(after.version).toBe(withRequester.version + 1);
});
