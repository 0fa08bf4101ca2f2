/**
 * A French DPO never reads an English sentence: the commands run with ART30_LANG=fr on the demo
 * register (and on a department's spreadsheet), and no line of what they print may read as English
 * once the values that are not sentences are set aside (quoted texts, file paths, references,
 * options and their values, SHA-256).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areas } from '../core/i18n/catalogue.js';
import { writeRhWorkbook } from '../core/import/testing/corpus.js';
import { commands } from './commands/index.js';
import { runCliWith, useTempFolder } from './testing.js';

const tmp = useTempFolder();
const fr = { ART30_LANG: 'fr' };
const cliArea = areas.cli;

/** Words of English sentences that French never uses (nor the demo register's data). */
const ENGLISH =
  /\b(the|of|to|is|are|was|were|with|without|and|for|from|no|not|none|this|that|there|which|into|activity|activities|written|exported|nothing|register|created|updated|unchanged|added|removed|deleted|restored|sheet|rows?|header|ignored|hidden|error|warnings?|backup|history|entries|entry|checked|required|special|transfers?|usage|command|file|files|unknown|exit|reviews?|overdue|days?|late|left|name|status|role|purpose|department|owner|recipients?|retention|security|measures|safeguard|legal|data|subjects?|categories|controller|processor|active|draft|retired|yes|new|duplicate|excluded|done|undo|say|copy|check|load|write|create|run|see|every|only|other)\b/i;

const COMMAND_NAMES = commands.map((c) => c.name).join('|');

/** What is not a sentence: quoted values, paths, references, options with their values, hashes, the app's names. */
function sentences(line: string): string {
  return line
    .replace(/«[^»]*»|"[^"]*"|“[^”]*”/g, ' ')
    .replace(/\S*[/\\]\S*/g, ' ')
    .replace(/\b[0-9a-f]{64}\b/g, ' ')
    .replace(/\b[A-Z]{1,4}-\d{2,}\b/g, ' ')
    .replace(/\S*\|\S*/g, ' ')
    .replace(/--[\w-]+/g, ' ')
    .replace(new RegExp(`^\\s*(${COMMAND_NAMES})\\b`), ' ')
    .replace(/Data Privacy Framework/g, ' ')
    .replace(/<[^>]*>|\$\w+|\bart30( [a-z-]+)?\b|\bT-001,T-004\b|\b(?:json|xlsx|pdf|docx|csv|html|ods|fr|en)\b|\borg-\d+\b/gi, ' ');
}

/** The lines of an output that read as English, with the word that gives them away. */
function englishLines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => ({ line, m: ENGLISH.exec(sentences(line)) }))
    .filter((x) => x.m)
    .map((x) => `${x.m![0]} ← ${x.line}`);
}

describe('art30 in French (ART30_LANG=fr)', () => {
  it('the English-word check finds the English sentences the command line printed before', () => {
    expect(englishLines('12 activities\nNothing was written (--dry-run).\nExported 3 activities to /tmp/x.xlsx (SHA-256 ab)')).toHaveLength(3);
    expect(englishLines('T-007  active   controller  Contrôle d’accès  [special, non-EEA transfer, DPIA]')).not.toEqual([]);
    expect(englishLines('12 traitements exportés dans /tmp/a b/x.xlsx (SHA-256 ab)\nFeuille « Registre RH » : 10 lignes')).toEqual([]);
  });

  it('prints no English sentence: help, list, show, orgs, export, backup, import --dry-run, due, verify-history…', async () => {
    const db = tmp.db;
    const file = (name: string) => path.join(tmp.dir, name);
    const rh = file('rh.xlsx');
    await writeRhWorkbook(rh);
    const runs = [
      ['--help'],
      ['list', '--help'],
      ['export', '--help'],
      ['init', '--demo', '--db', db],
      ['list', '--db', db],
      ['list', '--role', 'processor', '--db', db],
      ['show', 'T-004', '--org', '1', '--db', db],
      ['show', 'T-007', '--org', '1', '--db', db],
      ['orgs', '--db', db],
      ['export', '--format', 'xlsx', '--out', file('registre.xlsx'), '--db', db],
      ['export', '--format', 'json', '--out', file('registre.json'), '--db', db],
      ['backup', '--out', file('copie.art30'), '--db', db],
      ['import', file('registre.json'), '--dry-run', '--db', file('autre.art30')],
      ['import', file('registre.json'), '--db', file('autre.art30')],
      ['import', rh, '--dry-run', '--db', file('autre.art30')],
      ['import', rh, '--db', file('autre.art30')],
      ['import', rh, '--yes', '--exclude', 'Registre RH!14', '--db', file('autre.art30')],
      ['import', '--batches', '--db', file('autre.art30')],
      ['import', '--undo', '1', '--db', file('autre.art30')],
      ['template', '--out', file('modele.xlsx'), '--db', db],
      ['due', '--db', db],
      ['overview', '--db', db],
      ['verify-history', '--db', db],
      ['init', '--org', 'Mairie de Villefranche', '--db', file('mairie.art30')],
      ['list', '--db', file('mairie.art30')],
      // Usage errors, in French too.
      ['frobnicate'],
      ['list', '--colour', '--db', db],
      ['list', '--role', 'boss', '--db', db],
      ['show', '--db', db],
      ['export', '--db', db],
      ['export', '--format', 'odt', '--out', file('x.odt'), '--db', db],
      ['export', '--format', 'json', '--out', file('x.json'), '--audience', 'public', '--db', db],
      ['import', '--db', db],
      ['due', '--org', 'x', '--db', db],
    ];
    const found: string[] = [];
    let printed = 0;
    for (const argv of runs) {
      const r = await runCliWith(fr, ...argv);
      const text = [r.out, r.err, ...r.asked].join('\n');
      printed += text.trim() ? 1 : 0;
      found.push(...englishLines(text).map((l) => `art30 ${argv.join(' ')}: ${l}`));
    }
    expect(printed).toBe(runs.length);
    expect(found).toEqual([]);
    // The same commands speak English when asked: the check is not blind to them.
    const en = await runCliWith({ ART30_LANG: 'en' }, 'list', '--db', db);
    expect(englishLines(en.out)).not.toEqual([]);
    expect(fs.existsSync(file('registre.xlsx'))).toBe(true);
  });

  it('has a usage and a summary in both languages for every command, and every cli key the sources name', () => {
    for (const c of commands)
      for (const part of ['usage', 'summary']) {
        const key = `cli.cmd.${c.name}.${part}`;
        expect(cliArea.en[key], key).toBeTruthy();
        expect(cliArea.fr[key], key).toBeTruthy();
      }
    const base = (key: string) => key.replace(/_(one|other)$/, '');
    const known = new Set([...Object.keys(cliArea.en), ...Object.keys(cliArea.fr)].map(base));
    expect(Object.keys(cliArea.fr).map(base).sort()).toEqual(Object.keys(cliArea.en).map(base).sort());
    const sources = ['cli/main.ts', 'cli/command.ts', ...fs.readdirSync('cli/commands').map((f) => `cli/commands/${f}`)].filter((f) => !f.endsWith('.test.ts'));
    const named = sources.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/'(cli\.[\w.-]+)'/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter((k) => !known.has(k))).toEqual([]);
  });
});
