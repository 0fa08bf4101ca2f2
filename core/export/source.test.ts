import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { fillWithActivities } from './testing/many-activities.js';
import { ExportSource } from './source.js';

describe('ExportSource', () => {
  let t: TempRegister;
  afterEach(() => t?.cleanup());

  it('reads, chunk by chunk, exactly the activities the store loads', () => {
    t = openTempRegister({ demo: true });
    fillWithActivities(t.reg, 40);
    const source = new ExportSource(t.reg, {});
    const chunks = [...source.activities(source.summaries, 7)];
    expect(chunks.map((c) => c.length)).toEqual([7, 7, 7, 7, 7, 5]);
    expect(chunks.flat()).toEqual(t.reg.activities.loadMany({}));
  });

  it('scopes organisations: the one asked for, or those with activities in scope', () => {
    t = openTempRegister({ demo: true });
    expect(new ExportSource(t.reg, {}).organisations.map((o) => o.name)).toEqual(['Atelier Lumière SAS', 'Fondation Atelier Lumière']);
    expect(new ExportSource(t.reg, { role: 'processor' }).organisations.map((o) => o.name)).toEqual(['Atelier Lumière SAS']);
    expect(new ExportSource(t.reg, { organisationId: 2 }).summaries.map((s) => s.ref)).toEqual(['T-001']);
  });

  it('stops with a "cancelled" error between chunks once aborted', () => {
    t = openTempRegister({ demo: true });
    const controller = new AbortController();
    const source = new ExportSource(t.reg, {}, controller.signal);
    const it = source.activities(source.summaries, 5);
    expect(it.next().value).toHaveLength(5);
    controller.abort();
    expect(() => it.next()).toThrow(/cancelled/);
  });
});
