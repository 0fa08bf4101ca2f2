import { EditorPage, RegisterPage } from '../pages/app-page.js';
import { expect, test } from '../fixtures.js';

test.describe('on an empty register', () => {
  test('create an activity filling every section: it appears in the table and reopens with every value', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    const ed = new EditorPage(page);

    // First start: name the organisation.
    await expect(page.getByRole('heading', { name: 'Welcome to Art30' })).toBeVisible();
    await page.getByLabel('Organisation name').fill('Mairie de Villefranche');
    await page.getByRole('button', { name: 'Create the organisation' }).click();
    await expect(page.getByRole('heading', { name: 'No processing activity yet' })).toBeVisible();
    await page.getByRole('button', { name: 'Create a first activity' }).click();
    await expect(ed.heading).toHaveText('New processing activity');

    // Identification
    const ident = ed.section('Identification');
    await ed.field('Name of the processing activity', ident).fill('Contrôle d’accès par badge');
    await ed.field('Role of the organisation', ident).selectOption('joint_controller');
    await ed.field('Status', ident).selectOption('active');
    await ed.field('Department', ident).fill('Services généraux');
    await ed.field('Person in charge', ident).fill('Responsable sûreté');
    await ed.field('Description', ident).fill('Badges d’accès aux bâtiments municipaux');

    // Actors: a joint controller
    const jc = await ed.addItem('Actors', 'Add a joint controller', 'Joint controller');
    await ed.field('Name', jc).fill('Syndicat intercommunal');
    await ed.field('E-mail', jc).fill('dpo@syndicat.example');
    await ed.field('Respective responsibilities', jc).fill('Le syndicat gère les lecteurs');

    // Purposes
    await ed.field('Main purpose').fill('Contrôler l’accès aux locaux');
    const sub = await ed.addItem('Purposes', 'Add a sub-purpose', 'Sub-purpose');
    await ed.field('Sub-purpose 1', sub).fill('Gestion des droits d’accès');

    // Data subjects and data, retention per category, sources
    const subjects = await ed.addItem('Data subjects and data', 'Add a category of data subjects', 'Data subject category');
    await ed.field('Data subject category', subjects).selectOption('employees');
    await ed.field('Volume', subjects).fill('350');
    const cat = await ed.addItem('Data subjects and data', 'Add a category of data', 'Data category');
    await ed.field('Data category', cat).selectOption('health');
    await expect(ed.field('Special category (Art. 9) or criminal data (Art. 10)', cat)).toBeChecked();
    await ed.field('Precision', cat).fill('Aménagements de poste');
    const ret = await ed.addItem('Data subjects and data', 'Add a retention period', 'Retention rule');
    await ed.field('Applies to', ret).selectOption({ label: 'Health data' });
    await ed.field('Retention period (as written)', ret).fill('5 ans après le départ');
    // The wording fills the duration (in words, never an ISO code) through the import's reader.
    await expect(ed.field('Duration (e.g. 5 years, 18 months)', ret)).toHaveValue('5 years');
    await ed.field('At the end', ret).selectOption('delete');
    const src = await ed.addItem('Data subjects and data', 'Add a source', 'Source');
    await ed.field('Source 1', src).fill('Service RH');

    // Legal basis, and Art. 9(2) because of the health data
    const lb = await ed.addItem('Legal basis', 'Add a lawful basis', 'Lawful basis');
    await ed.field('Lawful basis', lb).selectOption('legitimate_interests');
    await ed.field('Justification', lb).fill('Sécurité des personnes et des biens');
    const a9 = await ed.addItem('Legal basis', 'Add an Art. 9(2) condition', 'Art. 9(2) condition');
    await ed.field('Art. 9(2) condition', a9).selectOption('employment_social_security');

    // Recipients: one created inline
    const rec = await ed.addItem('Recipients', 'Add a recipient', 'Recipient');
    await ed.field('Recipient from the directory', rec).selectOption({ label: 'New recipient…' });
    await ed.field('Name of the new recipient', rec).fill('BadgeCloud Inc.');
    await ed.field('Type', rec).selectOption('processor');
    await ed.field('Countries', rec).fill('US');
    await ed.field('Role for this activity', rec).fill('Hébergeur du logiciel');

    // Transfers: the country picker shows adequacy
    const tr = await ed.addItem('Transfers outside the EU', 'Add a transfer', 'Transfer');
    await ed.field('Recipient abroad', tr).fill('BadgeCloud Inc.');
    await ed.field('Destination (country or international organisation)', tr).selectOption('US');
    await expect(tr.getByText('Adequacy: Partial adequacy')).toBeVisible();
    await ed.field('Safeguard', tr).selectOption('scc');
    await ed.field('Documentation (link or reference)', tr).fill('CCT module 2, annexe 3');

    // Security
    const sec = await ed.addItem('Security measures', 'Add a security measure', 'Security measure');
    await ed.field('Type of measure', sec).selectOption('encryption');
    await ed.field('Precision', sec).fill('Chiffrement des journaux');
    await ed.field('Other security notes').fill('Revue trimestrielle des habilitations');

    // DPIA screening: two criteria → suggestion
    const dpia = ed.section('DPIA screening');
    await dpia.getByLabel('Systematic monitoring').check();
    await dpia.getByLabel('Vulnerable data subjects (employees, children, patients…)').check();
    await expect(dpia.getByText('Suggestion: a DPIA is required (2 criteria met).')).toBeVisible();
    await ed.field('DPIA status', dpia).selectOption('planned');
    await ed.field('DPIA date', dpia).fill('2026-03-01');

    // Other information
    const other = ed.section('Other information');
    await other.getByLabel('Automated decision-making, including profiling (Art. 22)').check();
    await ed.field('Description of the automated decision', other).fill('Refus automatique hors horaires');
    const sys = await ed.addItem('Other information', 'Add a system', 'System');
    await ed.field('Application', sys).fill('BadgeManager');
    await ed.field('Hosting', sys).fill('SaaS');
    await ed.field('Country', sys).selectOption('FR');
    await ed.field('How data subjects exercise their rights').fill('dpo@villefranche.example');
    await ed.field('Where consents are recorded').fill('Sans objet');
    await ed.field('Data breaches').fill('Aucune');

    // Dates
    await ed.field('Last review').fill('2026-01-15');

    await ed.save();
    await expect(ed.heading).toHaveText('T-001 — Contrôle d’accès par badge');
    await ed.saved(1);

    // In the table
    await ed.back();
    await expect(register.row('Contrôle d’accès par badge')).toBeVisible();
    const row = register.row('Contrôle d’accès par badge');
    await expect(row).toContainText('T-001');
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Services généraux');
    await expect(row).toContainText('US');
    await expect(register.count).toHaveText('1 of 1 activities');

    // Reopen: every value is there
    await register.open('Contrôle d’accès par badge');
    await expect(ed.heading).toHaveText('T-001 — Contrôle d’accès par badge');
    const i2 = ed.section('Identification');
    await expect(ed.field('Reference', i2)).toHaveValue('T-001');
    await expect(ed.field('Role of the organisation', i2)).toHaveValue('joint_controller');
    await expect(ed.field('Status', i2)).toHaveValue('active');
    await expect(ed.field('Department', i2)).toHaveValue('Services généraux');
    await expect(ed.field('Person in charge', i2)).toHaveValue('Responsable sûreté');
    await expect(ed.field('Description', i2)).toHaveValue('Badges d’accès aux bâtiments municipaux');
    const jc2 = ed.group('Joint controller 1');
    await expect(ed.field('Name', jc2)).toHaveValue('Syndicat intercommunal');
    await expect(ed.field('E-mail', jc2)).toHaveValue('dpo@syndicat.example');
    await expect(ed.field('Respective responsibilities', jc2)).toHaveValue('Le syndicat gère les lecteurs');
    await expect(ed.field('Main purpose')).toHaveValue('Contrôler l’accès aux locaux');
    await expect(ed.field('Sub-purpose 1')).toHaveValue('Gestion des droits d’accès');
    const s2 = ed.group('Data subject category 1');
    await expect(ed.field('Data subject category', s2)).toHaveValue('employees');
    await expect(ed.field('Volume', s2)).toHaveValue('350');
    const c2 = ed.group('Data category 1');
    await expect(ed.field('Data category', c2)).toHaveValue('health');
    await expect(ed.field('Precision', c2)).toHaveValue('Aménagements de poste');
    await expect(ed.field('Special category (Art. 9) or criminal data (Art. 10)', c2)).toBeChecked();
    const r2 = ed.group('Retention rule 1');
    await expect(ed.field('Applies to', r2)).toHaveValue('Health data');
    await expect(ed.field('Retention period (as written)', r2)).toHaveValue('5 ans après le départ');
    await expect(ed.field('Duration (e.g. 5 years, 18 months)', r2)).toHaveValue('5 years');
    await expect(ed.field('At the end', r2)).toHaveValue('delete');
    await expect(ed.field('Source 1')).toHaveValue('Service RH');
    const lb2 = ed.group('Lawful basis 1');
    await expect(ed.field('Lawful basis', lb2)).toHaveValue('legitimate_interests');
    await expect(ed.field('Justification', lb2)).toHaveValue('Sécurité des personnes et des biens');
    await expect(ed.field('Art. 9(2) condition', ed.group('Art. 9(2) condition 1'))).toHaveValue('employment_social_security');
    const rec2 = ed.group('Recipient 1');
    await expect(ed.field('Recipient from the directory', rec2).locator('option:checked')).toHaveText(/BadgeCloud Inc\. — Processor/);
    await expect(ed.field('Role for this activity', rec2)).toHaveValue('Hébergeur du logiciel');
    const tr2 = ed.group('Transfer 1');
    await expect(ed.field('Recipient abroad', tr2)).toHaveValue('BadgeCloud Inc.');
    await expect(ed.field('Destination (country or international organisation)', tr2)).toHaveValue('US');
    await expect(ed.field('Safeguard', tr2)).toHaveValue('scc');
    await expect(ed.field('Documentation (link or reference)', tr2)).toHaveValue('CCT module 2, annexe 3');
    const sec2 = ed.group('Security measure 1');
    await expect(ed.field('Type of measure', sec2)).toHaveValue('encryption');
    await expect(ed.field('Precision', sec2)).toHaveValue('Chiffrement des journaux');
    await expect(ed.field('Other security notes')).toHaveValue('Revue trimestrielle des habilitations');
    const d2 = ed.section('DPIA screening');
    await expect(d2.getByLabel('Systematic monitoring')).toBeChecked();
    await expect(d2.getByLabel('Vulnerable data subjects (employees, children, patients…)')).toBeChecked();
    await expect(d2.getByText('Outcome: DPIA required')).toBeVisible();
    await expect(ed.field('DPIA status', d2)).toHaveValue('planned');
    await expect(ed.field('DPIA date', d2)).toHaveValue('01/03/2026');
    const o2 = ed.section('Other information');
    await expect(o2.getByLabel('Automated decision-making, including profiling (Art. 22)')).toBeChecked();
    await expect(ed.field('Description of the automated decision', o2)).toHaveValue('Refus automatique hors horaires');
    const sys2 = ed.group('System 1');
    await expect(ed.field('Application', sys2)).toHaveValue('BadgeManager');
    await expect(ed.field('Hosting', sys2)).toHaveValue('SaaS');
    await expect(ed.field('Country', sys2)).toHaveValue('FR');
    await expect(ed.field('How data subjects exercise their rights')).toHaveValue('dpo@villefranche.example');
    await expect(ed.field('Where consents are recorded')).toHaveValue('Sans objet');
    await expect(ed.field('Data breaches')).toHaveValue('Aucune');
    await expect(ed.field('Last review')).toHaveValue('15/01/2026');
  });

  test('field messages from the API are shown next to the fields', async ({ app }) => {
    const { page } = app;
    const ed = new EditorPage(page);
    await page.getByRole('button', { name: 'Load the demo register' }).click();
    await page.getByRole('alertdialog', { name: 'Load the demo register?' }).getByRole('button', { name: 'Load the demo' }).click();
    await new RegisterPage(page).newActivity();
    await ed.field('Name of the processing activity').fill('Sans finalité');
    const tr = await ed.addItem('Transfers outside the EU', 'Add a transfer', 'Transfer');
    await ed.field('Recipient abroad', tr).fill('Quelqu’un');
    await ed.field('Destination (country or international organisation)', tr).selectOption('IN');
    await ed.field('Safeguard', tr).selectOption('derogation');
    await ed.save();
    const summary = page.getByRole('alert').filter({ hasText: 'could not be saved' }).first();
    await expect(summary).toBeVisible();
    await expect(ed.field('Main purpose')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('[data-path="purpose"]').getByRole('alert')).toHaveText('is required');
  });
});

