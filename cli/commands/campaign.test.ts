import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCliWith, useTempFolder } from '../testing.js';

const tmp = useTempFolder();
const fr = (...argv: string[]) => runCliWith({ ART30_LANG: 'fr' }, ...argv, '--db', tmp.db);

/** The department answers: T-001 still accurate, T-002 changed purpose. */
async function answer(file: string, out: string, edit: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('Vos traitements')!;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'T-001') row.getCell(10).value = 'Toujours exact';
    if (row.getCell(1).value === 'T-002') {
      row.getCell(4).value = 'Recrutement des salariés et stagiaires';
      row.getCell(10).value = 'Modifié';
    }
  });
  edit(wb);
  await wb.xlsx.writeFile(out);
  return out;
}

describe('art30 campaign', () => {
  it('creates a campaign for every department of an organisation, follows it, and collects an answer', async () => {
    expect((await fr('init', '--demo', '--yes')).code).toBe(0);
    const out = path.join(tmp.dir, 'envoi');
    const created = await fr('campaign', 'create', '--org', 'Atelier Lumière SAS', '--due', '2026-01-15', '--out', out);
    expect(created.err).toBe('');
    expect(created.out).toMatch(/^Campagne C-001 \(Atelier Lumière SAS\) : 7 services, échéance le 2026-01-15\.$/m);
    expect(fs.readdirSync(out)).toHaveLength(14);

    const status = await fr('campaign', 'status');
    expect(status.out).toMatch(/0 sur 7 retournés, 7 en retard/);
    expect(status.out).toMatch(/^ {2}Ressources humaines +en retard +Envoyé \d{4}-\d{2}-\d{2} +3 traitements$/m);
    const json = JSON.parse((await fr('campaign', 'status', '1', '--json')).out) as { departments: { name: string; state: string }[] };
    expect(json.departments.find((d) => d.name === 'Marketing')?.state).toBe('late');

    const rh = await answer(path.join(out, 'revue-registre-c-001-ressources-humaines.xlsx'), path.join(tmp.dir, 'rh.xlsx'));
    const dry = await fr('campaign', 'collect', rh, '--dry-run');
    expect(dry.out).toContain('Réponse de Ressources humaines à la campagne C-001 (Atelier Lumière SAS), fichier rh.xlsx');
    expect(dry.out).toMatch(/^T-001 {2}Gestion de la paie {2}— Toujours exact$/m);
    expect(dry.out).toMatch(/^ {4}Finalité : .* → Recrutement des salariés et stagiaires$/m);
    expect(dry.out).toContain('Essai : rien n’a été écrit.');
    expect(JSON.parse((await fr('show', 'T-001', '--org', '1', '--json')).out).lastReviewedAt).toBe('2025-11-03');

    const no = await fr('campaign', 'collect', rh);
    expect(no.asked).toEqual(['Enregistrer cette réponse dans le registre ?']);
    expect(no.out).toContain('Rien n’a été écrit');

    const yes = await fr('campaign', 'collect', rh, '--yes');
    expect(yes.out).toContain('Réponse de Ressources humaines enregistrée — revus : 2, modifiés : 1, retirés : 0, nouveaux brouillons : 0.');
    const t1 = JSON.parse((await fr('show', 'T-001', '--org', '1', '--json')).out);
    expect([t1.lastReviewedAt, t1.lastReviewedBy]).toEqual([new Date().toISOString().slice(0, 10), 'Ressources humaines (campagne C-001)']);
    expect(JSON.parse((await fr('show', 'T-002', '--org', '1', '--json')).out).purpose).toBe('Recrutement des salariés et stagiaires');
    expect((await fr('campaign', 'status')).out).toMatch(/^ {2}Ressources humaines +retourné +Retourné /m);
    // The overview shows the campaign's progress.
    expect((await fr('overview')).out).toMatch(/^Campagne de revue C-001\n {2}1 service a répondu\n {2}0 service attendu\n {2}6 services en retard$/m);

    const again = await fr('campaign', 'collect', rh, '--yes');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/La réponse de Ressources humaines a déjà été collectée le \d{4}-\d{2}-\d{2} \(« rh\.xlsx »\)/);

    // Reminder drafts for the six departments that have not answered.
    const remind = await fr('campaign', 'remind', '1', '--out', path.join(tmp.dir, 'relances'));
    expect(remind.out).toMatch(/^6 fichiers écrits dans /);
    expect(fs.readdirSync(path.join(tmp.dir, 'relances'))).toContain('revue-registre-c-001-marketing-relance.eml');
  });

  it('refuses an unknown department with the list, and imports a file that lost its stamp as any department file', async () => {
    expect((await fr('init', '--demo', '--yes')).code).toBe(0);
    const out = path.join(tmp.dir, 'envoi');
    const bad = await fr('campaign', 'create', '--org', '1', '--departments', 'Comptabilité', '--due', '2026-01-15', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Aucun traitement de l’organisme ne relève du ou des services Comptabilité\. Ses services : Commercial, Communication/);
    expect(fs.existsSync(out)).toBe(false);

    expect((await fr('campaign', 'create', '--org', '1', '--departments', 'RH', '--due', '2026-01-15', '--out', out, '--email', 'RH=drh@atelier.example')).code).toBe(0);
    const eml = (dir: string, ref: string) => fs.readFileSync(path.join(dir, `revue-registre-${ref}-ressources-humaines.eml`), 'latin1');
    expect(eml(out, 'c-001')).toMatch(/^To: drh@atelier\.example\r$/m);
    // The next campaign sends to the address used last time.
    const next = path.join(tmp.dir, 'suivante');
    expect((await fr('campaign', 'create', '--org', '1', '--departments', 'Ressources humaines', '--due', '2027-01-15', '--out', next)).code).toBe(0);
    expect(eml(next, 'c-002')).toMatch(/^To: drh@atelier\.example\r$/m);
    expect((await fr('campaign', 'create', '--org', '1', '--due', '2027-01-15', '--out', next, '--email', 'drh@atelier.example')).err).toContain('--email s’écrit SERVICE=ADRESSE');
    const lost = await answer(path.join(out, 'revue-registre-c-001-ressources-humaines.xlsx'), path.join(tmp.dir, 'sans-tampon.xlsx'), (wb) =>
      wb.removeWorksheet(wb.getWorksheet('Art30')!.id),
    );
    const r = await fr('campaign', 'collect', lost, '--dry-run');
    expect(r.err).toContain('« sans-tampon.xlsx » ne porte pas de tampon de campagne : il est importé comme un fichier de service quelconque.');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/T-002/);
  });
});
