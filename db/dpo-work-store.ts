/**
 * SQL of the DPO's own work (issue 25): the sign-off of each activity and the action plan. The
 * services (core/dpo) validate and record the history.
 */
import type Database from 'better-sqlite3';

export type SignoffState = 'draft' | 'submitted' | 'checked';

export interface SignoffRow {
  activityId: number;
  state: SignoffState;
  checkedAt: string;
  checkedBy: string;
  recommendation: string;
  updatedAt: string;
}

export interface ActionRow {
  id: number;
  organisationId: number;
  ref: string;
  activityId: number | null;
  activityLabel: string;
  checkCode: string;
  title: string;
  note: string;
  owner: string;
  dueOn: string;
  priority: string;
  state: string;
  outcome: string;
  closedOn: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the DPO edits of an action. */
export type ActionFields = Pick<ActionRow, 'activityId' | 'activityLabel' | 'checkCode' | 'title' | 'note' | 'owner' | 'dueOn' | 'priority' | 'state' | 'outcome' | 'closedOn'>;

type Row = Record<string, unknown>;

const signoffFrom = (r: Row): SignoffRow => ({
  activityId: Number(r.activity_id),
  state: r.state as SignoffState,
  checkedAt: String(r.checked_at),
  checkedBy: String(r.checked_by),
  recommendation: String(r.recommendation),
  updatedAt: String(r.updated_at),
});

const actionFrom = (r: Row): ActionRow => ({
  id: Number(r.id),
  organisationId: Number(r.organisation_id),
  ref: String(r.ref),
  activityId: r.activity_id == null ? null : Number(r.activity_id),
  activityLabel: String(r.activity_label),
  checkCode: String(r.check_code),
  title: String(r.title),
  note: String(r.note),
  owner: String(r.owner),
  dueOn: String(r.due_on),
  priority: String(r.priority),
  state: String(r.state),
  outcome: String(r.outcome),
  closedOn: String(r.closed_on),
  version: Number(r.version),
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
});

export class DpoWorkStore {
  /** Statements prepared once: an import writes a sign-off row for each activity it creates. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.sqlite.prepare(sql)));
    return s;
  }

  signoff(activityId: number): SignoffRow | undefined {
    const r = this.stmt('SELECT * FROM activity_signoffs WHERE activity_id = ?').get(activityId) as Row | undefined;
    return r ? signoffFrom(r) : undefined;
  }

  /** Every sign-off row (activities without one are drafts), of one organisation or all. */
  signoffs(organisationId?: number): SignoffRow[] {
    const rows =
      organisationId === undefined
        ? this.sqlite.prepare('SELECT s.* FROM activity_signoffs s').all()
        : this.sqlite.prepare('SELECT s.* FROM activity_signoffs s JOIN activities a ON a.id = s.activity_id WHERE a.organisation_id = ?').all(organisationId);
    return (rows as Row[]).map(signoffFrom);
  }

  /** The ids of the activities in that state (drafts: those without a row). */
  idsInState(state: SignoffState): number[] {
    const sql =
      state === 'draft'
        ? 'SELECT id FROM activities WHERE id NOT IN (SELECT activity_id FROM activity_signoffs) ORDER BY id'
        : 'SELECT activity_id FROM activity_signoffs WHERE state = ? ORDER BY activity_id';
    return (state === 'draft' ? this.sqlite.prepare(sql).pluck().all() : this.sqlite.prepare(sql).pluck().all(state)) as number[];
  }

  setSignoff(s: SignoffRow): void {
    if (s.state === 'draft') {
      this.stmt('DELETE FROM activity_signoffs WHERE activity_id = ?').run(s.activityId);
      return;
    }
    this.stmt(
      `INSERT INTO activity_signoffs (activity_id, state, checked_at, checked_by, recommendation, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(activity_id) DO UPDATE SET state = excluded.state, checked_at = excluded.checked_at, checked_by = excluded.checked_by,
         recommendation = excluded.recommendation, updated_at = excluded.updated_at`,
    ).run(s.activityId, s.state, s.checkedAt, s.checkedBy, s.recommendation, s.updatedAt);
  }

  actions(filter: { organisationId?: number; activityId?: number } = {}): ActionRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.organisationId !== undefined) {
      where.push('organisation_id = ?');
      params.push(filter.organisationId);
    }
    if (filter.activityId !== undefined) {
      where.push('activity_id = ?');
      params.push(filter.activityId);
    }
    const sql = `SELECT * FROM dpo_actions${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY organisation_id, id`;
    return (this.sqlite.prepare(sql).all(...params) as Row[]).map(actionFrom);
  }

  action(id: number): ActionRow | undefined {
    const r = this.sqlite.prepare('SELECT * FROM dpo_actions WHERE id = ?').get(id) as Row | undefined;
    return r ? actionFrom(r) : undefined;
  }

  nextActionRef(organisationId: number): string {
    const refs = this.sqlite.prepare("SELECT ref FROM dpo_actions WHERE organisation_id = ? AND ref LIKE 'A-%'").pluck().all(organisationId) as string[];
    const n = Math.max(0, ...refs.map((r) => Number(r.slice(2)) || 0)) + 1;
    return `A-${String(n).padStart(3, '0')}`;
  }

  insertAction(organisationId: number, ref: string, f: ActionFields, at: string): number {
    const r = this.sqlite
      .prepare(
        `INSERT INTO dpo_actions (organisation_id, ref, activity_id, activity_label, check_code, title, note, owner, due_on, priority, state, outcome, closed_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(organisationId, ref, f.activityId, f.activityLabel, f.checkCode, f.title, f.note, f.owner, f.dueOn, f.priority, f.state, f.outcome, f.closedOn, at, at);
    return Number(r.lastInsertRowid);
  }

  updateAction(id: number, f: ActionFields, at: string): void {
    this.sqlite
      .prepare(
        `UPDATE dpo_actions SET activity_id = ?, activity_label = ?, check_code = ?, title = ?, note = ?, owner = ?, due_on = ?, priority = ?, state = ?, outcome = ?,
         closed_on = ?, version = version + 1, updated_at = ? WHERE id = ?`,
      )
      .run(f.activityId, f.activityLabel, f.checkCode, f.title, f.note, f.owner, f.dueOn, f.priority, f.state, f.outcome, f.closedOn, at, id);
  }

  deleteAction(id: number): void {
    this.sqlite.prepare('DELETE FROM dpo_actions WHERE id = ?').run(id);
  }
}