test.describe('on the demo register', () => {
  test.use({ demo: true });

  test('edit an activity, see the change in the table and in its history', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    const ed = new EditorPage(page);
    await register.open('Recrutement');
    await expect(ed.heading).toHaveText('T-002 — Recrutement');
    await ed.field('Department', ed.section('Identification')).fill('Direction des talents');
    await ed.field('Role of the organisation').selectOption('processor');
    const client = await ed.addItem('Actors', 'Add a client', 'Client');
    await ed.field('Name', client).fill('Cabinet Martin');
    await ed.field('Client’s DPO', client).fill('Me Martin');
    const pc = await ed.addItem('Actors', 'Add a category of processing', 'Category of processing');
    await ed.field('Category of processing 1', pc).fill('Tri des candidatures');
    await expect(page.getByText('Unsaved changes')).toBeVisible();

    // The unsaved-changes guard
    await register.nav('Recipients').click();
    const dialog = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Stay' }).click();
    await expect(ed.heading).toHaveText('T-002 — Recrutement');

    await ed.save();
    await ed.saved(2);
    await ed.button('History').click();
    const history = page.getByRole('complementary', { name: 'History of the activity' });
    await expect(history.getByRole('row', { name: /^Department/ })).toContainText('Direction des talents');
    await expect(history.getByRole('row', { name: /^Department/ })).toContainText('Ressources humaines');
    await expect(history).toContainText('web mode');

    await ed.back();
    await register.tab('Processor register').click();
    await expect(register.row('Recrutement')).toContainText('Direction des talents');
    await register.open('Recrutement');
    await expect(ed.field('Name', ed.group('Client 1'))).toHaveValue('Cabinet Martin');
    await expect(ed.field('Category of processing 1')).toHaveValue('Tri des candidatures');
  });

  test('points to review are shown with an activity, and none with a complete one', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    const ed = new EditorPage(page);
    await register.open('Assistant conversationnel du service client');
    const checks = page.getByRole('region', { name: 'Points to review' });
    // Each point, and beside it "Make it an action" (issue 25).
    await expect(checks.getByRole('listitem').getByRole('button', { name: /^(?!Make it an action$)/ })).toHaveText([
      'The lawful basis is still to be determined.',
      'No retention period is given.',
      'No security measure is described.',
    ]);
    await expect(checks.getByRole('button', { name: 'Make it an action' })).toHaveCount(3);
    await ed.back();
    // A US transfer to a recipient certified under the Data Privacy Framework: nothing to review (issue 11).
    await register.open('Gestion de la relation client');
    await expect(ed.heading).toContainText('Gestion de la relation client');
    await expect(page.getByRole('region', { name: 'Points to review' })).toHaveCount(0);
    await ed.back();
    await register.open('Prospection commerciale par courriel');
    await expect(page.getByRole('region', { name: 'Points to review' })).toContainText('Transfer to India: no transfer impact assessment is referenced.');
    await ed.back();
    await register.open('Gestion de la paie');
    await expect(ed.heading).toHaveText('T-001 — Gestion de la paie');
    await expect(page.getByRole('region', { name: 'Points to review' })).toHaveCount(0);
  });

  test('a version conflict from a second window is reported, and nothing is overwritten', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    const ed = new EditorPage(page);
    await register.open('Gestion de la paie');
    await ed.field('Person in charge').fill('Première fenêtre');

    const second = await app.openSecondPage();
    if (second) {
      const r2 = new RegisterPage(second);
      const e2 = new EditorPage(second);
      await r2.open('Gestion de la paie');
      await e2.field('Person in charge').fill('Seconde fenêtre');
      await e2.save();
      await e2.saved(2);
    } else {
      // Electron has one window: the other writer is another program on the same file.
      const list = (await app.callDirect('activities/list', { refs: ['T-001'] })) as { id: number }[];
      const current = (await app.callDirect('activities/get', { id: list[0].id })) as Record<string, unknown> & { version: number };
      const {
        id,
        organisationId: _o,
        version,
        createdAt: _c,
        updatedAt: _u,
        dpia,
        ...rest
      } = current as never as Record<string, never> & { id: number; version: number; dpia: Record<string, unknown> };
      const { suggested: _s, required: _r, ...screening } = dpia;
      await app.callDirect('activities/update', { id, version, activity: { ...rest, dpia: screening, owner: 'Seconde fenêtre' } });
    }

    await ed.save();
    const banner = page.getByRole('alert').filter({ hasText: 'This activity was changed elsewhere' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('was changed elsewhere since you opened it');
    await expect(ed.field('Person in charge')).toHaveValue('Première fenêtre');
    await banner.getByRole('button', { name: 'Discard my changes and reload' }).click();
    await expect(ed.field('Person in charge')).toHaveValue('Seconde fenêtre');
    await ed.saved(2);
  });

  test('retire, duplicate and delete, each after a confirmation', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    const ed = new EditorPage(page);
    await register.open('Vidéoprotection des locaux');

    await ed.button('Retire').click();
    let dialog = page.getByRole('alertdialog', { name: 'Retire the activity' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await ed.button('Retire').click();
    dialog = page.getByRole('alertdialog', { name: 'Retire the activity' });
    await dialog.getByRole('button', { name: 'Retire' }).click();
    await expect(page.locator('.editor-header .badge', { hasText: 'Retired' })).toBeVisible();
    await expect(ed.field('Status')).toHaveValue('retired');

    await ed.button('Duplicate').click();
    await page.getByRole('alertdialog', { name: 'Duplicate the activity' }).getByRole('button', { name: 'Duplicate' }).click();
    await expect(ed.heading).toHaveText(/— Vidéoprotection des locaux \(2\)$/);
    await expect(ed.field('Status')).toHaveValue('draft');

    await ed.button('Delete').click();
    await page.getByRole('alertdialog', { name: 'Delete the activity' }).getByRole('button', { name: 'Delete' }).click();
    await expect(register.heading).toBeVisible();
    await expect(register.row('Vidéoprotection des locaux (2)')).toHaveCount(0);
    await expect(register.row('Vidéoprotection des locaux')).toContainText('Retired');
  });

  test('search and filters', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    await expect(register.count).toHaveText('10 of 10 activities');
    await register.search.fill('paie');
    await expect(register.count).toHaveText('1 of 10 activities');
    await expect(register.row('Gestion de la paie')).toBeVisible();
    // Accents do not matter
    await register.search.fill('sante');
    await expect(register.row('Suivi de la santé au travail')).toBeVisible();
    // The full-text search finds words in every field (here a recipient of T-004)
    await register.search.fill('');
    await expect(register.count).toHaveText('10 of 10 activities');

    await register.filter('Transfers outside the EU').selectOption('yes');
    const withTransfers = await register.table.getByRole('row').count();
    expect(withTransfers - 1).toBeGreaterThan(0);
    await expect(register.count).toHaveText(`${withTransfers - 1} of 10 activities`);
    await register.filter('Special categories').selectOption('yes');
    await expect(register.row('Contrôle d’accès biométrique au laboratoire')).toBeVisible();
    await expect(register.row('Gestion de la paie')).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await register.filter('Status').selectOption('draft');
    await expect(register.count).toHaveText('1 of 10 activities');
    await register.filter('Status').selectOption('');
    await register.filter('Department').selectOption('Ressources humaines');
    await expect(register.count).toHaveText('3 of 10 activities');
    await register.filter('Department').selectOption('');
    await register.filter('Legal basis').selectOption('consent');
    await expect(register.row('Prospection commerciale par courriel')).toBeVisible();
    await register.filter('Legal basis').selectOption('');
    await register.filter('DPIA required').selectOption('yes');
    await expect(register.row('Contrôle d’accès biométrique au laboratoire')).toBeVisible();
    await register.filter('DPIA required').selectOption('');
    await register.filter('Role').selectOption('joint_controller');
    await expect(register.count).toHaveText('1 of 10 activities');
    await register.filter('Role').selectOption('');

    // Processor register tab
    await register.tab('Processor register').click();
    await expect(register.count).toHaveText('1 of 1 activities');
    await expect(register.row('Hébergement et maintenance de sites pour le compte de clients')).toBeVisible();

    // Sort and column chooser
    await register.tab('Controller register').click();
    await register.table.getByRole('button', { name: 'Ref.' }).click();
    await expect(register.table.getByRole('columnheader', { name: 'Ref.' })).toHaveAttribute('aria-sort', 'descending');
    await expect(register.table.getByRole('row').nth(1)).toContainText('T-010');
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('group', { name: 'Columns shown' }).getByLabel('Purpose').check();
    await expect(register.table.getByRole('columnheader', { name: 'Purpose' })).toBeVisible();
  });

  test('a recipient directory edit is reflected in the activities that use it', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    const ed = new EditorPage(page);
    await register.open('Gestion de la paie');
    const recipientSelect = ed.section('Recipients').getByLabel('Recipient from the directory', { exact: true }).first();
    // The directory's entries arrive with their own query: read the chosen one once it is there.
    await expect(recipientSelect).not.toHaveValue('');
    const before = (await recipientSelect.locator('option:checked').textContent())!.split(' — ')[0];

    await register.nav('Recipients').click();
    await page.getByRole('table', { name: 'Recipients' }).getByRole('button', { name: before, exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit recipient' });
    await form.getByLabel('Name', { exact: true }).fill(`${before} (renamed)`);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('table', { name: 'Recipients' }).getByRole('button', { name: `${before} (renamed)` })).toBeVisible();

    await register.nav('Register').click();
    await register.open('Gestion de la paie');
    await expect(ed.section('Recipients').getByLabel('Recipient from the directory', { exact: true }).first().locator('option:checked')).toHaveText(
      new RegExp(`^${escape(before)} \\(renamed\\)`),
    );
  });

  test('French and English, switchable at any time', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    await expect(page.getByRole('heading', { name: 'Register of processing activities' })).toBeVisible();
    await register.language('fr');
    await expect(page.getByRole('heading', { name: 'Registre des activités de traitement' })).toBeVisible();
    await expect(page.getByRole('tab', { name: /Registre du responsable/ })).toBeVisible();
    // Vocabulary labels come from the register's reference data
    await expect(register.row('Gestion de la paie')).toContainText('Obligation légale');
    await register.open('Gestion de la paie');
    await expect(page.getByRole('region', { name: 'Base légale' })).toBeVisible();
    await register.language('en');
    await expect(page.getByRole('region', { name: 'Legal basis' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Legal basis' }).getByLabel('Lawful basis', { exact: true }).first().locator('option:checked')).toHaveText('Legal obligation');
    // The choice is kept after a reload
    await register.language('fr');
    await page.reload();
    await expect(page.getByRole('region', { name: 'Base légale' })).toBeVisible();
  });

  test('organisation and DPO details, and a country’s adequacy status', async ({ app }) => {
    const { page } = app;
    const register = new RegisterPage(page);
    await register.nav('Organisation & DPO').click();
    const dpo = page.getByRole('region', { name: 'Data protection officer' });
    await dpo.getByLabel('CNIL designation number').fill('DPO-2026-000001');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(register.notice('Organisation saved.')).toBeVisible();
    await register.nav('Reference data').click();
    await page.getByRole('searchbox', { name: 'Find a country' }).fill('India');
    await page.getByRole('button', { name: 'Edit India' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit India' });
    await dialog.getByLabel('Adequacy status').selectOption('pending');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'India', exact: true }) })).toContainText('To be confirmed');
    await register.nav('Organisation & DPO').click();
    await expect(page.getByRole('region', { name: 'Data protection officer' }).getByLabel('CNIL designation number')).toHaveValue('DPO-2026-000001');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
