/**
 * Points to review of processor contracts (Art. 28), beside the activities' own (checks.ts): a
 * processor that activities use without a contract, a contract expired or due for review, a clause
 * of Art. 28(3) missing, sub-processors without an authorisation stated, a sub-processor outside the
 * EEA with no transfer recorded in the activities the contract serves. Each is a catalogue key
 * (`contracts.check.<code>`) with parameters, translated where shown.
 */
import type { MessageParams } from '../i18n/i18n.js';

export type ContractCheckCode =
  'processor_without_contract' | 'contract_expired' | 'contract_review_due' | 'contract_clauses_missing' | 'subprocessing_unstated' | 'subprocessor_transfer_missing';

export const CONTRACT_CHECK_CODES: readonly ContractCheckCode[] = [
  'processor_without_contract',
  'contract_expired',
  'contract_review_due',
  'contract_clauses_missing',
  'subprocessing_unstated',
  'subprocessor_transfer_missing',
];

export interface ContractCheck {
  code: ContractCheckCode;
  organisationId: number;
  /** The contract concerned, or none (a processor without contract). */
  contractId?: number;
  recipientId: number;
  params: MessageParams;
  /** A processor without contract: the references of the activities that use it. */
  activities?: string[];
}

export interface CheckedContract {
  id: number;
  organisationId: number;
  ref: string;
  processor: { id: number; name: string };
  endsOn: string;
  reviewOn: string;
  clauses: string[];
  subProcessing: string;
  subProcessors: { name: string; country: string }[];
  /** The destinations of the transfers recorded in the activities the contract serves. */
  transferCountries: Set<string>;
}

export interface ProcessorInUse {
  organisationId: number;
  recipientId: number;
  name: string;
  activityRefs: string[];
}

const ALL_CLAUSES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
/** A contract's review or end within this many days is due. */
export const CONTRACT_DUE_DAYS = 30;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `eea(code)`: whether a country is in the EEA (or EU territory), so that no transfer is needed. */
export function checkContracts(contracts: CheckedContract[], processors: ProcessorInUse[], today: string, eea: (country: string) => boolean): ContractCheck[] {
  const out: ContractCheck[] = [];
  const covered = new Set(contracts.map((c) => `${c.organisationId}:${c.processor.id}`));
  for (const p of processors) {
    if (!covered.has(`${p.organisationId}:${p.recipientId}`)) {
      // The first ten references in the text; all of them beside it.
      const shown = p.activityRefs.length > 10 ? `${p.activityRefs.slice(0, 10).join(', ')}… (${p.activityRefs.length})` : p.activityRefs.join(', ');
      out.push({
        code: 'processor_without_contract',
        organisationId: p.organisationId,
        recipientId: p.recipientId,
        params: { processor: p.name, activities: shown },
        activities: p.activityRefs,
      });
    }
  }
  const soon = addDays(today, CONTRACT_DUE_DAYS);
  for (const c of contracts) {
    const base = { organisationId: c.organisationId, contractId: c.id, recipientId: c.processor.id };
    const params = { ref: c.ref, processor: c.processor.name };
    if (c.endsOn && c.endsOn < today) out.push({ ...base, code: 'contract_expired', params: { ...params, date: c.endsOn } });
    else {
      const due = [c.reviewOn, c.endsOn].filter((d) => d && d <= soon).sort()[0];
      if (due) out.push({ ...base, code: 'contract_review_due', params: { ...params, date: due } });
    }
    const missing = ALL_CLAUSES.filter((l) => !c.clauses.includes(l));
    if (missing.length) out.push({ ...base, code: 'contract_clauses_missing', params: { ...params, clauses: missing.join(', '), count: missing.length } });
    if (c.subProcessors.length && (c.subProcessing === '' || c.subProcessing === 'none')) out.push({ ...base, code: 'subprocessing_unstated', params });
    for (const s of c.subProcessors) {
      if (s.country && !eea(s.country) && !c.transferCountries.has(s.country)) {
        out.push({ ...base, code: 'subprocessor_transfer_missing', params: { ...params, subProcessor: s.name, country: s.country } });
      }
    }
  }
  return out;
}
