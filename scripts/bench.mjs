#!/usr/bin/env node
/**
 * `npm run bench [suite…]`: bundles bench/ with esbuild, the way the Electron main process is
 * built, and runs it with Node. The benchmarks measure the code as the app ships it, not as tsx
 * transpiles it for development (tsx keeps function names with a wrapper on every closure, which
 * alone adds ~10 % to an import). Each source file keeps its own `import.meta.url`, so the paths
 * the code computes from it (migrations/, dist/renderer/) are the same as in the sources.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const outdir = path.join(benchDir, 'out', 'build');

/** Replaces `import.meta.url` in the project's own files with the URL of that source file. */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.promises.readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: fs
    .readdirSync(benchDir)
    .filter((f) => f === 'run.ts' || f === 'backend.entry.ts' || f.endsWith('.bench.ts'))
    .map((f) => path.join(benchDir, f)),
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [sourceUrls],
});
const run = spawnSync(process.execPath, ['--enable-source-maps', path.join(outdir, 'run.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ART30_BENCH_DIR: outdir },
});
process.exit(run.status ?? 1);
