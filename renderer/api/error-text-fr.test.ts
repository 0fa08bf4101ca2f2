/**
 * A French DPO never reads an English sentence nor a field's path: real errors of a temporary
 * register, through the window's translator (the same code serves the CLI, cli/errors-fr.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../core/errors.js';
import { openTempRegister, type TempRegister } from '../../core/testing/temp-register.js';
import { translator } from '../app-context.js';
import { localiseError } from './error-text.js';

/** The window sets French in its typography (a no-break space before « : ; ! ? »); compared here with plain spaces. */
const nb = (s: string | undefined) => (s ?? '').replace(/\u00a0/g, ' ');

let reg: TempRegister | null = null;
afterEach(() => {
  reg?.cleanup();
  reg = null;
});

const fr = (error: ApiError) => localiseError(error, translator('fr'));
const ENGLISH = /\b(the|is|are|and|sheet|row|could not|must|not found|already|does not|more problems?)\b/i;
/** Every word the DPO reads: the message and each field's label and problem. */
const shown = (e: ApiError) => [e.message, ...(e.details ?? []).flatMap((d) => [d.label ?? '', d.message])];

async function refused(name: string, input: unknown): Promise<ApiError> {
  const r = await reg!.result(name as never, input as never);
  if (r.ok) throw new Error(`${name} was accepted`);
  return r.error;
}

describe('errors in French, with the fields’ labels', () => {
  it('an unknown country of a recipient: the label, never `countries[0]`', async () => {
    reg = openTempRegister({ demo: true });
    const e = fr(await refused('recipients/create', { recipient: { name: 'Nuage', type: 'processor', countries: ['ZZ'] } }));
    const pays = translator('fr')('f.countries');
    expect(nb(e.message)).toBe(`Enregistrement du destinataire impossible : ${pays} n° 1 « ZZ » n’est pas un pays connu (utilisez un code ISO 3166-1 comme FR, US ou IN).`);
    expect(e.details?.[0]).toMatchObject({ path: 'countries[0]', label: `${pays} n° 1` });
    for (const text of shown(e)) {
      expect(text).not.toMatch(ENGLISH);
      expect(text).not.toContain('countries');
    }
  });

  it('an organisation that still has records, with French plurals', async () => {
    reg = openTempRegister({ demo: true });
    const org = (await reg.call('organisations/create', { organisation: { name: 'SIVU des écoles' } })) as { id: number; version: number };
    const breach = { title: 'Vol', description: 'Vol d’un portable', nature: ['confidentiality'], occurredAt: '2026-03-01T08:00:00Z', discoveredAt: '2026-03-02T09:30:00Z' };
    await reg.call('breaches/create', { organisationId: org.id, breach } as never);
    const one = await refused('organisations/delete', { id: org.id, version: org.version });
    expect(nb(one.message)).toBe('SIVU des écoles still has 1 breach or request record: delete it first.');
    expect(nb(fr(one).message)).toBe('SIVU des écoles a encore 1 fiche de violation ou de demande : supprimez-la d’abord.');
    await reg.call('breaches/create', { organisationId: org.id, breach } as never);
    expect(nb(fr(await refused('organisations/delete', { id: org.id, version: org.version })).message)).toBe(
      'SIVU des écoles a encore 2 fiches de violation ou de demande : supprimez-les d’abord.',
    );
  });

  it('a file that is not a spreadsheet, and a register document with a missing purpose', async () => {
    reg = openTempRegister({ demo: true });
    const word = path.join(reg.dir, 'note.xlsx');
    fs.writeFileSync(word, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(600)]));
    const e = fr(await refused('import/open', { file: word }));
    expect(nb(e.message)).toBe(
      'note.xlsx est un fichier Office d’ancien format (.xls ou .doc, Office 97-2003), pas un classeur : Art30 importe les fichiers XLSX, ODS, CSV et JSON d’Art30. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx.',
    );
    const doc = path.join(reg.dir, 'registre.json');
    fs.writeFileSync(doc, JSON.stringify({ format: 'art30-register', version: 1, organisations: [{ key: 'o', name: 'A' }], activities: [{ organisation: 'o', name: 'x' }] }));
    const d = fr(await refused('register/importJson', { file: doc }));
    expect(nb(d.message)).toBe(`registre.json n’est pas un document de registre valide : ${translator('fr')('f.purpose')} est obligatoire.`);
    for (const text of shown(d)) expect(text).not.toMatch(ENGLISH);
  });

  it('a stale version and an unknown activity', async () => {
    reg = openTempRegister({ demo: true });
    const a = (await reg.call('activities/list', {}))[0];
    const stale = fr(await refused('activities/update', { id: a.id, version: a.version + 3, activity: { name: 'Paie', purpose: 'Payer' } }));
    expect(nb(stale.message)).toMatch(/^La fiche de l’activité \S+ a été modifiée ailleurs depuis son ouverture \(version \d+, enregistrée le /);
    expect(stale.details?.[0]).toMatchObject({ path: 'version', message: `version ${a.version + 3} attendue, ${a.version} trouvée` });
    expect(nb(fr(await refused('activities/get', { id: 99_999 })).message)).toBe('L’activité de traitement n° 99999 n’existe pas (elle a peut-être été supprimée).');
  });
});
