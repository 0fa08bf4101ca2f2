/** Reference data: controlled vocabularies and countries (cached: read on every write). */
import type Database from 'better-sqlite3';
import { statement } from './statements.js';
import type { AdequacyStatus, VocabularyKind } from '../core/model/codes.js';
import type { Country, InternationalOrganisation, VocabularyTerm } from '../core/model/register.js';

type Row = Record<string, unknown>;

const termFromRow = (r: Row): VocabularyTerm => ({
  kind: r.kind as VocabularyKind,
  code: String(r.code),
  labelFr: String(r.label_fr),
  labelEn: String(r.label_en),
  article: String(r.article),
  legacy: r.legacy === 1,
  special: r.special === 1,
  custom: r.custom === 1,
  sort: Number(r.sort),
  dpoEdited: r.dpo_edited === 1,
});

const countryFromRow = (r: Row): Country => ({
  code: String(r.code),
  nameFr: String(r.name_fr),
  nameEn: String(r.name_en),
  eea: r.eea === 1,
  adequacy: r.adequacy as AdequacyStatus,
  adequacyDecisionDate: String(r.adequacy_decision_date),
  adequacyScopeFr: String(r.adequacy_scope_fr),
  adequacyScopeEn: String(r.adequacy_scope_en),
  dpoEdited: r.dpo_edited === 1,
  kind: 'country',
});

const organisationFromRow = (r: Row): InternationalOrganisation => ({
  code: String(r.code),
  nameFr: String(r.name_fr),
  nameEn: String(r.name_en),
  acronymFr: String(r.acronym_fr),
  acronymEn: String(r.acronym_en),
  aliases: JSON.parse(String(r.aliases_json)) as string[],
  eea: false,
  adequacy: r.adequacy as AdequacyStatus,
  adequacyDecisionDate: String(r.adequacy_decision_date),
  adequacyScopeFr: String(r.adequacy_scope_fr),
  adequacyScopeEn: String(r.adequacy_scope_en),
  dpoEdited: r.dpo_edited === 1,
  kind: 'organisation',
});

/** A reference data set applied to the register. */
export interface AppliedDataset {
  id: number;
  asOf: string;
  sha256: string;
  sources: { title: string; titleFr?: string; url?: string }[];
  appliedAt: string;
  report: unknown;
}

export class ReferenceStore {
  private countryCache: Map<string, Country> | null = null;
  private specialCache: Set<string> | null = null;
  private organisationCache: Map<string, InternationalOrganisation> | null = null;
  private destinationCache: Map<string, Country> | null = null;

  /** `PRAGMA data_version` when the caches were filled: it moves when another connection (the CLI, a second window) commits. */
  private dataVersion: unknown;

  constructor(private readonly sqlite: Database.Database) {}

  /** Drops the caches when another connection has committed since they were filled (not inside a transaction). */
  private fresh(): void {
    if (this.sqlite.inTransaction) return;
    const version = statement(this.sqlite, 'PRAGMA data_version').pluck().get();
    if (version !== this.dataVersion) {
      this.invalidate();
      this.dataVersion = version;
    }
  }

  terms(kind?: VocabularyKind): VocabularyTerm[] {
    const rows = kind
      ? this.sqlite.prepare('SELECT * FROM vocabulary WHERE kind = ? ORDER BY sort, code').all(kind)
      : this.sqlite.prepare('SELECT * FROM vocabulary ORDER BY kind, sort, code').all();
    return (rows as Row[]).map(termFromRow);
  }

  term(kind: VocabularyKind, code: string): VocabularyTerm | undefined {
    const row = this.sqlite.prepare('SELECT * FROM vocabulary WHERE kind = ? AND code = ?').get(kind, code) as Row | undefined;
    return row ? termFromRow(row) : undefined;
  }

  /** Saves a term; `dpoEdited` (default: a DPO's change) protects it from reference data updates. */
  upsertTerm(t: VocabularyTerm, dpoEdited = true): void {
    this.sqlite
      .prepare(
        `INSERT INTO vocabulary (kind, code, label_fr, label_en, article, legacy, special, custom, sort, dpo_edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, code) DO UPDATE SET label_fr = excluded.label_fr, label_en = excluded.label_en, article = excluded.article,
           legacy = excluded.legacy, special = excluded.special, sort = excluded.sort, dpo_edited = excluded.dpo_edited`,
      )
      .run(t.kind, t.code, t.labelFr, t.labelEn, t.article, t.legacy ? 1 : 0, t.special ? 1 : 0, t.custom ? 1 : 0, t.sort, dpoEdited ? 1 : 0);
    this.specialCache = null;
  }

  deleteTerm(kind: VocabularyKind, code: string): void {
    this.sqlite.prepare('DELETE FROM vocabulary WHERE kind = ? AND code = ?').run(kind, code);
    this.specialCache = null;
  }

  /** Catalogue data categories that are special (Art. 9(1)) or criminal (Art. 10). */
  specialCategoryCodes(): Set<string> {
    this.fresh();
    this.specialCache ??= new Set((this.sqlite.prepare("SELECT code FROM vocabulary WHERE kind = 'data_category' AND special = 1").all() as { code: string }[]).map((r) => r.code));
    return this.specialCache;
  }

  countries(): Map<string, Country> {
    this.fresh();
    if (!this.countryCache) {
      const rows = this.sqlite.prepare('SELECT * FROM countries ORDER BY code').all() as Row[];
      this.countryCache = new Map(rows.map((r) => [String(r.code), countryFromRow(r)]));
    }
    return this.countryCache;
  }

