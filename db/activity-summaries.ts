/**
 * The register table's rows (one summary per activity) as SQL gives them, and the clauses of an
 * activity filter that need no reference data (every criterion but the search). ActivityStore adds
 * the search and keeps the rows in memory between writes; apart from it, so that a read of the
 * table from the command line (`art30 list`, cli/quick.ts) loads only this and not the write path
 * with its drizzle schema.
 */
import type Database from 'better-sqlite3';
import type { ActivityRole, ActivityStatus, LegalBasisCode } from '../core/model/codes.js';
import type { ActivitySummary } from '../core/model/register.js';
import { statement } from './statements.js';

export interface ActivityFilter {
  organisationId?: number;
  role?: ActivityRole | 'controller_register';
  status?: ActivityStatus;
  department?: string;
  legalBasis?: LegalBasisCode;
  country?: string;
  nonEeaTransfer?: boolean;
  specialCategories?: boolean;
  dpiaRequired?: boolean;
  /** Full-text search over every field (ActivityStore: it reads the reference data's labels). */
  search?: string;
  ids?: number[];
  refs?: string[];
}

/** The SQL conditions of every criterion of `filter` but the search, on `activities a`. */
export function plainClauses(filter: ActivityFilter): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.organisationId !== undefined) {
    clauses.push('a.organisation_id = ?');
    params.push(filter.organisationId);
  }
  if (filter.role === 'controller_register') clauses.push("a.role IN ('controller', 'joint_controller')");
  else if (filter.role) {
    clauses.push('a.role = ?');
    params.push(filter.role);
  }
  if (filter.status) {
    clauses.push('a.status = ?');
    params.push(filter.status);
  }
  if (filter.department) {
    clauses.push('a.department = ?');
    params.push(filter.department);
  }
  if (filter.legalBasis) {
    clauses.push('a.id IN (SELECT activity_id FROM activity_legal_bases WHERE code = ?)');
    params.push(filter.legalBasis);
  }
  if (filter.country) {
    clauses.push('a.id IN (SELECT activity_id FROM activity_transfers WHERE country = ?)');
    params.push(filter.country.toUpperCase());
  }
  if (filter.nonEeaTransfer !== undefined) clauses.push(`a.non_eea_transfer = ${filter.nonEeaTransfer ? 1 : 0}`);
  if (filter.specialCategories !== undefined) clauses.push(`a.special_categories = ${filter.specialCategories ? 1 : 0}`);
  if (filter.dpiaRequired !== undefined) clauses.push(`a.dpia_required = ${filter.dpiaRequired ? 1 : 0}`);
  if (filter.ids) {
    clauses.push('a.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.ids));
  }
  if (filter.refs) {
    clauses.push('a.ref IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.refs));
  }
  return { clauses, params };
}

/** The WHERE of some conditions (none: every activity). */
export function whereSql(clauses: string[], params: unknown[]): { sql: string; params: unknown[] } {
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * The summaries of the activities `where` selects, in reference order. `organisationId`: the one
 * organisation the condition names, when it names one (its rows need not carry it).
 */
export function readSummaries(sqlite: Database.Database, where: string, params: unknown[], organisationId?: number): ActivitySummary[] {
  // Fewer, cheaper columns: reading 10,000 rows is dominated by converting each value. The three
  // flags travel as one bit mask, and the organisation is known when the filter names it.
  const org = organisationId;
  const rows = statement(
    sqlite,
    `SELECT a.id, ${org === undefined ? 'a.organisation_id' : '0'}, a.ref, a.name, a.role, a.status, a.department, a.owner, a.purpose,
        a.legal_basis_codes, a.special_categories | (a.non_eea_transfer << 1) | (a.dpia_required << 2), a.transfer_countries,
        a.version, a.created_at, a.updated_at
       FROM activities a ${where} ORDER BY a.organisation_id, a.ref`,
  )
    .raw()
    .all(...params) as unknown[][];
  return rows.map((r) => {
    const flags = r[10] as number;
    return {
      id: r[0] as number,
      organisationId: org ?? (r[1] as number),
      ref: r[2] as string,
      name: r[3] as string,
      role: r[4] as ActivityRole,
      status: r[5] as ActivityStatus,
      department: r[6] as string,
      owner: r[7] as string,
      purpose: r[8] as string,
      legalBases: r[9] ? ((r[9] as string).split(' ') as LegalBasisCode[]) : [],
      specialCategories: (flags & 1) !== 0,
      nonEeaTransfer: (flags & 2) !== 0,
      transferCountries: r[11] ? (r[11] as string).split(' ') : [],
      dpiaRequired: (flags & 4) !== 0,
      version: r[12] as number,
      createdAt: r[13] as string,
      updatedAt: r[14] as string,
    };
  });
}
