/** `foldKey` with a bounded cache: imports fold the same few hundred values thousands of times. */
import { foldKey } from '../text.js';

const cache = new Map<string, string>();

export function fold(text: string): string {
  let k = cache.get(text);
  if (k === undefined) {
    k = foldKey(text);
    if (cache.size > 50_000) cache.clear();
    cache.set(text, k);
  }
  return k;
}
