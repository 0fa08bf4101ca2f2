/**
 * A French DPO never reads an English sentence: walks every screen and dialog in French (the
 * register, the editor with errors from the API, leaving with unsaved changes, history, the import
 * wizard with warnings, export, recipients, organisation, reference data) and fails on any English
 * word found in the text, the accessible names or the placeholders shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { ENGLISH_WORDS } from '../pages/window-check.js';

test.use({ locale: 'fr-FR', demo: true });

const ENGLISH = ENGLISH_WORDS;
const WORD = new RegExp(`(?<![\\p{L}\\p{N}_'’.-])(${ENGLISH.join('|')})(?![\\p{L}\\p{N}_'’.-])`, 'giu');
/** Proper names that are English in French too. */
const NAMES = ['Data Privacy Framework', 'Privacy Shield', 'Art30'];

/** Everything a DPO reads on the page now: text, accessible names, titles, placeholders. */
async function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.tagName === 'BODY';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !visible(el) || ['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
      const text = n.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (!visible(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Texts the register itself holds (the demo's activities, recipients, the DPO's own words) are not the UI's. */
async function englishOn(page: Page, where: string, registerTexts: Set<string>): Promise<string[]> {
  const found: string[] = [];
  for (const text of await shownTexts(page)) {
    if (registerTexts.has(text)) continue;
    const bare = NAMES.reduce((x, name) => x.replaceAll(name, ''), text);
    // Codes in capitals (IS, NO: countries) are not words.
    const words = [...bare.matchAll(WORD)].map((m) => m[1]).filter((w) => !(w.length <= 3 && w === w.toUpperCase()));
    if (words.length) found.push(`${where}: “${text}” (${words.join(', ')})`);
  }
  return found;
}

test('every screen and dialog in French, without an English word', async ({ app, target }) => {
  test.skip(target === 'electron', 'the Electron window follows the system locale, not the test’s');
  const { page } = app;
  // The DPO's own data may hold any word (an application named "Data Warehouse"): it is not the UI's.
  const registerTexts = new Set<string>([app.file, 'register.art30']);
  const found: string[] = [];
  const check = async (where: string) => found.push(...(await englishOn(page, where, registerTexts)));

  await expect(page.getByRole('heading', { name: 'Registre des activités de traitement' })).toBeVisible();
  await check('registre');

  // The editor, saved empty: the API's errors, with the fields' labels.
  await page
    .getByRole('button', { name: /Nouvelle activité/ })
    .first()
    .click();
  await page
    .getByRole('button', { name: /^Enregistrer$/ })
    .first()
    .click();
  await expect(page.getByRole('alert').filter({ hasText: /Enregistrement .*impossible/ })).toBeVisible();
  await check('éditeur avec erreurs');
  await page.getByRole('textbox', { name: 'Nom du traitement', exact: true }).fill('Test');
  await page.getByRole('button', { name: /Retour au registre/ }).click();
  await expect(page.getByRole('alertdialog').or(page.getByRole('dialog'))).toBeVisible();
  await check('quitter sans enregistrer');
  await page.getByRole('button', { name: 'Quitter sans enregistrer' }).click();

  // An activity and its history.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Registre' }).click();
  await page
    .getByRole('table', { name: /Activités de traitement/ })
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('button', { name: 'Historique' }).click();
  await expect(page.getByRole('complementary', { name: /Historique/ })).toBeVisible();
  await check('historique');

  // Export.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Registre' }).click();
  await page.getByRole('button', { name: 'Exporter' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Exporter le registre' })).toBeVisible();
  await check('export');
  await page.getByRole('dialog', { name: 'Exporter le registre' }).getByRole('button', { name: 'Fermer' }).click();

  for (const [link, where] of [
    ['Destinataires', 'destinataires'],
    ['Organisme et DPO', 'organisme'],
    ['Référentiels', 'référentiels'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: link }).click();
    await page.waitForTimeout(300);
    await check(where);
  }

  expect(found, 'English words shown to a French DPO').toEqual([]);
});

test('the import wizard with warnings, in French', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron imports through its native open dialog');
  const { page } = app;
  const registerTexts = new Set<string>(['Art30', 'Gestion des fournisseurs', 'Suivi des contrats', 'service!2', 'service!3']);
  const found: string[] = [];
  const check = async (where: string) => found.push(...(await englishOn(page, where, registerTexts)));
  await expect(page.getByRole('heading', { name: 'Registre des activités de traitement' })).toBeVisible();
  // The import wizard, with warnings.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Registre' }).click();
  const csv = path.join(app.dir, 'service.csv');
  fs.writeFileSync(csv, ['Nom du traitement;Finalité;Pays;Base légale', 'Gestion des fournisseurs;Suivi des contrats;Atlantide;Contrat', ';Sans nom;;', ''].join('\r\n'), 'utf8');
  await page.getByRole('button', { name: 'Importer un tableur' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Importer un tableur' });
  await check('import : choix du fichier');
  await importDialog.getByLabel('Choisir un tableur (.xlsx, .ods, .csv)').setInputFiles(csv);
  await expect(importDialog.getByRole('table').first()).toBeVisible();
  await check('import : colonnes');
  await importDialog.getByRole('button', { name: 'Suivant' }).click();
  await check('import : aperçu avec avertissements');

  expect(found, 'English words shown to a French DPO').toEqual([]);
});
