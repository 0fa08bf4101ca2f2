/**
 * A legal basis per purpose (issue 25): a register of the previous version migrated, older JSON
 * documents, the service's rules, the checks, and the editor's re-indexing when a sub-purpose goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, unwrap } from '../api/dispatch.js';
import type { ApiInput, ApiOutput, ProcedureName } from '../api/table.js';
import { openRegisterFile } from '../../db/open.js';
import { defaultMigrationsFolder } from '../../db/paths.js';
import { Register, type CallMeta } from '../register.js';
import { openTempRegister, tempDir, type TempRegister } from '../testing/temp-register.js';
import { translate } from '../i18n/i18n.js';
import { EMPTY_DPIA } from './dpia.js';
import { basesAfterSubPurposes, purposesWithBases } from './purposes.js';

const opened: TempRegister[] = [];
const dirs: string[] = [];
const regs: Register[] = [];
afterEach(() => {
  for (const r of regs.splice(0)) r.close();
  for (const t of opened.splice(0)) t.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const temp = (demo = false) => {
  const t = openTempRegister({ demo });
  opened.push(t);
  return t;
};
const meta: CallMeta = { source: 'cli' };
const caller =
  (reg: Register) =>
  async <N extends ProcedureName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> =>
    unwrap(await dispatch(reg, name, input, meta, { trusted: true })) as ApiOutput<N>;

/** A register written by the previous Art30: the migrations before the bases per purpose only, rows as that version wrote them. */
function previousVersionRegister(): string {
  const d = tempDir();
  dirs.push(d);
  const oldMigrations = path.join(d, 'migrations-0007');
  fs.cpSync(defaultMigrationsFolder(), oldMigrations, { recursive: true });
  const journalFile = path.join(oldMigrations, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  // Every migration before this one (whatever number it gets), e.g. up to 0007_contracts_documents.
  const ours = journal.entries.findIndex((e) => e.tag.endsWith('_purpose_legal_bases'));
  expect(ours).toBeGreaterThan(6);
  journal.entries = journal.entries.slice(0, ours);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  const file = path.join(d, 'previous.art30');
  const old = openRegisterFile(file, { migrationsFolder: oldMigrations });
  const db = old.sqlite;
  expect(db.prepare("SELECT count(*) FROM pragma_table_info('activity_legal_bases') WHERE name = 'purpose'").pluck().get()).toBe(0);
  db.prepare("INSERT INTO organisations (id, name) VALUES (1, 'Mairie de Villefranche')").run();
  const activity = db.prepare(
    `INSERT INTO activities (id, organisation_id, ref, name, role, status, purpose, dpia_json, automated_decision_json, legal_basis_codes)
     VALUES (?, 1, ?, ?, 'controller', 'active', ?, ?, '{"exists":false,"description":""}', ?)`,
  );
  const dpia = JSON.stringify(EMPTY_DPIA);
  activity.run(1, 'T-001', 'Paie des agents', 'Gestion de la paie', dpia, 'legal_obligation contract');
  activity.run(2, 'T-002', 'Médecine du travail', 'Visites médicales', dpia, 'legal_obligation');
  activity.run(3, 'T-003', 'Annuaire interne', 'Annuaire des agents', dpia, '');
  db.prepare("INSERT INTO activity_sub_purposes (activity_id, position, text) VALUES (1, 0, 'Calcul des salaires'), (1, 1, 'Déclarations sociales')").run();
  db.prepare(
    `INSERT INTO activity_legal_bases (activity_id, position, code, justification) VALUES
       (1, 0, 'legal_obligation', 'Code général de la fonction publique'), (1, 1, 'contract', 'Contrat des agents contractuels'),
       (2, 0, 'legal_obligation', 'Code du travail, art. R4624-10')`,
  ).run();
  db.prepare("INSERT INTO activity_art9_conditions (activity_id, position, code, justification) VALUES (2, 0, 'health_social_care', 'Médecine préventive')").run();
  db.prepare("INSERT INTO activity_data_categories (activity_id, position, code, label, special) VALUES (2, 0, 'health', 'Santé', 1)").run();
  db.close();
  return file;
}

describe('a legal basis per purpose', () => {
  it('migrates a register of the previous version: bases on the main purpose, nothing lost, marked for the DPO to check', async () => {
    const file = previousVersionRegister();
    const reg = Register.open(file);
    regs.push(reg);
    expect(reg.db.migrationBackup).toBeTruthy();
    const call = caller(reg);
    const paie = await call('activities/get', { id: 1 });
    expect(paie.legalBases).toEqual([
      { code: 'legal_obligation', justification: 'Code général de la fonction publique', purpose: 0 },
      { code: 'contract', justification: 'Contrat des agents contractuels', purpose: 0 },
    ]);
    expect(paie.subPurposes).toEqual(['Calcul des salaires', 'Déclarations sociales']);
    expect(paie.purposeBasesToCheck).toBe(true);
    const medecine = await call('activities/get', { id: 2 });
    expect(medecine.art9Conditions).toEqual([{ code: 'health_social_care', justification: 'Médecine préventive', purpose: 0 }]);
    expect(medecine.purposeBasesToCheck).toBe(true);
    // An activity without any basis has nothing to check (its point is "no legal basis").
    expect((await call('activities/get', { id: 3 })).purposeBasesToCheck).toBe(false);

    // The point to review says so, in both languages; the filters by legal basis still work from the union.
    const checks = await call('activities/checks', { id: 1 });
    expect(checks.map((c) => c.code)).toContain('purpose_bases_to_check');
    expect(checks.map((c) => c.code)).not.toContain('purpose_without_legal_basis');
    expect(translate('fr', { key: 'checks.purpose_bases_to_check', params: {} })).toMatch(/finalité principale/);
    expect((await call('activities/list', { legalBasis: 'contract' })).map((a) => a.ref)).toEqual(['T-001']);
    expect((await call('activities/list', {})).find((a) => a.ref === 'T-001')!.legalBases).toEqual(['legal_obligation', 'contract']);
    const overview = await call('overview/get', {});
    expect(overview.checks.byKind.find((k) => k.key === 'purpose_bases_to_check')?.count).toBe(2);

    // The DPO confirms: the point is cleared, the history keeps it.
    const confirmed = await call('activities/confirmPurposeBases', { id: 1, version: paie.version });
    expect(confirmed.purposeBasesToCheck).toBe(false);
    expect(confirmed.version).toBe(paie.version + 1);
    const [entry] = await call('history/list', { entityType: 'activity', entityId: 1, limit: 1 });
    expect(entry.changes).toEqual([{ path: 'purposeBasesToCheck', before: true, after: false }]);
    // Confirmed, the sub-purposes without a basis are points of their own.
    const after = await call('activities/checks', { id: 1 });
    expect(after.filter((c) => c.code === 'purpose_without_legal_basis').map((c) => [c.path, c.params.purpose])).toEqual([
      ['subPurposes[0]', 'Calcul des salaires'],
      ['subPurposes[1]', 'Déclarations sociales'],
    ]);
    expect(translate('fr', { key: 'checks.purpose_without_legal_basis', params: after.find((c) => c.code === 'purpose_without_legal_basis')!.params })).toBe(
      'La finalité « Calcul des salaires » n’a pas de base légale (art. 6).',
    );
    // The DPO saves each purpose's basis: no point left about bases.
    const saved = await call('activities/update', {
      id: 1,
      version: confirmed.version,
      activity: {
        ...confirmed,
        legalBases: [
          { code: 'legal_obligation', justification: 'Code général de la fonction publique', purpose: 0 },
          { code: 'contract', justification: 'Contrat des agents contractuels', purpose: 1 },
          { code: 'legal_obligation', justification: 'Code de la sécurité sociale (DSN)', purpose: 2 },
        ],
      } as never,
    });
    expect(saved.legalBases.map((b) => b.purpose)).toEqual([0, 1, 2]);
    expect((await call('activities/checks', { id: 1 })).map((c) => c.code).filter((c) => /legal_basis|purpose/.test(c))).toEqual([]);
    expect(reg.sqlite.prepare('SELECT legal_basis_codes FROM activities WHERE id = 1').pluck().get()).toBe('legal_obligation contract');
  });

  it('refuses a basis for a purpose the activity does not have', async () => {
    const t = temp();
    const org = await t.call('organisations/create', { organisation: { name: 'Mairie' } });
    const refused = await t.result('activities/create', {
      organisationId: org.id,
      activity: { name: 'Paie', purpose: 'Paie', subPurposes: ['Calcul'], legalBases: [{ code: 'contract', purpose: 2 }] },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details?.map((d) => d.path)).toEqual(['legalBases[0].purpose']);
  });

  it('checks each purpose: a purpose without a basis, legitimate interests not described, special data without an Art. 9 condition', async () => {
    const t = temp();
    const org = await t.call('organisations/create', { organisation: { name: 'Mairie' } });
    const a = await t.call('activities/create', {
      organisationId: org.id,
      activity: {
        name: 'Vidéoprotection',
        purpose: 'Sécurité des bâtiments',
        subPurposes: ['Preuve en cas d’incident', 'Statistiques de fréquentation'],
        legalBases: [
          { code: 'public_task', purpose: 0 },
          { code: 'legitimate_interests', purpose: 1 },
        ],
        dataCategories: [{ code: 'health', label: 'Santé' }],
      },
    });
    const checks = await t.call('activities/checks', { id: a.id });
    expect(checks.filter((c) => /legal_basis|purpose|legitimate|art9/.test(c.code)).map((c) => [c.code, c.path])).toEqual([
      ['purpose_without_legal_basis', 'subPurposes[1]'],
      ['legitimate_interests_unjustified', 'legalBases[1].justification'],
      ['special_without_art9', 'art9Conditions'],
    ]);
    expect(a.purposeBasesToCheck).toBe(false);
  });

  it('imports a JSON document of version 2 or 3: the bases on the main purpose, marked to check; version 4 keeps each purpose’s basis', async () => {
    const source = temp(true);
    const doc = await source.call('register/document', {});
    expect(doc.version).toBe(4);
    const paie = doc.activities.find((a) => a.ref === 'T-001')!;
    expect(paie.legalBases.map((b) => b.purpose)).toEqual([0, 1, 2, 3]);
    // What an older Art30 wrote: no purpose on the bases.
    const strip = (a: (typeof doc.activities)[number]) => {
      const { purposeBasesToCheck: _p, ...rest } = a;
      return {
        ...rest,
        legalBases: a.legalBases.map(({ code, justification }) => ({ code, justification })),
        art9Conditions: a.art9Conditions.map(({ code, justification }) => ({ code, justification })),
      };
    };
    for (const version of [2, 3]) {
      const { contracts: _c, documents: _d, ...rest } = doc as typeof doc & { contracts?: unknown; documents?: unknown };
      const older = { ...rest, version, activities: doc.activities.map(strip) };
      const file = path.join(source.dir, `v${version}.json`);
      fs.writeFileSync(file, JSON.stringify(older));
      const target = temp();
      expect((await target.call('register/importJson', { file })).activities.created).toBe(doc.activities.length);
      const imported = await target.call('activities/getByRef', { ref: 'T-001', organisationId: 1 });
      expect(imported.legalBases).toEqual(paie.legalBases.map((b) => ({ ...b, purpose: 0 })));
      expect(imported.purposeBasesToCheck).toBe(true);
      const withoutBases = (await target.call('activities/list', {})).filter((s) => !s.legalBases.length);
      for (const s of withoutBases) expect((await target.call('activities/get', { id: s.id })).purposeBasesToCheck).toBe(false);
    }
    const file = path.join(source.dir, 'v4.json');
    await source.call('register/exportJson', { out: file, scope: {} });
    const target = temp();
    await target.call('register/importJson', { file });
    const current = await target.call('activities/getByRef', { ref: 'T-001', organisationId: 1 });
    expect(current.legalBases).toEqual(paie.legalBases);
    expect(current.purposeBasesToCheck).toBe(false);
  });

  it('groups the bases by purpose, and follows a sub-purpose the DPO removes', () => {
    const f = {
      purpose: 'Paie',
      subPurposes: ['Calcul', 'DSN', 'Bulletins'],
      legalBases: [
        { code: 'legal_obligation' as const, justification: '', purpose: 0 },
        { code: 'contract' as const, justification: '', purpose: 1 },
        { code: 'legal_obligation' as const, justification: 'DSN', purpose: 2 },
        { code: 'legal_obligation' as const, justification: 'Bulletins', purpose: 3 },
      ],
      art9Conditions: [],
    };
    expect(purposesWithBases(f).map((p) => [p.text, p.legalBases.map((b) => b.code)])).toEqual([
      ['Paie', ['legal_obligation']],
      ['Calcul', ['contract']],
      ['DSN', ['legal_obligation']],
      ['Bulletins', ['legal_obligation']],
    ]);
    // "DSN" removed: its basis goes to the main purpose (nothing lost), "Bulletins" keeps its own.
    const after = basesAfterSubPurposes(f.subPurposes, ['Calcul', 'Bulletins'], f);
    expect(after.legalBases.map((b) => [b.justification, b.purpose])).toEqual([
      ['', 0],
      ['', 1],
      ['DSN', 0],
      ['Bulletins', 2],
    ]);
    // A sub-purpose added or reworded moves nothing.
    expect(basesAfterSubPurposes(f.subPurposes, [...f.subPurposes, 'Archives'], f)).toBe(f);
  });
});

describe('the history of the bases per purpose, as the DPO reads it', () => {
  it('names the purpose a basis serves and the mark to check, never a field key', async () => {
    const { fieldLabel } = await import('../i18n/error-text.js');
    const { t: tr } = await import('../i18n/i18n.js');
    const fr = (key: string, params?: Record<string, unknown>) => tr('fr', key, params as never);
    expect(fieldLabel(fr, 'legalBases[1].purpose')).toBe('Base légale n° 2 — Finalité servie');
    expect(fieldLabel(fr, 'purpose')).toBe('Finalité principale');
    expect(fieldLabel(fr, 'purposeBasesToCheck')).toBe('Bases légales par finalité à vérifier');
  });
});
