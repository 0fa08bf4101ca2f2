/**
 * `npm run web [-- --db FILE] [--port N]`: the register in a browser, served on 127.0.0.1 only.
 * Prints the address to open; it carries this run's secret token.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultRegisterPath } from '../db/paths.js';
import { startWebServer } from './server.js';

const USAGE = 'Usage: npm run web -- [--db FILE] [--port N]';

async function main(): Promise<number> {
  let values: { db?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`art30 web: ${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(
      `${USAGE}\n\n  --db FILE   the register file (default: $ART30_DB, else the desktop app’s register)\n  --port N    the port (default: a random free port)\n`,
    );
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`art30 web: --port must be a port number (0-65535), not "${values.port}".\n`);
    return 1;
  }
  const db = path.resolve(values.db ?? process.env.ART30_DB ?? defaultRegisterPath());
  fs.mkdirSync(path.dirname(db), { recursive: true });
  const server = await startWebServer({ db, port });
  process.stdout.write(`Art30 web mode on ${db}\nOpen: ${server.url}\n(Ctrl+C to stop)\n`);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  stopWithParents(stop);
  return -1;
}

/** A process's name, parent and session on Linux (null elsewhere, or when it is gone). */
function procStat(pid: number): { name: string; ppid: number; session: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ppid: Number(f[1]), session: Number(f[3]) };
  } catch {
    return null;
  }
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'fish', 'busybox']);

/**
 * Stops the server when the program that started it goes (`npm run web`, `npm start`, a test runner):
 * a killed launcher must not leave a server running. Shells on the way are not that program: the one
 * npm runs the script in, and the one where `npm run web &` was typed, which may exit and leave the
 * server running in the background, as asked. So the parents are walked past shells, within this
 * process's session, and the first one that is not a shell is watched. Started in a session of its own (`setsid npm run web &`) with no launcher in that session, it
 * outlives the shell that started it too. ART30_STOP_WITH_PARENT=1 watches every parent, shells
 * included, beyond the session: the server then stops with the shell that started it.
 */
function stopWithParents(stop: () => void): void {
  const parents: number[] = [];
  const session = procStat(process.pid)?.session;
  const withShells = process.env.ART30_STOP_WITH_PARENT === '1';
  let pid = process.ppid;
  for (let i = 0; i < 4 && pid > 1; i++) {
    const stat = procStat(pid);
    // A parent in another session is not the one that started this run: `setsid` made it a session of its own.
    if (stat && session !== undefined && stat.session !== session && !withShells) break;
    const shell = stat ? SHELLS.has(stat.name) : false;
    if (!shell || withShells) parents.push(pid);
    if (!stat || (!shell && !withShells)) break;
    pid = stat.ppid;
  }
  const alive = (p: number) => {
    try {
      process.kill(p, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  const timer = setInterval(() => {
    if (parents.every(alive)) return;
    clearInterval(timer);
    stop();
  }, 1000);
  timer.unref();
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    process.stderr.write(`art30 web: ${(error as Error).message}\n`);
    process.exit(3);
  },
);
