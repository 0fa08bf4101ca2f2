/**
 * `art30 import` and `art30 template`: spreadsheets with --dry-run --json / --yes / --sheet /
 * --mapping, JSON register documents as before, exit codes, undo; and the killed import — a child
 * process SIGKILLed in the middle of the commit leaves the register as it was, and it opens normally.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempFolder } from '../testing.js';
import { bigRows, writeMarketingWorkbook, writeRhWorkbook, writeXlsx } from '../../core/import/testing/corpus.js';
import { Register } from '../../core/register.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = useTempFolder();
const run = runCli;

describe('art30 import (spreadsheets)', () => {
  it('--dry-run --json prints the preview and writes nothing; --yes commits; --undo reverts', async () => {
    await run('init', '--org', 'Mairie', '--db', tmp.db);
    const file = path.join(tmp.dir, 'marketing.xlsx');
    await writeMarketingWorkbook(file);
    const dry = await run('import', file, '--dry-run', '--json', '--db', tmp.db);
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.out);
    expect(preview.counts).toMatchObject({ new: 5, error: 0 });
    expect(preview.sheets[0].columns[0]).toMatchObject({ header: 'Purpose of the processing', field: 'purpose', confidence: 1 });
    expect(preview.rows[1].warnings.map((w: { field: string }) => w.field)).toContain('transferCountries');
    expect((await run('list', '--db', tmp.db)).out).toBe('No processing activity in this register.\n');

    const text = await run('import', file, '--dry-run', '--sheet', 'Sales', '--db', tmp.db);
    expect(text.out).toMatch(/Sheet "Marketing": not selected/);
    expect(text.out).toMatch(/Sales!4 +NEW +CRM/);
    expect(text.out).toMatch(/2 new, 0 updated/);

    const refused = await run('import', file, '--db', tmp.db);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Nothing was imported/);

    const mapping = path.join(tmp.dir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ sheet: 'Marketing', mapping: { J: 'owner' } }));
    const done = await run('import', file, '--yes', '--mapping', mapping, '--db', tmp.db);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Imported marketing\.xlsx: 5 created, 0 updated/);
    // Captured as a pipe: no progress line (--progress forces them, see import-summary.test.ts).
    expect(done.err).not.toMatch(/Writing activities/);
    const batch = /Undo with: art30 import --undo (\d+)/.exec(done.out)![1];
    const shown = await run('show', 'T-001', '--json', '--db', tmp.db);
    expect(JSON.parse(shown.out)).toMatchObject({ name: 'Newsletter', owner: 'Marketing', department: 'Marketing' });
    expect((await run('import', '--batches', '--db', tmp.db)).out).toMatch(new RegExp(`#${batch} .* marketing\\.xlsx +5 created, 0 updated`));
    const undo = await run('import', '--undo', batch, '--db', tmp.db);
    expect(undo.out).toMatch(/5 activities deleted/);
    expect((await run('list', '--db', tmp.db)).out).toBe('No processing activity in this register.\n');
  });

  it('exit code 2 with nothing written on bad input and on rows in error', async () => {
    await run('init', '--org', 'Mairie', '--db', tmp.db);
    const png = path.join(tmp.dir, 'logo.xlsx');
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const bad = await run('import', png, '--yes', '--db', tmp.db);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/logo\.xlsx is a PNG image/);
    const rh = path.join(tmp.dir, 'rh.xlsx');
    await writeRhWorkbook(rh);
    const dry = await run('import', rh, '--dry-run', '--db', tmp.db);
    expect(dry.code).toBe(2);
    expect(dry.out).toMatch(/error +\[Purpose\] The purpose is empty/);
    const r = await run('import', rh, '--yes', '--db', tmp.db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/rh\.xlsx, sheet “Registre RH”, row 14, field Purpose/);
    expect((await run('list', '--db', tmp.db)).out).toBe('No processing activity in this register.\n');
    const ok = await run('import', rh, '--yes', '--exclude', 'Registre RH!14', '--db', tmp.db);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/8 created/);
  });

  it('imports the rows of a sheet without any column for the purpose as drafts, saying so; a row that left its purpose empty needs --drafts', async () => {
    await run('init', '--org', 'Mairie', '--db', tmp.db);
    const csv = path.join(tmp.dir, 'grc.csv');
    fs.writeFileSync(csv, ['Name;Owner;Tool', 'Payroll;a@b.org;PayFit', 'Recruitment;c@d.org;Welcome to the Jungle', ''].join('\r\n'));
    const dry = await run('import', csv, '--dry-run', '--db', tmp.db);
    expect(dry.code).toBe(0);
    // One message for the sheet, naming the field, and what happens to its rows.
    expect(dry.out.match(/no column gives the field “Purpose”|aucune colonne ne donne le champ « Finalité »/g)?.length).toBe(1);
    expect(dry.out).toMatch(/imported as drafts|importées comme brouillons/);
    const ok = await run('import', csv, '--yes', '--db', tmp.db);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/2 created/);
    const one = path.join(tmp.dir, 'one-empty.csv');
    fs.writeFileSync(one, ['Name;Purpose;Owner', 'Canteen;Plan the menus;a@b.org', 'Badges;;c@d.org', ''].join('\r\n'));
    expect((await run('import', one, '--yes', '--db', tmp.db)).code).toBe(2);
    expect((await run('list', '--db', tmp.db)).out).toMatch(/\n2 activities\n$/);
    const drafts = await run('import', one, '--yes', '--drafts', '--db', tmp.db);
    expect(drafts.code).toBe(0);
    expect(drafts.out).toMatch(/2 created/);
  });

  it('still imports an Art30 JSON register document', async () => {
    const src = path.join(tmp.dir, 'src.art30');
    await run('init', '--demo', '--db', src);
    const json = path.join(tmp.dir, 'register.json');
    expect((await run('export', '--format', 'json', '--out', json, '--db', src)).code).toBe(0);
    expect((await run('import', json, '--dry-run', '--db', tmp.db)).out).toMatch(/valid register document: 2 organisations/);
    const r = await run('import', json, '--db', tmp.db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/12 activities created/);
  });

  it('art30 template writes the department template', async () => {
    await run('init', '--org', 'Mairie', '--db', tmp.db);
    const out = path.join(tmp.dir, 'modele.xlsx');
    const r = await run('template', '--out', out, '--lang', 'en', '--db', tmp.db);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect((await run('template', '--out', out, '--lang', 'de', '--db', tmp.db)).code).toBe(1);
  });
});

describe('a killed import', () => {
  it('SIGKILL in the middle of the commit leaves the register as it was, and it opens normally', async () => {
    await run('init', '--demo', '--db', tmp.db);
    const big = path.join(tmp.dir, 'big.xlsx');
    await writeXlsx(big, { Activités: bigRows(4000) });
    const before = Register.open(tmp.db);
    const snapshot = (reg: Register) => ({
      activities: reg.sqlite.prepare('SELECT id, ref, version, updated_at FROM activities ORDER BY id').all(),
      history: reg.sqlite.prepare('SELECT count(*) FROM history').pluck().get(),
      recipients: reg.sqlite.prepare('SELECT count(*) FROM recipients').pluck().get(),
      batches: reg.sqlite.prepare('SELECT count(*) FROM import_batches').pluck().get(),
    });
    const expected = snapshot(before);
    before.close();

    const child = spawn(process.execPath, [path.join(ROOT, 'cli/bin/art30.mjs'), 'import', big, '--yes', '--progress', '--db', tmp.db], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const killedMidCommit = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // Progress lines are written while the transaction runs: kill after the first batch of rows.
        const m = /Writing activities: (\d+)\/(\d+)/.exec(stderr);
        if (m && Number(m[1]) > 0 && Number(m[1]) < Number(m[2]) && !child.killed) {
          child.kill('SIGKILL');
          resolve(true);
        }
      });
      child.on('exit', () => resolve(false));
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.on('exit', r)));
    expect(killedMidCommit, `the import finished before it could be killed: ${stderr}`).toBe(true);
    expect(child.signalCode).toBe('SIGKILL');

    const after = Register.open(tmp.db);
    try {
      expect(after.sqlite.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect(snapshot(after)).toEqual(expected);
      expect(after.history.verify().ok).toBe(true);
    } finally {
      after.close();
    }
    expect((await run('list', '--db', tmp.db)).out).toMatch(/12 activities\n$/);
    expect((await run('verify-history', '--db', tmp.db)).code).toBe(0);
  }, 120_000);
});
