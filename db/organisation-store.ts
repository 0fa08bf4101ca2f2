/**
 * SQL for organisations (drizzle): rows in, rows out. The service (core/services/organisations.ts)
 * validates, records history and maps rows to the model; callers run writes in a transaction.
 */
import { eq, sql } from 'drizzle-orm';
import type { RegisterDatabase } from './open.js';
import { activities, organisations } from './schema.js';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationColumns = Omit<typeof organisations.$inferInsert, 'id' | 'version'>;

export class OrganisationStore {
  constructor(private readonly orm: RegisterDatabase) {}

  list(): OrganisationRow[] {
    return this.orm.select().from(organisations).orderBy(organisations.name).all();
  }

  get(id: number): OrganisationRow | undefined {
    return this.orm.select().from(organisations).where(eq(organisations.id, id)).get();
  }

  insert(columns: OrganisationColumns): OrganisationRow {
    return this.orm.insert(organisations).values(columns).returning().get();
  }

  /** Writes the columns and steps the version. */
  update(id: number, columns: Partial<OrganisationColumns>): OrganisationRow {
    return this.orm
      .update(organisations)
      .set({ ...columns, version: sql`${organisations.version} + 1` })
      .where(eq(organisations.id, id))
      .returning()
      .get();
  }

  delete(id: number): void {
    this.orm.delete(organisations).where(eq(organisations.id, id)).run();
  }

  /** How many activities belong to the organisation. */
  activityCount(id: number): number {
    return (
      this.orm
        .select({ n: sql<number>`count(*)` })
        .from(activities)
        .where(eq(activities.organisationId, id))
        .get()?.n ?? 0
    );
  }
}
