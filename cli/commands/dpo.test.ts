/** `art30 copy` and `art30 actions list` (issue 25) on a real register file. */
import { describe, expect, it } from 'vitest';
import { call } from '../../core/api/dispatch.js';
import { Register } from '../../core/register.js';
import { runCliWith, useTempFolder } from '../testing.js';

const tmp = useTempFolder();
const fr = (...argv: string[]) => runCliWith({ ART30_LANG: 'fr' }, ...argv, '--db', tmp.db);
const en = (...argv: string[]) => runCliWith({ ART30_LANG: 'en' }, ...argv, '--db', tmp.db);

/** A commune and the two bodies its DPO also serves; three activities in the commune. */
async function sharedDpo(): Promise<void> {
  const reg = Register.open(tmp.db);
  const meta = { source: 'cli' as const };
  try {
    const commune = await call(reg, 'organisations/create', { organisation: { name: 'Commune de Saint-Amand' } }, meta);
    await call(reg, 'organisations/create', { organisation: { name: 'CCAS de Saint-Amand' } }, meta);
    await call(reg, 'organisations/create', { organisation: { name: 'Caisse des écoles' } }, meta);
    for (const [ref, name, recipient] of [
      ['T-001', 'Paie des agents', 'Trésor public'],
      ['T-002', 'État civil', 'INSEE'],
      ['T-003', 'Cantine scolaire', 'Trésor public'],
    ]) {
      await call(
        reg,
        'activities/create',
        { organisationId: commune.id, activity: { ref, name, purpose: name, recipients: [{ name: recipient, type: 'public_authority', role: '' }] } } as never,
        meta,
      );
    }
  } finally {
    reg.close();
  }
}

describe('art30 copy', () => {
  it('says what it would copy and writes nothing without --yes; copies with --yes into both organisations', async () => {
    await sharedDpo();
    const asked = await fr('copy', 'T-001', 'T-002', 'T-003', '--org', 'Commune de Saint-Amand', '--to', 'CCAS de Saint-Amand,Caisse des écoles');
    expect(asked.err).toBe('');
    expect(asked.code).toBe(0);
    expect(asked.out).toContain('T-001 Paie des agents → CCAS de Saint-Amand (destinataires trouvés : Trésor public ; ajoutés à l’annuaire : aucun)');
    expect(asked.out.trim().split('\n')).toHaveLength(7);
    expect(asked.asked).toEqual(['Faire ces 6 copies ?']);
    expect(asked.out).toContain('Rien n’a été écrit');
    expect((await fr('list', '--org', 'Caisse des écoles')).out).not.toContain('Paie');

    const done = await fr('copy', 'T-001', 'T-002', 'T-003', '--org', '1', '--to', '2,3', '--yes');
    expect(done.err).toBe('');
    expect(done.out).toContain('6 copies faites.');
    expect(done.out).toMatch(/^ {2}T-003 → Caisse des écoles T-003$/m);
    const listed = JSON.parse((await fr('list', '--org', '3', '--json')).out) as { ref: string; name: string }[];
    expect(listed.map((a) => `${a.ref} ${a.name}`)).toEqual(['T-001 Paie des agents', 'T-002 État civil', 'T-003 Cantine scolaire']);
    const shown = JSON.parse((await fr('show', 'T-001', '--org', '2', '--json')).out) as { recipients: { name: string }[]; status: string };
    expect(shown.recipients.map((r) => r.name)).toEqual(['Trésor public']);
    expect(shown.status).toBe('draft');
    expect((await fr('verify-history')).code).toBe(0);
  });

  it('refuses an unknown organisation or reference, writing nothing', async () => {
    await sharedDpo();
    const unknown = await en('copy', 'T-001', '--org', '1', '--to', 'Mairie inconnue', '--yes');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Mairie inconnue');
    const badRef = await en('copy', 'T-404', '--org', '1', '--to', '2', '--yes');
    expect(badRef.code).toBe(2);
    expect(badRef.err).toContain('T-404');
    const noTo = await en('copy', 'T-001', '--org', '1');
    expect(noTo.code).toBe(1);
    expect(JSON.parse((await en('list', '--org', '2', '--json')).out)).toEqual([]);
  });
});

describe('art30 actions list', () => {
  it('lists the action plan, the overdue ones on a given day, as text and JSON', async () => {
    await sharedDpo();
    const reg = Register.open(tmp.db);
    try {
      const meta = { source: 'cli' as const };
      const [a] = await call(reg, 'activities/list', { organisationId: 1 }, meta);
      const one = await call(
        reg,
        'actions/create',
        {
          organisationId: 1,
          action: { activityId: a.id, checkCode: 'no_retention', title: 'Fixer la durée de conservation', owner: 'DRH', dueOn: '2026-03-01', priority: 'high' },
        },
        meta,
      );
      await call(reg, 'actions/create', { organisationId: 1, action: { title: 'Former les agents', dueOn: '2026-12-01' } }, meta);
      await call(reg, 'actions/create', { organisationId: 2, action: { title: 'Nommer un référent', dueOn: '2026-01-15', priority: 'low' } }, meta);
      await call(reg, 'actions/close', { id: one.id, version: one.version, outcome: 'Durée fixée : 5 ans après le départ' }, meta);
    } finally {
      reg.close();
    }
    const all = await fr('actions', 'list', '--today', '2026-06-15');
    expect(all.err).toBe('');
    expect(all.out).toMatch(/^Commune de Saint-Amand\nA-001 {2}2026-03-01 {2}Faite +Haute +Fixer la durée de conservation — T-001 Paie des agents \(DRH\)$/m);
    expect(all.out).toContain('Ce qui a été fait : Durée fixée : 5 ans après le départ');
    expect(all.out).toMatch(/^CCAS de Saint-Amand\nA-001 {2}2026-01-15 {2}Ouverte, en retard +Basse +Nommer un référent — \(note libre\)$/m);
    expect(all.out).toContain('3 actions');

    const overdue = await en('actions', 'list', '--overdue', '--today', '2026-06-15');
    expect(overdue.out).toMatch(/^A-001 {2}2026-01-15 {2}Open, overdue {2}Low +Nommer un référent — \(free note\)$/m);
    expect(overdue.out).not.toContain('Former les agents');
    expect(overdue.out).toContain('1 action');

    const json = JSON.parse((await en('actions', 'list', '--org', 'Commune de Saint-Amand', '--json', '--today', '2026-06-15')).out) as {
      ref: string;
      state: string;
      overdue: boolean;
    }[];
    expect(json.map((x) => [x.ref, x.state, x.overdue])).toEqual([
      ['A-001', 'done', false],
      ['A-002', 'open', false],
    ]);
    expect((await en('actions', 'list', '--state', 'late')).code).toBe(1);
  });
});
