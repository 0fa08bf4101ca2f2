import { EditorPage, RegisterPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.use({ demo: true });

/** The text of the focused control (not of the page when nothing is focused). */
const focusedText = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body && /^(BUTTON|A)$/.test(el.tagName) ? (el.textContent ?? '').trim() : '';
  });

/** Presses Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page: import('@playwright/test').Page, accept: () => Promise<boolean>, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await accept()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('focus never reached the expected control');
}

test('create an activity using only the keyboard', async ({ app }) => {
  const { page } = app;
  const register = new RegisterPage(page);
  const ed = new EditorPage(page);
  await expect(register.count).toHaveText('10 of 10 activities');

  // From the top of the page, Tab to "New activity" and press Enter.
  await page.locator('body').focus();
  await tabTo(page, async () => (await focusedText(page)).includes('New activity'));
  await page.keyboard.press('Enter');
  await expect(ed.heading).toHaveText('New processing activity');

  // The name field has the focus on a new activity.
  await expect(ed.field('Name of the processing activity')).toBeFocused();
  await page.keyboard.type('Gestion des astreintes');
  // Tab to the role select and choose "Processor" with the keyboard.
  await page.keyboard.press('Tab');
  await expect(ed.field('Role of the organisation')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ed.field('Status')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ed.field('Department')).toBeFocused();
  await page.keyboard.type('Direction technique');

  // Tab to the main purpose.
  await tabTo(page, async () => ed.field('Main purpose').evaluate((el) => el === document.activeElement));
  await page.keyboard.type('Organiser les astreintes du service');

  // Add a lawful basis with the keyboard: Tab to the button, Enter, then choose in the select.
  await tabTo(page, async () => (await focusedText(page)).includes('Add a lawful basis'));
  await page.keyboard.press('Enter');
  const basis = ed.field('Lawful basis', ed.group('Lawful basis 1'));
  await expect(basis).toBeFocused();
  await basis.press('ArrowDown'); // keyboard selection in a native select
  await expect(basis).not.toHaveValue('');

  // Save with the keyboard shortcut.
  await page.keyboard.press('Control+s');
  await expect(ed.heading).toHaveText('T-011 — Gestion des astreintes');
  await ed.saved(1);

  // Back to the register with the keyboard: Shift+Tab to the back button, Enter.
  await page.locator('body').focus();
  await tabTo(page, async () => (await focusedText(page)).includes('Back to the register'));
  await page.keyboard.press('Enter');
  await expect(register.row('Gestion des astreintes')).toContainText('Direction technique');

  // Open it from the table with the keyboard: the name is a link.
  await register.search.focus();
  await page.keyboard.type('astreintes');
  await expect(register.count).toHaveText('1 of 11 activities');
  await tabTo(page, async () => (await focusedText(page)) === 'Gestion des astreintes');
  await page.keyboard.press('Enter');
  await expect(ed.heading).toHaveText('T-011 — Gestion des astreintes');
});

test('every control has an accessible name', async ({ app }) => {
  const { page } = app;
  const register = new RegisterPage(page);
  const unnamed = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')]
        .filter((el) => {
          const label = (el as HTMLInputElement).labels?.length ? (el as HTMLInputElement).labels![0].textContent : '';
          const name = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || label || el.textContent?.trim() || el.getAttribute('title');
          return !name;
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
  expect(await unnamed()).toEqual([]);
  await register.open('Gestion de la paie');
  await expect(page.getByRole('region', { name: 'Identification' })).toBeVisible();
  expect(await unnamed()).toEqual([]);
});
