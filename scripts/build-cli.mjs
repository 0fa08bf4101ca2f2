/**
 * The `art30` command, bundled with esbuild as the Electron main process is: one CommonJS file,
 * dist/cli/art30.cjs, run by dist/cli/start.cjs with a V8 code cache written at build time
 * (scripts/cli-loader.cjs), so that it starts like a compiled tool instead of compiling TypeScript
 * with tsx at every run.
 *
 * Start-up is kept short in three ways:
 * - one file and its code cache: no module graph to resolve, read and link, little to compile;
 * - what is loaded with `import()` (each command, cli/commands/index.ts; each module of the API
 *   table, core/api/table.ts; the register) is evaluated only when it runs: esbuild keeps each such
 *   module behind a function called at the `import()`;
 * - packages outside EAGER (exceljs, pdf-lib, fontkit, playwright-core, fast-xml-parser, docx…) are
 *   replaced by a stand-in that requires the real package the first time one of its exports is
 *   touched. The sources keep plain static imports (tsx, vitest and Vite run them as they are): a
 *   hand-written `await import()` at each use would spread through every export and import module.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
export const cliOut = path.join(root, 'dist', 'cli');

/** Packages every command needs at once: bundled. Native modules stay outside the bundle. */
const EAGER = ['zod', 'drizzle-orm', 'i18next'];
const NATIVE = ['better-sqlite3', 'electron'];
/**
 * Modules loaded as lazy stand-ins although built in or part of an EAGER package: what only writes or
 * migrations use (hashing the history, applying migrations), what only a question on the terminal
 * uses (readline: five of Node's modules) and node:os (the default register's folder, temporary
 * files; every use is a call of one of its functions), so that a read such as `art30 list --db …`
 * never loads them.
 */
const LAZY_ALWAYS = ['node:crypto', 'drizzle-orm/better-sqlite3/migrator', 'node:readline/promises', 'node:os'];

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** esbuild plugin: packages outside EAGER become lazy stand-ins (see above). */
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.importer.startsWith(root) || args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      if (LAZY_ALWAYS.includes(args.path) && args.kind === 'import-statement') return { path: args.path, namespace: 'lazy-package' };
      if (args.path.startsWith('node:')) return undefined;
      const pkg = packageName(args.path);
      if (EAGER.includes(pkg)) return undefined;
      if (NATIVE.includes(pkg)) return { path: args.path, external: true };
      if (args.kind === 'dynamic-import') return { path: args.path, external: true };
      return { path: args.path, namespace: 'lazy-package' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
      let names = [];
      try {
        names = Object.keys(require(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      } catch {
        // Not loadable at build time (e.g. an optional package): every use goes through `default`.
      }
      const spec = JSON.stringify(args.path);
      const contents = [
        `import { lazyModule, lazyMember } from ${JSON.stringify(path.join(root, 'scripts', 'lazy-require.mjs'))};`,
        `const load = lazyModule(${spec});`,
        'export default lazyMember(load, null);',
        ...names.map((n) => `export const ${n} = lazyMember(load, ${JSON.stringify(n)});`),
      ].join('\n');
      return { contents, loader: 'js', resolveDir: root };
    });
  },
};

/**
 * esbuild plugin: zod's error messages in English only (the API's messages are ours; zod's own
 * ~50 locales would otherwise be parsed at every start, over a third of the bundle).
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)) return undefined;
      return { path: path.join(path.dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

/**
 * esbuild plugin: the catalogue (core/i18n/catalogue.ts) as the command reads it. Every start loads
 * i18n, and building the two languages of every area (≈ 10,000 strings, most read from the code
 * cache) cost ≈ 8 ms of CPU, a tenth of `art30 list`, which reads two areas. The real catalogue is
 * evaluated at build time; the bundle gets each area's words inside a function of its own, run when a
 * key of that area is first looked up (found through the key's first segment, `cli.` or `doc.`), so
 * that an area no command used while the code cache was written is neither built nor in the cache.
 * The same keys, values and precedence (a later area wins) as the merged catalogue.
 */
