/**
 * A legal basis per purpose (issue 25). An activity's purposes are its main purpose (index 0) and its
 * sub-purposes (1…n); each legal basis and Art. 9(2) condition says which one it serves. The
 * activity's bases are their union (the `legal_basis_codes` summary, the filters).
 */
import type { ActivityFields, Art9Condition, LegalBasis } from './schemas.js';

type WithBases = Pick<ActivityFields, 'purpose' | 'subPurposes' | 'legalBases' | 'art9Conditions'>;

export interface PurposeWithBases {
  /** 0 for the main purpose, n for the n-th sub-purpose. */
  index: number;
  text: string;
  legalBases: LegalBasis[];
  art9Conditions: Art9Condition[];
}

/** Every purpose of the activity, the main one first, each with the bases and conditions it carries. */
export function purposesWithBases(a: WithBases): PurposeWithBases[] {
  const purposes = [a.purpose, ...a.subPurposes].map((text, index) => ({ index, text, legalBases: [] as LegalBasis[], art9Conditions: [] as Art9Condition[] }));
  // A basis pointing past the last purpose (never stored: the service refuses it) stays on the main purpose.
  for (const b of a.legalBases) (purposes[b.purpose ?? 0] ?? purposes[0]).legalBases.push(b);
  for (const c of a.art9Conditions) (purposes[c.purpose ?? 0] ?? purposes[0]).art9Conditions.push(c);
  return purposes;
}

/** Whether the activity gives some purpose its own basis (rather than all on the main purpose). */
export function hasBasesPerPurpose(a: Pick<ActivityFields, 'legalBases' | 'art9Conditions' | 'subPurposes'>): boolean {
  return a.subPurposes.length > 0 && [...a.legalBases, ...a.art9Conditions].some((b) => (b.purpose ?? 0) > 0);
}

/**
 * The bases after the DPO changed the sub-purposes: when one was removed, its bases go to the main
 * purpose (nothing is lost) and those of the sub-purposes after it follow their purpose.
 */
export function basesAfterSubPurposes(
  before: string[],
  after: string[],
  f: Pick<ActivityFields, 'legalBases' | 'art9Conditions'>,
): Pick<ActivityFields, 'legalBases' | 'art9Conditions'> {
  if (after.length !== before.length - 1) return f;
  let removed = after.findIndex((s, i) => s !== before[i]);
  if (removed < 0) removed = after.length;
  const removedPurpose = removed + 1;
  const move = <T extends { purpose: number }>(b: T): T =>
    b.purpose === removedPurpose ? { ...b, purpose: 0 } : b.purpose > removedPurpose ? { ...b, purpose: b.purpose - 1 } : b;
  return { legalBases: f.legalBases.map(move), art9Conditions: f.art9Conditions.map(move) };
}
