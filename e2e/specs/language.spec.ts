import { expect, test } from '../fixtures.js';

test.describe('a French system', () => {
  test.use({ locale: 'fr-FR', demo: true });

  test('opens in French by default', async ({ app, target }) => {
    test.skip(target === 'electron', 'the Electron window follows the system locale, not the test’s');
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Registre des activités de traitement' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^FR/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});

test.describe('an English system', () => {
  test.use({ locale: 'en-GB', demo: true });

  test('opens in English by default', async ({ app, target }) => {
    test.skip(target === 'electron', 'the Electron window follows the system locale, not the test’s');
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Register of processing activities' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
