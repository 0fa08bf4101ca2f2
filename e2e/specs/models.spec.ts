/**
 * Models of activities (issue 24), in French: a new organisation started from six models of the
 * catalogue (each seen before it is ticked), one of them edited, the register exported and read back.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '../fixtures.js';
import { EditorPage, RegisterPage } from '../pages/app-page.js';

test.use({ locale: 'fr-FR' });

const SIX = [
  'État civil',
  'Listes électorales',
  'Conseil municipal : délibérations et actes',
  'Vidéoprotection de la voie publique',
  'Relation avec les usagers (demandes et signalements)',
  'Gestion des agents publics (carrière et paie)',
];

test('a new commune starts from six models, edits one and exports its register', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron exports through its native save dialog');
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { page } = app;
  await page.getByLabel('Nom de l’organisme').fill('Mairie de Villefranche');
  await page.getByRole('button', { name: 'Créer l’organisme' }).click();

  await page.getByRole('button', { name: 'Partir de modèles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modèles d’activités' });
  await dialog.getByLabel('Type d’organisme').selectOption({ label: 'Organisme public, commune' });
  await expect(dialog.getByRole('checkbox', { name: /^Gestion des clients/ })).toHaveCount(0);
  // A model is seen before it is ticked: its facts with their sources, or "à vérifier".
  await dialog.getByRole('button', { name: 'Voir Vidéoprotection de la voie publique' }).click();
  const details = dialog.locator('.model-details');
  await expect(details).toContainText('Code de la sécurité intérieure, art. L252-5');
  await expect(details).toContainText('AIPD requise');
  const axe = await new AxeBuilder({ page }).include('.modal').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: path.join('test-results', 'screenshots', 'models-dialog.png') });
  await dialog.getByRole('button', { name: 'Masquer Vidéoprotection de la voie publique' }).click();

  for (const name of SIX) await dialog.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).check();
  // The keyboard reaches the button; Enter adds.
  const add = dialog.getByRole('button', { name: 'Ajouter 6 activités' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.notices')).toContainText('6 activités ajoutées à partir de modèles, en brouillon.');
  const register = new RegisterPage(page);
  await expect(register.count).toHaveText('6 sur 6 activités');

  // One edited: its history says which model it came from.
  await register.open('Vidéoprotection de la voie publique');
  const editor = new EditorPage(page);
  await expect(page.getByText('Créée à partir du modèle public.video-protection (2026-12-07)')).toBeVisible();
  await editor.field('Nom du traitement').fill('Vidéoprotection du centre-ville');
  await editor.save();
  await editor.saved(2);
  await page.getByRole('button', { name: 'Historique' }).click();
  await expect(page.locator('.history-panel')).toContainText('à partir du modèle public.video-protection (2026-12-07)');
  await page.screenshot({ path: path.join('test-results', 'screenshots', 'models-editor.png'), fullPage: false });
  await editor.back();

  // The register exported, in French, and read back.
  await page.getByRole('button', { name: 'Exporter' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Exporter le registre' });
  await exportDialog.getByLabel('Français').check();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Exporter', exact: true }).click();
  const download = await downloading;
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(file).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const text: string[] = [];
  wb.getWorksheet('Détail des traitements')!.eachRow((row) => row.eachCell((c) => text.push(String(c.text))));
  const all = text.join('\n');
  for (const name of SIX.filter((n) => !n.startsWith('Vidéoprotection'))) expect(all).toContain(name);
  expect(all).toContain('Vidéoprotection du centre-ville');
  expect(all).toContain('1 mois au plus, sauf enquête (source : Code de la sécurité intérieure, art. L252-5');
});