const lazyCatalogue = {
  name: 'lazy-catalogue',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]i18n[\\/]catalogue\.ts$/ }, async (args) => {
      const esbuild = await import('esbuild');
      const compiled = await esbuild.build({ entryPoints: [args.path], bundle: true, format: 'cjs', platform: 'node', write: false, logLevel: 'silent' });
      const module = { exports: {} };
      new Function('module', 'exports', 'require', compiled.outputFiles[0].text)(module, module.exports, require);
      const { areas, UNPREFIXED_AREAS, catalogue } = module.exports;
      const names = Object.keys(areas);
      const prefixOf = (key) => (key.includes('.') ? key.slice(0, key.indexOf('.')) : key);
      const index = {};
      names.forEach((name, i) => {
        for (const lang of ['en', 'fr']) {
          for (const key of Object.keys(areas[name][lang])) {
            const ids = (index[prefixOf(key)] ??= []);
            if (!ids.includes(i)) ids.push(i);
          }
        }
      });
      const loaders = names.map((name) => `  () => ({ en: ${JSON.stringify(areas[name].en)}, fr: ${JSON.stringify(areas[name].fr)} }),`);
      // Every key, one string per language: enumerating the catalogue (i18next asks whether a language
      // has any word) lists them without building the areas.
      const keyList = { en: Object.keys(catalogue.en).join('\n'), fr: Object.keys(catalogue.fr).join('\n') };
      if (Object.values(keyList).some((k) => !k || k.split('\n').length !== new Set(k.split('\n')).size))
        throw new Error('the catalogue has an empty language or a key with a line break');
      const contents = [
        `const names = ${JSON.stringify(names)};`,
        'const loaders = [',
        ...loaders,
        '];',
        `const index = ${JSON.stringify(index)};`,
        `const keyList = ${JSON.stringify(keyList)};`,
        'const built = [];',
        'const area = (i) => (built[i] ??= loaders[i]());',
        "const prefixOf = (key) => (key.includes('.') ? key.slice(0, key.indexOf('.')) : key);",
        'export const areas = {};',
        'names.forEach((name, i) => Object.defineProperty(areas, name, { get: () => area(i), enumerable: true }));',
        `export const UNPREFIXED_AREAS = new Set(${JSON.stringify([...UNPREFIXED_AREAS])});`,
        '/** One language of the catalogue: a key is looked up in the areas its first segment names (a later area wins). */',
        'function language(lang) {',
        '  const added = {};',
        '  let keySet;',
        "  const keys = () => (keySet ??= new Set(keyList[lang].split('\\n')));",
        '  const holder = (key) => {',
        "    if (typeof key !== 'string') return undefined;",
        '    if (Object.hasOwn(added, key)) return added;',
        '    const ids = index[prefixOf(key)];',
        '    if (ids) for (let j = ids.length - 1; j >= 0; j--) if (Object.hasOwn(area(ids[j])[lang], key)) return area(ids[j])[lang];',
        '    return undefined;',
        '  };',
        '  return new Proxy({}, {',
        '    get: (_, key) => holder(key)?.[key],',
        '    has: (_, key) => holder(key) !== undefined,',
        '    set: (_, key, value) => {',
        '      added[key] = value;',
        '      return true;',
        '    },',
        '    ownKeys: () => [...new Set([...keys(), ...Object.keys(added)])],',
        '    // Described without building its area: the value is read when the property is.',
        '    getOwnPropertyDescriptor: (_, key) =>',
        "      typeof key === 'string' && (Object.hasOwn(added, key) || keys().has(key)) ? { get: () => holder(key)?.[key], enumerable: true, configurable: true } : undefined,",
        '  });',
        '}',
        "export const catalogue = { en: language('en'), fr: language('fr') };",
        '',
      ].join('\n');
      // The bundled catalogue must say what the real one says: checked here, at every build.
      const lazy = { exports: {} };
      const check = await esbuild.transform(contents, { format: 'cjs', loader: 'js', platform: 'node' });
      new Function('module', 'exports', 'require', check.code)(lazy, lazy.exports, require);
      for (const lang of ['en', 'fr']) {
        const real = catalogue[lang];
        const bundled = lazy.exports.catalogue[lang];
        if (!isDeepStrictEqual(Object.keys(bundled), Object.keys(real))) throw new Error(`the bundled catalogue (${lang}) has other keys than core/i18n/catalogue.ts`);
        for (const key of Object.keys(real)) {
          if (bundled[key] !== real[key] || !Object.prototype.hasOwnProperty.call(bundled, key)) throw new Error(`the bundled catalogue (${lang}) gives another text for ${key}`);
        }
        if (Object.prototype.hasOwnProperty.call(bundled, 'no.such.key') || bundled['no.such.key'] !== undefined) throw new Error('the bundled catalogue has a key it should not');
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Rewrites the bundle in ASCII only (scripts/cli-loader.cjs then reads it as Latin-1, without decoding
 * UTF-8): esbuild escapes the characters of strings, not those of regular expressions (`[•·▪]`, `’`).
 * Each UTF-16 unit becomes `\uXXXX`, the same character in a string, a template's value and a regular
 * expression (a surrogate pair too, with or without the `u` flag). Column numbers of those few lines
 * shift in the source map.
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  const ascii = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) fs.writeFileSync(file, ascii, 'latin1');
}

