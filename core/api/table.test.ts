/**
 * The API table loads each module of procedures with the first call of one of its procedures
 * (core/api/table.ts): every name must be reached through the prefixes its module is listed with,
 * no name may be declared twice, and an unknown name is refused without loading anything it does
 * not need.
 */
import { describe, expect, it } from 'vitest';
import { openTempRegister } from '../testing/temp-register.js';
import { dispatch, isProcedureName } from './dispatch.js';
import { findProcedure, loadApi, procedureModules } from './table.js';

describe('the API table, module by module', () => {
  it('reaches every procedure through the prefix of its name, in the module that declares it', async () => {
    const modules = await Promise.all(procedureModules.map(async (m) => ({ prefixes: m.prefixes, procedures: Object.keys(await m.load()) })));
    const names = modules.flatMap((m) => m.procedures);
    expect(names.length).toBeGreaterThan(50);
    for (const m of modules) {
      expect(m.procedures.length, `a module listed with ${m.prefixes.join(', ')} declares no procedure`).toBeGreaterThan(0);
      for (const name of m.procedures) {
        expect(name).toMatch(/^[a-z]+\/[A-Za-z]+$/);
        expect(m.prefixes, `${name} is declared in a module not listed with the prefix "${name.split('/')[0]}"`).toContain(name.split('/')[0]);
      }
      // Every prefix a module is listed with is used by one of its names (a stale prefix would load it for nothing).
      for (const prefix of m.prefixes)
        expect(
          m.procedures.some((n) => n.startsWith(`${prefix}/`)),
          `unused prefix ${prefix}`,
        ).toBe(true);
    }
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const api = await loadApi();
    expect(Object.keys(api).sort()).toEqual([...names].sort());
    for (const name of names) expect(await findProcedure(name)).toBe((api as Record<string, unknown>)[name]);
  });

  it('refuses unknown names, and names that only look like one', async () => {
    for (const name of [
      'activities/nope',
      'nope/list',
      'activities',
      '/list',
      '',
      'activities/list/extra',
      42,
      null,
      undefined,
      'constructor',
      'activities/constructor',
      'activities/__proto__',
    ]) {
      expect(await findProcedure(name)).toBeUndefined();
      expect(await isProcedureName(name)).toBe(false);
    }
    expect(await isProcedureName('activities/list')).toBe(true);
    expect(await isProcedureName('activities/markReviewed')).toBe(true);
  });

  it('dispatches through the lazily loaded module, with the validation at the boundary', async () => {
    const t = openTempRegister({ demo: true });
    try {
      const rows = await dispatch(t.reg, 'activities/list', { role: 'processor' }, { source: 'cli' });
      expect(rows.ok && rows.value.every((r) => r.role === 'processor')).toBe(true);
      const bad = await dispatch(t.reg, 'activities/list', { role: 'nobody' } as never, { source: 'cli' });
      expect(bad.ok ? null : bad.error.code).toBe('validation');
      const unknown = await dispatch(t.reg, 'activities/nope', {}, { source: 'cli' });
      expect(unknown.ok ? null : unknown.error.code).toBe('unknown_procedure');
    } finally {
      t.cleanup();
    }
  });
});
