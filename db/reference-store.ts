/** Reference data: controlled vocabularies and countries (cached: read on every write). */
import type Database from 'better-sqlite3';
import type { AdequacyStatus, VocabularyKind } from '../core/model/codes.js';
import type { Country, VocabularyTerm } from '../core/model/register.js';

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
});

export class ReferenceStore {
  private countryCache: Map<string, Country> | null = null;
  private specialCache: Set<string> | null = null;

  constructor(private readonly sqlite: Database.Database) {}

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

  upsertTerm(t: VocabularyTerm): void {
    this.sqlite
      .prepare(
        `INSERT INTO vocabulary (kind, code, label_fr, label_en, article, legacy, special, custom, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, code) DO UPDATE SET label_fr = excluded.label_fr, label_en = excluded.label_en, article = excluded.article,
           legacy = excluded.legacy, special = excluded.special, sort = excluded.sort`,
      )
      .run(t.kind, t.code, t.labelFr, t.labelEn, t.article, t.legacy ? 1 : 0, t.special ? 1 : 0, t.custom ? 1 : 0, t.sort);
    this.specialCache = null;
  }

  deleteTerm(kind: VocabularyKind, code: string): void {
    this.sqlite.prepare('DELETE FROM vocabulary WHERE kind = ? AND code = ?').run(kind, code);
    this.specialCache = null;
  }

  /** Catalogue data categories that are special (Art. 9(1)) or criminal (Art. 10). */
  specialCategoryCodes(): Set<string> {
    this.specialCache ??= new Set(
      (this.sqlite.prepare("SELECT code FROM vocabulary WHERE kind = 'data_category' AND special = 1").all() as { code: string }[]).map((r) => r.code),
    );
    return this.specialCache;
  }

  countries(): Map<string, Country> {
    if (!this.countryCache) {
      const rows = this.sqlite.prepare('SELECT * FROM countries ORDER BY code').all() as Row[];
      this.countryCache = new Map(rows.map((r) => [String(r.code), countryFromRow(r)]));
    }
    return this.countryCache;
  }

  country(code: string): Country | undefined {
    return this.countries().get(code.toUpperCase());
  }

  updateCountry(c: Country): void {
    this.sqlite
      .prepare(
        `UPDATE countries SET name_fr = ?, name_en = ?, eea = ?, adequacy = ?, adequacy_decision_date = ?, adequacy_scope_fr = ?, adequacy_scope_en = ? WHERE code = ?`,
      )
      .run(c.nameFr, c.nameEn, c.eea ? 1 : 0, c.adequacy, c.adequacyDecisionDate, c.adequacyScopeFr, c.adequacyScopeEn, c.code);
    this.countryCache = null;
    // EEA membership drives the "transfer outside the EEA" flag of every activity.
    this.sqlite
      .prepare(
        `UPDATE activities SET non_eea_transfer = EXISTS (
           SELECT 1 FROM activity_transfers t JOIN countries c ON c.code = t.country WHERE t.activity_id = activities.id AND c.eea = 0)
         WHERE id IN (SELECT activity_id FROM activity_transfers WHERE country = ?)`,
      )
      .run(c.code);
  }

  /** Forget cached rows (after a transaction was rolled back). */
  invalidate(): void {
    this.countryCache = null;
    this.specialCache = null;
  }
}
