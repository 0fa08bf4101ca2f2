/**
 * useActivityForm's store against a real register: the window's API client talks to the
 * dispatcher in this process (as an untrusted `ui` caller, like the window).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/api/dispatch.js';
import { openTempRegister, type TempRegister } from '../../core/testing/temp-register.js';
import { setBridge } from '../api/client.js';
import { keys, queryClient } from '../api/queries.js';
import { emptyActivity, fieldsOf } from './activity-form-model.js';
import { ActivityFormStore } from './use-activity-form.js';

const model = { empty: emptyActivity, fieldsOf };
let reg: TempRegister;

beforeEach(() => {
  reg = openTempRegister({ demo: true });
  setBridge({
    invoke: (procedure, input) => dispatch(reg.reg, procedure, input, { source: 'ui' }, { trusted: false }),
    subscribe: () => () => undefined,
  });
  queryClient.clear();
});
afterEach(() => reg.cleanup());

const firstId = async () => (await reg.call('activities/list', {}))[0].id;

describe('useActivityForm (store)', () => {
  it('loads an activity, tracks changes, saves them, and is clean again', async () => {
    const id = await firstId();
    const store = new ActivityFormStore(model, id);
    await store.load();
    expect(store.get().status).toBe('ready');
    expect(store.dirty).toBe(false);
    const version = store.get().activity!.version;
    store.set('department', 'Direction des talents');
    expect(store.dirty).toBe(true);
    const outcome = await store.save(1);
    expect(outcome).toMatchObject({ saved: { version: version + 1, department: 'Direction des talents' } });
    expect(store.dirty).toBe(false);
    expect((await reg.call('activities/get', { id })).department).toBe('Direction des talents');
    // The query cache holds the saved version.
    expect(queryClient.getQueryData(keys.activity(id))).toMatchObject({ version: version + 1 });
  });

  it('reports a version conflict without overwriting, then reloads the other version', async () => {
    const id = await firstId();
    const store = new ActivityFormStore(model, id);
    await store.load();
    const a = await reg.call('activities/get', { id });
    await reg.call('activities/update', { id, version: a.version, activity: { ...fieldsOf(a), owner: 'Autre fenêtre' } as never });
    store.set('owner', 'Cette fenêtre');
    const outcome = await store.save(1);
    expect(outcome).toHaveProperty('conflict');
    expect(store.get().conflict).toBeTruthy();
    expect(store.dirty).toBe(true);
    expect((await reg.call('activities/get', { id })).owner).toBe('Autre fenêtre');
    await store.reload();
    expect(store.get().form.owner).toBe('Autre fenêtre');
    expect(store.dirty).toBe(false);
  });

  it('creates a new activity; bad fields come back per field and nothing is written', async () => {
    const before = (await reg.call('activities/list', {})).length;
    const store = new ActivityFormStore(model, 'new');
    await store.load();
    const bad = await store.save(1);
    expect(bad).toHaveProperty('invalid');
    expect([...store.get().errors.keys()]).toEqual(expect.arrayContaining(['name', 'purpose']));
    expect((await reg.call('activities/list', {})).length).toBe(before);
    store.set('name', 'Vidéoprotection du parking');
    store.set('purpose', 'Sécurité des biens');
    const good = await store.save(1);
    expect(good).toHaveProperty('saved');
    expect(store.get().activity?.id).toBeGreaterThan(0);
    expect((await reg.call('activities/list', {})).length).toBe(before + 1);
  });

  it('a save after a conflict starts without the old conflict', async () => {
    const id = await firstId();
    const store = new ActivityFormStore(model, id);
    await store.load();
    const a = await reg.call('activities/get', { id });
    await reg.call('activities/update', { id, version: a.version, activity: { ...fieldsOf(a), owner: 'Autre fenêtre' } as never });
    store.set('owner', 'Cette fenêtre');
    await store.save(1);
    const seen: (string | null)[] = [];
    const stop = store.subscribe(() => seen.push(store.get().conflict));
    await store.save(1);
    stop();
    expect(seen[0]).toBeNull();
    expect(store.get().conflict).toBeTruthy();
  });

  it('retires the activity in place, dropping the edits, and the query cache follows', async () => {
    const id = await firstId();
    const store = new ActivityFormStore(model, id);
    await store.load();
    const version = store.get().activity!.version;
    store.set('owner', 'Jamais enregistré');
    const outcome = await store.act('retire');
    expect(outcome).toMatchObject({ done: { id, status: 'retired', version: version + 1 } });
    expect(store.get().form.status).toBe('retired');
    expect(store.get().form.owner).not.toBe('Jamais enregistré');
    expect(store.dirty).toBe(false);
    expect(queryClient.getQueryData(keys.activity(id))).toMatchObject({ status: 'retired' });
  });

  it('duplicates, then deletes the copy; the original stays', async () => {
    const id = await firstId();
    const before = (await reg.call('activities/list', {})).length;
    const store = new ActivityFormStore(model, id);
    await store.load();
    const dup = await store.act('duplicate');
    if (!('done' in dup) || !dup.done) throw new Error(`no duplicate: ${JSON.stringify(dup)}`);
    expect(dup.done.id).not.toBe(id);
    expect((await reg.call('activities/list', {})).length).toBe(before + 1);
    const copy = new ActivityFormStore(model, dup.done.id);
    await copy.load();
    expect(await copy.act('delete')).toEqual({ done: null });
    expect((await reg.call('activities/list', {})).length).toBe(before);
    expect(queryClient.getQueryData(keys.activity(dup.done.id))).toBeUndefined();
    expect((await reg.call('activities/get', { id })).id).toBe(id);
  });

  it('a delete at a stale version is a conflict and deletes nothing', async () => {
    const id = await firstId();
    const store = new ActivityFormStore(model, id);
    await store.load();
    const a = await reg.call('activities/get', { id });
    await reg.call('activities/update', { id, version: a.version, activity: { ...fieldsOf(a), owner: 'Autre fenêtre' } as never });
    const outcome = await store.act('delete');
    expect(outcome).toHaveProperty('conflict');
    expect(store.get().conflict).toBeTruthy();
    expect((await reg.call('activities/get', { id })).owner).toBe('Autre fenêtre');
  });

  it('opening an activity reads the register, not a stale cached copy', async () => {
    const id = await firstId();
    const first = new ActivityFormStore(model, id);
    await first.load();
    const a = await reg.call('activities/get', { id });
    await reg.call('activities/update', { id, version: a.version, activity: { ...fieldsOf(a), owner: 'Écrit ailleurs' } as never });
    const again = new ActivityFormStore(model, id);
    await again.load();
    expect(again.get().form.owner).toBe('Écrit ailleurs');
  });

  it('an activity that does not exist fails to load, with a message', async () => {
    const store = new ActivityFormStore(model, 987654);
    await store.load();
    expect(store.get().status).toBe('failed');
    expect(store.get().loadError).toBeTruthy();
  });
});
