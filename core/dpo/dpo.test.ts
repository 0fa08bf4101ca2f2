/**
 * The DPO's own work (issue 25) on a real register file: the sign-off through edits, imports and
 * the history; the action plan from points to review, overdue on a fixed day, closed with what was
 * done; activities copied to two other organisations with their recipients, in both histories.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRegisterFile } from '../../db/open.js';
import { defaultMigrationsFolder } from '../../db/paths.js';
import { DpoWorkStore } from '../../db/dpo-work-store.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';

let t: TempRegister;
let orgId: number;
beforeEach(async () => {
  t = openTempRegister();
  orgId = (await t.call('organisations/create', { organisation: { name: 'Commune de Saint-Amand' } } as never)).id;
});
afterEach(() => t.cleanup());

const editable = async (id: number) => {
  const {
    id: _i,
    version,
    organisationId: _o,
    createdAt: _c,
    updatedAt: _u,
    ...fields
  } = (await t.call('activities/get', { id })) as unknown as Record<string, unknown> & {
    id: number;
    version: number;
  };
  return { version, fields };
};

describe('the DPO’s sign-off', () => {
  it('goes draft → checked with a recommendation → submitted when the activity changes, each step in the history', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: { name: 'État civil', purpose: 'Tenir les actes de l’état civil' } });
    expect(await t.call('signoff/get', { activityId: a.id })).toMatchObject({ state: 'draft' });
    expect((await t.call('activities/list', { signoff: 'draft' })).map((s) => s.ref)).toEqual([a.ref]);

    t.reg.now = () => '2026-05-04T10:00:00.000Z';
    const checked = await t.call('signoff/check', { activityId: a.id, version: 1, recommendation: 'Préciser la durée de conservation des registres.', by: 'M. Dupont' });
    expect(checked).toMatchObject({ state: 'checked', checkedAt: '2026-05-04', checkedBy: 'M. Dupont', recommendation: 'Préciser la durée de conservation des registres.' });
    expect((await t.call('activities/list', { signoff: 'checked' })).map((s) => s.ref)).toEqual([a.ref]);
    expect(await t.call('activities/list', { signoff: 'draft' })).toEqual([]);

    // Marking the review done is not a change of what the activity says: it stays checked.
    await t.call('activities/markReviewed', { id: a.id, version: 1 });
    expect((await t.call('signoff/get', { activityId: a.id })).state).toBe('checked');

    const { version, fields } = await editable(a.id);
    await t.call('activities/update', { id: a.id, version, activity: { ...fields, department: 'Population' } } as never);
    expect(await t.call('signoff/get', { activityId: a.id })).toMatchObject({ state: 'submitted', checkedAt: '', recommendation: '' });

    const history = await t.call('history/list', { entityType: 'activity', entityId: a.id });
    const signoffChanges = history.flatMap((e) => e.changes.filter((c) => c.path.startsWith('signoff.')).map((c) => `${e.id}:${c.path}:${String(c.before)}→${String(c.after)}`));
    expect(signoffChanges.some((c) => c.endsWith('signoff.state:checked→submitted'))).toBe(true);
    expect(signoffChanges.some((c) => c.endsWith('signoff.state:draft→checked'))).toBe(true);
    // The recommendation the change removed is still read in the history.
    expect(signoffChanges.some((c) => c.includes('signoff.recommendation:Préciser la durée de conservation des registres.→null'))).toBe(true);
    // The state went back in the same entry as the change that caused it.
    expect(history[0].changes.map((c) => c.path)).toEqual(['department', 'signoff.state', 'signoff.checkedAt', 'signoff.checkedBy', 'signoff.recommendation']);
    // Read in the DPO's words: the state's name, never its code.
    const [fr] = await t.call('history/list', { entityType: 'activity', entityId: a.id, limit: 1, lang: 'fr' });
    expect(fr.changes.find((c) => c.path === 'signoff.state')?.text).toEqual({ before: ['Vérifié par le DPO'], after: ['Soumis'] });
    expect(await t.call('history/verify', {})).toMatchObject({ ok: true });
  });

  it('a stale version is refused: the DPO checks what they read', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: { name: 'Cantine', purpose: 'Inscrire les enfants' } });
    const { version, fields } = await editable(a.id);
    await t.call('activities/update', { id: a.id, version, activity: { ...fields, department: 'Écoles' } } as never);
    const r = await t.result('signoff/check', { activityId: a.id, version: 1, recommendation: 'OK' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('conflict');
    expect((await t.call('signoff/get', { activityId: a.id })).state).toBe('draft');
  });

  it('rows an import creates or changes are submitted by the department; a checked activity the import changes is submitted again', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: { ref: 'T-001', name: 'Paie', purpose: 'Payer les agents' } });
    await t.call('signoff/check', { activityId: a.id, version: 1, recommendation: 'Conforme.' });
    const file = path.join(t.dir, 'services.csv');
    fs.writeFileSync(file, 'Référence;Nom du traitement;Finalité;Service\nT-001;Paie;Payer les agents;Ressources humaines\n;Badges;Contrôler les accès;Services techniques\n');
    const p = await t.call('import/open', { file });
    const summary = await t.call('import/commit', { sessionId: p.sessionId });
    expect(summary).toMatchObject({ created: 1, updated: 1 });
    const rows = await t.call('activities/list', { signoff: 'submitted' });
    expect(rows.map((s) => s.name).sort()).toEqual(['Badges', 'Paie']);
    const history = await t.call('history/list', { entityType: 'activity', entityId: a.id });
    expect(history[0]).toMatchObject({ source: 'import', changes: expect.arrayContaining([{ path: 'signoff.state', before: 'checked', after: 'submitted' }]) });

    // The import undone: the activity as the DPO checked it, checked again with its recommendation.
    await t.call('import/undo', { batchId: summary.batchId! });
    expect(await t.call('signoff/get', { activityId: a.id })).toMatchObject({ state: 'checked', recommendation: 'Conforme.' });
  });

  it('an existing register migrates: activities an import created are submitted, the others drafts', () => {
    // A register of the version before: the migrations without this one.
    const old = path.join(t.dir, 'old-migrations');
    fs.cpSync(defaultMigrationsFolder(), old, { recursive: true });
    const journalFile = path.join(old, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => !e.tag.endsWith('_dpo_work'));
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const file = path.join(t.dir, 'old.art30');
    const before = openRegisterFile(file, { migrationsFolder: old });
    const db = before.sqlite;
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'activity_signoffs'").pluck().get()).toBe(0);
    db.prepare("INSERT INTO organisations (name) VALUES ('Mairie')").run();
    const add = db.prepare(
      "INSERT INTO activities (organisation_id, ref, name, role, status, purpose, dpia_json, automated_decision_json) VALUES (1, ?, ?, 'controller', 'active', 'x', '{}', '{}')",
    );
    const typed = Number(add.run('T-001', 'Saisi dans l’app').lastInsertRowid);
    const imported = Number(add.run('T-002', 'Importé').lastInsertRowid);
    const entry = db.prepare(
      "INSERT INTO history (at, entity_type, entity_id, action, changes_json, source, prev_hash, hash) VALUES ('2026-01-01', 'activity', ?, ?, '[]', ?, '', '')",
    );
    entry.run(typed, 'create', 'ui');
    entry.run(imported, 'create', 'import');
    // Changed by an import later but created in the app: still a draft.
    entry.run(typed, 'update', 'import');
    db.close();
    const reopened = openRegisterFile(file);
    try {
      expect(reopened.sqlite.prepare('SELECT activity_id, state FROM activity_signoffs').all()).toEqual([{ activity_id: imported, state: 'submitted' }]);
      const store = new DpoWorkStore(reopened.sqlite);
      expect(store.idsInState('draft')).toEqual([typed]);
      expect(store.idsInState('submitted')).toEqual([imported]);
    } finally {
      reopened.sqlite.close();
    }
  });
});

describe('the action plan', () => {
  it('makes points to review actions, counts those overdue on a fixed day, closes one with what was done (history)', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: { name: 'Vidéoprotection', purpose: 'Protéger les bâtiments' } });
    const points = await t.call('activities/checks', { id: a.id });
    const codes = points.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['no_legal_basis', 'no_retention']));
    const one = await t.call('actions/create', {
      organisationId: orgId,
      action: {
        activityId: a.id,
        checkCode: 'no_retention',
        title: 'Fixer la durée de conservation des images',
        owner: 'Police municipale',
        dueOn: '2026-03-01',
        priority: 'high',
      },
    });
    const two = await t.call('actions/create', {
      organisationId: orgId,
      action: { activityId: a.id, checkCode: 'no_legal_basis', title: 'Indiquer la base légale', owner: 'DGS', dueOn: '2026-09-01' },
    });
    const note = await t.call('actions/create', { organisationId: orgId, action: { title: 'Former les agents d’accueil', dueOn: '2026-02-01', priority: 'low' } });
    expect([one.ref, two.ref, note.ref]).toEqual(['A-001', 'A-002', 'A-003']);
    expect(one).toMatchObject({ state: 'open', activityLabel: `${a.ref} Vidéoprotection`, priority: 'high' });

    const overdue = await t.call('actions/list', { overdue: true, today: '2026-06-15' });
    expect(overdue.map((x) => x.ref)).toEqual(['A-001', 'A-003']);
    t.reg.now = () => '2026-06-15T09:00:00.000Z';
    const overview = await t.call('overview/get', { organisationId: orgId, today: '2026-06-15' });
    const section = overview.sections.find((s) => s.key === 'dpo')!;
    expect(section.items.find((i) => i.key === 'actions_overdue')!.count).toBe(2);
    expect(section.items.find((i) => i.key === 'actions_pending')!.count).toBe(3);

    const bad = await t.result('actions/update', { id: one.id, version: one.version, action: { ...one, state: 'done', outcome: '' } });
    expect(bad.ok).toBe(false);
    const closed = await t.call('actions/close', { id: one.id, version: one.version, outcome: 'Durée fixée à 30 jours (arrêté du maire)' });
    expect(closed).toMatchObject({ state: 'done', closedOn: '2026-06-15', overdue: false });
    expect((await t.call('actions/list', { overdue: true, today: '2026-06-15' })).map((x) => x.ref)).toEqual(['A-003']);
    expect((await t.call('actions/list', { state: 'pending' })).map((x) => x.ref)).toEqual(['A-002', 'A-003']);

    const history = await t.call('history/list', { entityType: 'action', entityId: one.id });
    expect(history.map((e) => e.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { path: 'state', before: 'open', after: 'done' },
        { path: 'outcome', before: '', after: 'Durée fixée à 30 jours (arrêté du maire)' },
        { path: 'closedOn', before: '', after: '2026-06-15' },
      ]),
    );
    expect(await t.call('history/verify', {})).toMatchObject({ ok: true });
  });

  it('refuses a point to review without its activity, and an activity of another organisation', async () => {
    const other = await t.call('organisations/create', { organisation: { name: 'CCAS' } });
    const a = await t.call('activities/create', { organisationId: other.id, activity: { name: 'Aides', purpose: 'Verser les aides' } });
    expect((await t.result('actions/create', { organisationId: orgId, action: { checkCode: 'no_retention', title: 'x' } })).ok).toBe(false);
    expect((await t.result('actions/create', { organisationId: orgId, action: { activityId: a.id, title: 'x' } })).ok).toBe(false);
    expect(await t.call('actions/list', {})).toEqual([]);
  });
});

describe('copy to other organisations', () => {
  it('copies three activities to two organisations in one go: new refs, recipients matched by name or added, both histories', async () => {
    const ccas = await t.call('organisations/create', { organisation: { name: 'CCAS de Saint-Amand' } });
    const caisse = await t.call('organisations/create', { organisation: { name: 'Caisse des écoles' } });
    // The targets already have activities: the copies take the next free references there.
    await t.call('activities/create', { organisationId: ccas.id, activity: { ref: 'T-001', name: 'Aides sociales', purpose: 'Verser les aides' } });
    const trésor = await t.call('recipients/create', { recipient: { name: 'Trésor public', type: 'public_authority' } } as never);
    const sources = [];
    for (const [name, recipients] of [
      ['Paie', [{ name: 'TRESOR PUBLIC', role: '' }]],
      ['État civil', [{ name: 'INSEE', type: 'public_authority', role: '' }]],
      [
        'Cantine',
        [
          { recipientId: trésor.id, name: 'Trésor public', role: '' },
          { name: 'Prestataire Restauration SAS', type: 'processor', role: '' },
        ],
      ],
    ] as const) {
      sources.push(await t.call('activities/create', { organisationId: orgId, activity: { name, purpose: `Gérer : ${name}`, status: 'active', recipients } } as never));
    }
    const directoryBefore = (await t.call('recipients/list', {} as never)).length;
    const plan = await t.call('copy/plan', { activityIds: sources.map((s) => s.id), organisationIds: [ccas.id, caisse.id] });
    expect(plan.items).toHaveLength(6);
    expect(plan.items.find((i) => i.name === 'Cantine' && i.to === 'Caisse des écoles')).toMatchObject({
      recipientsMatched: ['Trésor public', 'Prestataire Restauration SAS'],
      recipientsCreated: [],
    });
    expect(await t.call('activities/list', { organisationId: caisse.id })).toEqual([]);

    const done = await t.call('copy/run', { activityIds: sources.map((s) => s.id), organisationIds: [ccas.id, caisse.id] });
    const inCcas = await t.call('activities/list', { organisationId: ccas.id });
    const inCaisse = await t.call('activities/list', { organisationId: caisse.id });
    expect(inCcas.map((s) => `${s.ref} ${s.name}`)).toEqual(['T-001 Aides sociales', 'T-002 Paie', 'T-003 État civil', 'T-004 Cantine']);
    expect(inCaisse.map((s) => `${s.ref} ${s.name}`)).toEqual(['T-001 Paie', 'T-002 État civil', 'T-003 Cantine']);
    expect(done.items.map((i) => i.ref)).toEqual(['T-002', 'T-001', 'T-003', 'T-002', 'T-004', 'T-003']);
    // Recipients matched by name in the directory: no entry added, the copies name the same ones.
    expect((await t.call('recipients/list', {} as never)).length).toBe(directoryBefore);
    const copy = await t.call('activities/get', { id: inCaisse[2].id });
    const source = await t.call('activities/get', { id: sources[2].id });
    expect(copy.recipients.map((r) => r.recipientId)).toEqual(source.recipients.map((r) => r.recipientId));
    expect(copy).toMatchObject({ status: 'draft', purpose: 'Gérer : Cantine', organisationId: caisse.id });
    expect(copy.id).not.toBe(source.id);
    // A copy is an activity of its own: changing it leaves the source as it was.
    const { version, fields } = await editable(copy.id);
    await t.call('activities/update', { id: copy.id, version, activity: { ...fields, purpose: 'Inscrire à la cantine' } } as never);
    expect((await t.call('activities/get', { id: source.id })).purpose).toBe('Gérer : Cantine');

    const sourceHistory = await t.call('history/list', { entityType: 'activity', entityId: source.id });
    expect(sourceHistory.flatMap((e) => e.changes.filter((c) => c.path === 'copiedTo').map((c) => c.after))).toEqual([
      'Caisse des écoles — T-003 Cantine',
      'CCAS de Saint-Amand — T-004 Cantine',
    ]);
    const copyHistory = await t.call('history/list', { entityType: 'activity', entityId: copy.id });
    expect(copyHistory.find((e) => e.changes.some((c) => c.path === 'copiedFrom'))).toMatchObject({
      organisationId: caisse.id,
      changes: [{ path: 'copiedFrom', before: null, after: `Commune de Saint-Amand — ${source.ref} Cantine` }],
    });
  });

  it('writes nothing when one of the copies is refused (a target that is the source’s own organisation)', async () => {
    const ccas = await t.call('organisations/create', { organisation: { name: 'CCAS' } });
    const a = await t.call('activities/create', {
      organisationId: orgId,
      activity: { name: 'Paie', purpose: 'Payer', recipients: [{ name: 'Mutuelle des agents', type: 'third_party_controller', role: '' }] },
    } as never);
    const count = () => t.reg.sqlite.prepare('SELECT count(*) FROM activities').pluck().get();
    const before = count();
    const refused = await t.result('copy/run', { activityIds: [a.id], organisationIds: [ccas.id, orgId] });
    expect(refused.ok).toBe(false);
    expect(count()).toBe(before);
    expect(await t.call('activities/list', { organisationId: ccas.id })).toEqual([]);
  });
});

describe('the JSON register document, version 4', () => {
  it('carries the sign-off and the action plan to another register; a version 3 document still imports', async () => {
    const a = await t.call('activities/create', { organisationId: orgId, activity: { name: 'État civil', purpose: 'Tenir les actes' } });
    await t.call('activities/create', { organisationId: orgId, activity: { name: 'Listes électorales', purpose: 'Tenir les listes' } });
    t.reg.now = () => '2026-04-02T08:00:00.000Z';
    await t.call('signoff/check', { activityId: a.id, version: 1, recommendation: 'Conforme.', by: 'DPO mutualisé' });
    const action = await t.call('actions/create', {
      organisationId: orgId,
      action: { activityId: a.id, checkCode: 'no_retention', title: 'Fixer la conservation', dueOn: '2026-05-01' },
    });
    await t.call('actions/close', { id: action.id, version: action.version, outcome: 'Fait', state: 'done' });
    await t.call('actions/create', { organisationId: orgId, action: { title: 'Former les agents' } });
    const doc = await t.call('register/document', {});
    expect(doc.version).toBe(4);
    expect(doc.signoffs).toEqual([
      { organisation: 'org-1', ref: 'T-001', state: 'checked', checkedAt: '2026-04-02', checkedBy: 'DPO mutualisé', recommendation: 'Conforme.' },
      { organisation: 'org-1', ref: 'T-002', state: 'draft', checkedAt: '', checkedBy: '', recommendation: '' },
    ]);
    expect(doc.actions).toHaveLength(2);

    const file = path.join(t.dir, 'registre.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const other = openTempRegister();
    try {
      await other.call('import/documentBytes', { fileName: 'registre.json', base64: fs.readFileSync(file).toString('base64') });
      const [t1, t2] = await other.call('activities/list', {});
      expect(await other.call('signoff/get', { activityId: t1.id })).toMatchObject({ state: 'checked', checkedAt: '2026-04-02', recommendation: 'Conforme.' });
      expect((await other.call('signoff/get', { activityId: t2.id })).state).toBe('draft');
      const actions = await other.call('actions/list', {});
      expect(actions.map((x) => [x.ref, x.state, x.outcome, x.closedOn, x.activityLabel])).toEqual([
        ['A-001', 'done', 'Fait', '2026-04-02', 'T-001 État civil'],
        ['A-002', 'open', '', '', ''],
      ]);
      // Imported twice: nothing new.
      await other.call('import/documentBytes', { fileName: 'registre.json', base64: fs.readFileSync(file).toString('base64') });
      expect(await other.call('actions/list', {})).toHaveLength(2);

      // A version 3 document (no sign-off, no action plan) still imports.
      const { signoffs: _s, actions: _a, ...v3 } = doc as unknown as Record<string, unknown>;
      const v3file = path.join(t.dir, 'v3.json');
      fs.writeFileSync(v3file, JSON.stringify({ ...v3, version: 3, activities: [{ ...(doc.activities[0] as object), ref: 'T-009' }] }));
      const r = await other.call('import/documentBytes', { fileName: 'v3.json', base64: fs.readFileSync(v3file).toString('base64') });
      expect(r.activities.created).toBe(1);
    } finally {
      other.cleanup();
    }
  });
});

describe('the register as of a past day', () => {
  it('is not changed by a sign-off or a copy: the activity keeps its fields and version, the copy did not exist yet', async () => {
    const other = await t.call('organisations/create', { organisation: { name: 'CCAS' } });
    t.reg.now = () => '2026-01-10T09:00:00.000Z';
    const a = await t.call('activities/create', { organisationId: orgId, activity: { name: 'Paie', purpose: 'Payer les agents' } });
    t.reg.now = () => '2026-02-10T09:00:00.000Z';
    await t.call('signoff/check', { activityId: a.id, version: 1, recommendation: 'Conforme.' });
    await t.call('copy/run', { activityIds: [a.id], organisationIds: [other.id] });
    const { withRegisterAsOf } = await import('../overview/as-of.js');
    const { exportDocument } = await import('../document/export.js');
    const before = await withRegisterAsOf(t.reg, '2026-01-31', (past) => past.activities.list({}).map((s) => `${s.organisationId}:${s.ref}:${s.version}`));
    expect(before).toEqual([`${orgId}:T-001:1`]);
    const after = await withRegisterAsOf(t.reg, '2026-02-10', (past) => exportDocument(past, {}).activities.map((x) => `${x.organisation}:${x.ref}:${x.name}`));
    expect(after).toEqual(['org-1:T-001:Paie', 'org-2:T-001:Paie']);
    const now = (await t.call('activities/get', { id: a.id })).version;
    expect(now).toBe(1);
    const history = await t.call('history/list', { entityType: 'activity', entityId: a.id });
    expect(history.map((e) => e.action)).toEqual(['copy', 'signoff', 'create']);
  });
});
