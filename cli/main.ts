/** `art30`: the register from the command line, over the same API table as the app. */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { RegisterOpenError } from '../db/errors.js';
import { defaultRegisterPath } from '../db/paths.js';
import { AppError, text } from '../core/errors.js';
import type { Register } from '../core/register.js';
import { APP_VERSION } from '../core/version.js';
import { callProcedure, cliLang, EXIT, exitCodeFor, UsageError, type CliIO, type Command, type CommandContext } from './command.js';
import { commands } from './commands/index.js';

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  force: { type: 'boolean', default: false },
} as const;

export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  async confirm(question) {
    if (!process.stdin.isTTY) return false;
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^(y|yes|o|oui)$/i.test((await rl.question(`${question} [y/N] `)).trim());
    } finally {
      rl.close();
    }
  },
};

async function help(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  return [
    'art30 — the GDPR Article 30 register from the command line',
    '',
    'Usage: art30 <command> [options]',
    '',
    ...loaded.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Options for every command:',
    '  --db FILE   the register file (default: $ART30_DB, else the desktop app’s register)',
    '  --json      machine-readable output',
    '  --force     replace an existing output file (--out)',
    '  --org ORG   an organisation: its number, its key (org-2) or its exact name (see "art30 orgs")',
    '  --version   the version of art30',
    '',
    'Exit codes: 0 ok, 1 usage error, 2 bad input (nothing written), 3 other error.',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await help());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`art30 ${APP_VERSION}\n`);
    return EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`art30: unknown command "${name}". Run "art30 --help" for the list.\n`);
    return EXIT.usage;
  }
  const command: Command = await entry.load();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`art30 ${name}: ${(error as Error).message}\nUsage: art30 ${command.usage}\n`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    io.stdout(`Usage: art30 ${command.usage}\n${command.summary}\n`);
    return EXIT.ok;
  }
  const dbPath = path.resolve((parsed.values.db as string | undefined) ?? env.ART30_DB ?? defaultRegisterPath());
  // The register's code is loaded once the command line is understood (not for --version or a usage error).
  const { Register } = await import('../core/register.js');
  let reg: Register | null = null;
  const meta = { source: 'cli' as const };
  const lang = cliLang(env);
  const ctx: CommandContext = {
    values: parsed.values as CommandContext['values'],
    positionals: parsed.positionals,
    json: Boolean(parsed.values.json),
    dbPath,
    io,
    lang,
    meta,
    open() {
      // A mistyped --db must not become a new empty register: only init and import create one.
      if (!reg && !command.createsRegister && !fs.existsSync(dbPath)) throw new AppError('bad_input', text('cli.registerMissing', { file: dbPath }));
      reg ??= Register.open(dbPath);
      return reg;
    },
    call(procedureName, input, m = meta) {
      return callProcedure(ctx.open(), procedureName, input, m);
    },
  };
  try {
    return (await command.run(ctx)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`art30 ${name}: ${error.message}\nUsage: art30 ${command.usage}\n`);
      return EXIT.usage;
    }
    if (error instanceof AppError || error instanceof RegisterOpenError) {
      // In the command line's language, fields by their labels (loaded only when an error is shown).
      const { errorText } = await import('./error-text.js');
      const shown = errorText(ctx.lang, error);
      io.stderr(`art30 ${name}: ${shown.message}\n`);
      for (const d of shown.details.slice(0, 20)) io.stderr(`  - ${d}\n`);
      if (error instanceof RegisterOpenError) return EXIT.badInput;
      if (ctx.json) io.stdout(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
      return exitCodeFor(error.code);
    }
    io.stderr(`art30 ${name}: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.other;
  } finally {
    (reg as Register | null)?.close();
  }
}
