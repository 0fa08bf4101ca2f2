/**
 * Facts of an imported activity compared with what a person expects of it, field by field, in the
 * words of `../shared/fixtures/departments/truth.json` (its `conventions`): lists as case-insensitive
 * sets, legal bases and safeguards as codes, countries outside the EEA, retention by its duration.
 * Used to measure the import on files the project did not write, and on the perturbation corpus.
 */
import type { ActivityFields } from '../../model/schemas.js';

export interface ExpectedFact {
  raw?: unknown;
  value: unknown;
  outside_eea?: string[];
  acceptable_iso_durations?: string[];
}

export interface FactResult {
  field: string;
  ok: boolean;
  expected: unknown;
  got: unknown;
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.;,:]+$/, '')
    .trim();

const asSet = (xs: string[]): Set<string> => new Set(xs.map(fold).filter((x) => x !== ''));
const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));
const words = (s: string): string[] =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2);

/** Every word of the expected text is in the text read (whitespace, punctuation and case aside). */
function sameText(expected: string, got: string): boolean {
  const want = words(expected);
  const have = new Set(words(got));
  return want.length === 0 ? got.trim() === '' : want.filter((w) => have.has(w)).length / want.length >= 0.9;
}

const SAFEGUARD: Record<string, string> = { adequacy_decision: 'adequacy', dpf: 'adequacy', art49_derogation: 'derogation' };

function compare(field: string, want: ExpectedFact, a: ActivityFields, EEA: Set<string>): { ok: boolean; got: unknown } {
  const v = want.value;
  switch (field) {
    case 'name':
      return { ok: sameText(String(v ?? ''), a.name), got: a.name };
    case 'purpose': {
      // The purpose may keep sub-purposes beside it; every expected word must be there.
      const got = [a.purpose, ...a.subPurposes].join(' ');
      return { ok: sameText(String(v ?? ''), got), got: a.purpose };
    }
    case 'sub_purposes': {
      const got = [a.purpose, ...a.subPurposes].join(' ');
      return { ok: ((v as string[] | null) ?? []).every((x) => sameText(x, got)), got: a.subPurposes };
    }
    case 'department':
      return { ok: sameText(String(v ?? ''), a.department), got: a.department };
    case 'owner_contact':
      return { ok: sameText(String(v ?? ''), a.owner), got: a.owner };
    case 'controller': {
      const got = a.clients.map((c) => c.name).join(' ; ');
      return { ok: sameText(String(v ?? ''), got), got };
    }
    case 'comments':
    case 'security_measures': {
      const got = field === 'comments' ? [a.description, a.securityNotes, a.rights].join(' ') : [a.securityNotes, ...a.securityMeasures.map((m) => `${m.precision}`)].join(' ');
      return { ok: sameText(String(v ?? ''), got), got };
    }
    case 'legal_basis': {
      const got = a.legalBases.map((b) => b.code).filter((c) => c !== 'to_be_determined');
      return { ok: sameSet(new Set((v as string[] | null) ?? []), new Set(got)), got };
    }
    case 'data_subject_categories': {
      const got = a.dataSubjects.map((s) => s.label);
      return { ok: sameSet(asSet((v as string[] | null) ?? []), asSet(got)), got };
    }
    case 'data_categories': {
      const got = a.dataCategories.map((c) => c.label);
      return { ok: sameSet(asSet((v as string[] | null) ?? []), asSet(got)), got };
    }
    case 'recipients':
    case 'processors': {
      const got = a.recipients.map((r) => r.name);
      const have = asSet(got);
      return { ok: ((v as string[] | null) ?? []).every((x) => have.has(fold(x))), got };
    }
    case 'transfer_countries': {
      const outside = want.outside_eea ?? ((v as string[] | null) ?? []).filter((c) => !EEA.has(c));
      const got = [...new Set(a.transfers.map((t) => t.country).filter((c) => !EEA.has(c)))];
      return { ok: sameSet(new Set(outside), new Set(got)), got };
    }
    case 'transfer_safeguards': {
      const want2 = new Set(((v as string[] | null) ?? []).map((s) => SAFEGUARD[s] ?? s));
      const got = [...new Set(a.transfers.map((t) => t.safeguard).filter((s): s is NonNullable<typeof s> => s !== null))];
      return { ok: sameSet(want2, new Set(got)), got };
    }
    case 'retention': {
      const r = v as { text: string; iso_duration: string | null } | null;
      const got = a.retention.map((x) => x.duration || x.activePeriod).filter(Boolean);
      if (!r) return { ok: a.retention.length === 0, got };
      const durations = [r.iso_duration, ...(want.acceptable_iso_durations ?? [])].filter(Boolean) as string[];
      if (durations.length === 0) return { ok: a.retention.some((x) => sameText(r.text, x.text)), got: a.retention.map((x) => x.text) };
      return { ok: got.some((d) => durations.includes(d)), got };
    }
    case 'sensitive_data': {
      const got = a.dataCategories.some((c) => c.special) || a.art9Conditions.length > 0;
      return { ok: v === null || got === v, got };
    }
    case 'dpia': {
      const got = ['planned', 'in_progress', 'completed'].includes(a.dpia.status);
      return { ok: v === null || got === v, got: a.dpia.status };
    }
    case 'last_reviewed':
      return { ok: (v ?? '') === a.lastReviewedAt, got: a.lastReviewedAt };
    default:
      return { ok: false, got: `no comparison for ${field}` };
  }
}

/** Compares every expected field of one activity with the activity the import gives. */
export function compareFacts(expected: Record<string, ExpectedFact>, got: ActivityFields | null, eea: Set<string>): FactResult[] {
  return Object.entries(expected).map(([field, want]) => {
    if (!got) return { field, ok: false, expected: want.value, got: null };
    const r = compare(field, want, got, eea);
    return { field, ok: r.ok, expected: want.value, got: r.got };
  });
}
