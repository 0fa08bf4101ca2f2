/**
 * Creating an activity from an import row that the preview already validated (zod-parsed, countries
 * resolved, references assigned): the same writes and history entry as `createActivity`
 * (core/services/activities.ts) without validating the row a second time, which is a third of the
 * cost of a 10,000-row import. write-activity.test.ts checks that both give the same activity and
 * the same history; if `createActivity` changes, that test says so.
 */
import type { ActivityDerived, StoredActivityFields } from '../../db/activity-store.js';
import { recordFields } from '../diff.js';
import { validationError } from '../errors.js';
import { assessDpia } from '../model/dpia.js';
import type { ActivityFields } from '../model/schemas.js';
import type { CallMeta, Register } from '../register.js';
import { createRecipient, findRecipientByName } from '../services/recipients.js';
import { fold } from './fold.js';

export class ValidatedWriter {
  private readonly recipientIds = new Map<string, number>();
  private readonly countries;
  private readonly specialCodes;

  constructor(private readonly reg: Register) {
    this.countries = reg.reference.countries();
    this.specialCodes = reg.reference.specialCategoryCodes();
  }

  private recipientId(r: ActivityFields['recipients'][number], meta: CallMeta): number {
    if (r.recipientId) return r.recipientId;
    const key = fold(r.name);
    let id = this.recipientIds.get(key);
    if (id === undefined) {
      id = findRecipientByName(this.reg, r.name)?.id ?? createRecipient(this.reg, { name: r.name, type: r.type ?? 'other', countries: r.countries ?? [] }, meta).id;
      this.recipientIds.set(key, id);
    }
    return id;
  }

  /** Must run inside `reg.write()`; `f.ref` must be set and free. */
  create(organisationId: number, f: ActivityFields, meta: CallMeta, createdAt: string, updatedAt: string): number {
    const dataCategories = f.dataCategories.map((c) => (c.code && this.specialCodes.has(c.code) && !c.special ? { ...c, special: true } : c));
    const seen = new Set<number>();
    const recipients = f.recipients.map((r, i) => {
      const id = this.recipientId(r, meta);
      if (seen.has(id)) throw validationError([{ path: `recipients[${i}]`, message: `"${r.name}" is listed twice` }], 'The activity');
      seen.add(id);
      return { recipientId: id, role: r.role, precision: r.precision };
    });
    const stored: StoredActivityFields = { ...f, dataCategories, recipients };
    const transferCountries = [...new Set(f.transfers.map((t) => t.country))];
    const derived: ActivityDerived = {
      legalBasisCodes: [...new Set(f.legalBases.map((b) => b.code))],
      specialCategories: dataCategories.some((c) => c.special),
      nonEeaTransfer: transferCountries.some((c) => !this.countries.get(c)?.eea),
      transferCountries,
      dpiaRequired: assessDpia(f.dpia).required,
    };
    const id = this.reg.activities.insert(organisationId, stored, derived, createdAt, updatedAt);
    this.reg.record(meta, {
      entityType: 'activity',
      entityId: id,
      entityLabel: `${f.ref} ${f.name}`,
      organisationId,
      action: 'create',
      changes: recordFields({ ...stored, recipients: recipients.map((r) => ({ recipientId: r.recipientId, role: r.role, precision: r.precision })) } as Record<string, unknown>, 'after'),
    });
    return id;
  }
}
