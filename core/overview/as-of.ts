/**
 * The register as it stood at the end of a day, rebuilt from the hash-chained history: the history
 * is verified first (a broken chain refuses, naming the entry); the register file is copied to a
 * private temporary file; every change recorded after that day is undone there, newest first —
 * creations removed, deletions restored whole, updates given back their previous values, with the
 * versions and dates they had. The copy is a register like any other, so the export writers read it
 * unchanged. Reference data (countries, vocabularies) is today's.
 *
 * Undoing the changes made since the date (rather than replaying the history from its start) keeps
 * a register whose first records were written before the history existed exact for every later date.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { ActivityDerived, StoredActivityFields } from '../../db/activity-store.js';
import { organisations, recipients } from '../../db/schema.js';
import { AppError, issue, text } from '../errors.js';
import { dpiaRequired } from '../model/dpia.js';
import type { Country, HistoryChange, HistoryEntry } from '../model/register.js';
import { activityFieldsSchema, organisationInputSchema, recipientInputSchema, type ActivityFields } from '../model/schemas.js';
import { Register } from '../register.js';
import { activityFields } from '../services/activities.js';
import { getOrganisation, organisationData, toColumns as organisationColumns } from '../services/organisations.js';
import { getRecipient, recipientData, toColumns as recipientColumns } from '../services/recipients.js';
import { rewindDocuments } from '../documents/as-of.js';
import { rewindContracts } from '../contracts/as-of.js';

const pastRegisters = new WeakSet<Register>();

/** Whether `reg` is a register rebuilt as of a date (its exports must not rebuild it again). */
export function isRegisterAsOf(reg: Register): boolean {
  return pastRegisters.has(reg);
}

