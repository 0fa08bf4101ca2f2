/**
 * A review campaign in web mode, in French: created for three departments, its files downloaded (a
 * ZIP of workbooks and e-mail drafts), one department's answer collected (previewed, then recorded),
 * the review recorded on the activities; no accessibility violation.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import PostalMime from 'postal-mime';
import { expect, test } from '../fixtures.js';

test.use({ locale: 'fr-FR', demo: true });

test('campagne de revue : créée, fichiers téléchargés, une réponse collectée et enregistrée', async ({ app, target }) => {
  test.skip(target === 'electron', 'the files are downloads in web mode; Electron has the same screen');
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { page } = app;
  await page.getByRole('navigation').getByRole('link', { name: 'Campagnes de revue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campagnes de revue avec les services' })).toBeVisible();
  await expect(page.getByText('Aucune campagne pour l’instant.')).toBeVisible();

  await page.getByRole('button', { name: '+ Nouvelle campagne' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle campagne' });
  const departments = form.getByRole('group', { name: 'Services' });
  await expect(departments.getByRole('checkbox')).toHaveCount(7);
  for (const box of await departments.getByRole('checkbox').all()) {
    const name = (await box.locator('..').textContent()) ?? '';
    if (!/^(Ressources humaines|Marketing|Commercial) /.test(name)) await box.uncheck();
  }
  await expect(form.getByRole('textbox', { name: /^Adresse e-mail de / })).toHaveCount(3);
  await form.getByLabel('Adresse e-mail de Ressources humaines').fill('drh@atelier-lumiere.example');
  await form.getByLabel('Échéance').fill('2026-12-31');
  await form.getByLabel('Message aux services').fill('Merci de répondre avant la fin de l’année.');
  const a11y = await new AxeBuilder({ page }).include('.campaigns-screen').analyze();
  expect(a11y.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await form.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(page.locator('.notices')).toContainText('Campagne C-001 créée');

  const card = page.getByRole('region', { name: /C-001/ });
  await expect(card).toContainText('0 sur 3 retournés');
  const table = card.getByRole('table', { name: 'Services' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Ressources humaines/ })).toContainText('envoyé');

  // The files: one workbook and one e-mail draft per department, in one ZIP.
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Télécharger les fichiers (classeurs et brouillons de courriel)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('campagne-de-revue-c-001-atelier-lumiere-sas.zip');
  const zipFile = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(zipFile);
  const files = unzipSync(fs.readFileSync(zipFile));
  expect(Object.keys(files).sort()).toEqual([
    'revue-registre-c-001-commercial.eml',
    'revue-registre-c-001-commercial.xlsx',
    'revue-registre-c-001-marketing.eml',
    'revue-registre-c-001-marketing.xlsx',
    'revue-registre-c-001-ressources-humaines.eml',
    'revue-registre-c-001-ressources-humaines.xlsx',
  ]);

  const mail = await PostalMime.parse(files['revue-registre-c-001-ressources-humaines.eml'].slice().buffer);
  expect(mail.to?.[0]?.address).toBe('drh@atelier-lumiere.example');
  expect(mail.attachments[0].filename).toBe('revue-registre-c-001-ressources-humaines.xlsx');

  // Human resources answer: payroll still accurate, occupational health no longer done.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(files['revue-registre-c-001-ressources-humaines.xlsx'].slice().buffer);
  wb.getWorksheet('Vos traitements')!.eachRow((row) => {
    if (row.getCell(1).value === 'T-001') row.getCell(10).value = 'Toujours exact';
    if (row.getCell(1).value === 'T-003') {
      row.getCell(10).value = 'N’est plus réalisé';
      row.getCell(11).value = 'Confié à un prestataire';
    }
  });
  const answer = path.join(app.dir, 'reponse-rh.xlsx');
  await wb.xlsx.writeFile(answer);

  await card.getByRole('button', { name: 'Collecter une réponse…' }).click();
  await card.getByLabel('Fichier retourné').setInputFiles(answer);
  const preview = card.getByRole('region', { name: 'Réponse de Ressources humaines — campagne C-001' });
  await expect(preview.getByRole('article', { name: /T-001/ })).toContainText('Toujours exact');
  const t3 = preview.getByRole('article', { name: /T-003/ });
  await expect(t3).toContainText('N’est plus réalisé');
  await expect(t3).toContainText('Confié à un prestataire');
  await expect(t3.getByLabel('Retirer ce traitement')).toBeChecked();
  const a11y2 = await new AxeBuilder({ page }).include('.campaigns-screen').analyze();
  expect(a11y2.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  fs.mkdirSync(path.join('test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join('test-results', 'screenshots', 'campaign-preview.png'), fullPage: true });
  // Nothing is written before the DPO records the answer.
  expect(((await app.callDirect('activities/getByRef', { ref: 'T-001', organisationId: 1 })) as { lastReviewedBy: string }).lastReviewedBy).not.toContain('campagne');

  await preview.getByRole('button', { name: 'Enregistrer cette réponse' }).click();
  await expect(page.locator('.notices')).toContainText('Réponse de Ressources humaines enregistrée — revus : 1, modifiés : 0, retirés : 1, nouveaux brouillons : 0.');
  await expect(card).toContainText('1 sur 3 retournés');
  await expect(table.getByRole('row', { name: /Ressources humaines/ })).toContainText('retourné');
  await expect(table.getByRole('row', { name: /Ressources humaines/ })).toContainText('reponse-rh.xlsx');
  // Every step in the campaign's history.
  await card.getByText('Historique de la campagne').click();
  const history = card.locator('.history-entry');
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText('Réponse collectée');
  await expect(history.nth(0)).toContainText('reponse-rh.xlsx');
  const value = (entry: number, label: string) =>
    history
      .nth(entry)
      .locator('div', { has: page.getByRole('term').filter({ hasText: label }) })
      .getByRole('definition');
  await expect(value(0, 'Retirés')).toHaveText('T-003');
  await expect(value(0, 'Revus')).toHaveText('T-001');
  await expect(history.nth(1)).toContainText('Fichiers écrits');
  await expect(history.nth(2)).toContainText('Créée');
  await expect(value(2, 'Services')).toHaveText('Commercial, Marketing, Ressources humaines');
  const a11y3 = await new AxeBuilder({ page }).include('.campaigns-screen').analyze();
  expect(a11y3.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: path.join('test-results', 'screenshots', 'campaign-screen.png'), fullPage: true });

  const t1 = (await app.callDirect('activities/getByRef', { ref: 'T-001', organisationId: 1 })) as { lastReviewedBy: string; lastReviewedAt: string };
  expect(t1.lastReviewedBy).toBe('Ressources humaines (campagne C-001)');
  expect(((await app.callDirect('activities/getByRef', { ref: 'T-003', organisationId: 1 })) as { status: string }).status).toBe('retired');

  // The same file again is refused, with the reason.
  await card.getByRole('button', { name: 'Collecter une réponse…' }).click();
  await card.getByLabel('Fichier retourné').setInputFiles(answer);
  await expect(card.getByRole('alert')).toContainText('La réponse de Ressources humaines a déjà été collectée');

  // The overview shows the campaign's progress.
  await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
  const section = page.getByRole('region', { name: 'Campagne de revue C-001' });
  await expect(section).toContainText('service a répondu');
  await expect(section).toContainText('services attendus');
});
