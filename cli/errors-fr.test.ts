/** The command line shows errors in its language (ART30_LANG, LANG…), with the fields' labels. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from './command.js';
import { main } from './main.js';
import { useTempFolder } from './testing.js';

const tmp = useTempFolder();

async function run(lang: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), confirm: async () => false };
  const code = await main(argv, io, { ART30_LANG: lang });
  return { code, out: out.join(''), err: err.join('') };
}

describe('art30 errors in the command line’s language', () => {
  it('a register document with an unknown country: French, the field by its label', async () => {
    const doc = path.join(tmp.dir, 'registre.json');
    fs.writeFileSync(
      doc,
      JSON.stringify({
        format: 'art30-register',
        version: 1,
        organisations: [{ key: 'o', name: 'A' }],
        activities: [{ organisation: 'o', name: 'x', purpose: 'y', transfers: [{ recipient: 'r', country: 'ZZ' }] }],
      }),
    );
    const r = await run('fr_FR.UTF-8', 'import', doc, '--db', tmp.db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('art30 import: activities[0] : Enregistrement de l’activité impossible : Transfert n° 1 — Pays « ZZ » n’est pas un pays connu');
    expect(r.err).toContain('  - Transfert n° 1 — Pays : « ZZ » n’est pas un pays connu');
    expect(r.err).not.toMatch(/\b(could not|is not|transfers\[0\])/);
    // The same error in English when the command line speaks English, with the labels too.
    const en = await run('en_GB.UTF-8', 'import', doc, '--db', tmp.db);
    expect(en.err).toContain('activities[0]: The activity could not be saved: Transfer 1 — Country “ZZ” is not a known country');
  });

  it('a file that cannot be read, and a missing file', async () => {
    const missing = await run('fr', 'import', path.join(tmp.dir, 'absent.xlsx'), '--db', tmp.db);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Fichier introuvable : .*absent\.xlsx/);
    const folder = await run('fr', 'import', tmp.dir, '--db', tmp.db);
    expect(folder.err).toMatch(/est un dossier, pas un fichier\./);
  });
});
