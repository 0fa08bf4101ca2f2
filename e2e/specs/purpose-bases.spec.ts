/**
 * A legal basis per purpose (issue 25), in French, by keyboard: a sub-purpose given its own basis in
 * the editor, saved, shown back after a reload; the bases an upgrade gave to the main purpose are
 * said, confirmed and saved; the legal section is axe-clean.
 */
import type { Page } from '@playwright/test';
import { EditorPage, RegisterPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.use({ locale: 'fr-FR', demo: true });

async function axeClean(page: Page, selector: string) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a sub-purpose given its own legal basis, saved and shown back; bases to check confirmed', async ({ app }) => {
  const { page } = app;
  const register = new RegisterPage(page);
  const ed = new EditorPage(page);
  await register.ready();
  await register.language('fr');

  // T-005 has one purpose and one basis (consent): the DPO adds a sub-purpose and gives it its own basis.
  await register.open('Prospection commerciale par courriel');
  await expect(ed.heading).toHaveText('T-005 — Prospection commerciale par courriel');
  const sub = await ed.addItem('Finalités', 'Ajouter une sous-finalité', 'Sous-finalité');
  await ed.field('Sous-finalité 1', sub).fill('Mesure de l’ouverture des courriels');

  const legal = ed.section('Base légale');
  // The existing basis serves the main purpose.
  const first = ed.group('Base légale 1', legal);
  await expect(ed.field('Finalité servie', first)).toHaveValue('0');
  const added = await ed.addItem('Base légale', 'Ajouter une base légale', 'Base légale', 2);
  // By keyboard: the new entry's first control has the focus; the purpose is chosen with the arrows.
  await expect(ed.field('Base légale', added)).toBeFocused();
  await ed.field('Base légale', added).selectOption('legitimate_interests');
  const served = ed.field('Finalité servie', added);
  await served.focus();
  await page.keyboard.press('ArrowDown');
  await expect(served).toHaveValue('1');
  await expect(served.locator('option:checked')).toHaveText('Sous-finalité 1 : Mesure de l’ouverture des courriels');
  // Legitimate interests: the interests pursued are described.
  await expect(added.getByText('Décrivez les intérêts légitimes poursuivis')).toBeVisible();
  await ed.field('Justification', added).fill('Améliorer nos envois ; mise en balance du 02/02/2026');
  await axeClean(page, '#sec-legal');
  await page.screenshot({ path: test.info().outputPath('purpose-bases-editor.png'), fullPage: false });
  await ed.save();
  await expect(page.getByText(/Version \d+ ·/)).toBeVisible();

  // Shown back after a reload, from the register file.
  await page.reload();
  await expect(ed.heading).toHaveText('T-005 — Prospection commerciale par courriel');
  const again = ed.group('Base légale 2', ed.section('Base légale'));
  await expect(ed.field('Finalité servie', again)).toHaveValue('1');
  await expect(ed.field('Base légale', again)).toHaveValue('legitimate_interests');
  const stored = (await app.callDirect('activities/getByRef', { ref: 'T-005', organisationId: 1 })) as { legalBases: { code: string; purpose: number }[] };
  expect(stored.legalBases.map((b) => [b.code, b.purpose])).toEqual([
    ['consent', 0],
    ['legitimate_interests', 1],
  ]);

  // An activity whose bases an upgrade gave to the main purpose: said, confirmed by keyboard, saved.
  const t002 = (await app.callDirect('activities/getByRef', { ref: 'T-002', organisationId: 1 })) as Record<string, unknown> & { id: number; version: number };
  const { id, version, organisationId: _o, createdAt: _c, updatedAt: _u, ...fields } = t002;
  await app.callDirect('activities/update', {
    id,
    version,
    // As the migration leaves it: the activity's bases (one per code) on its main purpose.
    activity: {
      ...fields,
      legalBases: (fields.legalBases as { code: string; purpose: number }[])
        .filter((b, i, all) => all.findIndex((x) => x.code === b.code) === i)
        .map((b) => ({ ...b, purpose: 0 })),
      purposeBasesToCheck: true,
    },
  });
  await ed.back();
  await expect(register.heading).toBeVisible();
  await register.open('Recrutement');
  const legal2 = ed.section('Base légale');
  await expect(legal2.getByText(/données à sa finalité principale lors de la mise à niveau du registre/)).toBeVisible();
  await axeClean(page, '#sec-legal');
  await legal2.locator('.purpose-bases-check').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('purpose-bases-to-check.png'), fullPage: false });
  const confirm = ed.button('Confirmer les bases par finalité', legal2);
  await confirm.focus();
  await page.keyboard.press('Enter');
  const confirmed = legal2.getByRole('status');
  await expect(confirmed).toHaveText('Bases par finalité confirmées : enregistrez le traitement pour en garder la trace.');
  await expect(confirmed).toBeFocused();
  await ed.save();
  await expect(page.getByText(new RegExp(`Version ${version + 2} ·`))).toBeVisible();
  const after = (await app.callDirect('activities/get', { id })) as { purposeBasesToCheck: boolean };
  expect(after.purposeBasesToCheck).toBe(false);
});
