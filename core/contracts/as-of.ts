/**
 * Processor contracts in the register as of a date (or just after a history entry): in the copy the
 * as-of register is rebuilt in, every contract change recorded later is undone — a contract created
 * later is taken out, one deleted later is back, one changed later has its earlier fields, processor
 * (by name) and activities (by reference) again.
 */
import type { HistoryChange } from '../model/register.js';
import type { Register } from '../register.js';
import { findRecipientByName } from '../services/recipients.js';
import { contractInputSchema } from './model.js';
import { columns, contractData, contractStore, forHistory, getContract, stored } from './services.js';

export interface RewindHelpers {
  setPath(target: Record<string, unknown>, path: string, value: unknown): void;
  dropNulls(v: unknown): unknown;
}

export function rewindContracts(past: Register, kept: (id: number, at: string) => boolean, h: RewindHelpers): void {
  const rows = past.sqlite
    .prepare("SELECT id, at, entity_id, action, changes_json, organisation_id FROM history WHERE entity_type = 'contract' AND entity_id IS NOT NULL ORDER BY id DESC")
    .raw()
    .all() as [number, string, number, string, string, number | null][];
  const undo = rows.filter(([id, at]) => !kept(id, at));
  if (!undo.length) return;
  const store = contractStore(past);
  const states = new Map<number, { state: Record<string, unknown> | null; organisationId: number; exists: boolean; createdAt: string }>();
  for (const [, at, contractId, action, changesJson, organisationId] of undo) {
    let st = states.get(contractId);
    if (!st) {
      const row = store.get(contractId);
      st = row
        ? { state: forHistory(past, contractData(getContract(past, contractId))), organisationId: row.organisationId, exists: true, createdAt: row.createdAt }
        : { state: null, organisationId: Number(organisationId), exists: false, createdAt: at };
      states.set(contractId, st);
    }
    const changes = JSON.parse(changesJson) as HistoryChange[];
    if (action === 'create') st.state = null;
    else if (action === 'delete') {
      st.state = Object.fromEntries(changes.map((c) => [c.path, c.before]));
      st.organisationId = Number(organisationId);
    } else if (action === 'update' && st.state) for (const c of changes) h.setPath(st.state, c.path, c.before);
  }
  past.write(() => {
    for (const [contractId, st] of states) {
      if (!st.state) {
        if (st.exists) store.delete(contractId);
        continue;
      }
      const { processor, activities, ...fields } = h.dropNulls(st.state) as Record<string, unknown>;
      const recipientId = findRecipientByName(past, String(processor ?? ''))?.id ?? store.get(contractId)?.recipientId;
      if (!recipientId) continue;
      const activityIds = ((activities as string[] | undefined) ?? []).map((ref) => past.activities.idByRef(st.organisationId, ref)).filter((x): x is number => x !== undefined);
      const parsed = contractInputSchema.safeParse({ ...fields, recipientId, activityIds });
      if (!parsed.success) continue;
      const data = parsed.data;
      if (st.exists) store.update(contractId, data.ref, stored(data), columns(data), past.now());
      else store.insert(st.organisationId, data.ref, stored(data), columns(data), { createdAt: st.createdAt, updatedAt: st.createdAt }, contractId);
      store.setLinks(contractId, data.activityIds);
    }
  });
}
