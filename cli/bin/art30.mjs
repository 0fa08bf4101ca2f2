#!/usr/bin/env node
// The `art30` command: the CLI bundled by `npm run build` (dist/cli/start.cjs, see
// scripts/build-cli.mjs), reached with require() (no ES module graph to load at each start). In a
// development checkout that was not built yet, the TypeScript sources run through tsx (a development
// dependency). `art30 --version` alone is answered here, from package.json, without loading the command.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`art30 ${require('../../package.json').version}\n`);
} else {
  let main;
  if (fs.existsSync(new URL('../../dist/cli/start.cjs', import.meta.url))) {
    ({ main } = require('../../dist/cli/start.cjs'));
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
  process.exitCode = await main(args);
}
