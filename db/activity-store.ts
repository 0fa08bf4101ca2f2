/**
 * SQL for processing activities: the `activities` row, its child lists, the full-text index and
 * the register table query. Callers run these inside a transaction (see core/register.ts).
 */
import type Database from 'better-sqlite3';
import type { ActivityRole, ActivityStatus, RecipientType } from '../core/model/codes.js';
import { assessDpia } from '../core/model/dpia.js';
import type { Activity, ActivitySummary } from '../core/model/register.js';
import type { ActivityFields, DpiaScreening } from '../core/model/schemas.js';
import { CHILD_LISTS } from './activity-lists.js';
import { objectRows, statement } from './statements.js';
import { plainClauses, readSummaries, whereSql, type ActivityFilter } from './activity-summaries.js';
import { SummaryCache } from './summary-cache.js';
import { foldKey, foldTexts } from '../core/text.js';
import { ACTIVITY_SCALAR_COLUMNS, scalarValues } from './activity-columns.js';

/** Values derived from the lists, kept on the activity row for the register table. */
export interface ActivityDerived {
  legalBasisCodes: string[];
  specialCategories: boolean;
  nonEeaTransfer: boolean;
  transferCountries: string[];
  dpiaRequired: boolean;
}

/** Fields as stored: recipients always point to a directory entry. */
export type StoredActivityFields = Omit<ActivityFields, 'recipients'> & {
  /**
   * `name`: the recipient's name as the caller found or created it in the directory (it folds like
   * the entry's own name), so the search text needs no look-up; without it, the directory is read.
   */
  recipients: { recipientId: number; role: string; precision: string; name?: string }[];
};

export type { ActivityFilter } from './activity-summaries.js';

/** The columns a write sets: one list, derived from the drizzle schema (db/activity-columns.ts). */
const SCALARS = ACTIVITY_SCALAR_COLUMNS;

type Row = Record<string, unknown>;

const INSERT_ACTIVITY = `INSERT INTO activities (organisation_id, ${SCALARS.join(', ')}, version, created_at, updated_at)
  VALUES (?, ${SCALARS.map(() => '?').join(', ')}, 1, ?, ?)`;
const UPDATE_ACTIVITY = `UPDATE activities SET ${SCALARS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`;
const LIST_SQL = CHILD_LISTS.map((spec) => ({
  spec,
  insert: `INSERT INTO ${spec.table} (activity_id, position, ${spec.columns.join(', ')}) VALUES (?, ?, ${spec.columns.map(() => '?').join(', ')})`,
  delete: `DELETE FROM ${spec.table} WHERE activity_id = ?`,
}));

/**
 * A reference as SQLite's NOCASE collation compares it (the unique index on references uses it):
 * ASCII letters upper-cased, nothing else changed — what `upper()` gives in SQL.
 */
