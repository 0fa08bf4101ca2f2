/**
 * Ctrl+S saves what was typed, at once: no field keeps a keystroke to itself until it loses focus.
 * And a reload with something typed and unsaved asks first.
 */
import type { Dialog, Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { EditorPage } from '../pages/app-page.js';

/** Reloads the window; whether it asked first (the "leave this page?" dialog, dismissed: what was typed stays). */
async function reloadAsks(page: Page): Promise<boolean> {
  let asked = false;
  const onDialog = (d: Dialog) => {
    asked = d.type() === 'beforeunload';
    void d.dismiss();
  };
  page.once('dialog', onDialog);
  await page.reload({ timeout: 3000 }).catch(() => undefined);
  page.off('dialog', onDialog);
  return asked;
}

test.use({ locale: 'fr-FR', demo: true });

test('a duration typed then Ctrl+S at once is the duration saved, and still there after a reload', async ({ app }) => {
  const { page } = app;
  const ed = new EditorPage(page);
  const table = page.getByRole('table', { name: /Activités de traitement/ });
  await table.getByRole('link').first().click();
  await expect(page.getByText(/Version \d+ ·/)).toBeVisible();
  const version = Number((await page.getByText(/Version \d+ ·/).textContent())!.match(/Version (\d+)/)![1]);
  // The first retention rule: its duration replaced by keyboard.
  const ret = ed.section('Personnes concernées et données').getByRole('group', { name: 'Règle de conservation 1', exact: true });
  const duration = ed.field('Durée (ex. 5 ans, 18 mois)', ret);
  await duration.click();
  await page.keyboard.press('Control+a');
  // Typed, and Ctrl+S at once (the field still has the focus).
  await page.keyboard.type('7 ans');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(`Version ${version + 1} ·`)).toBeVisible();
  // The archive period too, typed after the first save.
  await ed.field('Archivage intermédiaire (durée)', ret).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('18 mois');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(`Version ${version + 2} ·`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Version ${version + 2} ·`)).toBeVisible();
  await expect(ed.field('Durée (ex. 5 ans, 18 mois)', ret)).toHaveValue('7 ans');
  await expect(ed.field('Archivage intermédiaire (durée)', ret)).toHaveValue('18 mois');
});

test('a reload with something typed and unsaved asks first; staying keeps what was typed', async ({ app }) => {
  const { page } = app;
  const ed = new EditorPage(page);
  await page
    .getByRole('table', { name: /Activités de traitement/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByText(/Version \d+ ·/)).toBeVisible();
  const name = ed.field('Nom du traitement');
  await name.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' des salariés');
  expect(await reloadAsks(page)).toBe(true);
  await expect(name).toHaveValue(/ des salariés$/);
});

test('a dialog that edits a record: a reload asks once something is typed, Ctrl+S saves it', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Référentiels' }).click();
  await page.getByRole('button', { name: 'Modifier Andorre' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifier Andorre' });
  const scope = dialog.getByLabel('Portée (français)');
  await scope.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Décision du 19 octobre 2010');
  expect(await reloadAsks(page)).toBe(true);
  await expect(scope).toHaveValue('Décision du 19 octobre 2010');
  // Ctrl+S saves the dialog (not "nothing to save on this screen").
  await page.keyboard.press('Control+s');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.notices')).toContainText('Enregistré.');
  await page.reload();
  await expect(page.getByRole('row', { name: /Andorre/ })).toContainText('Décision du 19 octobre 2010');
});

test('a new review campaign: a reload after typing asks first, Ctrl+S creates it', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Campagnes de revue' }).click();
  await page.getByRole('button', { name: '+ Nouvelle campagne' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle campagne' });
  await form.getByLabel('Échéance').click();
  await page.keyboard.type('31/12/2026');
  await form.getByLabel('Message aux services').click();
  await page.keyboard.type('Merci de relire vos traitements.');
  expect(await reloadAsks(page)).toBe(true);
  await expect(form.getByLabel('Message aux services')).toHaveValue('Merci de relire vos traitements.');
  await page.keyboard.press('Control+s');
  await expect(page.locator('.notices')).toContainText(/Campagne .* créée/);
  await expect(form).toHaveCount(0);
});

test('the requesters’ retention typed beside the request log: a reload asks first', async ({ app }) => {
  const { page } = app;
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: /Violations/ })
    .click();
  await page.getByRole('tab', { name: /Demandes/ }).click();
  const field = page.getByLabel(/Conserver les coordonnées des demandeurs/);
  await field.fill('3 ans');
  expect(await reloadAsks(page)).toBe(true);
  await expect(field).toHaveValue('3 ans');
  // Saved, nothing is left to lose: a reload no longer asks.
  await page.keyboard.press('Enter');
  await expect.poll(async () => ((await app.callDirect('requests/settings', {})) as { requesterRetention: string }).requesterRetention).toBe('P3Y');
  // The window has taken the saved value back (its save button is off again).
  await expect(page.locator('form.records-retention').getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
  expect(await reloadAsks(page)).toBe(false);
});
