/**
 * The register's search and filters: the reducer, the session round trip, and, against a real
 * (demo) register, that "what is shown" as exported is exactly what the table shows, over
 * generated combinations of tab, filters, points to review and searches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../../../core/testing/temp-register.js';
import type { ActivityFacts } from '../../../core/overview/facts.js';
import type { ActivitySummary } from '../../../core/model/register.js';
import { NO_POINTS } from '../../components/register-points.js';
import {
  activeFilterCount,
  exportScope,
  indexRows,
  NO_FILTERS,
  persistSearch,
  restoreSearch,
  searchReducer,
  shownRows,
  type Filters,
  type RegisterSearch,
} from './use-register-search.js';

const START: RegisterSearch = { tab: 'controller', query: '', filters: NO_FILTERS, points: NO_POINTS };

function memoryStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('register search (reducer and session)', () => {
  it('switching to the processor tab drops a controller role filter, and only that', () => {
    const s = [
      { type: 'filter', key: 'role', value: 'joint_controller' },
      { type: 'filter', key: 'status', value: 'active' },
      { type: 'tab', tab: 'processor' },
    ].reduce((acc, a) => searchReducer(acc, a as never), START);
    expect(s.tab).toBe('processor');
    expect(s.filters).toEqual({ ...NO_FILTERS, status: 'active' });
    const back = searchReducer(s, { type: 'tab', tab: 'controller' });
    expect(back.filters.status).toBe('active');
  });

  it('clear empties the search, filters and points but keeps the tab', () => {
    let s = searchReducer({ ...START, tab: 'processor' }, { type: 'query', query: 'paie' });
    s = searchReducer(s, { type: 'filter', key: 'dpia', value: 'yes' });
    s = searchReducer(s, { type: 'points', points: { check: 'any', review: '' } });
    expect(activeFilterCount(s)).toBe(2);
    const c = searchReducer(s, { type: 'clear' });
    expect(c).toEqual({ ...START, tab: 'processor' });
    expect(activeFilterCount(c)).toBe(0);
  });

  it('tab, search and filters come back within the session; a damaged entry means no filter', () => {
    const store = memoryStorage();
    const s: RegisterSearch = { tab: 'processor', query: 'vidéo', filters: { ...NO_FILTERS, department: 'RH' }, points: { check: 'any', review: 'due' } };
    persistSearch(store, s);
    expect(restoreSearch(store)).toEqual({ ...s, points: NO_POINTS });
    expect(restoreSearch(memoryStorage({ 'art30.filters': '{oops', 'art30.tab': 'elsewhere' }))).toEqual(START);
  });
});

describe('register search against a real register', () => {
  let reg: TempRegister;
  let rows: ActivitySummary[];
  let facts: Map<number, ActivityFacts>;
  let orgId: number;
  beforeAll(async () => {
    reg = openTempRegister({ demo: true });
    rows = await reg.call('activities/list', {});
    orgId = rows[0].organisationId;
    rows = rows.filter((r) => r.organisationId === orgId);
    facts = new Map((await reg.call('overview/facts', { organisationId: orgId })).map((f) => [f.id, f]));
  });
  afterAll(() => reg.cleanup());

  /** Generated states: every value of every filter alone, pairs of them, points, and searches taken from the rows. */
  function states(): RegisterSearch[] {
    const values: Partial<Record<keyof Filters, string[]>> = {
      status: ['draft', 'active', 'retired'],
      department: [...new Set(rows.map((r) => r.department).filter(Boolean))],
      role: ['controller', 'joint_controller'],
      legalBasis: [...new Set(rows.flatMap((r) => r.legalBases))],
      transfers: ['yes', 'no'],
      special: ['yes', 'no'],
      dpia: ['yes', 'no'],
    };
    const singles = Object.entries(values).flatMap(([k, vs]) => vs.map((v) => ({ ...NO_FILTERS, [k]: v })));
    const pairs = singles.flatMap((a, i) => singles.slice(i + 1, i + 4).map((b) => ({ ...a, ...Object.fromEntries(Object.entries(b).filter(([, v]) => v)) })));
    const queries = ['', ...rows.slice(0, 6).map((r) => r.name.split(' ')[0]), rows[1].ref, 'zzz-nothing'];
    const points = [NO_POINTS, { check: 'any', review: '' }, { check: '', review: 'due' }, { check: facts.values().next().value?.checks[0] ?? '', review: '' }];
    const out: RegisterSearch[] = [];
    for (const tab of ['controller', 'processor'] as const) {
      for (const filters of [NO_FILTERS, ...singles, ...pairs]) out.push(searchReducer({ ...START, filters }, { type: 'tab', tab }));
      for (const query of queries) out.push({ ...START, tab, query });
      for (const p of points) out.push({ ...START, tab, points: p });
    }
    return out;
  }

  it('exporting "what is shown" selects exactly the rows the table shows', async () => {
    const indexed = indexRows(rows);
    const byTab = { controller: indexed.filter((x) => x.row.role !== 'processor'), processor: indexed.filter((x) => x.row.role === 'processor') };
    const all = states();
    expect(all.length).toBeGreaterThan(60);
    let nonEmpty = 0;
    for (const s of all) {
      const q = s.query.trim();
      const hits = q.length >= 3 ? new Set((await reg.call('activities/list', { organisationId: orgId, search: q })).map((r) => r.id)) : null;
      const shown = shownRows(byTab[s.tab], s, hits, facts)
        .map((r) => r.id)
        .sort((a, b) => a - b);
      const exported = (await reg.call('activities/list', exportScope(s, orgId) as never)).map((r) => r.id).sort((a, b) => a - b);
      expect(shown, JSON.stringify(s)).toEqual(exported);
      if (shown.length) nonEmpty++;
    }
    // The generated states are not all trivially empty.
    expect(nonEmpty).toBeGreaterThan(all.length / 3);
  });
});
