/**
 * Long work summarised as mature command-line tools do: items (warnings, errors, skipped rows…)
 * grouped by kind, each kind counted, with a few examples and how many more there are. Pure: the
 * commands choose the words (catalogue `cliSummary` area) and print the lines.
 */

export interface KindGroup<T> {
  /** The kind's key (e.g. a warning's code and its field). */
  key: string;
  count: number;
  /** The first items of the kind, in input order. */
  examples: T[];
}

/** Groups items by `kindOf`, most frequent kind first (then by first appearance); `examples` per kind. */
export function groupByKind<T>(items: Iterable<T>, kindOf: (item: T) => string, examples = 3): KindGroup<T>[] {
  const groups = new Map<string, KindGroup<T>>();
  for (const item of items) {
    const key = kindOf(item);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, count: 0, examples: [] }));
    g.count++;
    if (g.examples.length < examples) g.examples.push(item);
  }
  // Map keeps insertion order and sort is stable: equal counts stay in order of first appearance.
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
