/**
 * Loading the bundled `art30` command (scripts/build-cli.mjs): dist/cli/art30.cjs is the whole
 * command as one CommonJS file (no module graph to resolve and link at every start), run with the
 * V8 code cache written beside it at build time (art30.cjs.cache), so that the code the commands
 * use is not parsed and compiled again at each run. Copied to dist/cli/cli-loader.cjs.
 *
 * Hand-written rather than a library: `v8-compile-cache` hooks every `require` and keeps its caches
 * in the temporary folder; one file cached at build time needs only `vm.Script`'s `cachedData`
 * (Node ≥ 22 offers the same through `module.enableCompileCache()`). A cache V8 refuses (another
 * Node version, other V8 flags, another build) is ignored: the code is then compiled as usual.
 */
'use strict';
// CommonJS, as the bundle: `art30` reaches it with one require(), without the ES module loader.
const fs = require('node:fs');
// createRequire from the module system itself: require('node:module') would also load Node's ES module
// loader at every run.
const { createRequire } = module.constructor;
const path = require('node:path');
const { isAscii } = require('node:buffer');
const vm = require('node:vm');

/**
 * The bundle's text. scripts/build-cli.mjs writes it in ASCII only: read as Latin-1 it is the same
 * text, and Node makes it a string ten times faster than when it decodes UTF-8 (≈ 2 ms against ≈ 25 ms
 * for 1.4 MB here). A bundle holding other bytes is decoded as UTF-8.
 */
function readSource(file) {
  const bytes = fs.readFileSync(file);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Compiles the bundle as a CommonJS module, with its code cache when one is given. */
function compileBundle(file, cachedData) {
  const source = `(function (exports, require, module, __filename, __dirname) {${readSource(file)}\n})`;
  return new vm.Script(source, { filename: file, cachedData });
}

/** Runs a compiled bundle as a CommonJS module and returns its exports. */
function runBundle(script, file) {
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** The exports of the bundle `file`, compiled with the code cache beside it (`file`.cache) when there is one. */
function loadBundle(file) {
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    // No cache: compiled as usual.
  }
  return runBundle(compileBundle(file, cachedData), file);
}

module.exports = { compileBundle, runBundle, loadBundle };
