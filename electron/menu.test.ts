import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Language, MenuCommand } from '../core/api/shell.js';
import { ACCELERATORS, menuTemplate, type MenuActions, type MenuState } from './menu.js';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function setup(state: Partial<MenuState> = {}) {
  const calls: string[] = [];
  const actions: MenuActions = {
    command: (c: MenuCommand) => calls.push(`command:${c}`),
    newRegister: () => calls.push('newRegister'),
    openRegister: (file?: string) => calls.push(`openRegister:${file ?? ''}`),
    setLanguage: (l: Language) => calls.push(`language:${l}`),
  };
  const template = menuTemplate({ language: 'en', platform: 'linux', recent: [], currentFile: null, canImport: true, canExport: true, devTools: false, ...state }, actions);
  const items = flatten(template);
  const byId = (id: string) => {
    const item = items.find((i) => i.id === id);
    if (!item) throw new Error(`no menu item ${id}`);
    return item;
  };
  const click = (id: string) => (byId(id).click as () => void)();
  return { template, items, byId, click, calls };
}

describe('application menu', () => {
  it('has the entries and accelerators of the issue, each acting on the renderer', () => {
    const { byId, click, calls } = setup();
    const expected: [string, string, string][] = [
      ['new-activity', ACCELERATORS.newActivity, 'command:new-activity'],
      ['search', ACCELERATORS.search, 'command:search'],
      ['import', ACCELERATORS.import, 'command:import'],
      ['export', ACCELERATORS.export, 'command:export'],
      ['backup', ACCELERATORS.backup, 'command:backup'],
      ['about', ACCELERATORS.about, 'command:about'],
      ['register', ACCELERATORS.register, 'command:register'],
      ['recipients', ACCELERATORS.recipients, 'command:recipients'],
      ['organisation', ACCELERATORS.organisation, 'command:organisation'],
      ['reference', ACCELERATORS.reference, 'command:reference'],
      ['language-fr', ACCELERATORS.languageFr, 'language:fr'],
      ['language-en', ACCELERATORS.languageEn, 'language:en'],
      ['new-register', ACCELERATORS.newRegister, 'newRegister'],
      ['open-register', ACCELERATORS.openRegister, 'openRegister:'],
    ];
    for (const [id, accelerator, call] of expected) {
      expect(byId(id).accelerator, id).toBe(accelerator);
      click(id);
      expect(calls.at(-1), id).toBe(call);
    }
    const accelerators = expected.map(([, a]) => a);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('shows import and export only once their engines exist (never as placeholders)', () => {
    const { items } = setup({ canImport: false, canExport: false });
    expect(items.some((i) => i.id === 'import' || i.id === 'export')).toBe(false);
    expect(items.some((i) => i.id === 'backup')).toBe(true);
  });

  it('follows the UI language', () => {
    const fr = setup({ language: 'fr' });
    expect(fr.template.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(fr.byId('new-activity').label).toBe('Nouvelle activité');
    expect(fr.byId('open-register').label).toBe('Ouvrir un registre…');
    expect(fr.byId('language-fr').checked).toBe(true);
    expect(fr.byId('language-en').checked).toBe(false);
    const en = setup({ language: 'en' });
    expect(en.template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(en.byId('new-activity').label).toBe('New activity');
    expect(en.byId('language-en').checked).toBe(true);
  });

  it('lists recent registers, the open one checked, each reopening its file', () => {
    const { byId, calls } = setup({ recent: ['/data/a.art30', '/data/b.art30'], currentFile: '/data/a.art30' });
    const recent = byId('recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((r) => r.label)).toEqual(['a.art30 — /data', 'b.art30 — /data']);
    expect(recent.map((r) => r.checked)).toEqual([true, false]);
    (recent[1].click as () => void)();
    expect(calls).toEqual(['openRegister:/data/b.art30']);
    const empty = setup({ recent: [] }).byId('recent').submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: 'No recent register', enabled: false }]);
  });

  it('offers DevTools only in development', () => {
    expect(setup().items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(setup({ devTools: true }).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('has the application menu on macOS', () => {
    const { template, items } = setup({ platform: 'darwin', language: 'fr' });
    expect(template[0].label).toBe('Art30');
    expect(items.filter((i) => i.role === 'quit')).toHaveLength(1);
    expect(template.map((m) => m.label)).toEqual(['Art30', 'Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
  });
});
