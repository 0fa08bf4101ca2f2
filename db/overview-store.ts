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
  counts: Record<'subPurposes' | 'art9Conditions' | 'dataSubjects' | 'dataCategories' | 'recipients' | 'retention' | 'securityMeasures' | 'clients', Map<number, number>>;
  /** Activities with a special-category item. */
  special: Set<number>;
  /** activity id, code, justification is empty (1/0), the purpose it serves (0 main, n the n-th sub-purpose). */
  legalBases: [number, string, number, number][];
  /** Activities whose bases per purpose the DPO is to check (issue 25). */
  basesToCheck: Set<number>;
  /** activity id, country, safeguard. */
  transfers: [number, string, string | null][];
}

const COUNTED = {
  subPurposes: 'activity_sub_purposes',
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
  const raw = <T>(sql: string) =>
    sqlite
      .prepare(sql)
      .raw()
      .all(...p) as T[];
  const fields = Object.keys(COUNTED) as (keyof typeof COUNTED)[];
  // One pass over the activities; each count is a range of the list's primary key (activity_id, position).
  const rows = raw<unknown[]>(
    `SELECT a.id, coalesce(json_extract(a.dpia_json, '$.status'), 'not_assessed'), a.last_reviewed_at, a.next_review_at, o.review_period_months,
       EXISTS (SELECT 1 FROM activity_data_categories c WHERE c.activity_id = a.id AND c.special = 1), a.purpose_bases_to_check,
       ${fields.map((f) => `(SELECT count(*) FROM ${COUNTED[f]} l WHERE l.activity_id = a.id)`).join(', ')}
     FROM activities a JOIN organisations o ON o.id = a.organisation_id ${byOrg ? 'WHERE a.organisation_id = ?' : ''}`,
  );
  const counts = Object.fromEntries(fields.map((f) => [f, new Map<number, number>()])) as FactRows['counts'];
  const special = new Set<number>();
  const basesToCheck = new Set<number>();
  for (const r of rows) {
    const id = r[0] as number;
    if (r[5]) special.add(id);
    if (r[6]) basesToCheck.add(id);
    fields.forEach((f, i) => {
      const n = r[7 + i] as number;
      if (n) counts[f].set(id, n);
    });
  }
  return {
    activities: rows.map((r) => r.slice(0, 5) as FactRows['activities'][number]),
    counts,
    special,
    basesToCheck,
    legalBases: raw(`SELECT activity_id, code, trim(justification) = '', purpose FROM activity_legal_bases ${scope}`),
    transfers: raw(`SELECT activity_id, country, safeguard FROM activity_transfers ${scope} ORDER BY activity_id, position`),
  };
}
