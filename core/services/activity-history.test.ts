/**
 * An activity's creation entry is written compactly (defaults and empty item properties left out)
 * and still gives the whole activity back; the history screens and the register as of a date read it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordFields } from '../diff.js';
import { writeXlsx } from '../import/testing/corpus.js';
import type { HistoryChange, RegisterDocument } from '../model/register.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { activityFields, getActivity } from './activities.js';
import { activityFromCreation, creationChanges } from './activity-history.js';

let t: TempRegister;
afterEach(() => t?.cleanup());

/** An activity's fields as its history entry holds them (recipients by directory entry). */
function stored(reg: TempRegister['reg'], id: number): Record<string, unknown> {
  const f = activityFields(getActivity(reg, id));
  return { ...f, recipients: f.recipients.map((r) => ({ recipientId: r.recipientId, role: r.role, precision: r.precision })) };
}

const creationEntry = (reg: TempRegister['reg'], id: number) =>
  reg.sqlite.prepare("SELECT changes_json FROM history WHERE entity_type = 'activity' AND entity_id = ? AND action = 'create'").pluck().get(id) as string;

describe('the creation entry of an activity', () => {
  it('gives every demo activity back whole, from the compact form and from the form written before', () => {
    t = openTempRegister({ demo: true });
    const ids = t.reg.activities.list({}).map((a) => a.id);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      const f = stored(t.reg, id);
      const compact = creationChanges(f);
      expect(activityFromCreation(JSON.parse(JSON.stringify(compact)) as HistoryChange[])).toEqual(f);
      expect(activityFromCreation(recordFields(f, 'after'))).toEqual(f);
      expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(recordFields(f, 'after')).length);
    }
  });

  it('keeps every value that differs from the default, however empty it looks', () => {
    t = openTempRegister({ demo: true });
    const f = stored(t.reg, t.reg.activities.list({})[0].id);
    const full = {
      ...f,
      role: 'processor',
      status: 'active',
      purposeBasesToCheck: true,
      legalBases: [{ code: 'consent', justification: '', purpose: 1 }],
      subPurposes: ['Statistiques'],
      dataCategories: [{ code: '', label: 'Santé', description: '', special: true }],
      transfers: [{ recipient: '', country: 'US', safeguard: null, derogation: 'explicit_consent', documentation: '', tiaRef: '' }],
      retention: [{ dataCategory: '', text: 'Durée du contrat', duration: '', trigger: '', activePeriod: 'P1Y', archivePeriod: '', finalFate: 'deletion' }],
      dpia: { ...(f.dpia as object), override: { required: false, justification: 'Traitement interne' } },
      automatedDecision: { exists: false, description: 'Score de relance' },
    };
    const compact = creationChanges(full);
    expect(compact.map((c) => c.path)).toEqual(expect.arrayContaining(['role', 'status', 'purposeBasesToCheck', 'dpia', 'automatedDecision']));
    expect(activityFromCreation(JSON.parse(JSON.stringify(compact)) as HistoryChange[])).toEqual(full);
  });
});

describe('the history of an import', () => {
  it('holds each imported activity compactly and whole; the chain verifies; the history reads every item; the register as of a date is the register then', async () => {
    t = openTempRegister();
    let day = '2026-03-01';
    let minute = 0;
    t.reg.now = () => `${day}T09:${String(minute++ % 60).padStart(2, '0')}:00.000Z`;
    await t.call('organisations/create', { organisation: { name: 'Clinique' } });
    day = '2026-03-02';
    const file = path.join(t.dir, 'services.xlsx');
    await writeXlsx(file, {
      Activités: [
        ['Nom du traitement', 'Finalité', 'Base légale', 'Personnes concernées', 'Catégories de données', 'Destinataires', 'Pays', 'Garanties', 'Durée de conservation', 'Service'],
        ['Paie', 'Verser les salaires', 'Obligation légale', 'Salariés', 'Identité; RIB', 'PayFit', '', '', '5 ans après le départ', 'RH'],
        [
          'Recrutement',
          'Choisir les candidats',
          'Mesures précontractuelles',
          'Candidats',
          'CV; Santé',
          'Welcome to the Jungle',
          'USA',
          'Clauses contractuelles types (CCT)',
          '2 ans',
          'RH',
        ],
        ['Vidéoprotection', 'Sécurité des locaux', 'Intérêt légitime', 'Visiteurs; Salariés', 'Images', '', '', '', '30 jours', 'Services généraux'],
      ],
    });
    const opened = await t.call('import/open', { file });
    const done = await t.call('import/commit', { sessionId: opened.sessionId });
    expect(done.created).toBe(3);
    const captured = await exportJson('today-then.json');

    for (const { id } of done.activities) {
      const entry = creationEntry(t.reg, id);
      // Compact: no untouched DPIA block, no empty properties in the items.
      expect(entry).not.toContain('"dpia"');
      expect(entry).not.toContain('"precision":""');
      expect(activityFromCreation(JSON.parse(entry) as HistoryChange[])).toEqual(stored(t.reg, id));
    }
    expect(t.reg.history.verify().ok).toBe(true);

    // The history screen: each item with all its properties, and in the DPO's words.
    const recruitment = done.activities.find((a) => a.name === 'Recrutement')!.id;
    const [entry] = await t.call('history/list', { entityType: 'activity', entityId: recruitment, lang: 'fr' });
    expect(entry.action).toBe('create');
    const categories = entry.changes.find((c) => c.path === 'dataCategories')!;
    expect(categories.after).toEqual([expect.objectContaining({ label: 'CV', description: '', special: false }), expect.objectContaining({ label: 'Santé', description: '' })]);
    const words = entry.changes.flatMap((c) => c.text?.after ?? []).join('\n');
    expect(words).toContain('Candidats');
    expect(words).toContain('États-Unis');
    expect(words).not.toMatch(/undefined|\[object Object\]/);

    // The next day one activity is edited and another deleted: the register as of the import's day is still the register then.
    day = '2026-03-03';
    const paie = getActivity(t.reg, done.activities.find((a) => a.name === 'Paie')!.id);
    await t.call('activities/update', { id: paie.id, version: paie.version, activity: { ...activityFields(paie), department: 'Paie et administration' } as never });
    const video = getActivity(t.reg, done.activities.find((a) => a.name === 'Vidéoprotection')!.id);
    await t.call('activities/delete', { id: video.id, version: video.version });
    // (The sign-off of a deleted activity is not rebuilt as of a date, with or without this entry's form: core/overview/as-of.ts rewinds activities, organisations and recipients.)
    const strip = (d: RegisterDocument) => ({ ...d, exportedAt: undefined, asOf: undefined, signoffs: undefined });
    expect(strip(await exportJson('as-of-import.json', '2026-03-02'))).toEqual(strip(captured));
    expect((await exportJson('as-of-before.json', '2026-03-01')).activities).toEqual([]);
    expect((await exportJson('as-of-after.json', '2026-03-03')).activities.map((a) => a.department).sort()).toEqual(['Paie et administration', 'RH']);
  });
});

async function exportJson(name: string, asOf?: string): Promise<RegisterDocument> {
  const out = path.join(t.dir, name);
  await t.call('export/file', { format: 'json', lang: 'fr', out, scope: {}, ...(asOf ? { asOf } : {}) });
  return JSON.parse(fs.readFileSync(out, 'utf8')) as RegisterDocument;
}
