/** Composite cells read whole: a recipient with its country and safeguard; people with their data. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import type { ImportPreview } from './preview/preview.js';

let t: TempRegister;
beforeEach(async () => {
  t = openTempRegister();
  await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
});
afterEach(() => t.cleanup());

async function preview(lines: string[]): Promise<ImportPreview> {
  const file = path.join(t.dir, 'dept.csv');
  fs.writeFileSync(file, lines.join('\r\n'));
  return (await t.call('import/open', { file })) as ImportPreview;
}

describe('composite cells', () => {
  it('"Sundara Tech (Indien) — SCC" gives a recipient, its country and the safeguard of the transfer', async () => {
    const p = await preview([
      'Nom du traitement;Finalité;Destinataires;Sous-traitants',
      'Paie;Payer les salariés;URSSAF;Sundara Tech (Inde) — CCT',
      'Support;Répondre aux clients;Service client;"Zendesk (États-Unis) - DPF ; OVHcloud (France)"',
    ]);
    const [paie, support] = p.rows.map((r) => r.activity!);
    expect(paie.recipients.map((r) => [r.name, r.type, r.countries])).toEqual([
      ['URSSAF', 'other', undefined],
      ['Sundara Tech', 'processor', ['IN']],
    ]);
    expect(paie.transfers).toMatchObject([{ recipient: 'Sundara Tech', country: 'IN', safeguard: 'scc' }]);
    expect(support.recipients.map((r) => r.name)).toEqual(['Service client', 'Zendesk', 'OVHcloud']);
    // France is no transfer; the US one rests on the DPF (the adequacy decision for certified organisations).
    expect(support.transfers).toMatchObject([{ recipient: 'Zendesk', country: 'US', safeguard: 'adequacy' }]);
  });

  it('a plain name with parentheses stays a name', async () => {
    const p = await preview(['Nom du traitement;Finalité;Destinataires', 'Paie;Payer;organismes sociaux (URSSAF, caisses de retraite)']);
    expect(p.rows[0].activity!.recipients.map((r) => r.name)).toEqual(['organismes sociaux (URSSAF, caisses de retraite)']);
    expect(p.rows[0].activity!.transfers).toEqual([]);
  });

  it('"Salariés : nom, prénom ; Candidats : CV" gives the people and the data kept about each', async () => {
    const p = await preview(['Nom du traitement;Finalité;Données', 'Recrutement;Recruter;"Salariés : nom, prénom, RIB ; Candidats : CV et lettre de motivation"']);
    const a = p.rows[0].activity!;
    expect(a.dataSubjects.map((s) => s.label)).toEqual(['Salariés', 'Candidats']);
    expect(a.dataCategories.map((c) => [c.label, c.description])).toEqual([
      ['nom', 'Salariés'],
      ['prénom', 'Salariés'],
      ['RIB', 'Salariés'],
      ['CV', 'Candidats'],
      ['lettre de motivation', 'Candidats'],
    ]);
  });

  it('a heading that is not a group of people gives its items, each described by it: "Données du personnel : nom, prénom"', async () => {
    const p = await preview(['Nom du traitement;Finalité;Données', 'Paie;Payer;Données du personnel : nom, prénom']);
    expect(p.rows[0].activity!.dataCategories.map((c) => [c.label, c.description])).toEqual([
      ['nom', 'Données du personnel'],
      ['prénom', 'Données du personnel'],
    ]);
    expect(p.rows[0].activity!.dataSubjects).toEqual([]);
  });

  it('"Usage data: frequency of connection, plays accessed" gives two categories; a heading before a sentence stays one', async () => {
    const p = await preview([
      'Activity;Purpose;Personal data',
      'Analytics;Improve the app;Usage data: frequency of connection, plays accessed',
      'Logs;Secure;Logs: kept for security reasons, then deleted after review by the team',
    ]);
    expect(p.rows[0].activity!.dataCategories.map((c) => [c.label, c.description])).toEqual([
      ['frequency of connection', 'Usage data'],
      ['plays accessed', 'Usage data'],
    ]);
    expect(p.rows[1].activity!.dataCategories.map((c) => c.label)).toEqual(['Logs: kept for security reasons, then deleted after review by the team']);
  });
});
