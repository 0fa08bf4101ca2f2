/** What normalisation needs from the register, loaded once per preview. */
import type { VocabularyKind } from '../model/codes.js';
import type { Register } from '../register.js';
import { listRecipients } from '../services/recipients.js';
import { fold as foldKey } from './fold.js';
import { CountryMatcher } from './normalise/country.js';
import { VocabularyMatcher } from './normalise/vocab.js';

export interface ImportContext {
  countries: CountryMatcher;
  vocab: (kind: VocabularyKind) => VocabularyMatcher;
  /** Directory entries by folded name. */
  recipients: Map<string, { id: number; name: string }>;
  /** Caches a pure result for the life of one preview (cells repeat a lot in real files). */
  memo<T>(key: string, compute: () => T): T;
}

export function importContext(reg: Register): ImportContext {
  const matchers = new Map<VocabularyKind, VocabularyMatcher>();
  const terms = reg.reference.terms();
  const memo = new Map<string, unknown>();
  return {
    memo<T>(key: string, compute: () => T): T {
      if (memo.has(key)) return memo.get(key) as T;
      const value = compute();
      if (memo.size < 200_000) memo.set(key, value);
      return value;
    },
    countries: new CountryMatcher(reg.reference.countries()),
    vocab(kind) {
      let m = matchers.get(kind);
      if (!m) {
        m = new VocabularyMatcher(kind, terms.filter((t) => t.kind === kind));
        matchers.set(kind, m);
      }
      return m;
    },
    recipients: new Map(listRecipients(reg).map((r) => [foldKey(r.name), { id: r.id, name: r.name }])),
  };
}