export const AS_OF_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses a date that is not a real calendar day. */
export function checkAsOfDate(date: string): void {
  const d = new Date(`${date}T00:00:00Z`);
  if (!AS_OF_PATTERN.test(date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new AppError('validation', text('overview.asOfBadDate', { date }), [issue('asOf', 'errors.format.date')]);
  }
}

type Entity = 'activity' | 'organisation' | 'recipient';

/** Verifies the history, or throws naming the first entry that does not match. */
export function verifyHistoryForAsOf(reg: Register): void {
  const check = reg.history.verify();
  if (!check.ok) {
    const b = check.brokenAt!;
    throw new AppError('register', text(b.reason === 'altered' ? 'overview.asOfAltered' : 'overview.asOfChainBroken', { id: b.id, at: b.at, entity: b.entity }), [
      issue('history', 'errors.historyEntry', { id: b.id }),
    ]);
  }
}

/**
 * Runs `fn` on the register as it stood at the end of `date` (UTC), then deletes the copy.
 * The copy keeps `reg`'s clock.
 */
export async function withRegisterAsOf<T>(reg: Register, date: string, fn: (past: Register) => Promise<T> | T): Promise<T> {
  checkAsOfDate(date);
  const end = endOf(date);
  return withRegisterRewound(reg, (_id, at) => at <= end, fn);
}

/** Runs `fn` on the register as it stood just after history entry `entryId` ("show as of this entry"). */
export async function withRegisterAfterEntry<T>(reg: Register, entryId: number, fn: (past: Register) => Promise<T> | T): Promise<T> {
  return withRegisterRewound(reg, (id) => id <= entryId, fn);
}

/** `kept(id, at)`: whether a history entry is part of the past wanted; every later change is undone. */
async function withRegisterRewound<T>(reg: Register, kept: (id: number, at: string) => boolean, fn: (past: Register) => Promise<T> | T): Promise<T> {
  verifyHistoryForAsOf(reg);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-as-of-'));
  const file = path.join(dir, 'register-as-of.art30');
  let past: Register | undefined;
  try {
    await reg.backup(file);
    past = Register.open(file);
    past.now = reg.now;
    pastRegisters.add(past);
    rewind(past, kept);
    rewindDocuments(past, kept);
    rewindContracts(past, kept, { setPath, dropNulls });
    return await fn(past);
  } finally {
    past?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The end of `date` as history timestamps compare (ISO 8601, UTC). */
const endOf = (date: string) => `${date}T23:59:59.999Z`;

type HistoryRow = [id: number, at: string, type: Entity, entityId: number, action: HistoryEntry['action'], changes: string, organisationId: number | null];

interface EntityState {
  type: Entity;
  id: number;
  /** The record's fields as rewound so far; null when it did not exist. */
  state: Record<string, unknown> | null;
  /** Whether the copy holds it now, and its version now. */
  exists: boolean;
  version: number;
  updatesUndone: number;
  organisationId: number | null;
  /** Top-level fields changed by the changes undone. */
  fields: Set<string>;
}

const tableOf = (type: Entity) => (type === 'activity' ? 'activities' : type === 'organisation' ? 'organisations' : 'recipients');

/**
 * Undoes, in the copy, every change of the history not `kept`, newest first: in memory, entity by
 * entity (each record read once, in bulk, and written once), so that undoing tens of thousands of
 * changes costs about as much as writing the records they touched.
 */
function rewind(past: Register, kept: (id: number, at: string) => boolean): void {
  const sqlite = past.sqlite;
  const rows = sqlite
    .prepare(
      `SELECT id, at, entity_type, entity_id, action, changes_json, organisation_id FROM history WHERE entity_type IN ('activity', 'organisation', 'recipient') AND entity_id IS NOT NULL ORDER BY id`,
    )
    .raw()
    .all() as HistoryRow[];
  // Per record, from the entries kept: when it was created, its last change, the updates since its last creation.
  const info = new Map<string, { createdAt?: string; lastAt?: string; sinceCreate?: number }>();
  const after: HistoryRow[] = [];
  for (const r of rows) {
    const [entry, at, type, id, action] = r;
    const k = `${type}:${id}`;
    let e = info.get(k);
    if (!e) info.set(k, (e = {}));
    if (action === 'create' && e.createdAt === undefined) e.createdAt = at;
    if (kept(entry, at)) {
      if (action !== 'delete') e.lastAt = at;
      if (action === 'create') e.sinceCreate = 0;
      else if (action === 'update' && e.sinceCreate !== undefined) e.sinceCreate++;
    } else after.push(r);
  }
  if (!after.length) return;

  // The records touched, as the copy holds them now (read in bulk).
  const states = new Map<string, EntityState>();
  const ids = { activity: new Set<number>(), organisation: new Set<number>(), recipient: new Set<number>() };
  for (const r of after) ids[r[2]].add(r[3]);
  const activityIds = [...ids.activity];
  for (let i = 0; i < activityIds.length; i += 500) {
    for (const a of past.activities.loadMany({ ids: activityIds.slice(i, i + 500) })) {
      const f = activityFields(a);
      const state = { ...f, recipients: a.recipients.map((r) => ({ recipientId: r.recipientId, role: r.role, precision: r.precision })) } as unknown as Record<string, unknown>;
      states.set(`activity:${a.id}`, {
        type: 'activity',
        id: a.id,
        state,
        exists: true,
        version: a.version,
        updatesUndone: 0,
        organisationId: a.organisationId,
        fields: new Set(),
      });
    }
  }
  for (const type of ['organisation', 'recipient'] as const) {
    for (const id of ids[type]) {
      const state = current(past, type, id);
      const version = state
        ? Number(
            sqlite
              .prepare(`SELECT version FROM ${tableOf(type)} WHERE id = ?`)
              .pluck()
              .get(id),
          )
        : 0;
      states.set(`${type}:${id}`, { type, id, state: state ?? null, exists: !!state, version, updatesUndone: 0, organisationId: null, fields: new Set() });
    }
  }
  for (let i = after.length - 1; i >= 0; i--) {
    const [, , type, id, action, changesJson, organisationId] = after[i];
    const k = `${type}:${id}`;
    let st = states.get(k);
    if (!st) states.set(k, (st = { type, id, state: null, exists: false, version: 0, updatesUndone: 0, organisationId, fields: new Set() }));
    if (action === 'create') st.state = null;
    else if (action === 'delete') {
      st.state = fromChanges(JSON.parse(changesJson) as HistoryChange[]);
      st.organisationId = organisationId;
    } else if (action === 'update' && st.state) {
      for (const c of JSON.parse(changesJson) as HistoryChange[]) {
        setPath(st.state, c.path, c.before);
        st.fields.add(c.path.split(/[.[]/, 1)[0]);
      }
      st.updatesUndone++;
    }
  }

  sqlite.pragma('foreign_keys = OFF');
  try {
    past.write(() => {
      const countries = past.reference.countries();
      // Directory and organisations first: restored activities refer to them.
      const order = [...states.values()].sort((a, b) => Number(a.type === 'activity') - Number(b.type === 'activity'));
      for (const st of order) {
        const k = `${st.type}:${st.id}`;
        const e = info.get(k) ?? {};
        if (st.state === null) {
          if (st.exists) remove(past, st.type, st.id);
          continue;
        }
        const fields = complete(st.type, dropNulls(st.state) as Record<string, unknown>);
        if (st.exists) write(past, st.type, st.id, fields, countries, st.fields);
        else restore(past, st.type, st.id, fields, st.organisationId, e.createdAt ?? '');
        // The version it had: 1 + the updates since its creation; for a record older than the history, its version less the updates undone.
        const version = e.sinceCreate !== undefined ? 1 + e.sinceCreate : st.exists ? Math.max(1, st.version - st.updatesUndone) : 1;
        if (e.lastAt) sqlite.prepare(`UPDATE ${tableOf(st.type)} SET version = ?, updated_at = ? WHERE id = ?`).run(version, e.lastAt, st.id);
        else sqlite.prepare(`UPDATE ${tableOf(st.type)} SET version = ? WHERE id = ?`).run(version, st.id);
      }
    });
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/** A record's fields from a creation or deletion entry (one change per non-empty field). */
function fromChanges(changes: HistoryChange[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of changes) out[c.path] = c.before ?? c.after;
  return out;
}

function remove(past: Register, type: Entity, id: number): void {
  if (type === 'activity') past.activities.delete(id);
  else if (type === 'organisation') past.orm.delete(organisations).where(eq(organisations.id, id)).run();
  else past.orm.delete(recipients).where(eq(recipients.id, id)).run();
}

function current(past: Register, type: Entity, id: number): Record<string, unknown> | undefined {
  if (type === 'activity') {
    const a = past.activities.load(id);
    if (!a) return undefined;
    const f = activityFields(a);
    return { ...f, recipients: a.recipients.map((r) => ({ recipientId: r.recipientId, role: r.role, precision: r.precision })) } as unknown as Record<string, unknown>;
  }
  try {
    return (type === 'organisation' ? organisationData(getOrganisation(past, id)) : recipientData(getRecipient(past, id))) as unknown as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const defaults = new Map<Entity, string>();

/** Defaults for fields a creation entry left out (they were empty). */
function complete(type: Entity, fields: Record<string, unknown>): Record<string, unknown> {
  let d = defaults.get(type);
  if (!d) {
    const schema = type === 'activity' ? activityFieldsSchema : type === 'organisation' ? organisationInputSchema : recipientInputSchema;
    defaults.set(type, (d = JSON.stringify(schema.parse(type === 'activity' ? { name: 'x', purpose: 'x' } : { name: 'x' }))));
  }
  return { ...(JSON.parse(d) as Record<string, unknown>), ...fields };
}

function derive(countries: Map<string, Country>, f: ActivityFields): ActivityDerived {
  const transferCountries = [...new Set(f.transfers.map((x) => x.country))];
  return {
    legalBasisCodes: [...new Set(f.legalBases.map((b) => b.code))],
    specialCategories: f.dataCategories.some((c) => c.special),
    nonEeaTransfer: transferCountries.some((c) => !countries.get(c)?.eea),
    transferCountries,
    dpiaRequired: dpiaRequired(f.dpia),
  };
}

function write(past: Register, type: Entity, id: number, full: Record<string, unknown>, countries: Map<string, Country>, changed: ReadonlySet<string>): void {
  if (type === 'activity') {
    const f = full as unknown as StoredActivityFields;
    const updatedAt = String(past.sqlite.prepare('SELECT updated_at FROM activities WHERE id = ?').pluck().get(id) ?? '');
    past.activities.updateLists(id, f, derive(countries, f as unknown as ActivityFields), updatedAt, changed);
  } else if (type === 'organisation') {
    past.orm
      .update(organisations)
      .set(organisationColumns(full as never))
      .where(eq(organisations.id, id))
      .run();
  } else {
    past.orm
      .update(recipients)
      .set(recipientColumns(full as never))
      .where(eq(recipients.id, id))
      .run();
  }
}

function restore(past: Register, type: Entity, id: number, full: Record<string, unknown>, organisationId: number | null, createdAt: string): void {
  if (type === 'activity') {
    const f = full as unknown as StoredActivityFields;
    const stored = { ...f, recipients: f.recipients.map((r) => ({ recipientId: r.recipientId, role: r.role, precision: r.precision })) };
    const newId = past.activities.insert(Number(organisationId), stored, derive(past.reference.countries(), f as unknown as ActivityFields), createdAt, createdAt);
    if (newId !== id) moveActivity(past, newId, id);
  } else if (type === 'organisation') {
    past.orm
      .insert(organisations)
      .values({ id, ...organisationColumns(full as never), createdAt, updatedAt: createdAt })
      .run();
  } else {
    past.orm
      .insert(recipients)
      .values({ id, ...recipientColumns(full as never), createdAt, updatedAt: createdAt })
      .run();
  }
}

const ACTIVITY_TABLES = [
  'activity_search',
  'activity_sub_purposes',
  'activity_legal_bases',
  'activity_art9_conditions',
  'activity_data_subjects',
  'activity_data_categories',
  'activity_data_sources',
  'activity_recipients',
  'activity_transfers',
  'activity_retention_rules',
  'activity_security_measures',
  'activity_joint_controllers',
  'activity_clients',
  'activity_systems',
];

/** Gives a restored activity back its own id (foreign keys are off in the copy while it is rewound). */
function moveActivity(past: Register, from: number, to: number): void {
  past.sqlite.prepare('UPDATE activities SET id = ? WHERE id = ?').run(to, from);
  for (const table of ACTIVITY_TABLES) past.sqlite.prepare(`UPDATE ${table} SET activity_id = ? WHERE activity_id = ?`).run(to, from);
}

const PATH_PART = /([^.[\]]+)|\[(\d+)\]/g;

/** Sets `value` at a history path such as `dataCategories[2].label` or `dpia.override`. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(PATH_PART)) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  let node: Record<string | number, unknown> = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (node[k] === null || typeof node[k] !== 'object') node[k] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** List entries that a rewound addition left as null are removed (no list of a record holds null). */
export function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(dropNulls);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dropNulls(x)]));
  return v;
}
