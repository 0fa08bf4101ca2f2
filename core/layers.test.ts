/**
 * Layers point one way (issue 13): the model and text helpers at the bottom, `db/` above them, the
 * services and the domain above `db/`, and the shells (Electron, web mode, CLI, window) on top.
 * Read from the sources' import statements, so that a wrong import fails here, not in review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  if (fs.statSync(path.join(ROOT, dir)).isFile()) return [dir];
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** The files a source imports (relative imports resolved to paths from the root) and the packages it names. */
function importsOf(file: string): { files: string[]; packages: string[] } {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) files.push(path.normalize(path.join(path.dirname(file), spec)));
    else packages.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return { files, packages };
}

function violations(dirs: string[], allowed: (target: string) => boolean, forbiddenPackages: string[] = []): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    for (const file of sources(dir)) {
      const { files, packages } = importsOf(file);
      for (const target of files) if (!allowed(target)) out.push(`${file} → ${target}`);
      for (const p of packages) if (forbiddenPackages.includes(p)) out.push(`${file} → ${p}`);
    }
  }
  return out;
}

const under = (target: string, ...dirs: string[]) => dirs.some((d) => target === d || target.startsWith(`${d}/`) || target.startsWith(`${d}.`));

describe('layers', () => {
  it('the model, text and language helpers import nothing above them', () => {
    const model = (t: string) => under(t, 'core/model', 'core/records/model', 'core/i18n', 'core/text', 'core/errors');
    expect(violations(['core/model', 'core/i18n'], model)).toEqual([]);
    expect(violations(['core/records/model.ts'], model)).toEqual([]);
  });

  it('db/ reads the model and text helpers, never the services, the shells or Electron', () => {
    expect(violations(['db'], (t) => under(t, 'db', 'core/model', 'core/text', 'core/i18n', 'core/errors'), ['electron'])).toEqual([]);
  });

  it('the core never imports a shell (Electron, the window, web mode, the CLI)', () => {
    expect(violations(['core'], (t) => !under(t, 'electron', 'renderer', 'web', 'cli'), ['electron', 'react'])).toEqual([]);
  });
});
