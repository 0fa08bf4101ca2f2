#!/usr/bin/env node
/**
 * `npm run build`: the renderer with Vite → dist/renderer/, and (when electron/ has them) the
 * Electron main process and preload with esbuild → dist/electron/main.cjs and preload.cjs.
 * and the `art30` command with esbuild → dist/cli/ (scripts/build-cli.mjs; `--cli` builds only it).
 * `--renderer-only-if-missing` (used by `npm run web`): build only the renderer, and only if
 * dist/renderer/index.html does not exist yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const rendererOut = path.join(root, 'dist', 'renderer');

export function rendererConfig() {
  return {
    root: path.join(root, 'renderer'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    esbuild: { jsx: 'automatic' },
    build: {
      outDir: rendererOut,
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
      // Everything inline-free: the CSP forbids inline scripts and styles.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
  };
}

async function buildRenderer() {
  const { build } = await import('vite');
  const started = Date.now();
  await build(rendererConfig());
  console.log(`renderer → ${path.relative(root, rendererOut)}/ (${Date.now() - started} ms)`);
}

async function buildElectron() {
  const entries = ['main', 'preload', 'backend-main'].filter((n) => fs.existsSync(path.join(root, 'electron', `${n}.ts`)));
  if (!entries.length) {
    console.log('electron/main.ts not found: Electron build skipped');
    return;
  }
  const esbuild = await import('esbuild');
  for (const name of entries) {
    // backend-main.ts (the register's utility process) is bundled like main, as backend.cjs.
    const main = name === 'main' || name === 'backend-main';
    await esbuild.build({
      entryPoints: [path.join(root, 'electron', `${name}.ts`)],
      outfile: path.join(root, 'dist', 'electron', `${name === 'backend-main' ? 'backend' : name}.cjs`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      // Node 20.19 (package.json's engines): esbuild lowers Unicode property escapes (\p{M}) for 20.0 into a RegExp built at every call.
      target: 'node20.19',
      // playwright-core stays a module of its own: bundled, it looks for files beside the bundle.
      external: ['electron', 'better-sqlite3', 'playwright-core'],
      sourcemap: 'linked',
      logLevel: 'warning',
      // import.meta.url has no meaning in CommonJS: give the main bundle its own file URL. The
      // sandboxed preload has no __filename and must not get this banner.
      ...(main
        ? {
            define: { 'import.meta.url': 'importMetaUrl' },
            banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
          }
        : {}),
    });
    console.log(`electron/${name}.ts → dist/electron/${name === 'backend-main' ? 'backend' : name}.cjs`);
  }
  // The migrations are read at run time beside the bundle, and the PDF footer's font too
  // (core/export/pdf/assemble.ts looks for ./fonts/ beside its own module).
  const migrations = path.join(root, 'migrations');
  if (fs.existsSync(migrations)) fs.cpSync(migrations, path.join(root, 'dist', 'migrations'), { recursive: true });
  fs.cpSync(path.join(root, 'core', 'export', 'pdf', 'fonts'), path.join(root, 'dist', 'electron', 'fonts'), { recursive: true });
}

if (args.has('--renderer-only-if-missing')) {
  if (!fs.existsSync(path.join(rendererOut, 'index.html'))) await buildRenderer();
} else if (args.has('--cli')) {
  await (await import('./build-cli.mjs')).buildCli();
} else {
  await buildRenderer();
  await buildElectron();
  await (await import('./build-cli.mjs')).buildCli();
}
