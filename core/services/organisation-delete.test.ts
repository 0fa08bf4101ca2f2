import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Register } from '../register.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';

let t: TempRegister;
afterEach(() => t?.cleanup());

describe('deleting an organisation', () => {
  it('without activity: at once; with activities: only once its name is typed, after a backup, history kept', async () => {
    t = openTempRegister({ demo: true });
    const orgs = await t.call('organisations/list', {});
    const fondation = orgs.find((o) => o.name === 'Fondation Atelier Lumière')!;
    const atelier = orgs.find((o) => o.name === 'Atelier Lumière SAS')!;
    const before = (await t.call('activities/list', {})).length;
    const own = (await t.call('activities/list', { organisationId: fondation.id })).length;
    expect(own).toBe(1);
    // The plain delete still refuses an organisation with activities.
    expect((await t.result('organisations/delete', { id: fondation.id, version: fondation.version })).ok).toBe(false);
    for (const confirmName of [undefined, '', 'Fondation', 'Atelier Lumière SAS']) {
      const refused = await t.result('organisations/deleteWithActivities', { id: fondation.id, version: fondation.version, confirmName });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('validation');
    }
    expect((await t.call('activities/list', {})).length).toBe(before);
    const r = await t.call('organisations/deleteWithActivities', { id: fondation.id, version: fondation.version, confirmName: ' Fondation Atelier Lumière ' });
    expect(r).toMatchObject({ organisation: 'Fondation Atelier Lumière', activitiesDeleted: 1 });
    expect(r.backup).toMatch(/register\.art30\.before-delete-.*\.bak$/);
    expect((await t.call('organisations/list', {})).map((o) => o.id)).toEqual([atelier.id]);
    expect((await t.call('activities/list', {})).length).toBe(before - 1);
    // The backup holds what was deleted: the way back.
    const copy = Register.open(r.backup!);
    try {
      expect(copy.activities.list({ organisationId: fondation.id }).length).toBe(1);
    } finally {
      copy.close();
    }
    // History kept: the deletions are recorded and the chain still verifies.
    const check = await t.call('history/verify', {});
    expect(check.ok).toBe(true);
    const entries = t.reg.sqlite.prepare("SELECT entity_type, action FROM history WHERE action = 'delete'").all() as { entity_type: string }[];
    expect(entries.map((e) => e.entity_type).sort()).toEqual(['activity', 'organisation']);
    fs.rmSync(r.backup!, { force: true });
  });

  it('an organisation without activity needs no typed name and no backup', async () => {
    t = openTempRegister();
    const org = await t.call('organisations/create', { organisation: { name: 'Vide' } });
    const r = await t.call('organisations/deleteWithActivities', { id: org.id, version: org.version });
    expect(r).toEqual({ organisation: 'Vide', activitiesDeleted: 0, backup: null });
    expect(await t.call('organisations/list', {})).toEqual([]);
  });
});
