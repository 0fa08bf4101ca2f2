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
import { t, type Lang } from '../core/i18n/i18n.js';
import { callProcedure, cliLang, commandUsage, EXIT, exitCodeFor, UsageError, type CliIO, type Command, type CommandContext } from './command.js';
import { commands } from './commands/index.js';
import { registerPath } from './environment.js';
import { progressLine } from './progress.js';

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  force: { type: 'boolean', default: false },
} as const;

let pipeWatched = false;
/** `art30 import … --verbose | head`: once the reader has closed the pipe, stop quietly (as other tools do), not with a stack trace. */
function write(stream: NodeJS.WriteStream, t: string): boolean {
  if (!pipeWatched) {
    pipeWatched = true;
    for (const s of [process.stdout, process.stderr])
      s.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') throw e;
        process.exit(0);
      });
  }
  return stream.write(t);
}

export const processIO: CliIO = {
  stdout: (t) => write(process.stdout, t),
  stderr: (t) => write(process.stderr, t),
  progress: (force) => progressLine(process.stderr, force),
  async confirm(question) {
    if (!process.stdin.isTTY) return false;
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^(y|yes|o|oui)$/i.test((await rl.question(`${question} ${t(cliLang(), 'cli.confirmSuffix')} `)).trim());
    } finally {
      rl.close();
    }
  },
};

function help(lang: Lang): string {
  const T = (key: string) => t(lang, key);
  return [
    T('cli.help.title'),
    '',
    T('cli.help.usage'),
    '',
    ...commands.map((c) => commandUsage(lang, c.name)).map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    T('cli.help.globalTitle'),
    ...['db', 'json', 'force', 'org', 'version'].map((o) => `  ${T(`cli.help.${o}`)}`),
    '',
    T('cli.help.lang'),
    T('cli.help.exitCodes'),
    '',
  ].join('\n');
}

/** Node's messages for options it could not read (parseArgs), in the command line's language. */
function argsError(lang: Lang, error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t(lang, 'cli.args.unknownOption', { option: quoted });
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return t(lang, 'cli.args.unexpectedPositional', { value: quoted });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t(lang, 'cli.args.missingValue', { option: /(--?[\w-]+)/.exec(error.message)?.[1] ?? quoted });
  return t(lang, 'cli.args.other', { detail: error.message });
}

export async function main(argv: string[], io: CliIO = processIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  const lang = cliLang(env);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help(lang));
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`art30 ${APP_VERSION}\n`);
    return EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`art30: ${t(lang, 'cli.unknownCommand', { name })}\n`);
    return EXIT.usage;
  }
  const command: Command = await entry.load();
  const usageLine = () => t(lang, 'cli.usageLine', { usage: commandUsage(lang, command.name).usage });
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`art30 ${name}: ${argsError(lang, error as Error)}\n${usageLine()}\n`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    io.stdout(`${usageLine()}\n${commandUsage(lang, command.name).summary}\n`);
    return EXIT.ok;
  }
  const dbPath = path.resolve(registerPath(parsed.values.db as string | undefined, env, defaultRegisterPath));
  // The register's code is loaded once the command line is understood (not for --version or a usage error).
  const { Register } = await import('../core/register.js');
  let reg: Register | null = null;
  const meta = { source: 'cli' as const };
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
      io.stderr(`art30 ${name}: ${error.message}\n${usageLine()}\n`);
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
    io.stderr(`art30 ${name}: ${t(lang, 'cli.unexpected', { detail: (error as Error).stack ?? String(error) })}\n`);
    return EXIT.other;
  } finally {
    (reg as Register | null)?.close();
  }
}