export function refKey(ref: string): string {
  return ref.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** The words of a search, folded like the stored search text; every word must appear. */
export function searchWords(search: string): string[] {
  return foldKey(search).split(' ').filter(Boolean).slice(0, 12);
}

/**
 * Coded values of an activity and where their labels come from: `countries` (names) or a kind of
 * `vocabulary`. The SQL selects the activities whose code is in a list.
 */
const CODED_SOURCES: { kind: string; sql: string }[] = [
  { kind: 'country', sql: 'SELECT activity_id FROM activity_transfers WHERE country' },
  { kind: 'country', sql: 'SELECT activity_id FROM activity_systems WHERE country' },
  { kind: 'legal_basis', sql: 'SELECT activity_id FROM activity_legal_bases WHERE code' },
  { kind: 'art9_condition', sql: 'SELECT activity_id FROM activity_art9_conditions WHERE code' },
  { kind: 'data_category', sql: 'SELECT activity_id FROM activity_data_categories WHERE code' },
  { kind: 'data_subject_category', sql: 'SELECT activity_id FROM activity_data_subjects WHERE code' },
  { kind: 'security_measure_type', sql: 'SELECT activity_id FROM activity_security_measures WHERE type' },
  { kind: 'transfer_safeguard', sql: 'SELECT activity_id FROM activity_transfers WHERE safeguard' },
  { kind: 'art49_derogation', sql: 'SELECT activity_id FROM activity_transfers WHERE derogation' },
  { kind: 'recipient_type', sql: 'SELECT ar.activity_id FROM activity_recipients ar JOIN recipients r ON r.id = ar.recipient_id WHERE r.type' },
];

/** Folded French and English labels of the countries and vocabularies, by kind: code → label text. */
class LabelIndex {
  constructor(private readonly byKind: Map<string, [code: string, folded: string][]>) {}

  codesFor(kind: string, word: string): string[] {
    const out: string[] = [];
    for (const [code, folded] of this.byKind.get(kind) ?? []) if (folded.includes(word)) out.push(code);
    return out;
  }
}

export class ActivityStore {
  private readonly summaries: SummaryCache;
  private labels: { stamp: string; index: LabelIndex } | undefined;

  /** The label index, rebuilt when the reference data changed (an edited label or country name). */
  private labelIndex(): LabelIndex {
    const stamp = String(
      this.stmt(
        `SELECT (SELECT group_concat(kind || code || label_fr || label_en, '|') FROM vocabulary) || '/' ||
                (SELECT group_concat(code || name_fr || name_en, '|') FROM countries) || '/' ||
                (SELECT group_concat(code || name_fr || name_en || acronym_fr || acronym_en || aliases_json, '|') FROM international_organisations)`,
      )
        .pluck()
        .get(),
    );
    if (this.labels?.stamp === stamp) return this.labels.index;
    const byKind = new Map<string, [string, string][]>();
    const add = (kind: string, code: string, ...labels: string[]) => {
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = []));
      list.push([code, foldTexts(labels)]);
    };
    for (const r of this.stmt('SELECT kind, code, label_fr, label_en FROM vocabulary').all() as Row[]) add(String(r.kind), String(r.code), String(r.label_fr), String(r.label_en));
    for (const r of this.stmt('SELECT code, name_fr, name_en FROM countries').all() as Row[]) add('country', String(r.code), String(r.name_fr), String(r.name_en));
    // International organisations are transfer destinations too: by name, acronym or alias.
    for (const r of this.stmt('SELECT code, name_fr, name_en, acronym_fr, acronym_en, aliases_json FROM international_organisations').all() as Row[])
      add('country', String(r.code), String(r.name_fr), String(r.name_en), String(r.acronym_fr), String(r.acronym_en), ...(JSON.parse(String(r.aliases_json)) as string[]));
    this.labels = { stamp, index: new LabelIndex(byKind) };
    return this.labels.index;
  }

  constructor(private readonly sqlite: Database.Database) {
    this.summaries = new SummaryCache(sqlite);
  }

  private stmt(sql: string): Database.Statement {
    return statement(this.sqlite, sql);
  }

  /** Whether an organisation exists (hot path of every write). */
  organisationExists(id: number): boolean {
    return !!this.stmt('SELECT 1 FROM organisations WHERE id = ?').get(id);
  }

  /** Directory look-ups used while saving an activity. */
  recipientIdByKey(nameKey: string): number | undefined {
    return this.stmt('SELECT id FROM recipients WHERE name_key = ?').pluck().get(nameKey) as number | undefined;
  }

  recipientSummary(id: number): { name: string; type: RecipientType; countries: string[] } {
    const r = this.stmt('SELECT name, type, countries_json FROM recipients WHERE id = ?').get(id) as Row;
    return { name: String(r.name), type: r.type as RecipientType, countries: JSON.parse(String(r.countries_json)) as string[] };
  }

  recipientExists(id: number): boolean {
    return !!this.stmt('SELECT 1 FROM recipients WHERE id = ?').get(id);
  }

  insert(organisationId: number, f: StoredActivityFields, d: ActivityDerived, createdAt: string, updatedAt: string): number {
    const id = Number(this.stmt(INSERT_ACTIVITY).run(organisationId, ...scalarValues(f, d), createdAt, updatedAt).lastInsertRowid);
    this.writeLists(id, f);
    this.index(id, f);
    return id;
  }

  update(id: number, f: StoredActivityFields, d: ActivityDerived, updatedAt: string): void {
    this.stmt(UPDATE_ACTIVITY).run(...scalarValues(f, d), updatedAt, id);
    for (const list of LIST_SQL) this.stmt(list.delete).run(id);
    this.writeLists(id, f);
    this.index(id, f);
  }

  delete(id: number): void {
    this.stmt('DELETE FROM activities WHERE id = ?').run(id);
  }

  /**
   * Like `update`, rewriting only the lists named in `lists` (the others are unchanged): the
   * register as of a date undoes thousands of edits that each touched one or two fields.
   */
  updateLists(id: number, f: StoredActivityFields, d: ActivityDerived, updatedAt: string, lists: ReadonlySet<string>): void {
    this.stmt(UPDATE_ACTIVITY).run(...scalarValues(f, d), updatedAt, id);
    for (const list of LIST_SQL) {
      if (!lists.has(list.spec.field)) continue;
      this.stmt(list.delete).run(id);
      const items = (f as unknown as Record<string, unknown[]>)[list.spec.field];
      if (!items?.length) continue;
      const insert = this.stmt(list.insert);
      items.forEach((item, position) => insert.run(id, position, ...list.spec.toRow(item as never)));
    }
    this.index(id, f);
  }

  private writeLists(id: number, f: StoredActivityFields): void {
    for (const list of LIST_SQL) {
      const items = (f as unknown as Record<string, unknown[]>)[list.spec.field];
      if (!items?.length) continue;
      const insert = this.stmt(list.insert);
      items.forEach((item, position) => insert.run(id, position, ...list.spec.toRow(item as never)));
    }
  }

  private index(id: number, f: StoredActivityFields): void {
    // Every text of the activity, pushed one by one (no intermediate arrays: this runs for every
    // activity an import writes). Recipients are searched by their directory name.
    const parts: string[] = [f.ref, f.name, f.department, f.owner, f.purpose, f.description, f.securityNotes];
    const unnamed: number[] = [];
    for (const t of f.subPurposes) parts.push(t);
    for (const s of f.dataSubjects) parts.push(s.label, s.precision);
    for (const c of f.dataCategories) parts.push(c.label, c.description);
    for (const t of f.dataSources) parts.push(t);
    for (const r of f.recipients) {
      if (r.name === undefined) unnamed.push(r.recipientId);
      else parts.push(r.name);
      parts.push(r.precision);
    }
    if (unnamed.length) parts.push(...this.recipientNames(unnamed));
    for (const t of f.transfers) parts.push(t.recipient, t.country, t.documentation);
    for (const r of f.retention) parts.push(r.text);
    for (const m of f.securityMeasures) parts.push(m.precision);
    for (const s of f.systems) parts.push(s.name, s.hosting);
    for (const j of f.jointControllers) parts.push(j.name);
    for (const c of f.clients) parts.push(c.name);
    // " | " between fields keeps a search from matching across two of them.
    const text = foldTexts(parts);
    this.stmt('INSERT OR REPLACE INTO activity_search (activity_id, text) VALUES (?, ?)').run(id, text);
  }

  private recipientNames(ids: number[]): string[] {
    return this.stmt('SELECT name FROM recipients WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[];
  }

  /** Chosen columns of `activities` for some activities: an export sheet reads only what it shows. */
  columnsOf(ids: number[], columns: readonly string[]): Row[] {
    for (const c of columns) if (!(SCALARS as readonly string[]).includes(c)) throw new Error(`activities has no column ${c}`);
    return objectRows(this.sqlite, `SELECT id, ${columns.join(', ')} FROM activities WHERE id IN (SELECT value FROM json_each(?))`, JSON.stringify(ids));
  }

  /** The rows of one list (child table) for some activities, in register order. */
  listRowsOf(table: string, ids: number[]): Row[] {
    if (!LIST_SQL.some((l) => l.spec.table === table)) throw new Error(`${table} is not a list of activities`);
    return objectRows(this.sqlite, `SELECT * FROM ${table} WHERE activity_id IN (SELECT value FROM json_each(?)) ORDER BY activity_id, position`, JSON.stringify(ids));
  }

  /** References used in an organisation, as `refKey` gives them (an import assigns new ones without asking each time). */
  refsInUse(organisationId: number): Set<string> {
    return new Set(this.stmt('SELECT upper(ref) FROM activities WHERE organisation_id = ?').pluck().all(organisationId) as string[]);
  }

  /** Rebuilds the search text of the activities that name a recipient (after it was renamed). */
  reindexRecipient(recipientId: number): void {
    const ids = this.stmt('SELECT DISTINCT activity_id FROM activity_recipients WHERE recipient_id = ?').pluck().all(recipientId) as number[];
    if (!ids.length) return;
    for (const a of this.loadMany({ ids })) {
      this.index(a.id, { ...a, recipients: a.recipients.map((r) => ({ recipientId: r.recipientId, role: r.role, precision: r.precision })) });
    }
  }

  version(id: number): { version: number; organisationId: number } | undefined {
    const row = this.stmt('SELECT version, organisation_id FROM activities WHERE id = ?').get(id) as Row | undefined;
    return row ? { version: Number(row.version), organisationId: Number(row.organisation_id) } : undefined;
  }

  refTaken(organisationId: number, ref: string, exceptId = 0): boolean {
    return !!this.stmt('SELECT 1 FROM activities WHERE organisation_id = ? AND ref = ? COLLATE NOCASE AND id <> ?').get(organisationId, ref, exceptId);
  }

  /** The next free reference of the form T-001 in an organisation. */
  nextRef(organisationId: number, prefix = 'T-'): string {
    const rows = this.stmt(`SELECT ref FROM activities WHERE organisation_id = ? AND ref LIKE ? || '%'`).all(organisationId, prefix) as { ref: string }[];
    let max = 0;
    for (const { ref } of rows) {
      const n = Number(ref.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
    return `${prefix}${String(max + 1).padStart(3, '0')}`;
  }

  idByRef(organisationId: number, ref: string): number | undefined {
    const row = this.stmt('SELECT id FROM activities WHERE organisation_id = ? AND ref = ? COLLATE NOCASE').get(organisationId, ref) as Row | undefined;
    return row ? Number(row.id) : undefined;
  }

  private where(filter: ActivityFilter): { sql: string; params: unknown[] } {
    const { clauses, params } = plainClauses(filter);
    if (filter.search) {
      const words = searchWords(filter.search);
      if (words.length) {
        // Each word is found in the activity's own texts, or in a label the DPO sees for one of its
        // codes (a country's name, a legal basis, a vocabulary term, in French or English).
        // One pass over the search texts; the activities with a matching code are each a set
        // SQLite builds once.
        const labels = this.labelIndex();
        const conditions: string[] = [];
        for (const w of words) {
          const alternatives = ['instr(s.text, ?) > 0'];
          params.push(w);
          for (const source of CODED_SOURCES) {
            const codes = labels.codesFor(source.kind, w);
            if (!codes.length) continue;
            alternatives.push(`s.activity_id IN (${source.sql} IN (SELECT value FROM json_each(?)))`);
            params.push(JSON.stringify(codes));
          }
          conditions.push(alternatives.length > 1 ? `(${alternatives.join(' OR ')})` : alternatives[0]);
        }
        clauses.push(`a.id IN (SELECT s.activity_id FROM activity_search s WHERE ${conditions.join(' AND ')})`);
      }
    }
    return whereSql(clauses, params);
  }

  /** Rows of the register table, in reference order; from memory when nothing was written since the last read. */
  list(filter: ActivityFilter): ActivitySummary[] {
    const { sql, params } = this.where(filter);
    const ids = this.stmt(`SELECT group_concat(a.id, ',' ORDER BY a.organisation_id, a.ref) FROM activities a ${sql}`)
      .pluck()
      .get(...params) as string | null;
    if (ids === null) return [];
    return this.summaries.pick(ids.split(',').map(Number), () => this.readSummaries({})) ?? this.readSummaries(filter);
  }

  private readSummaries(filter: ActivityFilter): ActivitySummary[] {
    const { sql, params } = this.where(filter);
    return readSummaries(this.sqlite, sql, params, filter.organisationId);
  }

  /** Distinct departments, for the filter pickers. */
  departments(organisationId?: number): string[] {
    const rows = this.stmt(`SELECT DISTINCT department FROM activities WHERE department <> '' AND (? IS NULL OR organisation_id = ?) ORDER BY department`).all(
      organisationId ?? null,
      organisationId ?? null,
    ) as { department: string }[];
    return rows.map((r) => r.department);
  }

  load(id: number): Activity | undefined {
    return this.loadMany({ ids: [id] })[0];
  }

  /** Loads whole activities in a fixed number of queries, whatever their count. */
  loadMany(filter: ActivityFilter): Activity[] {
    const { sql, params } = this.where(filter);
    const rows = objectRows(this.sqlite, `SELECT a.* FROM activities a ${sql} ORDER BY a.organisation_id, a.ref`, ...params);
    if (!rows.length) return [];
    const byId = new Map<number, Activity>();
    for (const r of rows) {
      const activity = {
        id: Number(r.id),
        organisationId: Number(r.organisation_id),
        ref: String(r.ref),
        name: String(r.name),
        role: r.role as ActivityRole,
        status: r.status as ActivityStatus,
        department: String(r.department),
        owner: String(r.owner),
        description: String(r.description),
        purpose: String(r.purpose),
        criminalDataBasis: String(r.criminal_data_basis),
        securityNotes: String(r.security_notes),
        dpia: assessDpia(JSON.parse(String(r.dpia_json)) as DpiaScreening),
        automatedDecision: JSON.parse(String(r.automated_decision_json)),
        rights: String(r.rights),
        consentRecords: String(r.consent_records),
        breaches: String(r.breaches),
        lastReviewedAt: String(r.last_reviewed_at),
        lastReviewedBy: String(r.last_reviewed_by ?? ''),
        nextReviewAt: String(r.next_review_at ?? ''),
        purposeBasesToCheck: r.purpose_bases_to_check === 1,
        version: Number(r.version),
        createdAt: String(r.created_at),
        updatedAt: String(r.updated_at),
      } as Activity;
      for (const list of CHILD_LISTS) (activity as unknown as Record<string, unknown[]>)[list.field] = [];
      byId.set(activity.id, activity);
    }
    const scope = rows.length === 1 ? 'activity_id = ?' : `activity_id IN (SELECT a.id FROM activities a ${sql})`;
    const scopeParams = rows.length === 1 ? [Number(rows[0].id)] : params;
    for (const list of CHILD_LISTS) {
      const select =
        list.field === 'recipients'
          ? `SELECT c.*, r.name AS r_name, r.type AS r_type, r.countries_json AS r_countries FROM ${list.table} c JOIN recipients r ON r.id = c.recipient_id WHERE c.${scope} ORDER BY c.activity_id, c.position`
          : `SELECT * FROM ${list.table} WHERE ${scope} ORDER BY activity_id, position`;
      for (const row of objectRows(this.sqlite, select, ...scopeParams)) {
        const activity = byId.get(Number(row.activity_id));
        if (!activity) continue;
        let item = list.fromRow(row);
        if (list.field === 'recipients') {
          item = { ...(item as object), name: row.r_name, type: row.r_type, countries: JSON.parse(String(row.r_countries)) };
        }
        (activity as unknown as Record<string, unknown[]>)[list.field].push(item);
      }
    }
    return [...byId.values()];
  }
}
