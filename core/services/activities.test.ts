import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityFieldsSchema, type ActivityInput } from '../model/schemas.js';
import { insertBatch, insertParsedActivity } from './activities.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';

let t: TempRegister;
let orgId: number;
beforeEach(async () => {
  t = openTempRegister();
  orgId = (await t.call('organisations/create', { organisation: { name: 'Mairie de Villefranche' } })).id;
});
afterEach(() => t.cleanup());

const payroll: ActivityInput = {
  name: 'Gestion de la paie',
  purpose: 'Paie des agents',
  department: 'Ressources humaines',
  legalBases: [{ code: 'legal_obligation', justification: 'Code général de la fonction publique' }],
  dataSubjects: [{ code: 'employees', label: 'Agents' }],
  dataCategories: [
    { code: 'identity', label: 'Identité' },
    { code: 'health', label: 'Arrêts maladie' },
  ],
  recipients: [{ name: 'Trésor public', type: 'public_authority', countries: ['FR'] }],
  transfers: [{ recipient: 'Prestataire paie', country: 'in', safeguard: 'scc' }],
  retention: [{ text: '5 ans', duration: 'P5Y', trigger: 'versement de la paie', finalFate: 'delete' }],
  securityMeasures: [{ type: 'access_control' }],
  dpia: { criteria: ['sensitive_data', 'vulnerable_subjects'] },
};

