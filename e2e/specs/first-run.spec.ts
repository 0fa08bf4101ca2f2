/**
 * First run and everyday use: the demo register only into an empty register (after a
 * confirmation), deleting an organisation, searching by country name and legal basis (FR and EN).
 */
import fs from 'node:fs';
import { expect, test } from '../fixtures.js';
import { AppPage, RegisterPage } from '../pages/app-page.js';

test.describe('the demo register', () => {
  test('is offered on an empty register after a confirmation, and never on a register that holds an organisation', async ({ app }) => {
    const { page } = app;
    const demo = page.getByRole('button', { name: 'Load the demo register' });
    await expect(page.getByRole('heading', { name: 'Welcome to Art30' })).toBeVisible();
    // Cancelled: nothing added.
    await demo.click();
    const dialog = page.getByRole('alertdialog', { name: 'Load the demo register?' });
    await expect(dialog).toContainText('Two fictitious organisations');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await app.callDirect('organisations/list', {})).toEqual([]);
    // A real organisation first: the register is no longer empty, no demo button anywhere.
    await page.getByLabel('Organisation name').fill('Mairie de Villefranche');
    await page.getByRole('button', { name: 'Create the organisation' }).click();
    await expect(page.getByRole('heading', { name: 'No processing activity yet' })).toBeVisible();
    await expect(demo).toHaveCount(0);
    // And the API refuses it anyway: no fictitious company next to a real one.
    await expect(app.callDirect('demo/create', {})).rejects.toThrow(/only into an empty register/);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Organisation' })).toHaveCount(1);
    expect(((await app.callDirect('organisations/list', {})) as { name: string }[]).map((o) => o.name)).toEqual(['Mairie de Villefranche']);
  });

  test('confirmed on an empty register, it loads', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load the demo register' }).click();
    await page.getByRole('alertdialog', { name: 'Load the demo register?' }).getByRole('button', { name: 'Load the demo' }).click();
    await expect(new RegisterPage(page).count).toHaveText('10 of 10 activities');
  });
});

test.describe('with the demo register', () => {
  test.use({ demo: true });

  test('deleting an organisation with its activities takes its typed name, keeps a backup and the history', async ({ app }) => {
    const { page } = app;
    const shell = new AppPage(page);
    await shell.ready();
    await page.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: 'Fondation Atelier Lumière' });
    await shell.nav('Organisation & DPO').click();
    await page.getByRole('button', { name: 'Delete this organisation' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete Fondation Atelier Lumière?' });
    await expect(dialog).toContainText('has 1 processing activity');
    const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
    await expect(confirm).toBeDisabled();
    const typed = dialog.getByLabel('Type the organisation’s name to confirm');
    await typed.fill('Fondation');
    await expect(confirm).toBeDisabled();
    await typed.fill('Fondation Atelier Lumière');
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(shell.notice(/Fondation Atelier Lumière and its activities deleted\. Copy of the register before the deletion: .*before-delete/)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Organisation' }).getByRole('option')).toHaveText(['Atelier Lumière SAS']);
    expect(fs.readdirSync(app.dir).some((f) => /register\.art30\.before-delete-.*\.bak$/.test(f))).toBe(true);
    const history = (await app.callDirect('history/verify', {})) as { ok: boolean };
    expect(history.ok).toBe(true);
  });

  test('an organisation without activity is deleted without typing its name', async ({ app }) => {
    const { page } = app;
    const shell = new AppPage(page);
    await shell.ready();
    await app.callDirect('organisations/create', { organisation: { name: 'Filiale vide' } });
    await page.reload();
    await page.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: 'Filiale vide' });
    await shell.nav('Organisation & DPO').click();
    await page.getByRole('button', { name: 'Delete this organisation' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete Filiale vide?' });
    await expect(dialog).toContainText('has no processing activity');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(shell.notice('Filiale vide deleted.')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Organisation' }).getByRole('option', { name: 'Filiale vide' })).toHaveCount(0);
  });

  test('search finds country names and legal bases, in English and in French, without a false "no match"', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    await expect(register.count).toHaveText('10 of 10 activities');
    const expectRefs = async (query: string, names: string[], exact = true) => {
      await register.search.fill(query);
      if (exact) await expect(register.count, query).toHaveText(new RegExp(`^${names.length} (of|sur) 10 activit`));
      for (const n of names) await expect(register.row(n), `${query} → ${n}`).toHaveCount(1);
    };
    await expectRefs('Switzerland', ['Contrôle d’accès biométrique au laboratoire']);
    await expectRefs('India', ['Prospection commerciale par courriel']);
    await expectRefs('United States', ['Gestion de la relation client', 'Prospection commerciale par courriel', 'Ancien programme de fidélité']);
    await expectRefs('legitimate interests', ['Gestion de la relation client', 'Vidéoprotection des locaux', 'Contrôle d’accès biométrique au laboratoire']);

    // While the full-text search is on its way (slowed down here), the table says so instead of "no match".
    await register.search.fill('');
    await page.route('**/api/activities%2Flist', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.route('**/api/activities/list', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await register.search.fill('Suisse');
    await expect(page.getByRole('status').filter({ hasText: 'Searching every field…' })).toBeVisible();
    await expect(page.getByText('No activity matches the search and filters.')).toHaveCount(0);
    await expect(register.row('Contrôle d’accès biométrique au laboratoire')).toHaveCount(1);
    await page.unrouteAll();

    await register.language('fr');
    await expectRefs('Suisse', ['Contrôle d’accès biométrique au laboratoire']);
    // "Inde" is also a substring of other words ("indemnités"): the activity transferring to India is among the results.
    await expectRefs('Inde', ['Prospection commerciale par courriel'], false);
    await expectRefs('États-Unis', ['Gestion de la relation client', 'Prospection commerciale par courriel', 'Ancien programme de fidélité']);
    await expectRefs('etats unis', ['Gestion de la relation client', 'Prospection commerciale par courriel', 'Ancien programme de fidélité']);
    await expectRefs('intérêt légitime', ['Gestion de la relation client', 'Vidéoprotection des locaux', 'Contrôle d’accès biométrique au laboratoire']);
    await register.search.fill('zzz introuvable');
    await expect(page.getByText('Aucune activité ne correspond à la recherche et aux filtres.')).toBeVisible();
  });
});
