/**
 * Run-time half of scripts/build-cli.mjs's lazy packages: an export of a package that is required
 * only when first used (called, constructed, or one of its properties read).
 */
/**
 * `spec`, required at the first call. The bundle is CommonJS: `require` is its own (given by
 * scripts/cli-loader.cjs, resolving from dist/cli/): node:module, whose loading also loads Node's ES
 * module loader, is not needed at start.
 */
export function lazyModule(spec) {
  let mod;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS bundle's own require (this module exists only bundled)
  return () => (mod ??= require(spec));
}

export function lazyMember(load, name) {
  let value;
  const real = () => {
    if (value === undefined) {
      const mod = load();
      if (name === null) value = mod && (mod.__esModule || mod[Symbol.toStringTag] === 'Module') && mod.default !== undefined ? mod.default : mod;
      else value = mod[name];
    }
    return value;
  };
  // A strict function as target: callable and constructible, without non-configurable own properties.
  const target = function () {};
  return new Proxy(target, {
    get: (_t, key) => real()[key],
    set: (_t, key, val) => {
      real()[key] = val;
      return true;
    },
    has: (_t, key) => key in real(),
    apply: (_t, self, args) => Reflect.apply(real(), self, args),
    construct: (_t, args) => Reflect.construct(real(), args),
    getPrototypeOf: () => Object.getPrototypeOf(real()),
  });
}
