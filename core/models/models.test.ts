import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { activityFieldsSchema } from '../model/schemas.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { modelActivity } from './activity.js';
import { bundledCatalogue, modelFacts, ORGANISATION_KINDS, parseCatalogue, type ModelCatalogue } from './catalogue.js';

const catalogue = bundledCatalogue();
const opened: TempRegister[] = [];
const open = () => {
  const t = openTempRegister();
  opened.push(t);
  return t;
};
afterEach(() => opened.splice(0).forEach((t) => t.cleanup()));

async function org(t: TempRegister, name: string) {
  return (await t.call('organisations/create', { organisation: { name } })).id;
}

async function sheetText(file: string, sheet: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets.find((w) => w.name === sheet);
  expect(ws, `sheet ${sheet} in ${wb.worksheets.map((w) => w.name).join(', ')}`).toBeDefined();
  const out: string[] = [];
  ws!.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
  return out.join('\n');
}

describe('the catalogue of models', () => {
  it('has models for every kind of organisation, each valid against the activity schema in both languages', () => {
    expect(catalogue.models.length).toBeGreaterThanOrEqual(20);
    for (const kind of ORGANISATION_KINDS) expect(catalogue.models.filter((m) => m.kinds.includes(kind)).length, kind).toBeGreaterThanOrEqual(5);
    for (const m of catalogue.models)
      for (const lang of ['fr', 'en'] as const) {
        const r = activityFieldsSchema.safeParse(modelActivity(m, catalogue.sources, lang));
        expect(r.success, `${m.id} (${lang}): ${r.success ? '' : JSON.stringify(r.error.issues[0])}`).toBe(true);
      }
  });

  it('gives every fact a source with its date, or marks it to be checked with a note', () => {
    const sources = new Map(catalogue.sources.map((s) => [s.id, s]));
    let sourced = 0;
    let toCheck = 0;
    for (const m of catalogue.models)
      for (const { path: p, fact } of modelFacts(m)) {
        if (fact.source) {
          sourced++;
          expect(sources.get(fact.source.ref)?.date, `${m.id} ${p}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } else {
          toCheck++;
          expect(fact.toCheck && fact.note?.fr && fact.note.en, `${m.id} ${p} has neither a source nor a note`).toBeTruthy();
        }
      }
    expect(sourced).toBeGreaterThan(20);
    expect(toCheck).toBeGreaterThan(0);
    // A fact to check is never presented as an authority's: the activity says "à vérifier" and names no source.
    const cf = catalogue.models.find((m) => m.id === 'web.contact-form')!;
    const a = modelActivity(cf, catalogue.sources, 'fr');
    expect(a.retention![0].text).toContain('(à vérifier :');
    expect(a.retention![0].text).not.toContain('source');
    const payroll = modelActivity(
      catalogue.models.find((m) => m.id === 'staff.payroll')!,
      catalogue.sources,
      'fr',
    );
    expect(payroll.retention![0].text).toContain('(source : Code du travail, art. L3243-4');
  });

  it('refuses a data set whose fact has no source and no mark, or names an unknown source', () => {
    const broken = structuredClone(catalogue) as ModelCatalogue & Record<string, unknown>;
    const fact = broken.models[0].retention[0] as Record<string, unknown>;
    delete fact.source;
    fact.toCheck = false;
    expect(() => parseCatalogue(JSON.stringify(broken), 'x.json')).toThrow(/fact without its source/);
    (fact as { source: unknown }).source = { ref: 'nowhere' };
    expect(() => parseCatalogue(JSON.stringify(broken), 'x.json')).toThrow(/"nowhere"/);
    expect(() => parseCatalogue('{"format":"art30-reference"}', 'x.json')).toThrow(/not an Art30 models data set/);
  });
});

describe('a register started from models', () => {
  const communeModels = ['public.civil-status', 'public.electoral-roll', 'public.council', 'public.video-protection', 'public.staff', 'school.canteen', 'web.contact-form'];

  it('starts a commune’s register from models, in French and in English, and exports it', async () => {
    const t = open();
    const listed = await t.call('models/list', { kind: 'public' });
    for (const id of communeModels) expect(listed.models.map((m) => m.id)).toContain(id);
    const fr = await org(t, 'Mairie de Villefranche');
    const en = await org(t, 'Town of Villefranche');
    const addedFr = await t.call('models/add', { organisationId: fr, ids: communeModels, lang: 'fr' });
    const addedEn = await t.call('models/add', { organisationId: en, ids: communeModels, lang: 'en' });
    expect(addedFr.map((a) => a.name)).toContain('État civil');
    expect(addedEn.map((a) => a.name)).toContain('Civil status');
    expect(addedFr.every((a) => a.status === 'draft')).toBe(true);
    const video = addedFr.find((a) => a.name.startsWith('Vidéoprotection'))!;
    expect(video.retention[0]).toMatchObject({ duration: 'P1M', finalFate: 'delete' });
    expect(video.retention[0].text).toContain('Code de la sécurité intérieure, art. L252-5');
    expect(video.dpia.art35Cases).toEqual(['public_area_monitoring']);
    // A model's bases are the activity's: with sub-purposes, one point asks the DPO which purpose each serves.
    const withSubs = addedFr.find((a) => a.subPurposes.length > 0)!;
    const points = (await t.call('activities/checks' as never, { id: withSubs.id } as never)) as { code: string }[];
    expect(points.map((p) => p.code)).toContain('purpose_bases_to_check');
    expect(points.map((p) => p.code)).not.toContain('purpose_without_legal_basis');

    // The history says which model each activity came from.
    const [created] = await t.call('history/list', { entityType: 'activity', entityId: video.id });
    expect(created).toMatchObject({ action: 'create', sourceFile: 'model:public.video-protection@2026-12-07' });
    expect(await t.call('models/ofActivity', { activityId: video.id })).toMatchObject({ modelId: 'public.video-protection', lang: 'fr' });

    const outFr = path.join(t.dir, 'mairie.xlsx');
    const outEn = path.join(t.dir, 'town.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'fr', out: outFr, scope: { organisationId: fr } });
    await t.call('export/file', { format: 'xlsx', lang: 'en', out: outEn, scope: { organisationId: en } });
    const textFr = await sheetText(outFr, 'Registre');
    expect(textFr).toContain('État civil');
    expect(textFr).toContain('Listes électorales');
    const textEn = fs.existsSync(outEn) ? await sheetText(outEn, 'Register') : '';
    expect(textEn).toContain('Civil status');
    expect(textEn).toContain('Electoral rolls');
  });
});

/** The bundled catalogue with one model changed, dated later. */
function newerCatalogue(): string {
  const next = structuredClone(catalogue) as ModelCatalogue;
  next.asOf = '2027-03-01';
  const m = next.models.find((x) => x.id === 'staff.recruitment')!;
  m.version = '2027-03-01';
  m.retention[0].text = { fr: 'Candidats non retenus : 2 ans après le dernier contact', en: 'Candidates not hired: 2 years after the last contact' };
  m.securityMeasures.push({ type: 'encryption', precision: { fr: 'Chiffrement des CV', en: 'Encrypted CVs' } });
  return JSON.stringify(next);
}

describe('a model’s later update', () => {
  it('is shown against the activities made from it, taken into one and left on another', async () => {
    const t = open();
    const a = await org(t, 'Société A');
    const [first] = await t.call('models/add', { organisationId: a, ids: ['staff.recruitment'], lang: 'fr' });
    const [second] = await t.call('models/add', { organisationId: a, ids: ['staff.recruitment'], lang: 'fr' });
    // The DPO's own edit on the second one.
    await t.call('activities/update', {
      id: second.id,
      version: second.version,
      activity: { ...(await t.call('activities/get', { id: second.id })), name: 'Recrutement des saisonniers' },
    });
    expect(await t.call('models/updates', {})).toEqual([]);

    const file = path.join(t.dir, 'models-2027-03-01.json');
    fs.writeFileSync(file, newerCatalogue());
    const report = await t.call('models/loadFile', { file });
    expect(report).toMatchObject({ scope: 'catalogue', asOf: '2027-03-01', changed: ['staff.recruitment'] });
    expect(report.activities.map((x) => x.activityId).sort()).toEqual([first.id, second.id]);
    // Nothing applied yet.
    expect((await t.call('activities/get', { id: first.id })).securityMeasures).toHaveLength(3);

    const updates = await t.call('models/updates', { organisationId: a, lang: 'fr' });
    const u = updates.find((x) => x.activityId === first.id)!;
    expect(u).toMatchObject({ modelId: 'staff.recruitment', fromVersion: '2026-12-07', toVersion: '2027-03-01' });
    expect(u.changes.map((c) => c.field)).toEqual(['retention', 'securityMeasures']);
    expect(u.changes[1].after.join('\n')).toContain('Chiffrement des CV');

    // Taken for the security measures only: the retention stays the DPO's.
    const taken = await t.call('models/takeUpdate', { activityId: first.id, fields: ['securityMeasures'] });
    expect(taken.securityMeasures.map((s) => s.precision)).toContain('Chiffrement des CV');
    expect(taken.retention[0].text).toContain('2 ans au plus après le dernier contact');
    await t.call('models/leaveUpdate', { activityId: second.id });
    const left = await t.call('activities/get', { id: second.id });
    expect(left.name).toBe('Recrutement des saisonniers');
    expect(left.securityMeasures).toHaveLength(3);
    expect(await t.call('models/updates', {})).toEqual([]);

    const [takenEntry] = await t.call('history/list', { entityType: 'activity', entityId: first.id });
    expect(takenEntry).toMatchObject({ action: 'update', sourceFile: 'model:staff.recruitment@2027-03-01' });
    expect(takenEntry.changes.map((c) => c.path).join(' ')).toContain('securityMeasures');
    const [leftEntry] = await t.call('history/list', { entityType: 'activity', entityId: second.id });
    expect(leftEntry.changes).toMatchObject([{ path: 'modelLeft', before: 'staff.recruitment@2026-12-07', after: 'staff.recruitment@2027-03-01' }]);
    expect((await t.call('history/verify', {})).ok).toBe(true);

    // The same catalogue again, or an older one, is refused and changes nothing.
    const again = await t.result('models/loadFile', { file });
    expect(again.ok).toBe(false);
  });
});

describe('the DPO’s own models', () => {
  it('saves an activity as a model, exports it, and imports it into another register', async () => {
    const t = open();
    const a = await org(t, 'Association des amis du musée');
    const activity = await t.call('activities/create', {
      organisationId: a,
      activity: {
        name: 'Visites guidées',
        purpose: 'Organiser les visites guidées du musée',
        legalBases: [{ code: 'contract', justification: 'Réservation' }],
        dataSubjects: [{ code: 'visitors', label: 'Visiteurs' }],
        dataCategories: [{ code: 'identity', label: 'Nom, téléphone' }],
        retention: [{ dataCategory: 'Nom, téléphone', text: '1 an après la visite', duration: 'P1Y', finalFate: 'delete' }],
      },
    });
    const saved = await t.call('models/saveAsModel', { activityId: activity.id, id: 'musee.visites', kinds: ['association'] });
    expect(saved.retention[0]).toMatchObject({ category: 'c1', toCheck: true });
    expect((await t.call('models/list', { kind: 'association' })).models.find((m) => m.id === 'musee.visites')).toMatchObject({ origin: 'dpo' });
    const exported = await t.call('models/export', {});
    const file = path.join(t.dir, exported.fileName);
    fs.writeFileSync(file, exported.text);

    const other = open();
    const b = await org(other, 'Musée de la ville');
    const report = await other.call('models/loadFile', { file });
    expect(report).toMatchObject({ scope: 'shared', changed: ['musee.visites'] });
    const [made] = await other.call('models/add', { organisationId: b, ids: ['musee.visites'], lang: 'fr' });
    expect(made).toMatchObject({ name: 'Visites guidées', purpose: 'Organiser les visites guidées du musée' });
    expect(made.retention[0]).toMatchObject({ dataCategory: 'Nom, téléphone', duration: 'P1Y' });
    expect(made.retention[0].text).toContain('à vérifier : repris du registre de Association des amis du musée (T-001)');
  });
});
