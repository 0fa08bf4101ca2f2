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

/** A process's parent and session on Linux (null elsewhere, or when it is gone). */
function procStat(pid: number): { ppid: number; session: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), session: Number(f[3]) };
  } catch {
    return null;
  }
}

/**
 * Stops the server when the process that started it goes (`npm run web`, `npm start`, a test
 * runner, the terminal): a killed parent must not leave a server running. The parent and, on
 * Linux, its own parents within this process's session are watched; a process that ends is
 * re-parented. Started in a session of its own (`setsid npm run web &`), the server outlives the
 * shell that started it, as asked; ART30_STOP_WITH_PARENT=1 watches the parents beyond the session too.
 */
function stopWithParents(stop: () => void): void {
  const parents: number[] = [];
  const session = procStat(process.pid)?.session;
  const beyondSession = process.env.ART30_STOP_WITH_PARENT === '1';
  let pid = process.ppid;
  for (let i = 0; i < 4 && pid > 1; i++) {
    const stat = procStat(pid);
    // A parent in another session is not the one that started this run: `setsid` made it a session of its own.
    if (stat && session !== undefined && stat.session !== session && !beyondSession) break;
    parents.push(pid);
    if (!stat) break;
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
