/**
 * A French DPO's first hour, in web mode from an empty register: the organisation, two activities
 * by keyboard, a department's workbook previewed with its values then imported and undone, an export,
 * the overview, a breach. At every step: no English word, ISO code or field path shown, no axe-core
 * WCAG 2.1 AA violation, and screenshots at 1280 and 1440 px (test-results/screens/).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { axeViolations, codesInCells, cutWords, labelsApart, screenshots, wordsAndCodes } from '../pages/window-check.js';

test.use({ locale: 'fr-FR' });

/** A department's workbook: a contents sheet, the HR sheet, the lists behind its dropdowns. */
async function hrWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const contents = wb.addWorksheet('Sommaire');
  contents.addRow(['Registre des traitements — par service']);
  contents.addRow(['Onglet', 'Service']);
  contents.addRow(['RH', 'Ressources humaines']);
  const rh = wb.addWorksheet('RH');
  rh.addRow(['Nom du traitement', 'Finalité', 'Base légale', 'Destinataires', 'Durée de conservation', 'Pays de transfert']);
  rh.addRow(['Gestion de la paie', 'Verser les salaires et déclarer les cotisations', 'Obligation légale + Contrat', 'URSSAF, PayFit', '5 ans', '']);
  rh.addRow(['Recrutement', 'Sélectionner les candidats', 'Mesures précontractuelles', 'Cabinet de recrutement', '2 ans', 'Inde']);
  const lists = wb.addWorksheet('Listes');
  lists.addRow(['Bases légales']);
  for (const b of ['Consentement', 'Contrat', 'Obligation légale', 'Intérêt légitime']) lists.addRow([b]);
  await wb.xlsx.writeFile(file);
}

/** Presses Tab until `focused` holds in the page, failing after 80 presses. */
async function tabUntil(page: Page, focused: () => boolean): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate(focused)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the keyboard never reached the expected control');
}

