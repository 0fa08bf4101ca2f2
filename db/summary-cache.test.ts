import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../core/testing/temp-register.js';

let t: TempRegister;
let orgId: number;
beforeEach(async () => {
  t = openTempRegister();
  orgId = (await t.call('organisations/create', { organisation: { name: 'Mairie de Villefranche' } })).id;
  for (const name of ['Paie', 'Recrutement', 'Badges']) await t.call('activities/create', { organisationId: orgId, activity: { name, purpose: `Gestion ${name}` } });
});
afterEach(() => t.cleanup());

const names = async () => (await t.call('activities/list', { organisationId: orgId })).map((a) => a.name);

describe('the register table rows kept in memory', () => {
  it('show a change saved through the API at the next list', async () => {
    const [first] = await t.call('activities/list', { organisationId: orgId });
    await t.call('activities/update', { id: first.id, version: first.version, activity: { name: 'Paie des agents', purpose: 'Gestion Paie' } });
    expect(await names()).toEqual(['Paie des agents', 'Recrutement', 'Badges']);
    expect((await t.call('activities/list', { organisationId: orgId }))[0].version).toBe(2);
  });

  it('show a change committed by another program (the CLI on the same file)', async () => {
    expect(await names()).toEqual(['Paie', 'Recrutement', 'Badges']);
    const other = new Database(t.file);
    other.prepare("UPDATE activities SET name = 'Modifié ailleurs' WHERE ref = 'T-002'").run();
    other.close();
    expect(await names()).toEqual(['Paie', 'Modifié ailleurs', 'Badges']);
  });

  it('never keep what a rolled-back transaction showed', async () => {
    await names();
    expect(() =>
      t.reg.write(() => {
        t.reg.sqlite.prepare("UPDATE activities SET name = 'Jamais enregistré'").run();
        expect(t.reg.activities.list({ organisationId: orgId }).map((a) => a.name)).toEqual(Array(3).fill('Jamais enregistré'));
        throw new Error('abandon');
      }),
    ).toThrow('abandon');
    expect(await names()).toEqual(['Paie', 'Recrutement', 'Badges']);
  });

  it('follow deletions and filters, and cannot be altered by a caller', async () => {
    const all = await t.call('activities/list', { organisationId: orgId });
    await t.call('activities/delete', { id: all[1].id, version: all[1].version });
    expect(await names()).toEqual(['Paie', 'Badges']);
    expect((await t.call('activities/list', { search: 'badges' })).map((a) => a.ref)).toEqual(['T-003']);
    const cached = t.reg.activities.list({ organisationId: orgId });
    expect(() => {
      (cached[0] as { name: string }).name = 'x';
    }).toThrow(TypeError);
    expect(await names()).toEqual(['Paie', 'Badges']);
  });
});
