#!/usr/bin/env node
/**
 * `npm run lint:electron`: @doyensec/electronegativity over electron/, offline, FAILING (exit 1)
 * on any finding of the given severity or above (high by default) and on any file it could not
 * parse (a file it cannot read is a file it did not check). The electronegativity command line
 * always exits 0 and writes every finding to its CSV whatever `-s` says, so it is run here through
 * its API. All findings go to .electronegativity.csv for review.
 *
 *   node scripts/lint-electron.mjs [--input electron] [--severity high] [--out .electronegativity.csv]
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'];

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: 'electron' },
    severity: { type: 'string', default: 'high' },
    out: { type: 'string', default: '.electronegativity.csv' },
  },
  strict: true,
});
const threshold = SEVERITIES.indexOf(values.severity.toLowerCase());
if (threshold < 0) {
  process.stderr.write(`lint:electron: --severity must be one of ${SEVERITIES.join(', ')}.\n`);
  process.exit(1);
}

// Offline: electronegativity fetches translations from the network at start; answer "unavailable"
// at once so it uses its bundled English texts.
const egRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = egRequire.resolve('got');
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: () => Promise.reject(new Error('offline')),
};
process.env.LANG = 'en-US';
const quietLog = console.log;
console.log = () => {};
const run = require('@doyensec/electronegativity');
// The installed package's version, else (npm left the optional package out when its binary's download
// failed) the version package.json pins: the checks depend on the version, not on the binary.
const installed = path.join(root, 'node_modules', 'electron', 'package.json');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = fs.existsSync(installed)
  ? JSON.parse(fs.readFileSync(installed, 'utf8')).version
  : String(pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');

let result;
try {
  result = await run({
    input: path.resolve(root, values.input),
    output: path.resolve(root, values.out),
    isSarif: false,
    customScan: [],
    // Looks up newer Electron releases on the network: not a check of this code.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
} finally {
  console.log = quietLog;
}

const level = (issue) => SEVERITIES.indexOf(String(issue.severity.name ?? issue.severity).toLowerCase());
const failing = result.issues.filter((issue) => level(issue) >= threshold);
const unparsed = result.errors.filter((e) => !e.tolerable);

for (const issue of result.issues) {
  const mark = level(issue) >= threshold ? 'FAIL' : 'note';
  process.stdout.write(
    `${mark} ${String(issue.severity.name ?? issue.severity)
      .toUpperCase()
      .padEnd(6)} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column}  ${issue.description}\n`,
  );
}
for (const e of unparsed) process.stdout.write(`FAIL could not parse ${e.file}: ${e.message}\n`);
process.stdout.write(
  `electronegativity ${require('@doyensec/electronegativity/package.json').version} on ${values.input}/ (Electron ${electronVersion}): ` +
    `${result.issues.length} finding(s), ${failing.length} at ${values.severity} or above, ${unparsed.length} unparsed file(s). Details: ${values.out}\n`,
);
process.exit(failing.length > 0 || unparsed.length > 0 ? 1 : 0);
