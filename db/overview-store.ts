/**
 * SQL for the overview (issue 16): what the points to review, completeness and review cycle need of
 * every activity of an organisation (or of the register), read in a few scans with only the columns
 * used: list lengths as counts, and the few list fields the checks look at.
 */
import type Database from 'better-sqlite3';

export interface FactRows {
  /** id, DPIA status, last_reviewed_at, next_review_at, review period of its organisation. */
  activities: [number, string, string, string, number][];
  /** Per list: activity id → number of entries. */
  counts: Record<'art9Conditions' | 'dataSubjects' | 'dataCategories' | 'recipients' | 'retention' | 'securityMeasures' | 'clients', Map<number, number>>;
  /** Activities with a special-category item. */
  special: Set<number>;
  /** activity id, code, justification is empty (1/0). */
  legalBases: [number, string, number][];
  /** activity id, country, safeguard. */
  transfers: [number, string, string | null][];
}

const COUNTED = {
  art9Conditions: 'activity_art9_conditions',
  dataSubjects: 'activity_data_subjects',
  dataCategories: 'activity_data_categories',
  recipients: 'activity_recipients',
  retention: 'activity_retention_rules',
  securityMeasures: 'activity_security_measures',
  clients: 'activity_clients',
} as const;

export function readFactRows(sqlite: Database.Database, organisationId?: number): FactRows {
  const byOrg = organisationId !== undefined;
  const p = byOrg ? [organisationId] : [];
  const scope = byOrg ? 'WHERE activity_id IN (SELECT id FROM activities WHERE organisation_id = ?)' : '';
  const and = byOrg ? 'AND activity_id IN (SELECT id FROM activities WHERE organisation_id = ?)' : '';
  const raw = <T>(sql: string) => sqlite.prepare(sql).raw().all(...p) as T[];
  const counts = {} as FactRows['counts'];
  for (const [field, table] of Object.entries(COUNTED) as [keyof typeof COUNTED, string][]) {
    counts[field] = new Map(raw<[number, number]>(`SELECT activity_id, count(*) FROM ${table} ${scope} GROUP BY activity_id`));
  }
  return {
    activities: raw(
      `SELECT a.id, coalesce(json_extract(a.dpia_json, '$.status'), 'not_assessed'), a.last_reviewed_at, a.next_review_at, o.review_period_months FROM activities a JOIN organisations o ON o.id = a.organisation_id ${byOrg ? 'WHERE a.organisation_id = ?' : ''}`,
    ),
    counts,
    special: new Set(raw<[number]>(`SELECT DISTINCT activity_id FROM activity_data_categories WHERE special = 1 ${and}`).map((r) => r[0])),
    legalBases: raw(`SELECT activity_id, code, trim(justification) = '' FROM activity_legal_bases ${scope}`),
    transfers: raw(`SELECT activity_id, country, safeguard FROM activity_transfers ${scope} ORDER BY activity_id, position`),
  };
}
