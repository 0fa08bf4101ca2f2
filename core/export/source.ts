/**
 * The data of an export, read in chunks so that memory stays bounded whatever the register's size:
 * the summaries of the activities in scope (one small row each) are read once; whole activities,
 * or only the lists a sheet needs, are read chunk by chunk as each sheet is written.
 */
import type { ActivityColumnName } from '../../db/activity-columns.js';
import { CHILD_LISTS, type ChildListSpec } from '../../db/activity-lists.js';
import { AppError, text } from '../errors.js';
import type { Activity, ActivitySummary, Organisation, Recipient, ResolvedActivityRecipient } from '../model/register.js';
import type { ActivityFields } from '../model/schemas.js';
import type { Register } from '../register.js';
import { listFiltered } from '../overview/filter.js';
import { listOrganisations } from '../services/organisations.js';
import { listRecipients } from '../services/recipients.js';
import { isExtract, type ExportScope } from './scope.js';

type ListField = Exclude<{ [K in keyof ActivityFields]: ActivityFields[K] extends unknown[] ? K : never }[keyof ActivityFields], undefined>;

/** An activity's summary with only the lists a sheet asked for. */
export type PartialActivity<K extends ListField> = { summary: ActivitySummary; columns: Record<string, unknown> } & {
  [F in K]: F extends 'recipients' ? ResolvedActivityRecipient[] : ActivityFields[F];
};

export class ExportSource {
  readonly summaries: ActivitySummary[];
  /** Organisations in scope: the one asked for, or those with activities in scope (all for the whole register). */
  readonly organisations: Organisation[];
  readonly recipients: Map<number, Recipient>;
  readonly exportedAt: string;
  /** The register as it stood at the end of this day (YYYY-MM-DD), rebuilt from the history; undefined for today's. */
  asOf?: string;
  /** Called after each chunk read, with the number of activities in it (progress reporting). */
  onChunk?: (activities: number) => void;

  constructor(
    private readonly reg: Register,
    readonly scope: ExportScope,
    private readonly signal?: AbortSignal,
  ) {
    this.exportedAt = reg.now();
    this.summaries = listFiltered(reg, scope);
    const orgIds = new Set(this.summaries.map((s) => s.organisationId));
    this.organisations = listOrganisations(reg).filter((o) => (scope.organisationId !== undefined ? o.id === scope.organisationId : orgIds.has(o.id) || !isExtract(scope)));
    this.recipients = new Map(listRecipients(reg).map((r) => [r.id, r]));
  }

  organisation(id: number): Organisation | undefined {
    return this.organisations.find((o) => o.id === id);
  }

  get processorSummaries(): ActivitySummary[] {
    return this.summaries.filter((s) => s.role === 'processor');
  }

  /** Throws when the export was cancelled. */
  checkCancelled(): void {
    if (this.signal?.aborted) throw new AppError('cancelled', text('errors.export.cancelled'));
  }

  /** Whole activities, in register order, `chunk` at a time (as the activity store loads them). */
  *activities(summaries: ActivitySummary[] = this.summaries, chunk = 500): Generator<Activity[]> {
    for (let i = 0; i < summaries.length; i += chunk) {
      this.checkCancelled();
      const part = summaries.slice(i, i + chunk);
      yield this.reg.activities.loadMany({ ids: part.map((s) => s.id) });
      this.onChunk?.(part.length);
    }
  }

  /**
   * Only the lists named (and, in `columns`, the `activities` columns named, as the schema names them), in register order:
   * what a normalised sheet needs, read fast.
   */
  *lists<K extends ListField>(fields: K[], options: { summaries?: ActivitySummary[]; columns?: ActivityColumnName[]; chunk?: number } = {}): Generator<PartialActivity<K>[]> {
    const { summaries = this.summaries, columns = [], chunk = 1000 } = options;
    const specs = CHILD_LISTS.filter((l) => (fields as string[]).includes(l.field));
    for (let i = 0; i < summaries.length; i += chunk) {
      this.checkCancelled();
      const part = summaries.slice(i, i + chunk);
      const byId = new Map<number, Record<string, unknown>>();
      for (const s of part) {
        const item: Record<string, unknown> = { summary: s, columns: {} };
        for (const f of fields) item[f] = [];
        byId.set(s.id, item);
      }
      const ids = part.map((s) => s.id);
      if (columns.length) {
        for (const row of this.reg.activities.columnsOf(ids, columns)) {
          const item = byId.get(Number(row.id));
          if (item) item.columns = row;
        }
      }
      this.readLists(byId as Map<number, Record<string, unknown[]>>, ids, specs);
      yield [...byId.values()] as PartialActivity<K>[];
      this.onChunk?.(part.length);
    }
  }

  /** Reads the rows of `specs`' lists for `ids` into the matching arrays of `byId`'s items. */
  private readLists(byId: Map<number, Record<string, unknown[]>>, ids: number[], specs: ChildListSpec[]): void {
    for (const spec of specs) {
      for (const row of this.reg.activities.listRowsOf(spec.table, ids)) {
        const item = byId.get(Number(row.activity_id));
        if (!item) continue;
        if (spec.field === 'recipients') {
          const r = spec.fromRow(row) as { recipientId: number; role: string; precision: string };
          const dir = this.recipients.get(Number(r.recipientId));
          item.recipients.push({
            recipientId: Number(r.recipientId),
            role: r.role,
            precision: r.precision,
            name: dir?.name ?? '',
            type: dir?.type ?? 'other',
            countries: dir?.countries ?? [],
          });
        } else item[spec.field].push(spec.fromRow(row));
      }
    }
  }
}
