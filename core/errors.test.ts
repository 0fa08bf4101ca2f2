/**
 * Every error the API returns is a catalogue key with parameters (core/errors.ts): the type makes
 * the key compulsory, and these tests check what the type cannot: that every key written in the
 * sources exists in French and English with the same placeholders, that no error is built from
 * an English sentence, and that the English message is the catalogue's English text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, apiError, issue, NOT_FOUND_KINDS, notFound, SUBJECTS, text, validationError, type ErrorText } from './errors.js';
import { areas } from './i18n/catalogue.js';
import { localiseError } from './i18n/error-text.js';
import { hasKey, t, type Lang } from './i18n/i18n.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['core', 'db', 'cli', 'electron', 'web', 'renderer'];

function sources(): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'testing') walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        out.push({ file: path.relative(ROOT, full), code: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(ROOT, d));
  return out;
}

/** The arguments of every call `name(`…`)` in a source, as written (balanced brackets, strings skipped). */
function calls(code: string, name: RegExp): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(name)) {
    let depth = 0;
    let i = m.index + m[0].length - 1;
    const start = i + 1;
    let quote: string | null = null;
    for (; i < code.length; i++) {
      const c = code[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
        continue;
      }
      if (c === '"' || c === "'" || c === '`') quote = c;
      else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c) && --depth === 0) break;
    }
    out.push(code.slice(start, i));
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('errors are catalogue keys, never sentences', () => {
  const files = sources();

  it('builds no AppError, API error or field issue from a string: the second argument is a text of the catalogue', () => {
    const offenders: string[] = [];
    for (const { file, code } of files) {
      for (const args of calls(code, /new AppError\(/g)) {
        const second = args.split(',').slice(1).join(',').trim();
        if (/^['"`]/.test(second)) offenders.push(`${file}: new AppError(${args.slice(0, 80)}…`);
      }
      // An error or a field issue written as an object literal must carry a key.
      for (const m of code.matchAll(/\{\s*(?:path: [^,]+, )?message: ['"`]/g)) offenders.push(`${file}: ${code.slice(m.index, m.index + 80)}…`);
      for (const m of code.matchAll(/error: \{ code: '\w+', message:/g)) offenders.push(`${file}: ${code.slice(m.index, m.index + 80)}…`);
    }
    expect(offenders).toEqual([]);
  });

  it('names only keys that exist in the catalogue, in every file that builds errors', () => {
    const missing: string[] = [];
    let count = 0;
    for (const { file, code } of files) {
      if (!/from '(\.\.\/)*(core\/)?errors\.js'|from '\.\/errors\.js'/.test(code)) continue;
      const keys = [
        ...[...code.matchAll(/\b(?:text|textOf|issue\([^,()]+,)\s*\(?\s*'((?:errors|cli|import|overview|records|export|legal)\.[\w.]+)'/g)].map((m) => m[1]),
        ...[...code.matchAll(/new (?:DatasetError|RegisterOpenError)\((?:'\w+', )?'([\w.]+)'/g)].map((m) => m[1]),
      ];
      for (const key of keys) {
        count++;
        if (!hasKey(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(count).toBeGreaterThan(150);
  });

  it('has every key built from a list: subjects, things not found', () => {
    for (const s of SUBJECTS) expect(hasKey(`errors.subject.${s}`), s).toBe(true);
    for (const k of NOT_FOUND_KINDS) expect(hasKey(`errors.notFound.${k}`), k).toBe(true);
  });

  it('uses the same placeholders in French and English for every error', () => {
    const differ: string[] = [];
    for (const area of [areas.errors]) {
      const base = (k: string) => k.replace(/_(one|other)$/, '');
      const fr = new Map<string, Set<string>>();
      const en = new Map<string, Set<string>>();
      for (const [k, v] of Object.entries(area.fr)) for (const p of placeholders(v)) (fr.get(base(k)) ?? fr.set(base(k), new Set()).get(base(k))!).add(p);
      for (const [k, v] of Object.entries(area.en)) for (const p of placeholders(v)) (en.get(base(k)) ?? en.set(base(k), new Set()).get(base(k))!).add(p);
      for (const k of new Set([...fr.keys(), ...en.keys()])) {
        // A language may leave a parameter out (French does not repeat "The activity"), never invent one.
        const extra = [...(fr.get(k) ?? [])].filter((p) => !en.get(k)?.has(p) && p !== 'count');
        if (extra.length) differ.push(`${k}: ${extra.join(', ')}`);
      }
    }
    expect(differ).toEqual([]);
  });
});

describe('AppError', () => {
  it('derives its English message from the catalogue, and says the same in French', () => {
    const e = new AppError('in_use', text('errors.organisationHasRecords', { name: 'Mairie', count: 3 }));
    expect(e.message).toBe(t('en', 'errors.organisationHasRecords', { name: 'Mairie', count: 3 }));
    expect(e.message).toBe('Mairie still has 3 breach or request records: delete them first.');
    expect(e.toJSON()).toEqual({ code: 'in_use', key: 'errors.organisationHasRecords', params: { name: 'Mairie', count: 3 }, message: e.message });
    const one = new AppError('in_use', text('errors.organisationHasRecords', { name: 'Mairie', count: 1 }));
    expect(one.message).toBe('Mairie still has 1 breach or request record: delete it first.');
    const fr = (error: AppError, lang: Lang = 'fr') => localiseError(error.toJSON(), (k, v) => t(lang, k, v)).message;
    expect(fr(e)).toBe('Mairie a encore 3 fiches de violation ou de demande : supprimez-les d’abord.');
    expect(fr(one)).toBe('Mairie a encore 1 fiche de violation ou de demande : supprimez-la d’abord.');
  });

  it('translates nested texts, lists of texts, sizes and numbers in the language shown', () => {
    const cause: ErrorText = text('errors.validation', { what: text('errors.subject.activity') });
    const e = new AppError('bad_input', text('errors.doc.in', { item: 'activities[2]', cause }), [issue('activities[2].purpose', 'errors.required')]);
    expect(e.message).toBe('activities[2]: The activity could not be saved: activities[2].purpose is required.');
    const fr = localiseError(e.toJSON(), (k, v) => t('fr', k, v));
    expect(fr.message).toBe(`activities[2] : Enregistrement de l’activité impossible : ${t('fr', 'f.purpose')} est obligatoire.`);
    expect(fr.details?.[0].message).toBe('est obligatoire');
    const cells = new AppError('bad_input', text('errors.file.tooManyCells', { file: 'a.xlsx', max: 1_000_000 }));
    expect(cells.message).toBe('a.xlsx has more than 1,000,000 filled cells: split it into smaller files.');
    expect(localiseError(cells.toJSON(), (k, v) => t('fr', k, v)).message).toMatch(/^a\.xlsx a plus de 1\s000\s000 cellules remplies : découpez-le/);
  });

  it('names what was not found, by number or by reference', () => {
    expect(notFound('activity', 12).message).toBe('Processing activity #12 does not exist (it may have been deleted).');
    expect(localiseError(notFound('activity', 12).toJSON(), (k, v) => t('fr', k, v)).message).toBe('L’activité de traitement n° 12 n’existe pas (elle a peut-être été supprimée).');
    expect(notFound('breach', 'V-2026-003').message).toBe('Breach V-2026-003 does not exist (it may have been deleted).');
  });

  it('counts the other problems with the library’s plurals', () => {
    const two = validationError([issue('name', 'errors.required'), issue('purpose', 'errors.required')], 'activity');
    expect(two.message).toBe('The activity could not be saved: name is required (and 1 more problem).');
    const three = validationError([issue('name', 'errors.required'), issue('purpose', 'errors.required'), issue('ref', 'errors.refTaken')], 'recipient');
    expect(three.message).toBe('The recipient could not be saved: name is required (and 2 more problems).');
    expect(apiError('internal', text('errors.diskFull')).message).toBe('The disk is full: nothing was saved.');
  });
});
