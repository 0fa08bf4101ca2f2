/**
 * The command line of the desktop app: `--register FILE` (or `--register=FILE`) opens that register
 * instead of the default one. Other arguments (Chromium switches, the script path when run from a
 * development checkout) are ignored.
 */
import path from 'node:path';

export interface LaunchArgs {
  register: string | null;
}

export function parseArgs(argv: readonly string[], cwd: string = process.cwd()): LaunchArgs {
  let register: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--register' && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      register = argv[++i];
    } else if (arg.startsWith('--register=')) {
      register = arg.slice('--register='.length);
    }
  }
  return { register: register ? path.resolve(cwd, register) : null };
}