  country(code: string): Country | undefined {
    return this.countries().get(code.toUpperCase());
  }

  /** Saves a country; `dpoEdited` (default: a DPO's change) protects it from reference data updates. */
  updateCountry(c: Country, dpoEdited = true): void {
    this.sqlite
      .prepare(
        `INSERT INTO countries (code, name_fr, name_en, eea, adequacy, adequacy_decision_date, adequacy_scope_fr, adequacy_scope_en, dpo_edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name_fr = excluded.name_fr, name_en = excluded.name_en, eea = excluded.eea, adequacy = excluded.adequacy,
           adequacy_decision_date = excluded.adequacy_decision_date, adequacy_scope_fr = excluded.adequacy_scope_fr, adequacy_scope_en = excluded.adequacy_scope_en,
           dpo_edited = excluded.dpo_edited`,
      )
      .run(c.code, c.nameFr, c.nameEn, c.eea ? 1 : 0, c.adequacy, c.adequacyDecisionDate, c.adequacyScopeFr, c.adequacyScopeEn, dpoEdited ? 1 : 0);
    this.countryCache = null;
    this.destinationCache = null;
    this.recomputeTransferFlags([c.code]);
  }

  organisations(): Map<string, InternationalOrganisation> {
    this.fresh();
    if (!this.organisationCache) {
      const rows = this.sqlite.prepare('SELECT * FROM international_organisations ORDER BY code').all() as Row[];
      this.organisationCache = new Map(rows.map((r) => [String(r.code), organisationFromRow(r)]));
    }
    return this.organisationCache;
  }

  /** Every transfer destination by code: countries and international organisations. */
  destinations(): Map<string, Country> {
    this.fresh();
    this.destinationCache ??= new Map<string, Country>([...this.countries(), ...this.organisations()]);
    return this.destinationCache;
  }

  destination(code: string): Country | undefined {
    return this.destinations().get(code.toUpperCase());
  }

  /** Saves an international organisation; `dpoEdited` as for countries. */
  saveOrganisation(o: InternationalOrganisation, dpoEdited = true): void {
    this.sqlite
      .prepare(
        `INSERT INTO international_organisations (code, name_fr, name_en, acronym_fr, acronym_en, aliases_json, adequacy, adequacy_decision_date, adequacy_scope_fr, adequacy_scope_en, dpo_edited)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name_fr = excluded.name_fr, name_en = excluded.name_en, acronym_fr = excluded.acronym_fr, acronym_en = excluded.acronym_en,
           aliases_json = excluded.aliases_json, adequacy = excluded.adequacy, adequacy_decision_date = excluded.adequacy_decision_date,
           adequacy_scope_fr = excluded.adequacy_scope_fr, adequacy_scope_en = excluded.adequacy_scope_en, dpo_edited = excluded.dpo_edited`,
      )
      .run(
        o.code,
        o.nameFr,
        o.nameEn,
        o.acronymFr,
        o.acronymEn,
        JSON.stringify(o.aliases),
        o.adequacy,
        o.adequacyDecisionDate,
        o.adequacyScopeFr,
        o.adequacyScopeEn,
        dpoEdited ? 1 : 0,
      );
    this.organisationCache = null;
    this.destinationCache = null;
  }

  /**
   * The "transfer outside the EEA" flag of the activities that send data to `codes` (all when
   * omitted): true when a destination is not an EEA country (an international organisation never is).
   */
  recomputeTransferFlags(codes?: string[]): void {
    const where = codes
      ? `WHERE id IN (SELECT activity_id FROM activity_transfers WHERE country IN (${codes.map(() => '?').join(', ')}))`
      : 'WHERE id IN (SELECT activity_id FROM activity_transfers)';
    this.sqlite
      .prepare(
        `UPDATE activities SET non_eea_transfer = EXISTS (
           SELECT 1 FROM activity_transfers t LEFT JOIN countries c ON c.code = t.country WHERE t.activity_id = activities.id AND coalesce(c.eea, 0) = 0)
         ${where}`,
      )
      .run(...(codes ?? []));
  }

  /** Names of the directory's recipients certified under the EU-US Data Privacy Framework (they decide US transfers). */
  dpfCertifiedRecipients(): string[] {
    return (this.sqlite.prepare('SELECT name FROM recipients WHERE dpf_certified = 1').all() as { name: string }[]).map((r) => r.name);
  }

  /** The reference data sets applied to this register, oldest first. */
  datasets(): AppliedDataset[] {
    return (this.sqlite.prepare('SELECT * FROM reference_datasets ORDER BY id').all() as Row[]).map((r) => ({
      id: Number(r.id),
      asOf: String(r.as_of),
      sha256: String(r.sha256),
      sources: JSON.parse(String(r.sources_json)) as AppliedDataset['sources'],
      appliedAt: String(r.applied_at),
      report: JSON.parse(String(r.report_json)) as unknown,
    }));
  }

  currentDataset(): AppliedDataset | undefined {
    const all = this.datasets();
    return all[all.length - 1];
  }

  recordDataset(d: Omit<AppliedDataset, 'id'>): void {
    this.sqlite
      .prepare('INSERT INTO reference_datasets (as_of, sha256, sources_json, applied_at, report_json) VALUES (?, ?, ?, ?, ?)')
      .run(d.asOf, d.sha256, JSON.stringify(d.sources), d.appliedAt, JSON.stringify(d.report));
  }

  /** Forget cached rows (after a transaction was rolled back). */
  invalidate(): void {
    this.countryCache = null;
    this.specialCache = null;
    this.organisationCache = null;
    this.destinationCache = null;
  }
}
