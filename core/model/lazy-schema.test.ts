import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazySchema, lazySchemasBuilt, memo } from './lazy-schema.js';

describe('lazySchema', () => {
  it('builds the schema at its first use, once, and behaves as the schema', () => {
    const build = vi.fn(() => z.object({ name: z.string().trim().min(1, { error: 'is required' }), tags: z.array(z.string()).default([]) }));
    const before = lazySchemasBuilt();
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ name: '  Paie ' })).toEqual({ name: 'Paie', tags: [] });
    expect(schema.safeParse({ name: ' ' }).success).toBe(false);
    expect(Object.keys(schema.shape)).toEqual(['name', 'tags']);
    expect(schema instanceof z.ZodObject).toBe(true);
    expect('parse' in schema).toBe(true);
    // Composed: extended, nested in another schema, made optional.
    const extended = schema.extend({ ref: z.string() });
    expect(extended.parse({ name: 'a', ref: 'T-1' })).toEqual({ name: 'a', ref: 'T-1', tags: [] });
    const outer = z.object({ inner: schema.nullable().default(null), list: z.array(schema) });
    expect(outer.parse({ list: [{ name: 'b' }] })).toEqual({ inner: null, list: [{ name: 'b', tags: [] }] });
    expect(() => outer.parse({ list: [{ name: '' }] })).toThrow(/is required/);
    expect(build).toHaveBeenCalledTimes(1);
    expect(lazySchemasBuilt()).toBe(before + 1);
  });

  it('lets a test spy on a method of the built schema', () => {
    const schema = lazySchema(() => z.string());
    const parse = vi.spyOn(schema, 'parse');
    schema.parse('x');
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('memo runs its builder once', () => {
    const build = vi.fn(() => ({ built: true }));
    const get = memo(build);
    expect(get()).toBe(get());
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe('a read of the register', () => {
  it('builds none of the register schemas: opening, listing organisations and activities (what `art30 list` does)', async () => {
    const { openTempRegister } = await import('../testing/temp-register.js');
    const t = openTempRegister({ demo: true });
    const file = t.file;
    t.reg.close();
    try {
      // Fresh modules, as in a new `art30 list` process (the demo above built the schemas to write).
      vi.resetModules();
      const lazy = await import('./lazy-schema.js');
      const { Register } = await import('../register.js');
      const { dispatch, unwrap } = await import('../api/dispatch.js');
      expect(lazy.lazySchemasBuilt()).toBe(0);
      const reg = Register.open(file);
      try {
        const orgs = unwrap(await dispatch(reg, 'organisations/list', {}, { source: 'cli' }, { trusted: true }));
        const rows = unwrap(await dispatch(reg, 'activities/list', { organisationId: orgs[0].id }, { source: 'cli' }, { trusted: true }));
        expect(rows.length).toBeGreaterThan(5);
        expect(lazy.lazySchemasBuilt()).toBe(0);
        // A write builds what it validates.
        unwrap(await dispatch(reg, 'activities/create', { organisationId: orgs[0].id, activity: { name: 'Paie', purpose: 'Payer' } }, { source: 'cli' }, { trusted: true }));
        expect(lazy.lazySchemasBuilt()).toBeGreaterThan(0);
      } finally {
        reg.close();
      }
    } finally {
      t.cleanup();
    }
  });
});
