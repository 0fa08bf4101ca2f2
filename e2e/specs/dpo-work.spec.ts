/**
 * The DPO's own work in web mode, in French (issue 25): an activity checked by the DPO with a
 * recommendation; a point to review made an action, found in the action plan and closed with the
 * keyboard, saying what was done. axe-clean at each step.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { RegisterPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.use({ locale: 'fr-FR', demo: true });

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });

async function axeClean(page: Page, include: string): Promise<void> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const axe = await new AxeBuilder({ page }).include(include).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the DPO checks an activity with a recommendation, makes a point to review an action and closes it', async ({ app, target }) => {
  test.skip(target === 'electron', 'the Electron window follows the system locale, not the test’s');
  const { page } = app;
  const register = new RegisterPage(page);
  await expect(register.heading).toBeVisible();
  await register.open('Assistant conversationnel du service client');

  // The sign-off: a draft, then checked by the DPO with a recommendation.
  const panel = page.getByTestId('signoff-panel');
  await expect(panel.getByRole('heading', { name: 'Visa du DPO' })).toBeVisible();
  await expect(panel.getByTestId('signoff-state')).toHaveText('Brouillon');
  await panel.getByLabel('Recommandation du DPO').fill('Fixer la durée de conservation des conversations avant la mise en service.');
  await panel.getByRole('button', { name: 'Marquer comme vérifié par le DPO' }).click();
  await expect(page.locator('.notices')).toContainText('Marqué comme vérifié.');
  await expect(panel.getByTestId('signoff-state')).toHaveText(/^Vérifié par le DPO le \d{2} .+ \d{4}$/);
  await expect(panel.getByRole('blockquote')).toHaveText('Fixer la durée de conservation des conversations avant la mise en service.');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join('test-results', 'dpo-signoff.png') });
  await axeClean(page, '.editor-screen');

  // A point to review made an action, overdue on purpose (due in the past).
  const checks = page.getByRole('region', { name: 'Points d’attention' });
  const point = checks.getByRole('listitem').filter({ hasText: 'Aucune durée de conservation n’est indiquée.' });
  await point.getByRole('button', { name: 'En faire une action' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle action' });
  await expect(dialog.getByLabel('Action', { exact: true })).toHaveValue('Aucune durée de conservation n’est indiquée.');
  await dialog.getByLabel('Action', { exact: true }).fill('Fixer la durée de conservation des conversations');
  await dialog.getByLabel('Responsable').fill('Responsable du service client');
  await dialog.getByLabel('Échéance').fill('01/03/2026');
  await dialog.getByLabel('Priorité').selectOption({ label: 'Haute' });
  await axeClean(page, '.modal');
  await dialog.getByRole('button', { name: 'Créer l’action' }).click();
  await expect(page.locator('.notices')).toContainText('Action A-001 créée.');
  await expect(dialog).toHaveCount(0);
  // The editor lists the activity's actions.
  const own = panel.getByRole('group', { name: 'Actions de ce traitement' });
  await expect(own.getByRole('listitem')).toHaveText(/^A-001 Fixer la durée de conservation des conversations — Ouverte \(Échéance\s:\s01\smars\s2026\)\s*En retard$/);
  await axeClean(page, '.editor-screen');

  // The action plan: the action, overdue; closed with the keyboard only.
  await nav(page, 'Plan d’action').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan d’action' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Plan d’action' });
  const row = table.getByRole('row').filter({ hasText: 'A-001' });
  await expect(row).toContainText('Fixer la durée de conservation des conversations');
  await expect(row).toContainText('T-010 Assistant conversationnel du service client');
  await expect(row).toContainText('En retard');
  await expect(row).toContainText('Haute');
  await page.screenshot({ path: path.join('test-results', 'dpo-actions.png'), fullPage: true });
  await axeClean(page, '.actions-screen');

  const close = row.getByRole('button', { name: 'Clore… A-001' });
  await close.focus();
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  const closing = page.getByRole('dialog', { name: 'Clore l’action A-001' });
  await expect(closing.getByLabel('État')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(closing.getByLabel('Ce qui a été fait')).toBeFocused();
  await page.keyboard.type('Durée fixée à 6 mois, purge automatique configurée.');
  await axeClean(page, '.modal');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(closing.getByRole('button', { name: 'Clore l’action' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.notices')).toContainText('Action A-001 close.');
  // Open or in progress (the default filter): none left; all states: the closed one, with what was done.
  await expect(page.getByTestId('actions-count')).toHaveText('0 action');
  await page.getByLabel('État', { exact: true }).selectOption({ label: 'Tous les états' });
  await expect(row).toContainText('Faite');
  await expect(row).toContainText('Ce qui a été fait : Durée fixée à 6 mois, purge automatique configurée.');
  await expect(row).not.toContainText('En retard');
  await axeClean(page, '.actions-screen');

  // The overview counts the DPO's work; the register filters on the sign-off.
  await nav(page, 'Tableau de bord').click();
  const work = page.getByRole('region', { name: 'Travail du DPO' });
  await expect(work.getByRole('button', { name: /traitement vérifié par le DPO/ })).toHaveText('traitement vérifié par le DPO1');
  await expect(work).toContainText('action en retard0');
  await axeClean(page, '.overview-screen');
  await nav(page, 'Registre').click();
  await page.getByLabel('Visa', { exact: true }).selectOption({ label: 'Vérifié par le DPO' });
  await expect(register.count).toContainText('1');
  await expect(register.row('Assistant conversationnel du service client')).toBeVisible();
  await axeClean(page, '.register-screen');

  // Copied to the other organisation the DPO serves: what will happen is said first.
  await page.getByRole('checkbox', { name: 'Sélectionner T-010 Assistant conversationnel du service client' }).check();
  await page.getByRole('button', { name: 'Copier vers d’autres organismes…' }).click();
  const copy = page.getByRole('dialog', { name: 'Copier 1 traitement vers d’autres organismes' });
  await copy.getByRole('checkbox', { name: 'Fondation Atelier Lumière' }).check();
  await expect(copy.getByRole('listitem')).toHaveText(
    'T-010 Assistant conversationnel du service client → Fondation Atelier Lumière (destinataires trouvés : aucun ; ajoutés à l’annuaire : aucun)',
  );
  await axeClean(page, '.modal');
  await copy.getByRole('button', { name: 'Copier', exact: true }).click();
  await expect(page.locator('.notices')).toContainText('1 copie faite.');
  // The copy is a draft of the other organisation's register.
  await page.getByLabel('Visa', { exact: true }).selectOption({ label: 'Tous' });
  await page.getByLabel('Organisme').selectOption({ label: 'Fondation Atelier Lumière' });
  await expect(page.getByRole('link', { name: 'Assistant conversationnel du service client', exact: true })).toBeVisible();
});
