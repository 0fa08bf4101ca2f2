/**
 * SQL for the recipient directory (drizzle): rows in, rows out. The service
 * (core/services/recipients.ts) validates, records history and maps rows to the model.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { RegisterDatabase } from './open.js';
import { activityRecipients, recipients } from './schema.js';

export type RecipientRow = typeof recipients.$inferSelect;
export type RecipientColumns = Omit<typeof recipients.$inferInsert, 'id' | 'version'>;

export class RecipientStore {
  constructor(private readonly orm: RegisterDatabase) {}

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
    return this.orm.select().from(recipients).where(eq(recipients.id, id)).get();
  }

  /** The entry whose folded name is `nameKey`. */
  byNameKey(nameKey: string): RecipientRow | undefined {
    return this.orm.select().from(recipients).where(eq(recipients.nameKey, nameKey)).get();
  }

  insert(columns: RecipientColumns): RecipientRow {
    return this.orm.insert(recipients).values(columns).returning().get();
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
