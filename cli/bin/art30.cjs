#!/usr/bin/env node
// The `art30` command (package.json "bin"): the CLI bundled by `npm run build` (dist/cli/start.cjs,
// see scripts/build-cli.mjs), reached with require(). CommonJS from the first file: Node starts it
// without its ES module loader, which reads an ES entry file through its thread pool, a round trip
// that a loaded machine makes slow. In a development checkout that was not built yet, the TypeScript
// sources run through tsx (a development dependency). `art30 --version` alone is answered here, from
// package.json, without loading the command.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Nothing else: no module of the command, not even node:fs (package.json is read by require).
  process.stdout.write(`art30 ${require('../../package.json').version}\n`);
} else {
  const fs = require('node:fs');
  const path = require('node:path');
  const start = path.join(__dirname, '..', '..', 'dist', 'cli', 'start.cjs');
  const load = async () => {
    if (fs.existsSync(start)) return require(start).main;
    try {
      const { register } = await import('tsx/esm/api');
      register();
    } catch {
      process.stderr.write('art30: the command is not built: run "npm run build" in the Art30 folder.\n');
      process.exit(3);
    }
    return (await import('../main.ts')).main;
  };
  load().then(
    async (main) => {
      process.exitCode = await main(args);
    },
    (error) => {
      process.stderr.write(`art30: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
