#!/usr/bin/env node
/**
 * `npm run typecheck`: `tsc --noEmit` over the whole project, electron/ included whenever Electron's
 * types can be had — from the installed electron package, or, where its download failed and npm
 * removed it, from the same version's package on the npm registry (scripts/electron-types.mjs; the
 * binary is not needed for types). Only when neither is reachable (offline, no package) is electron/
 * left out, said in one line (tsconfig.no-electron.json).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronTypes } from './electron-types.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const types = ensureElectronTypes();
let project = 'tsconfig.json';
if (!types.file) {
  project = 'tsconfig.no-electron.json';
  process.stdout.write(`typecheck: electron/ not checked: no Electron types (${types.reason}).\n`);
} else if (types.source !== 'installed') {
  process.stdout.write(`typecheck: electron/ checked against the electron package's types only (${path.relative(root, types.file)}): its binary is not installed.\n`);
}
const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
