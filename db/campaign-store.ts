/**
 * SQL of the department review campaigns (issue 22): a campaign per organisation, one row per
 * department with what was sent and when it came back. The services (core/campaign) validate and
 * record the history.
 */
import type Database from 'better-sqlite3';

export interface CampaignRow {
  id: number;
  organisationId: number;
  ref: string;
  publicId: string;
  sealKey: string;
  groupBy: 'department' | 'owner';
  dueOn: string;
  message: string;
  closedAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignDepartmentRow {
  id: number;
  campaignId: number;
  name: string;
  token: string;
  lang: 'fr' | 'en';
  email: string;
  fileName: string;
  /** What was sent, as the services wrote it (JSON). */
  sent: unknown;
  sentAt: string;
  returnedAt: string;
  returnedFile: string;
  returnedSha256: string;
  remindedAt: string;
}

type Row = Record<string, unknown>;

const campaignFrom = (r: Row): CampaignRow => ({
  id: Number(r.id),
  organisationId: Number(r.organisation_id),
  ref: String(r.ref),
  publicId: String(r.public_id),
  sealKey: String(r.seal_key),
  groupBy: r.group_by === 'owner' ? 'owner' : 'department',
  dueOn: String(r.due_on),
  message: String(r.message),
  closedAt: String(r.closed_at),
  version: Number(r.version),
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
});

const departmentFrom = (r: Row): CampaignDepartmentRow => ({
  id: Number(r.id),
  campaignId: Number(r.campaign_id),
  name: String(r.name),
  token: String(r.token),
  lang: r.lang === 'en' ? 'en' : 'fr',
  email: String(r.email),
  fileName: String(r.file_name),
  sent: JSON.parse(String(r.sent_json)) as unknown,
  sentAt: String(r.sent_at),
  returnedAt: String(r.returned_at),
  returnedFile: String(r.returned_file),
  returnedSha256: String(r.returned_sha256),
  remindedAt: String(r.reminded_at),
});

export class CampaignStore {
  constructor(private readonly sqlite: Database.Database) {}

  list(organisationId?: number): CampaignRow[] {
    const rows = (
      organisationId
        ? this.sqlite.prepare('SELECT * FROM campaigns WHERE organisation_id = ? ORDER BY id DESC').all(organisationId)
        : this.sqlite.prepare('SELECT * FROM campaigns ORDER BY id DESC').all()
    ) as Row[];
    return rows.map(campaignFrom);
  }

  get(id: number): CampaignRow | undefined {
    const r = this.sqlite.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as Row | undefined;
    return r ? campaignFrom(r) : undefined;
  }

  byPublicId(publicId: string): CampaignRow | undefined {
    const r = this.sqlite.prepare('SELECT * FROM campaigns WHERE public_id = ?').get(publicId) as Row | undefined;
    return r ? campaignFrom(r) : undefined;
  }

  nextRef(organisationId: number): string {
    const refs = this.sqlite.prepare("SELECT ref FROM campaigns WHERE organisation_id = ? AND ref LIKE 'C-%'").pluck().all(organisationId) as string[];
    const max = refs.reduce((m, ref) => Math.max(m, Number(ref.slice(2)) || 0), 0);
    return `C-${String(max + 1).padStart(3, '0')}`;
  }

  insert(c: Omit<CampaignRow, 'id' | 'version' | 'closedAt' | 'updatedAt'>): number {
    return Number(
      this.sqlite
        .prepare('INSERT INTO campaigns (organisation_id, ref, public_id, seal_key, group_by, due_on, message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(c.organisationId, c.ref, c.publicId, c.sealKey, c.groupBy, c.dueOn, c.message, c.createdAt, c.createdAt).lastInsertRowid,
    );
  }

  setClosed(id: number, closedAt: string, at: string): void {
    this.sqlite.prepare('UPDATE campaigns SET closed_at = ?, version = version + 1, updated_at = ? WHERE id = ?').run(closedAt, at, id);
  }

  departments(campaignId: number): CampaignDepartmentRow[] {
    return (this.sqlite.prepare('SELECT * FROM campaign_departments WHERE campaign_id = ? ORDER BY id').all(campaignId) as Row[]).map(departmentFrom);
  }

  department(id: number): CampaignDepartmentRow | undefined {
    const r = this.sqlite.prepare('SELECT * FROM campaign_departments WHERE id = ?').get(id) as Row | undefined;
    return r ? departmentFrom(r) : undefined;
  }

  departmentByToken(token: string): CampaignDepartmentRow | undefined {
    const r = this.sqlite.prepare('SELECT * FROM campaign_departments WHERE token = ?').get(token) as Row | undefined;
    return r ? departmentFrom(r) : undefined;
  }

  insertDepartment(d: Omit<CampaignDepartmentRow, 'id' | 'returnedAt' | 'returnedFile' | 'returnedSha256' | 'remindedAt'>): number {
    return Number(
      this.sqlite
        .prepare('INSERT INTO campaign_departments (campaign_id, name, token, lang, email, file_name, sent_json, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(d.campaignId, d.name, d.token, d.lang, d.email, d.fileName, JSON.stringify(d.sent), d.sentAt).lastInsertRowid,
    );
  }

  setReturned(id: number, at: string, file: string, sha256: string): void {
    this.sqlite.prepare('UPDATE campaign_departments SET returned_at = ?, returned_file = ?, returned_sha256 = ? WHERE id = ?').run(at, file, sha256, id);
  }

  setReminded(id: number, at: string): void {
    this.sqlite.prepare('UPDATE campaign_departments SET reminded_at = ? WHERE id = ?').run(at, id);
  }

  /** The e-mail address a department (by its folded name) was last sent to in the organisation's campaigns. */
  lastEmails(organisationId: number, fold: (name: string) => string): Map<string, string> {
    const rows = this.sqlite
      .prepare("SELECT d.name, d.email FROM campaign_departments d JOIN campaigns c ON c.id = d.campaign_id WHERE c.organisation_id = ? AND d.email <> '' ORDER BY d.id")
      .all(organisationId) as { name: string; email: string }[];
    return new Map(rows.map((r) => [fold(r.name), r.email]));
  }

  /** A department whose returned file had this SHA-256, in any campaign. */
  returnedWithSha(sha256: string): CampaignDepartmentRow | undefined {
    const r = this.sqlite.prepare("SELECT * FROM campaign_departments WHERE returned_sha256 = ? AND returned_sha256 <> ''").get(sha256) as Row | undefined;
    return r ? departmentFrom(r) : undefined;
  }
}