describe('activities', () => {
  it('creates an activity with a generated reference, resolved recipients and derived flags', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: payroll });
    expect(a.ref).toBe('T-001');
    expect(a.version).toBe(1);
    expect(a.recipients[0]).toMatchObject({ name: 'Trésor public', type: 'public_authority', countries: ['FR'] });
    expect(a.transfers[0].country).toBe('IN');
    // "health" is a special category in the catalogue even if the caller did not say so.
    expect(a.dataCategories[1].special).toBe(true);
    expect(a.dpia).toMatchObject({ suggested: true, required: true });
    const [row] = await t.call('activities/list', {});
    expect(row).toMatchObject({ ref: 'T-001', specialCategories: true, nonEeaTransfer: true, transferCountries: ['IN'], dpiaRequired: true, legalBases: ['legal_obligation'] });
    const second = await t.call('activities/create', { organisationId: orgId, activity: { name: 'Élections', purpose: 'Listes électorales' } });
    expect(second.ref).toBe('T-002');
  });

  it('refuses a reference already used in the organisation', async () => {
    await t.call('activities/create', { organisationId: orgId, activity: { ...payroll, ref: 'RH-01' } });
    const r = await t.result('activities/create', { organisationId: orgId, activity: { ...payroll, ref: 'rh-01' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('conflict');
      expect(r.error.details).toEqual([{ path: 'ref', message: 'is already used', key: 'errors.refTaken' }]);
    }
  });

  it('updates with the current version, records field-level history, and refuses a stale version', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: payroll });
    const edited = await t.call('activities/update', {
      id: a.id,
      version: a.version,
      activity: { ...payroll, name: 'Paie et indemnités', dataCategories: [{ code: 'identity', label: 'Identité' }] },
    });
    expect(edited.version).toBe(2);
    expect(edited.name).toBe('Paie et indemnités');
    const [entry] = await t.call('history/list', { entityType: 'activity', entityId: a.id });
    expect(entry.action).toBe('update');
    expect(entry.source).toBe('cli');
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { path: 'name', before: 'Gestion de la paie', after: 'Paie et indemnités' },
        { path: 'dataCategories[1]', before: expect.objectContaining({ label: 'Arrêts maladie' }), after: null },
      ]),
    );
    const stale = await t.result('activities/update', { id: a.id, version: a.version, activity: { ...payroll, name: 'Écrasement' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('conflict');
      expect(stale.error.message).toMatch(/was changed elsewhere since you opened it/);
    }
    expect((await t.call('activities/get', { id: a.id })).name).toBe('Paie et indemnités');
  });

  it('saving without changes keeps the version and writes no history', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: payroll });
    const before = (await t.call('history/list', {})).length;
    const same = await t.call('activities/update', { id: a.id, version: 1, activity: payroll });
    expect(same.version).toBe(1);
    expect((await t.call('history/list', {})).length).toBe(before);
  });

  it('duplicates as a draft, retires, and deletes with the version', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: { ...payroll, status: 'active' } });
    const copy = await t.call('activities/duplicate', { id: a.id });
    expect(copy).toMatchObject({ ref: 'T-002', name: 'Gestion de la paie (2)', status: 'draft' });
    expect(copy.dataCategories).toEqual(a.dataCategories);
    const retired = await t.call('activities/retire', { id: a.id, version: a.version });
    expect(retired.status).toBe('retired');
    const stale = await t.result('activities/delete', { id: a.id, version: 1 });
    expect(stale.ok).toBe(false);
    await t.call('activities/delete', { id: a.id, version: retired.version });
    expect((await t.result('activities/get', { id: a.id })).ok).toBe(false);
    const [entry] = await t.call('history/list', { entityType: 'activity', entityId: a.id });
    expect(entry.action).toBe('delete');
    expect(entry.changes.find((c) => c.path === 'name')).toEqual({ path: 'name', before: 'Gestion de la paie', after: null });
  });

  it('shares directory recipients: an edit of the directory shows in every activity', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: payroll });
    const b = await t.call('activities/create', {
      organisationId: orgId,
      activity: { name: 'Cantine', purpose: 'Facturation', recipients: [{ name: 'TRESOR PUBLIC', role: 'Recouvrement' }] },
    });
    expect(b.recipients[0].recipientId).toBe(a.recipients[0].recipientId);
    const directory = await t.call('recipients/list', {});
    expect(directory).toHaveLength(1);
    expect(directory[0].activityCount).toBe(2);
    const r = directory[0];
    await t.call('recipients/update', { id: r.id, version: r.version, recipient: { name: 'DGFiP', type: 'public_authority', countries: ['FR'] } });
    expect((await t.call('activities/get', { id: a.id })).recipients[0].name).toBe('DGFiP');
    expect((await t.call('activities/get', { id: b.id })).recipients[0].name).toBe('DGFiP');
    expect((await t.call('activities/list', { search: 'dgfip' })).map((x) => x.name)).toEqual(['Gestion de la paie', 'Cantine']);
    expect(await t.call('activities/list', { search: 'tresor' })).toEqual([]);
    const inUse = await t.result('recipients/delete', { id: r.id, version: r.version + 1 });
    expect(inUse.ok || inUse.error.code).toBe('in_use');
  });

  it('filters by legal basis, country, flags and accent-insensitive search', async () => {
    await t.call('activities/create', { organisationId: orgId, activity: payroll });
    await t.call('activities/create', {
      organisationId: orgId,
      activity: {
        name: 'Newsletter',
        purpose: 'Informer les usagers',
        legalBases: [{ code: 'consent' }],
        transfers: [{ recipient: 'Mailer', country: 'US', safeguard: 'adequacy' }],
      },
    });
    await t.call('activities/create', {
      organisationId: orgId,
      activity: { name: 'Archives', purpose: 'Archivage', status: 'retired', transfers: [{ recipient: 'Cloud', country: 'DE' }] },
    });
    const names = async (filter: object) => (await t.call('activities/list', filter)).map((a) => a.name);
    expect(await names({ legalBasis: 'consent' })).toEqual(['Newsletter']);
    expect(await names({ country: 'us' })).toEqual(['Newsletter']);
    expect(await names({ nonEeaTransfer: true })).toEqual(['Gestion de la paie', 'Newsletter']);
    expect(await names({ specialCategories: true })).toEqual(['Gestion de la paie']);
    expect(await names({ status: 'retired' })).toEqual(['Archives']);
    expect(await names({ search: 'tresor' })).toEqual(['Gestion de la paie']);
    expect(await names({ search: 'ARRETS mal' })).toEqual(['Gestion de la paie']);
    expect(await names({ search: 'ladie' })).toEqual(['Gestion de la paie']);
    expect(await names({ search: 'paie usagers' })).toEqual([]);
    expect(await names({ search: 'usagers' })).toEqual(['Newsletter']);
    expect(await names({ search: '"; DROP TABLE activities; --' })).toEqual([]);
  });

  it('keeps the controller and processor registers apart', async () => {
    await t.call('activities/create', { organisationId: orgId, activity: payroll });
    await t.call('activities/create', {
      organisationId: orgId,
      activity: { name: 'Hébergement pour le SIVU', purpose: 'Hébergement', role: 'processor', clients: [{ name: 'SIVU des écoles', processingCategories: ['Hébergement'] }] },
    });
    expect((await t.call('activities/list', { role: 'controller_register' })).map((a) => a.name)).toEqual(['Gestion de la paie']);
    const [p] = await t.call('activities/list', { role: 'processor' });
    expect((await t.call('activities/get', { id: p.id })).clients[0]).toMatchObject({ name: 'SIVU des écoles', processingCategories: ['Hébergement'] });
  });

  it('recomputes the outside-EEA flag when a country’s EEA membership changes', async () => {
    await t.call('activities/create', {
      organisationId: orgId,
      activity: { name: 'Partenariat', purpose: 'x', transfers: [{ recipient: 'Partner', country: 'CH', safeguard: 'adequacy' }] },
    });
    expect((await t.call('activities/list', { nonEeaTransfer: true })).length).toBe(1);
    const ch = (await t.call('reference/countries', {})).find((c) => c.code === 'CH')!;
    await t.call('reference/updateCountry', { ...ch, eea: true, adequacy: 'eea' });
    expect((await t.call('activities/list', { nonEeaTransfer: true })).length).toBe(0);
  });
});