export async function buildCli() {
  const esbuild = await import('esbuild');
  const started = Date.now();
  fs.rmSync(cliOut, { recursive: true, force: true });
  /** One CommonJS file in dist/cli/ from `entry`, named `name`.cjs. */
  const bundleOf = (name, entry, options) =>
    esbuild.build({
      entryPoints: { [name]: entry },
      outdir: cliOut,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20.19',
      minify: !process.env.ART30_CLI_NO_MINIFY,
      keepNames: false,
      sourcemap: 'linked',
      logLevel: 'warning',
      metafile: true,
      // import.meta.url has no meaning in CommonJS: the bundle's own file URL (the paths computed from
      // it, migrations/ and fonts/, are then resolved from dist/cli/).
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      ...options,
    });
  const result = await bundleOf('art30', path.join(root, 'cli', 'main.ts'), { plugins: [lazyPackages, zodEnglishOnly, lazyCatalogue] });
  if (process.env.ART30_METAFILE) fs.writeFileSync(process.env.ART30_METAFILE, JSON.stringify(result.metafile));
  const bundle = path.join(cliOut, 'art30.cjs');
  // The bundle runs in vm.Script, which has no loader for import(): every import() must be bundled.
  const dynamic = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
  if (dynamic.length) throw new Error(`dist/cli/art30.cjs would load with import(), which it cannot: ${dynamic.join(', ')}`);
  asciiOnly(bundle);
  // The quick path of `art30 list` (cli/quick.ts), tried first by cli/bin/art30.cjs: a bundle of its
  // own, which must stay small (no API table, zod, drizzle or i18next: checked here).
  const quick = await bundleOf('quick', path.join(root, 'cli', 'quick.ts'), { external: NATIVE });
  const heavy = Object.keys(quick.metafile.inputs).filter((f) => /node_modules[\\/](zod|drizzle-orm|i18next)[\\/]|core[\\/]api[\\/]/.test(f));
  if (heavy.length) throw new Error(`dist/cli/quick.cjs would load what the quick path avoids: ${heavy.slice(0, 5).join(', ')}`);
  fs.copyFileSync(path.join(root, 'scripts', 'cli-loader.cjs'), path.join(cliOut, 'cli-loader.cjs'));
  // start.cjs: what cli/bin/art30.cjs requires (CommonJS all the way: no ES module to resolve and link).
  fs.writeFileSync(
    path.join(cliOut, 'start.cjs'),
    [
      '// The bundled `art30` command (scripts/build-cli.mjs): art30.cjs with its V8 code cache.',
      "'use strict';",
      "module.exports = require('./cli-loader.cjs').loadBundle(require('node:path').join(__dirname, 'art30.cjs'));",
      '',
    ].join('\n'),
  );
  // The same as an ES module, for programs that import it.
  fs.writeFileSync(
    path.join(cliOut, 'art30.mjs'),
    [
      '// The bundled `art30` command (scripts/build-cli.mjs): art30.cjs with its V8 code cache.',
      "import { createRequire } from 'node:module';",
      "export const { main } = createRequire(import.meta.url)('./start.cjs');",
      '',
    ].join('\n'),
  );
  // Files read at run time beside the bundle: the migrations (db/paths.ts: ../migrations/ from the
  // module) and the PDF footer's font (./fonts/ beside the module).
  fs.cpSync(path.join(root, 'core', 'export', 'pdf', 'fonts'), path.join(cliOut, 'fonts'), { recursive: true });
  fs.cpSync(path.join(root, 'migrations'), path.join(root, 'dist', 'migrations'), { recursive: true });
  fs.cpSync(path.join(root, 'migrations'), path.join(cliOut, 'migrations'), { recursive: true });
  // The code cache, written by running the bundle in a process of its own (no V8 flags, as art30 runs).
  const cache = spawnSync(process.execPath, [path.join(root, 'scripts', 'cli-code-cache.mjs'), bundle], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
  if (cache.status !== 0) throw new Error('writing the code cache of dist/cli/art30.cjs failed');
  console.log(`cli/main.ts → dist/cli/art30.cjs + its code cache (${Date.now() - started} ms)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
