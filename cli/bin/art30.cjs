#!/usr/bin/env node
// The `art30` command (package.json "bin"): the CLI bundled by `npm run build` (dist/cli/start.cjs,
// see scripts/build-cli.mjs), reached with require(). CommonJS from the first file: Node starts it
// without its ES module loader, which reads an ES entry file through its thread pool, a round trip
// that a loaded machine makes slow. In a development checkout that was not built yet, the TypeScript
// sources run through tsx (a development dependency). `art30 --version` alone is answered here, from
// package.json, without loading the command; a plain `art30 list` by its quick path (cli/quick.ts).
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Nothing else: no module of the command, not even node:fs (package.json is read by require).
  process.stdout.write(`art30 ${require('../../package.json').version}\n`);
} else if (args[0] === 'list' && quickList(args)) {
  // Answered by the quick path (cli/quick.ts).
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

/**
 * `art30 list` in its plain form, by the quick path built beside the command (dist/cli/quick.cjs):
 * true when it answered; false when the whole command must run (another form, a register to migrate
 * or to refuse, no build).
 */
function quickList(argv) {
  let quick;
  try {
    quick = require('../../dist/cli/quick.cjs');
  } catch {
    return false;
  }
  return quick.quickList(argv);
}
