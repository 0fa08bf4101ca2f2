/**
 * The README's pictures (e2e/screens.ts): every screen, in English and in French, on the demo
 * register. Written into test-results/screenshots/ (ignored: tests never modify tracked files);
 * `npm run screenshots` writes them into docs/screenshots/ instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AppPage, EditorPage, RegisterPage } from '../pages/app-page.js';
import { SCREENS, SCREENSHOT_LANGS } from '../screens.js';
import { expect, root, test } from '../fixtures.js';

test.use({ demo: true });

/** Opens a screen and waits for what it shows. */
async function show(page: Page, id: string, lang: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: /Main navigation|Navigation principale/ });
  const main = page.getByRole('main');
  const screen = SCREENS.find((s) => s.id === id)!;
  if (screen.href) await nav.locator(`a[href="${screen.href}"]`).click();
  if (id === 'activity-editor') {
    const register = new RegisterPage(page);
    await nav.locator('a[href="#/register"]').click();
    await register.open('Contrôle d’accès biométrique au laboratoire');
    const ed = new EditorPage(page);
    await ed.field(lang === 'fr' ? 'Responsable opérationnel' : 'Person in charge').fill(lang === 'fr' ? 'Responsable du laboratoire' : 'Head of the laboratory');
    await ed.save();
    await page.getByRole('button', { name: lang === 'fr' ? 'Historique' : 'History' }).click();
    await expect(page.getByRole('complementary').getByRole('row').nth(1)).toBeVisible();
  }
  if (id === 'actions') {
    // The demo register has no action yet: one made from a point to review, one free note.
    const fr = lang === 'fr';
    for (const [title, owner, due] of [
      [fr ? 'Indiquer la durée de conservation des conversations' : 'Set how long conversations are kept', fr ? 'Service client' : 'Customer service', '01/02/2026'],
      [fr ? 'Former les nouveaux arrivants au RGPD' : 'Train newcomers on the GDPR', fr ? 'Ressources humaines' : 'Human resources', '30/06/2027'],
    ]) {
      await page.getByRole('button', { name: fr ? '+ Nouvelle action' : '+ New action' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(fr ? 'Action' : 'Action', { exact: true }).fill(title);
      await dialog.getByLabel(fr ? 'Responsable' : 'Owner').fill(owner);
      await dialog.getByLabel(fr ? 'Échéance' : 'Due on').fill(due);
      await dialog.getByRole('button', { name: fr ? 'Créer l’action' : 'Create the action' }).click();
      await expect(dialog).toHaveCount(0);
    }
    await expect(main.getByRole('table')).toBeVisible();
  }
  if (id === 'requests') {
    await nav.locator('a[href="#/breaches"]').click();
    await page.getByRole('tab', { name: lang === 'fr' ? /Demandes/ : /Requests/ }).click();
  }
  await expect(main.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.evaluate(() => document.querySelectorAll('*').forEach((e) => e.scrollTop > 0 && e.scrollTo(0, 0)));
  // Fonts and charts settle.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

for (const lang of SCREENSHOT_LANGS) {
  // One test per language: each on its own demo register.
  test(`screenshots of every screen the README shows (${lang})`, async ({ app, target }) => {
    test.skip(target !== 'web', 'screenshots come from the web run');
    test.setTimeout(120_000);
    const out = process.env.ART30_SCREENSHOTS_DIR ?? path.join(root, 'test-results', 'screenshots');
    fs.mkdirSync(out, { recursive: true });
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await new AppPage(page).language(lang);
    for (const screen of SCREENS) {
      await show(page, screen.id, lang);
      await page.screenshot({ path: path.join(out, `${screen.id}.${lang}.png`) });
    }
  });
}

test('every screen of the main navigation has a picture in the README', async ({ app, target }) => {
  test.skip(target !== 'web', 'the same screens in Electron');
  await new AppPage(app.page).ready();
  const hrefs = await app.page
    .getByRole('navigation', { name: /Main navigation|Navigation principale/ })
    .locator('a[href^="#/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(3);
  for (const href of hrefs)
    expect(
      SCREENS.map((s) => s.href),
      `${href}: add it to e2e/screens.ts and run npm run screenshots`,
    ).toContain(href);
});
