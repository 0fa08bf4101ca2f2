/**
 * Models of activities (issue 24), in French: a new organisation started from six models of the
 * catalogue (each seen before it is ticked), one of them edited, the register exported and read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { bundledCatalogue } from '../../core/models/catalogue.js';
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

test('a model’s newer version is shown against the activities made from it: taken into one, left on the other', async ({ app, target }) => {
  test.skip(target === 'electron', 'same screens as web mode');
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { page } = app;
  const org = (await app.callDirect('organisations/create', { organisation: { name: 'Société Exemple' } })) as { id: number };
  await app.callDirect('models/add', { organisationId: org.id, ids: ['staff.recruitment', 'staff.recruitment'], lang: 'fr' });
  const next = structuredClone(bundledCatalogue());
  next.asOf = '2027-03-01';
  const m = next.models.find((x) => x.id === 'staff.recruitment')!;
  m.version = '2027-03-01';
  m.securityMeasures.push({ type: 'encryption', precision: { fr: 'Chiffrement des CV', en: 'Encrypted CVs' } });
  m.purpose = { fr: 'Recruter', en: 'Recruit' };
  const file = path.join(app.dir, 'models-2027-03-01.json');
  fs.writeFileSync(file, JSON.stringify(next));
  await app.callDirect('models/loadFile', { file });
  await page.reload();

  const notice = page.getByRole('region', { name: 'Mises à jour des modèles' });
  await expect(notice.getByRole('link')).toHaveCount(2);
  await notice.getByRole('link', { name: /^T-001 Recrutement/ }).click();
  const panel = page.locator('.model-update');
  await expect(panel).toContainText('modèle staff.recruitment : 2026-12-07 → 2027-03-01');
  await expect(panel.getByRole('row', { name: /Mesures de sécurité/ })).toContainText('Chiffrement des CV');
  const axe = await new AxeBuilder({ page }).include('.model-update').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: path.join('test-results', 'screenshots', 'models-update.png') });
  // The purpose is left as it is, the security measures taken.
  await panel.getByRole('checkbox', { name: /^Reprendre le champ « Finalité/ }).uncheck();
  await panel.getByRole('button', { name: 'Reprendre la mise à jour' }).click();
  await expect(page.locator('.notices')).toContainText('Mise à jour reprise dans T-001.');
  await expect(panel).not.toContainText('Une version plus récente du modèle');
  // The editor shows the activity as saved with the update.
  await expect(
    page.locator('input[value="Chiffrement des CV"], textarea').filter({ hasText: 'Chiffrement des CV' }).or(page.locator('input[value="Chiffrement des CV"]')),
  ).toHaveCount(1);
  const taken = (await app.callDirect('activities/get', { id: 1 })) as { purpose: string; securityMeasures: { precision: string }[] };
  expect(taken.securityMeasures.map((x) => x.precision)).toContain('Chiffrement des CV');
  expect(taken.purpose).toBe('Sélectionner les candidats à un emploi ou à un stage');

  await new EditorPage(page).back();
  await page
    .getByRole('region', { name: 'Mises à jour des modèles' })
    .getByRole('link', { name: /^T-002 Recrutement/ })
    .click();
  await page.locator('.model-update').getByRole('button', { name: 'Ne pas la reprendre' }).click();
  await expect(page.locator('.notices')).toContainText('T-002 laissée telle quelle.');
  const left = (await app.callDirect('activities/get', { id: 2 })) as { securityMeasures: unknown[] };
  expect(left.securityMeasures).toHaveLength(3);
  expect(await app.callDirect('models/updates', {})).toEqual([]);
});

test('an activity saved as the DPO’s own model, and exported to share from the reference data screen', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron exports through its native save dialog');
  const { page } = app;
  const org = (await app.callDirect('organisations/create', { organisation: { name: 'Collège Jean Moulin' } })) as { id: number };
  await app.callDirect('models/add', { organisationId: org.id, ids: ['school.canteen'], lang: 'fr' });
  await page.reload();
  await new RegisterPage(page).open('Restauration scolaire et périscolaire');
  await page.getByRole('button', { name: 'Enregistrer comme modèle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer comme modèle' });
  await dialog.getByLabel('Identifiant du modèle (minuscules, points ou tirets)').fill('college.cantine');
  await dialog.getByRole('checkbox', { name: 'Établissement scolaire' }).check();
  await dialog.getByRole('button', { name: 'Enregistrer comme modèle' }).click();
  await expect(page.locator('.notices')).toContainText('Modèle college.cantine enregistré.');

  await page.getByRole('link', { name: 'Référentiels' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter mon modèle (1)' }).click();
  const download = await downloading;
  const file = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(file);
  const shared = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; scope: string; models: { id: string; name: { fr: string } }[] };
  expect(shared).toMatchObject({ format: 'art30-models', scope: 'shared' });
  expect(shared.models.map((m) => [m.id, m.name.fr])).toEqual([['college.cantine', 'Restauration scolaire et périscolaire']]);
});
