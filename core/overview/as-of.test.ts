import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportDocument } from '../document/export.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { activityFields } from '../services/activities.js';
import type { RegisterDocument } from '../model/register.js';
import { dropNulls, setPath } from './as-of.js';

let t: TempRegister;
afterEach(() => t?.cleanup());

/** A controlled clock: the day set, at a time that moves on with each step of the test. */
function clock(reg: TempRegister['reg']) {
  let day = '2026-01-10';
  let hour = 8;
  reg.now = () => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  return (d: string) => {
    if (d === day) hour++;
    else hour = 8;
    day = d;
  };
}

const strip = (d: RegisterDocument) => ({ ...d, exportedAt: undefined, asOf: undefined });

async function asOf(date: string, scope = {}): Promise<RegisterDocument> {
  const out = path.join(t.dir, `as-of-${date}.json`);
  await t.call('export/file', { format: 'json', lang: 'fr', out, scope, asOf: date });
  return JSON.parse(fs.readFileSync(out, 'utf8')) as RegisterDocument;
}

/**
 * The demo register's organisations and activities written through the services on the test's clock.
 * (The demo itself back-dates its records, as an import of dated rows does: the history records when a
 * change was made, not the dates a file claimed, so only a register built on the clock is comparable
 * date for date.)
 */
async function seed() {
  const demo = openTempRegister({ demo: true });
  const doc = exportDocument(demo.reg);
  demo.cleanup();
  const orgIds = new Map<string, number>();
  for (const o of doc.organisations) {
    const { key, createdAt: _c, updatedAt: _u, ...data } = o;
    orgIds.set(key, (await t.call('organisations/create', { organisation: data as never })).id);
  }
  for (const a of doc.activities) {
    const { organisation, createdAt: _c, updatedAt: _u, dpia, ...fields } = a;
    const { suggested: _s, required: _r, ...screening } = dpia;
    await t.call('activities/create', { organisationId: orgIds.get(organisation)!, activity: { ...fields, dpia: screening } as never });
  }
}

const get = (ref: string, org = 1) => t.reg.activities.loadMany({ organisationId: org, refs: [ref] })[0];
const update = (ref: string, change: (f: ReturnType<typeof activityFields>) => void) => {
  const a = get(ref);
  const f = activityFields(a);
  change(f);
  return t.call('activities/update', { id: a.id, version: a.version, activity: f as never });
};

