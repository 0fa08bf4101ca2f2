/** The rows of the models of activities (issue 24): newer catalogues, the DPO's own models, activities' links to models. */
import type Database from 'better-sqlite3';

export interface ModelLinkRow {
  activityId: number;
  modelId: string;
  modelVersion: string;
  lang: 'fr' | 'en';
  /** The model as it was when the activity was made from it (or last taken or left), JSON. */
  model: string;
  linkedAt: string;
}

type Row = Record<string, unknown>;
const linkOf = (r: Row): ModelLinkRow => ({
  activityId: Number(r.activity_id),
  modelId: String(r.model_id),
  modelVersion: String(r.model_version),
  lang: r.lang === 'en' ? 'en' : 'fr',
  model: String(r.model_json),
  linkedAt: String(r.linked_at),
});

export class ModelStore {
  constructor(private readonly sqlite: Database.Database) {}

  /** The newest catalogue loaded into this register, if any. */
  latestCatalogue(): { asOf: string; data: string; appliedAt: string; sourceFile: string } | undefined {
    const r = this.sqlite.prepare('SELECT as_of, data_json, applied_at, source_file FROM model_catalogues ORDER BY as_of DESC, id DESC LIMIT 1').get() as Row | undefined;
    return r ? { asOf: String(r.as_of), data: String(r.data_json), appliedAt: String(r.applied_at), sourceFile: String(r.source_file) } : undefined;
  }

  insertCatalogue(asOf: string, sha256: string, sourceFile: string, appliedAt: string, data: string): void {
    this.sqlite.prepare('INSERT INTO model_catalogues (as_of, sha256, source_file, applied_at, data_json) VALUES (?, ?, ?, ?, ?)').run(asOf, sha256, sourceFile, appliedAt, data);
  }

  dpoModels(): { id: string; data: string }[] {
    return (this.sqlite.prepare('SELECT id, data_json FROM dpo_models ORDER BY id').all() as Row[]).map((r) => ({ id: String(r.id), data: String(r.data_json) }));
  }

  dpoModel(id: string): string | undefined {
    const r = this.sqlite.prepare('SELECT data_json FROM dpo_models WHERE id = ?').get(id) as Row | undefined;
    return r ? String(r.data_json) : undefined;
  }

  saveDpoModel(id: string, data: string, at: string): void {
    this.sqlite
      .prepare(
        'INSERT INTO dpo_models (id, data_json, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET data_json = excluded.data_json, updated_at = excluded.updated_at',
      )
      .run(id, data, at, at);
  }

  link(activityId: number): ModelLinkRow | undefined {
    const r = this.sqlite.prepare('SELECT * FROM activity_model_links WHERE activity_id = ?').get(activityId) as Row | undefined;
    return r ? linkOf(r) : undefined;
  }

  links(): ModelLinkRow[] {
    return (this.sqlite.prepare('SELECT * FROM activity_model_links ORDER BY activity_id').all() as Row[]).map(linkOf);
  }

  saveLink(l: ModelLinkRow): void {
    this.sqlite
      .prepare(
        `INSERT INTO activity_model_links (activity_id, model_id, model_version, lang, model_json, linked_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(activity_id) DO UPDATE SET model_id = excluded.model_id, model_version = excluded.model_version, lang = excluded.lang, model_json = excluded.model_json, linked_at = excluded.linked_at`,
      )
      .run(l.activityId, l.modelId, l.modelVersion, l.lang, l.model, l.linkedAt);
  }
}
