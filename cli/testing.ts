/** Test helper: runs `art30` in-process with captured output, and a temporary folder per test. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from '../core/testing/temp-register.js';
import type { CliIO } from './command.js';
import { main } from './main.js';
import { progressLine } from './progress.js';

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCliWith({}, ...argv);
}

/** The same, with environment variables (ART30_LANG=fr…); questions are answered "no" and recorded in `asked`. */
export async function runCliWith(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<{ code: number; out: string; err: string; asked: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  // Output captured as a pipe captures it: no progress line unless --progress forces one.
  const io: CliIO = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    confirm: async (q) => (asked.push(q), false),
    progress: (force) => progressLine({ isTTY: false, write: (s: string) => err.push(s) }, force),
  };
  const code = await main(argv, io, env);
  return { code, out: out.join(''), err: err.join(''), asked };
}

/** A fresh folder and register path for each test of the calling file. */
export function useTempFolder(): { dir: string; db: string } {
  const paths = { dir: '', db: '' };
  beforeEach(() => {
    paths.dir = tempDir();
    paths.db = path.join(paths.dir, 'register.art30');
  });
  afterEach(() => fs.rmSync(paths.dir, { recursive: true, force: true }));
  return paths;
}
