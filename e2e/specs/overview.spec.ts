import { expect, test } from '../fixtures.js';
import { EditorPage, RegisterPage } from '../pages/app-page.js';

test.use({ demo: true, start: 'home' });

test.describe('the overview in French', () => {
  test.use({ locale: 'fr-FR' });

  test('is the home screen, in French, with counts that open the register', async ({ app, target }) => {
    test.skip(target === 'electron', 'the Electron window follows the system locale, not the test’s');
    const { page } = app;
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Traitements par base légale' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ouvrir le registre : Durée de conservation manquante (2)' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Transferts hors UE — Par garantie' })).toBeVisible();
    // Charts are SVG (recharts).
    expect(await page.locator('.chart svg').count()).toBeGreaterThan(4);
    await page.getByRole('button', { name: 'Ouvrir le registre : Durée de conservation manquante (2)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registre des activités de traitement' })).toBeVisible();
    await expect(page.getByText('Filtre du tableau de bord : Durée de conservation manquante')).toBeVisible();
  });
});

test.describe('the overview in English', () => {
  test.use({ locale: 'en-GB' });

  test('a chart segment opens the register filtered to exactly its activities', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await page
      .getByRole('button', { name: /^Open the register: Legitimate interests? \(\d+\)$/ })
      .first()
      .click();
    await expect(register.heading).toBeVisible();
    const expected = (await app.callDirect('activities/list', { organisationId: 1, legalBasis: 'legitimate_interests' })) as { ref: string; role: string }[];
    const controller = expected
      .filter((a) => a.role !== 'processor')
      .map((a) => a.ref)
      .sort();
    await expect(register.count).toHaveText(`${controller.length} of ${controller.length} activities`);
    const refs = await register.table.locator('tbody tr[data-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
    expect([...refs].sort()).toEqual(controller);
    await page.getByRole('button', { name: 'Clear', exact: true }).first().click();
    await expect(register.count).toHaveText('10 of 10 activities');

    // The same with the mouse on a bar of the points-to-review chart.
    await app.page.getByRole('link', { name: 'Overview' }).click();
    const bars = page.locator('.chart-card', { has: page.getByRole('heading', { name: 'Points to review' }) }).locator('.recharts-bar-rectangle');
    await expect(bars.first()).toBeVisible();
    const segments = page.locator('.chart-card', { has: page.getByRole('heading', { name: 'Points to review' }) }).locator('button.segment');
    const firstKey = await segments.first().getAttribute('data-segment');
    const firstCount = Number(await segments.first().locator('.segment-count').textContent());
    await bars.first().click();
    await expect(register.heading).toBeVisible();
    const listed = (await app.callDirect('activities/list', { organisationId: 1, check: firstKey })) as unknown[];
    expect(listed.length).toBe(firstCount);
    await expect(page.locator('.overview-filter-banner')).toContainText(`${firstCount} activit`);
  });

  test('a review is marked from the overview, and the register shows points to review per activity', async ({ app }) => {
    const { page } = app;
    const row = page.locator('.reviews-card tr[data-ref="T-002"]');
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: /^Mark reviewed — T-002/ }).click();
    await expect(page.locator('.notices').getByText(/Review of T-002 recorded on/)).toBeVisible();
    await expect(row).toHaveCount(0);
    const a = (await app.callDirect('activities/getByRef', { ref: 'T-002', organisationId: 1 })) as { id: number; lastReviewedAt: string; lastReviewedBy: string };
    expect(a.lastReviewedAt).toBe(new Date().toISOString().slice(0, 10));
    expect(a.lastReviewedBy).toBe('Sophie Nguyen');
    const [entry] = (await app.callDirect('history/list', { entityType: 'activity', entityId: a.id, limit: 1 })) as { source: string; changes: { path: string }[] }[];
    expect(entry.changes.map((c) => c.path)).toContain('lastReviewedAt');

    // The register: a points column and a filter by kind.
    const register = new RegisterPage(page);
    await register.goto();
    await expect(register.table.getByRole('columnheader', { name: 'Points' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Point to review', exact: true }).selectOption('no_retention');
    const expected = ((await app.callDirect('activities/list', { organisationId: 1, check: 'no_retention' })) as { role: string }[]).filter((x) => x.role !== 'processor').length;
    await expect(register.count).toHaveText(`${expected} of 10 activities`);
    await page.getByRole('combobox', { name: 'Review', exact: true }).selectOption('overdue');
    await expect(register.count).toHaveText(/of 10 activities/);
  });
});

test.describe('the register as it was', () => {
  test.use({ locale: 'en-GB', start: 'register' });

  test('an activity’s history shows it as of an entry, and the export dialog offers a past date', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    const ed = new EditorPage(page);
    await register.open('Recrutement');
    await ed.field('Name of the processing activity').fill('Recrutement des stagiaires');
    await ed.save();
    await ed.saved(2);
    await ed.button('History').click();
    const history = page.getByRole('complementary', { name: 'History of the activity' });
    const buttons = history.getByRole('button', { name: 'Show as of this entry' });
    await expect(buttons).toHaveCount(2);
    // The oldest entry (its creation): the name it had then.
    await buttons.last().click();
    const dialog = page.getByRole('dialog', { name: /^Show as of this entry/ });
    await expect(dialog.getByRole('definition').first()).toHaveText('T-002');
    await expect(dialog).toContainText('Recrutement');
    await expect(dialog).not.toContainText('stagiaires');
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    await ed.back();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const exportDialog = page.getByRole('dialog', { name: /Export/ });
    await exportDialog.getByRole('radio', { name: 'As it stood at the end of' }).check();
    await expect(exportDialog.getByLabel('As it stood at the end of', { exact: true }).last()).toHaveValue(new Date().toISOString().slice(0, 10).split('-').reverse().join('/'));
    await exportDialog.getByRole('radio', { name: 'JSON' }).check();
    const download = page.waitForEvent('download');
    await exportDialog
      .getByRole('button', { name: /^(Export|Start)/ })
      .last()
      .click();
    const file = await (await download).path();
    const doc = JSON.parse((await import('node:fs')).readFileSync(file!, 'utf8')) as { asOf: string; activities: { name: string }[] };
    expect(doc.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(doc.activities.map((a) => a.name)).toContain('Recrutement des stagiaires');
  });
});
