/**
 * SQL for the recipient directory (drizzle): rows in, rows out. The service
 * (core/services/recipients.ts) validates, records history and maps rows to the model.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { RegisterDatabase } from './open.js';
import { activityRecipients, recipients } from './schema.js';

export type RecipientRow = typeof recipients.$inferSelect;
export type RecipientColumns = Omit<typeof recipients.$inferInsert, 'id' | 'version'>;

/** The columns an insert sets, each a placeholder: a prepared insert binds them without building the query again. */
const INSERT_PLACEHOLDERS = {
  name: sql.placeholder('name'),
  nameKey: sql.placeholder('nameKey'),
  type: sql.placeholder('type'),
  countries: sql.placeholder('countries'),
  contractRef: sql.placeholder('contractRef'),
  contractDate: sql.placeholder('contractDate'),
  dpfCertified: sql.placeholder('dpfCertified'),
  dpfVerifiedAt: sql.placeholder('dpfVerifiedAt'),
  contact: sql.placeholder('contact'),
  notes: sql.placeholder('notes'),
  createdAt: sql.placeholder('createdAt'),
  updatedAt: sql.placeholder('updatedAt'),
};

export class RecipientStore {
  constructor(private readonly orm: RegisterDatabase) {}

  /**
   * The look-ups and the insert an import runs once per new recipient, prepared once per register:
   * drizzle builds and prepares a query at every call otherwise (≈ 0.5 ms each, cold, in an import).
   */
  private prepared?: {
    get: ReturnType<RecipientStore['prepareGet']>;
    byNameKey: ReturnType<RecipientStore['prepareByNameKey']>;
    insert: ReturnType<RecipientStore['prepareInsert']>;
  };

  private prepareGet() {
    return this.orm
      .select()
      .from(recipients)
      .where(eq(recipients.id, sql.placeholder('id')))
      .prepare();
  }

  private prepareByNameKey() {
    return this.orm
      .select()
      .from(recipients)
      .where(eq(recipients.nameKey, sql.placeholder('nameKey')))
      .prepare();
  }

  private prepareInsert() {
    return this.orm.insert(recipients).values(INSERT_PLACEHOLDERS).returning().prepare();
  }

  private queries() {
    return (this.prepared ??= { get: this.prepareGet(), byNameKey: this.prepareByNameKey(), insert: this.prepareInsert() });
  }

  /** Every entry, by folded name. */
  list(): RecipientRow[] {
    return this.orm.select().from(recipients).orderBy(asc(recipients.nameKey)).all();
  }

  /** How many activities use each entry. */
  activityCounts(): Map<number, number> {
    return new Map(
      this.orm
        .select({ id: activityRecipients.recipientId, n: sql<number>`count(distinct ${activityRecipients.activityId})` })
        .from(activityRecipients)
        .groupBy(activityRecipients.recipientId)
        .all()
        .map((r) => [r.id, r.n]),
    );
  }

  activityCount(id: number): number {
    return (
      this.orm
        .select({ n: sql<number>`count(distinct ${activityRecipients.activityId})` })
        .from(activityRecipients)
        .where(eq(activityRecipients.recipientId, id))
        .get()?.n ?? 0
    );
  }

  get(id: number): RecipientRow | undefined {
    return this.queries().get.get({ id });
  }

  /** The entry whose folded name is `nameKey`. */
  byNameKey(nameKey: string): RecipientRow | undefined {
    return this.queries().byNameKey.get({ nameKey });
  }

  insert(columns: RecipientColumns): RecipientRow {
    const values: Record<keyof typeof INSERT_PLACEHOLDERS, unknown> = {
      name: columns.name,
      nameKey: columns.nameKey,
      type: columns.type,
      countries: columns.countries ?? '[]',
      contractRef: columns.contractRef ?? '',
      contractDate: columns.contractDate ?? '',
      // Placeholders are bound as given: the boolean as SQLite stores it.
      dpfCertified: columns.dpfCertified ? 1 : 0,
      dpfVerifiedAt: columns.dpfVerifiedAt ?? '',
      contact: columns.contact ?? '',
      notes: columns.notes ?? '',
      createdAt: columns.createdAt,
      updatedAt: columns.updatedAt,
    };
    // Stamps left to the schema's defaults: the insert drizzle builds for them.
    if (values.createdAt === undefined || values.updatedAt === undefined) return this.orm.insert(recipients).values(columns).returning().get();
    return this.queries().insert.get(values);
  }

  /** Writes the columns and steps the version. */
  update(id: number, columns: Partial<RecipientColumns>): RecipientRow {
    return this.orm
      .update(recipients)
      .set({ ...columns, version: sql`${recipients.version} + 1` })
      .where(eq(recipients.id, id))
      .returning()
      .get();
  }

  delete(id: number): void {
    this.orm.delete(recipients).where(eq(recipients.id, id)).run();
  }
}
