#!/usr/bin/env node
// The `art30` command: the CLI bundled by `npm run build` (dist/cli/art30.mjs, see
// scripts/build-cli.mjs). In a development checkout that was not built yet, the TypeScript sources
// run through tsx (a development dependency).
import fs from 'node:fs';

const bundle = new URL('../../dist/cli/art30.mjs', import.meta.url);
let main;
if (fs.existsSync(bundle)) {
  ({ main } = await import(bundle.href));
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write('art30: the command is not built: run "npm run build" in the Art30 folder.\n');
    process.exit(3);
  }
  ({ main } = await import('../main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
