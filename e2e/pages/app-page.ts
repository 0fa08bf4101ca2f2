/** Page objects: role-based locators only (names are the UI's English wording unless stated). */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  constructor(readonly page: Page) {}

  nav(name: 'Register' | 'Recipients' | 'Organisation & DPO' | 'Reference data'): Locator {
    return this.page.getByRole('navigation', { name: /Main navigation|Navigation principale/ }).getByRole('link', { name });
  }

  async language(lang: 'fr' | 'en'): Promise<void> {
    await this.page
      .getByRole('group', { name: /Language|Langue/ })
      .getByRole('button', { name: new RegExp(`^${lang.toUpperCase()}`) })
      .click();
  }

  async ready(): Promise<void> {
    await expect(this.page.getByRole('navigation', { name: /Main navigation|Navigation principale/ })).toBeVisible();
  }

  notice(text: string | RegExp): Locator {
    return this.page.locator('.notices').getByText(text);
  }
}

export class RegisterPage extends AppPage {
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /Register of processing activities|Registre des activités de traitement/ });
  }
  get table(): Locator {
    return this.page.getByRole('table', { name: /Processing activities|Activités de traitement/ });
  }
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: /Search the register|Rechercher dans le registre/ });
  }
  get count(): Locator {
    return this.page.getByTestId('register-count');
  }
  tab(name: 'Controller register' | 'Processor register'): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }
  filter(label: string): Locator {
    return this.page.getByRole('combobox', { name: label, exact: true });
  }
  row(text: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }
  async open(name: string): Promise<void> {
    await this.table.getByRole('link', { name, exact: true }).click();
  }
  async newActivity(): Promise<void> {
    await this.page.getByRole('button', { name: /New activity|Nouvelle activité/ }).click();
  }
  async goto(): Promise<void> {
    await this.nav('Register').click();
    await expect(this.heading).toBeVisible();
  }
}

export class EditorPage extends AppPage {
  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }
  group(name: string, within?: Locator): Locator {
    return (within ?? this.page).getByRole('group', { name, exact: true });
  }
  field(label: string, within?: Locator): Locator {
    return (within ?? this.page).getByLabel(label, { exact: true });
  }
  button(name: string | RegExp, within?: Locator): Locator {
    return (within ?? this.page).getByRole('button', { name });
  }
  async save(): Promise<void> {
    await this.page
      .getByRole('button', { name: /^(Save|Enregistrer)$/ })
      .first()
      .click();
  }
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
  async saved(version: number): Promise<void> {
    await expect(this.page.getByText(new RegExp(`(Version|Version) ${version} ·`))).toBeVisible();
  }
  async back(): Promise<void> {
    await this.page.getByRole('button', { name: /Back to the register|Retour au registre/ }).click();
  }
  /** Adds an entry to a repeated group and returns the new item's group. */
  async addItem(sectionName: string, addLabel: string, itemLabel: string, n = 1): Promise<Locator> {
    await this.section(sectionName)
      .getByRole('button', { name: `+ ${addLabel}`, exact: true })
      .click();
    return this.section(sectionName).getByRole('group', { name: `${itemLabel} ${n}`, exact: true });
  }
}

export class RecipientsPage extends AppPage {
  get list(): Locator {
    return this.page.getByRole('table', { name: 'Recipients' });
  }
  async open(name: string): Promise<void> {
    await this.list.getByRole('button', { name, exact: true }).click();
  }
  get form(): Locator {
    return this.page.getByRole('form');
  }
}
