/**
 * Every warning and error the import gives carries a code that the catalogue translates in French and
 * English; shown with the field's label, a French DPO never reads an English sentence nor a field key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t as translate } from '../i18n/i18n.js';
import { fr, en } from '../i18n/locales/import.js';
import { openTempRegister, type TempRegister } from '../testing/temp-register.js';
import { FIELD_BY_KEY } from './assign/fields.js';

let t: TempRegister;
beforeEach(() => {
  t = openTempRegister({ demo: true });
});
afterEach(() => t.cleanup());

describe('import warnings in the DPO’s language', () => {
  it('has a French and an English text for every code the import can give', () => {
    const sources = ['values/build-row.ts', 'preview/preview.ts'].map((f) => fs.readFileSync(path.join(import.meta.dirname, f), 'utf8')).join('\n');
    // Whatever the layout: `code: 'x'`, `code: cond ? 'x' : 'y'`, and warn(…, `message`, 'code', {…}).
    const codes = new Set([...sources.matchAll(/code: '([a-z_]+)'|[`'],\s*'([a-z_]+)',\s*\{/g)].map((m) => m[1] ?? m[2]));
    for (const m of sources.matchAll(/code:[^,}]*?\?\s*'([a-z_]+)'\s*:\s*'([a-z_]+)'/g)) codes.add(m[1]).add(m[2]);
    expect(codes.size).toBeGreaterThan(18);
    for (const code of codes) {
      expect(fr[`import.warning.${code}`], code).toBeTruthy();
      expect(en[`import.warning.${code}`], code).toBeTruthy();
    }
  });

  it('translates the warnings of a real file, with the field’s label and never its key', async () => {
    const file = path.join(t.dir, 'achats.csv');
    fs.writeFileSync(
      file,
      [
        'Nom du traitement;Finalité;Destinataires;Pays;Durée de conservation;Base légale;Statut',
        'Achats;Gérer les achats;Service achats;Inde;le temps qu’il faut;magie;peut-être',
        'Sans finalité;;Service achats;;;;',
      ].join('\r\n'),
    );
    const p = await t.call('import/open', { file, lang: 'fr' });
    const issues = p.rows.flatMap((r) => [...r.warnings, ...r.errors]);
    expect(issues.length).toBeGreaterThanOrEqual(5);
    for (const w of issues) {
      expect(w.code, w.message).toBeTruthy();
      const message = translate('fr', `import.warning.${w.code}`, { value: w.value, ...(w.params ?? {}) });
      const label = FIELD_BY_KEY.get(w.field)?.labelFr ?? '';
      const line = translate('fr', 'import.warning.line', { cell: w.cell, label, message });
      expect(line).not.toMatch(/import\.warning|transferCountries|legalBases|retention\b|\{\{/);
      if (w.field === 'transferCountries') expect(line).toContain('Transferts hors UE (pays)');
    }
    const transfer = issues.find((w) => w.code === 'transfer_without_safeguard')!;
    expect(translate('fr', `import.warning.${transfer.code}`, transfer.params)).toBe(
      'Transfert vers Inde sans garantie : indiquez laquelle (clauses contractuelles types, BCR, dérogation…).',
    );
  });
});
