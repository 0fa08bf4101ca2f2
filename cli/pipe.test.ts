/** A reader that closes the pipe early (`art30 … | head`) ends the command quietly, without a stack trace. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/temp-register.js';

const bin = path.resolve(import.meta.dirname, 'bin', 'art30.mjs');

describe('art30 piped into a reader that stops early', () => {
  it('stops quietly when the pipe closes', () => {
    const dir = tempDir('art30-pipe-');
    try {
      const db = path.join(dir, 'r.art30');
      expect(spawnSync(process.execPath, [bin, 'init', '--org', 'Pipe', '--db', db], { encoding: 'utf8' }).status).toBe(0);
      const csv = path.join(dir, 'many.csv');
      const rows = Array.from({ length: 3000 }, (_, i) => `Activity ${i};Purpose number ${i} of a long list of purposes;Employees`);
      fs.writeFileSync(csv, ['Name;Purpose;Data subjects', ...rows].join('\n'));
      // More than a pipe's buffer (64 KiB) of rows, read by `head -1`.
      const run = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" import "${csv}" --dry-run --verbose --db "${db}" | head -1`], { encoding: 'utf8', timeout: 120_000 });
      expect(run.stdout.trim()).toMatch(/many\.csv/);
      expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
