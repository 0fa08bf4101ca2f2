/**
 * A zod schema built the first time it is used rather than when its module loads.
 *
 * Building the register's schemas (hundreds of zod objects, checks and messages) takes several
 * milliseconds, paid by every start of `art30` even for a read such as `art30 list` that never
 * validates an activity. `lazySchema(() => z.object({ … }))` returns a stand-in typed exactly as the
 * schema: the first property read on it (`.parse`, `.shape`, `.extend`, zod reading `._zod` when it is
 * nested in another schema…) builds the schema once, and every operation is then forwarded to it, so
 * callers, `z.infer<typeof …>` and composed schemas work unchanged.
 *
 * The stand-in is not the schema object itself (`lazy !== built`): nothing keys a registry by these
 * exported schemas (zod's own `.meta()` and `.describe()` return new schemas anyway).
 */
export function lazySchema<T extends object>(build: () => T): T {
  const schema = memo(() => {
    builtCount++;
    return build();
  });
  // The target is only a placeholder: every trap reads the built schema (its own properties, its
  // prototype for `instanceof`), so that the placeholder's own state never shows.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may not report a non-configurable property its placeholder lacks: reported configurable.
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(schema(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}

let builtCount = 0;
/** How many lazy schemas this process has built so far (a test checks that a read builds none). */
export const lazySchemasBuilt = (): number => builtCount;

/** `build`, run once: its first call builds the value, the next ones return it. */
export function memo<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