describe('what create returns', () => {
  it('is exactly what a later read gives', async () => {
    const created = await t.call('activities/create', { organisationId: orgId, activity: payroll });
    expect(await t.call('activities/get', { id: created.id })).toEqual(created);
  });
});

describe('a batch of inserts in one write (an import)', () => {
  it('checks the organisation once, and knows the references in use and the directory entries it found or created', async () => {
    const first = await t.call('activities/create', { organisationId: orgId, activity: payroll });
    const parsed = (a: ActivityInput) => activityFieldsSchema.parse(a);
    expect(() => t.reg.write(() => insertBatch(t.reg, 999))).toThrow(/Organisation #999/);
    const recipientsBefore = (await t.call('recipients/list', {})).length;
    const ids = t.reg.write(() => {
      const batch = insertBatch(t.reg, orgId);
      expect(() => insertParsedActivity(t.reg, orgId, parsed({ ...payroll, ref: first.ref.toLowerCase() }), { source: 'import' }, undefined, batch)).toThrow(/already used/);
      const a = insertParsedActivity(
        t.reg,
        orgId,
        parsed({ ...payroll, ref: 'B-1', recipients: [{ name: 'TRESOR PUBLIC' }, { name: 'Nouveau prestataire' }] }),
        { source: 'import' },
        undefined,
        batch,
      );
      const b = insertParsedActivity(t.reg, orgId, parsed({ ...payroll, ref: 'B-2', recipients: [{ name: 'nouveau  prestataire' }] }), { source: 'import' }, undefined, batch);
      expect(() => insertParsedActivity(t.reg, orgId, parsed({ ...payroll, ref: 'b-1' }), { source: 'import' }, undefined, batch)).toThrow(/already used/);
      return [a.id, b.id];
    });
    const [a, b] = await Promise.all(ids.map((id) => t.call('activities/get', { id })));
    expect(a.recipients.map((r) => r.recipientId)).toEqual([first.recipients[0].recipientId, b.recipients[0].recipientId]);
    expect((await t.call('recipients/list', {})).length).toBe(recipientsBefore + 1);
    expect((await t.call('activities/list', { search: 'nouveau prestataire' })).map((x) => x.ref)).toEqual(['B-1', 'B-2']);
  });
});
