/**
 * Import you can trust, in French, in web mode: an update of an existing activity is previewed with
 * its values (before → after, what the file does not name is kept), committed without losing
 * anything, then undone — after a confirmation — from the list of past imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.use({ demo: true });

test('an update previewed with values, committed, then undone from the past imports (French)', async ({ app, target }) => {
  test.skip(target === 'electron', 'Electron imports through its native open dialog');
  const { page } = app;
  const shell = new AppPage(page);
  await shell.ready();
  await shell.language('fr');
  const csv = path.join(app.dir, 'paie-rh.csv');
  fs.writeFileSync(csv, ['\uFEFFRéférence;Nom du traitement;Base légale;Destinataires', 'T-001;Gestion de la paie;Contrat;Cabinet Expertise Sociale', ''].join('\r\n'), 'utf8');

  // The bases T-001 holds before (one per purpose since each purpose carries its own): the update keeps them all.
  const before = (await app.callDirect('activities/getByRef', { ref: 'T-001', organisationId: 1 })) as { legalBases: unknown[] };
  await page.getByRole('button', { name: 'Importer un tableur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importer un tableur' });
  await dialog.getByLabel('Choisir un tableur (.xlsx, .ods, .csv)').setInputFiles(csv);
  await dialog.getByRole('button', { name: 'Suivant' }).click();

  // The preview: an update, shown as values; nothing the file does not name is removed.
  const preview = dialog.getByRole('table', { name: 'Aperçu' });
  await expect(preview.getByRole('row', { name: /Gestion de la paie/ }).first()).toContainText('Mise à jour');
  const changes = dialog.getByRole('table', { name: 'Modifications de T-001 Gestion de la paie' });
  const recipients = changes.getByRole('row', { name: /^Destinataires/ });
  await expect(recipients).toContainText('Cabinet Expertise Sociale (Autre)');
  await expect(recipients).toContainText('Ajouté');
  await expect(recipients).toContainText('PaieFacile SAS (Sous-traitant)');
  await expect(recipients).toContainText('Conservé : le fichier ne le mentionne pas');
  await expect(recipients.getByRole('checkbox', { name: /Remplacer : ne garder que ce que cite le fichier — Destinataires/ })).not.toBeChecked();
  await expect(dialog).not.toContainText('transferCountries');
  await expect(dialog).not.toContainText('recipients');
  await page.screenshot({ path: test.info().outputPath('import-preview-fr.png') });

  // "Replace" shows exactly what it would remove, marked; unticked again, nothing is removed.
  const replace = recipients.getByRole('checkbox', { name: /Remplacer : ne garder que ce que cite le fichier — Destinataires/ });
  await replace.check();
  await expect(changes.getByRole('row', { name: /^Destinataires/ }).getByText('Supprimé', { exact: true })).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('import-replace-fr.png') });
  await changes
    .getByRole('row', { name: /^Destinataires/ })
    .getByRole('checkbox')
    .uncheck();
  await expect(changes.getByRole('row', { name: /^Destinataires/ }).getByText('Supprimé', { exact: true })).toHaveCount(0);

  await dialog.getByRole('button', { name: /^Importer \(1\)$/ }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'paie-rh.csv' })).toContainText('1 traitement mis à jour');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  const after = (await app.callDirect('activities/getByRef', { ref: 'T-001', organisationId: 1 })) as { recipients: { name: string }[]; legalBases: unknown[] };
  expect(after.recipients.map((r) => r.name)).toEqual(['Service des ressources humaines', 'PaieFacile SAS', 'URSSAF', 'Cabinet Expertise Sociale']);
  expect(after.legalBases).toEqual(before.legalBases);

  // Later, from the side bar: the past imports, and an undo that asks first.
  await page.getByRole('button', { name: 'Imports passés' }).click();
  const history = page.getByRole('dialog', { name: 'Imports passés' });
  const row = history.getByRole('row', { name: /paie-rh\.csv/ });
  await expect(row).toContainText('1 traitement mis à jour');
  await expect(row).toContainText('Dans le registre');
  await row.getByRole('button', { name: /Annuler l’import de paie-rh\.csv/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Annuler cet import ?' });
  await expect(confirm).toContainText('paie-rh.csv');
  await confirm.getByRole('button', { name: 'Annuler l’import' }).click();
  await expect(history.getByRole('status')).toContainText('annulé');
  await expect(row).toContainText('Annulé le');
  await page.screenshot({ path: test.info().outputPath('import-history-fr.png') });
  const undone = (await app.callDirect('activities/getByRef', { ref: 'T-001', organisationId: 1 })) as { recipients: { name: string }[] };
  expect(undone.recipients.map((r) => r.name)).toEqual(['Service des ressources humaines', 'PaieFacile SAS', 'URSSAF']);
});