test('the first hour of a French DPO: French everywhere, values previewed, no axe violation', async ({ app, target }) => {
  test.skip(target === 'electron', 'the Electron window follows the system locale, and imports through its native dialog');
  test.setTimeout(480_000);
  const { page } = app;
  const own = new Set<string>([app.file, 'register.art30', 'hr.xlsx', 'Mairie de Villefranche']);
  const problems: string[] = [];
  const step = async (name: string) => {
    const started = Date.now();
    await page.waitForTimeout(150);
    problems.push(...(await wordsAndCodes(page, name, own)));
    problems.push(...(await axeViolations(page, name)));
    problems.push(...(await codesInCells(page, name)));
    // Layouts from 1280 px: words cut and labels fallen apart, at both widths.
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      problems.push(...(await cutWords(page, `${name} (${width} px)`)));
      problems.push(...(await labelsApart(page, `${name} (${width} px)`)));
    }
    await screenshots(page, name);
    console.log(`${name}: ${Date.now() - started} ms`);
  };
  const nav = (name: string | RegExp) => page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name });

  // The organisation.
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Art30' })).toBeVisible();
  await step('01-accueil');
  await page.getByLabel('Nom de l’organisme').fill('Mairie de Villefranche');
  await page.getByRole('button', { name: 'Créer l’organisme' }).click();
  await expect(page.getByRole('heading', { name: 'Aucune activité de traitement' })).toBeVisible();
  await step('02-registre-vide');

  // Two activities, by keyboard.
  for (const [name, purpose] of [
    ['Gestion des demandes d’état civil', 'Délivrer les actes d’état civil'],
    ['Inscriptions scolaires', 'Inscrire les enfants à l’école'],
  ]) {
    await nav('Registre').click();
    await page
      .getByRole('button', { name: /Nouvelle activité|Créer une première activité/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Nom du traitement', { exact: true })).toBeFocused();
    await page.keyboard.type(name);
    await tabUntil(
      page,
      () =>
        document.activeElement?.getAttribute('aria-label') === 'Finalité principale' ||
        (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent === 'Finalité principale',
    );
    await page.keyboard.type(purpose);
    await tabUntil(page, () => Boolean(document.activeElement?.textContent?.includes('Ajouter une base légale')));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'Base légale 1', exact: true })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    if (name.startsWith('Gestion')) await step('03-editeur-rempli');
    await page.keyboard.press('Control+s');
    await expect(page.getByText(/Version 1 ·/)).toBeVisible();
    own.add(name).add(purpose);
  }
  await step('04-editeur-enregistre');
  // The activity's history, beside the editor.
  await page.getByRole('button', { name: 'Historique' }).click();
  await expect(page.getByRole('complementary', { name: /Historique/ })).toBeVisible();
  await step('04b-historique');
  // The editor with rows added (a data category, a retention rule, a transfer, a security measure).
  for (const [section, add] of [
    ['Personnes concernées et données', 'Ajouter une catégorie de données'],
    ['Personnes concernées et données', 'Ajouter une durée de conservation'],
    ['Transferts hors UE', 'Ajouter un transfert'],
    ['Mesures de sécurité', 'Ajouter une mesure de sécurité'],
  ]) {
    await page
      .getByRole('region', { name: section, exact: true })
      .getByRole('button', { name: `+ ${add}`, exact: true })
      .click();
  }
  await page.getByLabel('Durée de conservation (telle que rédigée)').fill('5 ans après la fin de la scolarité');
  await expect(page.getByLabel('Durée (ex. 5 ans, 18 mois)')).toHaveValue('5 ans');
  await step('04c-editeur-lignes-ajoutees');
  // Leaving with those rows unsaved asks first (the window's own dialog, checked too).
  await nav('Registre').click();
  const leave = page.getByRole('alertdialog');
  await expect(leave.getByRole('button', { name: 'Quitter sans enregistrer' })).toBeVisible();
  await step('04d-quitter-sans-enregistrer');
  await leave.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
  await nav('Registre').click();
  await expect(page.getByTestId('register-count')).toContainText('2');
  await step('05-registre');

  // The import: a department's workbook, previewed with its values.
  const file = path.join(app.dir, 'hr.xlsx');
  await hrWorkbook(file);
  await page.getByRole('button', { name: 'Importer un tableur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importer un tableur' });
  await step('06-import-fichier');
  await dialog.getByLabel(/Choisir un tableur/).setInputFiles(file);
  await expect(dialog.getByRole('table').first()).toBeVisible();
  // Each sheet's columns under the sheet's name and its number of rows, said.
  await expect(dialog.getByText('Feuille RH · 2 lignes')).toBeVisible();
  await step('07-import-colonnes');
  await dialog.getByRole('button', { name: 'Suivant' }).click();
  const preview = dialog.getByRole('table', { name: 'Aperçu' });
  await expect(preview).toContainText('Gestion de la paie');
  // The values it will write, field by field: two legal bases from one cell, each recipient, the retention in words.
  const paie = preview.getByRole('row', { name: /Gestion de la paie/ });
  await expect(paie).toContainText('Obligation légale');
  await expect(paie).toContainText(/contrat/i);
  await expect(paie).toContainText('URSSAF');
  await expect(paie).toContainText('5 ans');
  await expect(preview.getByRole('row', { name: /Recrutement/ })).toContainText('Inde');
  // Every sheet said: imported, or skipped and why; the new recipients labelled.
  const sheets = dialog.getByRole('region', { name: 'Feuilles du classeur' });
  await expect(sheets.locator('[data-sheet="RH"]')).toContainText('importée, 2 lignes');
  await expect(sheets.locator('[data-sheet="Listes"]')).toContainText('ignorée');
  await expect(sheets.locator('[data-sheet="Sommaire"]')).toContainText('ignorée');
  await expect(dialog.getByText(/^Destinataires ajoutés à l’annuaire\u00a0: .*URSSAF/)).toBeVisible();
  await step('08-import-apercu');
  await dialog.getByRole('button', { name: /^Importer \(2\)$/ }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'hr.xlsx' })).toBeVisible();
  await step('09-import-resume');
  await dialog.getByRole('button', { name: /Annuler cet import/ }).click();
  await step('10-import-confirmer-annulation');
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /Annuler l’import/ })
    .click();
  await expect(dialog.getByText('L’import a été annulé.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  // The progress of the import ended with it.
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await step('11-apres-import');
  // The past imports, the undone one among them.
  await page.getByRole('button', { name: 'Imports passés' }).click();
  const past = page.getByRole('dialog', { name: 'Imports passés' });
  await expect(past).toContainText('hr.xlsx');
  await step('11b-imports-passes');
  await past.getByRole('button', { name: 'Fermer' }).first().click();

  // An export.
  await page.getByRole('button', { name: 'Exporter' }).first().click();
  const exportDialog = page.getByRole('dialog', { name: 'Exporter le registre' });
  await step('12-export');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Exporter', exact: true }).click();
  const download = await downloading;
  // The whole register of the organisation, named so: not an "extract".
  expect(download.suggestedFilename()).toMatch(/^registre-mairie-de-villefranche-\d{4}-\d{2}-\d{2}\.xlsx$/);
  // Titled as the register, in French, not as an extract.
  const exported = path.join(app.dir, download.suggestedFilename());
  await download.saveAs(exported);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(exported);
  const head: string[] = [];
  book.worksheets[0].eachRow((row, n) => {
    if (n <= 4) row.eachCell((cell) => head.push(cell.text));
  });
  expect(head.join(' ')).toContain('Registre des activités de traitement');
  expect(head.join(' ')).not.toMatch(/extrait/i);
  await exportDialog.getByRole('button', { name: 'Fermer' }).click();

  // The overview.
  await nav('Tableau de bord').click();
  await step('13-tableau-de-bord');

  // A breach.
  await nav(/Violations/).click();
  await step('14-violations');
  await page.getByRole('button', { name: 'Enregistrer une violation' }).first().click();
  // The form puts the focus on its title once open: typed only then.
  await expect(page.getByLabel('Intitulé', { exact: true })).toBeFocused();
  await page.keyboard.type('Courriel envoyé au mauvais destinataire');
  await step('15-violation-formulaire');
  await page.keyboard.press('Control+s');
  await expect(page.locator('.notices')).toContainText('B-');
  await step('16-violation-enregistree');
  // The breach list, its record open, shows every column whole at 1280 and at 1440 px (nothing to scroll to).
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const list = page.locator('.records-screen .list-pane');
    expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth), `${width} px`).toBeLessThanOrEqual(1);
    await expect(page.getByRole('columnheader', { name: 'Statut' })).toBeInViewport();
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByRole('tab', { name: /Demandes/ }).click();
  await step('17-demandes');
  // The period the requesters' details are kept is written as a DPO says it.
  await expect(page.getByPlaceholder('P1Y')).toHaveCount(0);
  // Typed and saved with Enter at once: the duration typed is what is saved.
  await page.getByLabel(/Conserver les coordonnées des demandeurs/).fill('2 ans');
  await page.keyboard.press('Enter');
  await expect.poll(async () => ((await app.callDirect('requests/settings', {})) as { requesterRetention: string }).requesterRetention).toBe('P2Y');

  // A recipient of the directory, its countries typed by their names and saved with Ctrl+S: the list names them too.
  await nav('Destinataires').click();
  await page.getByRole('button', { name: '+ Nouveau destinataire' }).click();
  const recipientForm = page.getByRole('form', { name: 'Nouveau destinataire' });
  await recipientForm.getByLabel('Nom', { exact: true }).fill('Cabinet Sundara');
  await recipientForm.getByLabel('Pays', { exact: true }).fill('Inde, États-Unis');
  await page.keyboard.press('Control+s');
  await expect(page.locator('.notices')).toContainText('Enregistré.');
  own.add('Cabinet Sundara');
  await expect(page.getByRole('row', { name: /Cabinet Sundara/ })).toContainText('Inde, États-Unis');
  await step('18-destinataires');
  await nav('Référentiels').click();
  await page.waitForTimeout(300);
  await step('19-referentiels');
  // The countries by their names (no "US" column), the vocabularies by their wording (no "employees").
  await expect(page.getByRole('table', { name: 'Pays et adéquation' })).toContainText('États-Unis');
  // A country's dialog open: checked as the rest, then closed without saving.
  await page.getByRole('button', { name: 'Modifier Inde' }).click();
  await expect(page.getByRole('dialog', { name: 'Modifier Inde' })).toBeVisible();
  await step('19a-referentiels-pays-dialogue');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Listes de valeurs' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await step('19b-referentiels-vocabulaires');

  // The processor contracts, with a new contract's form open.
  await nav('Contrats').click();
  await page.getByRole('button', { name: '+ Nouveau contrat' }).click();
  await expect(page.getByRole('form', { name: 'Nouveau contrat' })).toBeVisible();
  await step('21-contrats-nouveau');
  // The review campaigns, with a new campaign's form open: its due date typed as the DPO writes it.
  await nav('Campagnes de revue').click();
  await page.getByRole('button', { name: '+ Nouvelle campagne' }).click();
  await expect(page.getByLabel('Échéance')).toHaveAttribute('placeholder', 'jj/mm/aaaa');
  // No activity has a department yet: the form says so rather than listing none.
  await expect(page.getByText(/^Aucun traitement n’indique encore son service/)).toBeVisible();
  await step('22-campagnes-nouvelle');

  // The organisation and its DPO: saved with Ctrl+S, kept on reload.
  await nav('Organisme et DPO').click();
  await page.getByLabel('Ville', { exact: true }).first().fill('Villefranche-sur-Saône');
  await step('20-organisme');
  await page.keyboard.press('Control+s');
  await expect(page.locator('.notices')).toContainText('Organisme enregistré');
  await page.reload();
  await expect(page.getByLabel('Ville', { exact: true }).first()).toHaveValue('Villefranche-sur-Saône');
  // Only one organisation picker in the window.
  await nav('Tableau de bord').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organisme' })).toHaveCount(1);
  // Nothing to save here: Ctrl+S says so (the browser does not offer to save the page).
  await page.keyboard.press('Control+s');
  await expect(page.locator('.notices')).toContainText('Rien à enregistrer sur cet écran');

  expect(problems).toEqual([]);
});
