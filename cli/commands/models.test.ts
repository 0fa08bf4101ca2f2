import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCatalogue } from '../../core/models/catalogue.js';
import { runCliWith, useTempFolder } from '../testing.js';

const paths = useTempFolder();
const fr = (...argv: string[]) => runCliWith({ ART30_LANG: 'fr' }, ...argv, '--db', paths.db);
const en = (...argv: string[]) => runCliWith({ ART30_LANG: 'en' }, ...argv, '--db', paths.db);

describe('art30 models', () => {
  it('lists the models by kind, shows one with its sources, adds activities from models, and loads a newer catalogue by reference update', async () => {
    expect((await fr('init', '--org', 'Mairie de Villefranche')).code).toBe(0);
    const list = await fr('models', 'list', '--kind', 'public');
    expect(list.code).toBe(0);
    expect(list.out).toContain('public.civil-status');
    expect(list.out).toContain('État civil');
    expect(list.out).not.toContain('commerce.prospects');
    const json = JSON.parse((await en('models', 'list', '--kind', 'school', '--json')).out) as { models: { id: string; kinds: string[] }[] };
    expect(json.models.length).toBeGreaterThanOrEqual(5);
    expect(json.models.every((m) => m.kinds.includes('school'))).toBe(true);
    expect((await fr('models', 'list', '--kind', 'bakery')).code).toBe(1);

    const show = await en('models', 'show', 'staff.payroll');
    expect(show.code).toBe(0);
    expect(show.out).toContain('Payroll');
    expect(show.out).toContain('French Labour Code, art. L3243-4 (read on 2026-11-28)');
    expect(show.out).toContain('(deliberation no. 2019-118), read on 2026-11-28)');
    expect(show.out).toContain('(to be checked:');
    expect((await fr('models', 'show', 'nope')).err).toContain('Aucun modèle « nope »');

    const add = await fr('models', 'add', 'public.civil-status', 'public.video-protection', '--org', 'Mairie de Villefranche');
    expect(add.code).toBe(0);
    expect(add.out).toContain('T-001  État civil');
    expect(add.out).toContain('T-002  Vidéoprotection de la voie publique');
    expect((await fr('list')).out).toContain('Vidéoprotection');

    const next = structuredClone(bundledCatalogue());
    next.asOf = '2027-02-01';
    const vp = next.models.find((m) => m.id === 'public.video-protection')!;
    vp.version = '2027-02-01';
    vp.purpose.fr = 'Prévenir les atteintes aux personnes et aux biens sur la voie publique';
    const file = path.join(paths.dir, 'models-2027-02-01.json');
    fs.writeFileSync(file, JSON.stringify(next));
    const update = await fr('reference', 'update', file);
    expect(update.code).toBe(0);
    expect(update.out).toContain('Modèles du 2027-02-01 chargés. Nouveaux ou modifiés : 1. Activités créées à partir d’eux avec une mise à jour à reprendre ou non : 1.');
    expect(update.out).toContain('T-002  public.video-protection');
    expect((await fr('reference', 'update', file)).code).toBe(2);
  });

  it('refuses to export when the DPO has no model of their own, and to import a file of another format', async () => {
    expect((await en('init', '--org', 'Acme')).code).toBe(0);
    const out = path.join(paths.dir, 'x.json');
    const r = await en('models', 'export', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('There is no model of your own to export');
    expect(fs.existsSync(out)).toBe(false);
    fs.writeFileSync(out, '{"format": "art30-register"}');
    const i = await fr('models', 'import', out);
    expect(i.code).toBe(2);
    expect(i.err).toContain('n’est pas un jeu de modèles Art30');
  });
});