describe('the register as of a date', () => {
  it('equals the register captured at the end of each day, through edits, renames, deletions and re-creations', async () => {
    t = openTempRegister();
    const setDay = clock(t.reg);
    const captured = new Map<string, RegisterDocument>();
    const capture = (d: string) => captured.set(d, exportDocument(t.reg));

    setDay('2026-01-10');
    await seed();
    capture('2026-01-10');

    setDay('2026-01-12');
    await update('T-002', (f) => {
      f.name = 'Recrutement des stagiaires';
      f.dataCategories = f.dataCategories.slice(1);
      f.transfers = [];
    });
    await update('T-004', (f) => {
      f.legalBases.push({ code: 'consent', justification: 'Ajout', purpose: 0 });
      f.dpia.override = null;
      f.securityMeasures[0] = { ...f.securityMeasures[0], precision: 'Chiffrement renforcé' };
    });
    const t6 = get('T-006');
    await t.call('activities/delete', { id: t6.id, version: t6.version });
    const org = (await t.call('organisations/list', {})).find((o) => o.id === 1)!;
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...orgData } = org;
    await t.call('organisations/update', { id: 1, version: org.version, organisation: { ...orgData, name: 'Atelier Lumière SA', dpo: null } as never });
    capture('2026-01-12');

    setDay('2026-01-13');
    // T-006 re-created under the same reference (a new record), T-002 renamed back with a new list entry, a recipient renamed.
    await t.call('activities/create', {
      organisationId: 1,
      activity: {
        ref: 'T-006',
        name: 'Vidéoprotection (nouvelle version)',
        purpose: 'Sécurité des locaux',
        legalBases: [{ code: 'legitimate_interests', justification: 'Sécurité' }],
      },
    });
    await update('T-002', (f) => {
      f.name = 'Recrutement';
      f.dataCategories.push({ code: '', label: 'Permis de conduire', description: '', special: false });
    });
    const r = (await t.call('recipients/list', {}))[0];
    const { id: _ri, version: _rv, createdAt: _rc, updatedAt: _ru, activityCount: _n, ...rData } = r;
    await t.call('recipients/update', { id: r.id, version: r.version, recipient: { ...rData, name: `${r.name} (renommé)` } as never });
    const t1 = get('T-001');
    await t.call('activities/markReviewed', { id: t1.id, version: t1.version, by: 'Sophie Nguyen' });
    capture('2026-01-13');

    setDay('2026-01-15');
    const t3 = get('T-003');
    await t.call('activities/delete', { id: t3.id, version: t3.version });
    await update('T-006', (f) => {
      f.status = 'active';
    });
    const now = exportDocument(t.reg);

    expect(strip(await asOf('2026-01-10'))).toEqual(strip(captured.get('2026-01-10')!));
    expect(strip(await asOf('2026-01-11'))).toEqual(strip(captured.get('2026-01-10')!));
    expect(strip(await asOf('2026-01-12'))).toEqual(strip(captured.get('2026-01-12')!));
    expect(strip(await asOf('2026-01-13'))).toEqual(strip(captured.get('2026-01-13')!));
    expect(strip(await asOf('2026-01-14'))).toEqual(strip(captured.get('2026-01-13')!));
    expect(strip(await asOf('2026-01-15'))).toEqual(strip(now));
    // Before the register existed: nothing.
    const before = await asOf('2026-01-09');
    expect(before.activities).toEqual([]);
    expect(before.organisations).toEqual([]);
    // The document says "as of"; the live register is untouched.
    expect((await asOf('2026-01-12')).asOf).toBe('2026-01-12');
    expect(strip(exportDocument(t.reg))).toEqual(strip(now));
    // A scope applies to the register as it was: T-006 deleted on the 12th is in the 10th's extract.
    expect((await asOf('2026-01-10', { refs: ['T-006'], organisationId: 1 })).activities.map((a) => a.name)).toEqual([
      captured.get('2026-01-10')!.activities.find((a) => a.ref === 'T-006' && a.organisation === 'org-1')!.name,
    ]);
    // The export is recorded in the live register's history, with its date.
    const [entry] = await t.call('history/list', { entityType: 'export', limit: 1 });
    expect((entry.changes[0].after as { asOf: string }).asOf).toBe('2026-01-10');
  });

  it('writes XLSX and PDF as of a date, with "as of" on the cover', async () => {
    t = openTempRegister();
    const setDay = clock(t.reg);
    setDay('2026-01-10');
    await t.call('demo/create', {});
    setDay('2026-02-02');
    await update('T-002', (f) => {
      f.name = 'Recrutement modifié';
    });
    const out = path.join(t.dir, 'as-of.xlsx');
    const res = await t.call('export/file', { format: 'xlsx', lang: 'fr', out, scope: {}, asOf: '2026-01-31' });
    expect(res.activities).toBe(12);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type !== ExcelJS.ValueType.Merge) texts.push(String(c.text));
        }),
      ),
    );
    expect(texts.some((x) => x.includes('Registre tel qu’il était à la fin du 31/01/2026'))).toBe(true);
    expect(texts.some((x) => x === 'Recrutement')).toBe(true);
    expect(texts.some((x) => x.includes('Recrutement modifié'))).toBe(false);
    const pdf = path.join(t.dir, 'as-of.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'en', out: pdf, scope: { organisationId: 1, refs: ['T-002'] }, asOf: '2026-01-31' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain('Register as it stood at the end of 2026-01-31');
    expect(text).toContain('Recrutement');
    expect(text).not.toContain('Recrutement modifié');
  }, 60_000);

  it('refuses when the history was tampered with, naming the entry, and writes nothing', async () => {
    t = openTempRegister();
    const setDay = clock(t.reg);
    setDay('2026-01-10');
    await t.call('demo/create', {});
    const victim = t.reg.sqlite.prepare("SELECT id FROM history WHERE entity_type = 'activity' ORDER BY id LIMIT 1 OFFSET 3").pluck().get() as number;
    t.reg.sqlite.prepare('UPDATE history SET changes_json = ? WHERE id = ?').run('[]', victim);
    const out = path.join(t.dir, 'refused.json');
    const r = await t.result('export/file', { format: 'json', lang: 'fr', out, scope: {}, asOf: '2026-01-31' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(`#${victim}`);
    expect(fs.existsSync(out)).toBe(false);
    const bad = await t.result('export/file', { format: 'json', lang: 'fr', out, scope: {}, asOf: '2026-02-30' });
    expect(bad.ok).toBe(false);
  });

  it('shows an activity as it stood just after one entry of its history', async () => {
    t = openTempRegister();
    const setDay = clock(t.reg);
    setDay('2026-01-10');
    await seed();
    const a = get('T-002');
    setDay('2026-01-11');
    await update('T-002', (f) => {
      f.name = 'Recrutement v2';
    });
    await update('T-002', (f) => {
      f.name = 'Recrutement v3';
      f.dataCategories = [];
    });
    const entries = await t.call('history/list', { entityType: 'activity', entityId: a.id });
    const [third, second, first] = entries;
    expect((await t.call('history/activityAfterEntry', { id: a.id, entryId: first.id })).activity!.name).toBe('Recrutement');
    const v2 = await t.call('history/activityAfterEntry', { id: a.id, entryId: second.id });
    expect(v2.activity!.name).toBe('Recrutement v2');
    expect(v2.activity!.dataCategories.length).toBe(a.dataCategories.length);
    expect(v2.at).toBe(second.at);
    expect((await t.call('history/activityAfterEntry', { id: a.id, entryId: third.id })).activity!.dataCategories).toEqual([]);
  });

  it('sets and drops values at history paths', () => {
    const o: Record<string, unknown> = { a: [{ x: 1 }, { x: 2 }], d: { o: null } };
    setPath(o, 'a[1].x', 3);
    setPath(o, 'a[2]', null);
    setPath(o, 'd.o', { required: true });
    setPath(o, 'n[0]', 'v');
    expect(dropNulls(o)).toEqual({ a: [{ x: 1 }, { x: 3 }], d: { o: { required: true } }, n: ['v'] });
  });
});
