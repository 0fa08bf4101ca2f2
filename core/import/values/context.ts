/** What normalisation needs from the register, loaded once per preview. */
import type { VocabularyKind } from '../../model/codes.js';
import type { Register } from '../../register.js';
import { listRecipients } from '../../services/recipients.js';
import { fold as foldKey } from '../fold.js';
import { CountryMatcher } from '../normalise/country.js';
import { VocabularyMatcher } from '../normalise/vocab.js';

export interface ImportContext {
  countries: CountryMatcher;
  vocab: (kind: VocabularyKind) => VocabularyMatcher;
  /** Directory entries by folded name. */
  recipients: Map<string, { id: number; name: string; countries?: string[]; type?: string; dpfCertified?: boolean }>;
  /**
   * Caches a pure result for the life of one preview (cells repeat a lot in real files), keyed by
   * a path of strings: the cell texts themselves, never a long key built from them, whose hashing
   * would cost more than the lookup saves.
   */
  memo<T>(path: readonly string[], compute: () => T): T;
}

/** Where a path's value is kept, beside the longer paths that go through it. */
const VALUE = '\u0000value';

export function importContext(reg: Register): ImportContext {
  const matchers = new Map<VocabularyKind, VocabularyMatcher>();
  const terms = reg.reference.terms();
  const root = new Map<string, unknown>();
  let size = 0;
  return {
    memo<T>(path: readonly string[], compute: () => T): T {
      let node = root;
      for (const part of path) {
        let next = node.get(part) as Map<string, unknown> | undefined;
        if (!next) {
          if (size >= 200_000) return compute();
          next = new Map();
          node.set(part, next);
          size++;
        }
        node = next;
      }
      if (node.has(VALUE)) return node.get(VALUE) as T;
      const value = compute();
      node.set(VALUE, value);
      return value;
    },
    countries: new CountryMatcher(reg.reference.destinations()),
    vocab(kind) {
      let m = matchers.get(kind);
      if (!m) {
        m = new VocabularyMatcher(
          kind,
          terms.filter((t) => t.kind === kind),
        );
        matchers.set(kind, m);
      }
      return m;
    },
    recipients: new Map(listRecipients(reg).map((r) => [foldKey(r.name), { id: r.id, name: r.name, countries: r.countries, type: r.type, dpfCertified: r.dpfCertified }])),
  };
}
