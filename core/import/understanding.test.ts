/**
 * The pieces of header and value understanding: headers phrased as questions, plain phrases,
 * combined headers, German; the content signal; durations in words and school/business terms;
 * commas split only where a cell uses them as its separator; rows that only carry a style or a
 * validation (LibreOffice) are not counted as rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openTempRegister } from '../testing/temp-register.js';
import { t } from '../i18n/i18n.js';
import { readColumnContent } from './assign/content-signal.js';
import { assignColumns } from './assign/columns.js';
import { autoMap, matchHeader } from './assign/mapping.js';
import { parseRetention } from './normalise/retention.js';
import { splitMulti } from './normalise/split.js';
import type { ImportPreview } from './preview/preview.js';
import { writeXlsx } from './testing/corpus.js';

describe('headers a person reads at once', () => {
  it.each([
    ['Pourquoi ?', 'purpose'],
    ['Qui a accès', 'recipients'],
    ['Combien de temps on garde', 'retention'],
    ['Pays hors UE', 'transferCountries'],
    ['Quelles données', 'dataCategories'],
    ['Why do we process it?', 'purpose'],
    ['Who has access to the data?', 'recipients'],
    ['How long do we keep it?', 'retention'],
    ['Which countries is data sent to?', 'transferCountries'],
    ['D’où viennent les données ?', 'dataSources'],
    ['Comment les données sont-elles protégées ?', 'securityMeasures'],
    ['Sur qui portent les données ?', 'dataSubjects'],
    ['Client controller', 'clients'],
    ['Processing done on behalf of the client', 'clientProcessing'],
    ['Sub-processors', 'processors'],
    ['Zweck der Verarbeitung', 'purpose'],
    ['Aufbewahrungsfrist', 'retention'],
    ['Rechtsgrundlage', 'legalBases'],
    ['Empfänger', 'recipients'],
    ['Betroffene Personen', 'dataSubjects'],
    ['Sensitive data (yes/no)', 'hasSpecialData'],
    ['Special category data?', 'hasSpecialData'],
    // A first word that only qualifies what follows.
    ['Data processors used', 'processors'],
    ['Name of data processor(s)', 'processors'],
  ])('%s → %s, with a reason', (header, field) => {
    const m = matchHeader(header);
    expect(m.field).toBe(field);
    expect(m.why?.key).toMatch(/^mapping\.why\./);
    // The reason reads as a sentence in both languages.
    for (const lang of ['fr', 'en'] as const) expect(t(lang, m.why!.key, m.why!.params)).not.toMatch(/mapping\.|\{\{/);
  });

  it('a combined header takes its strongest part, the first on a tie', () => {
    expect(matchHeader('Finalité / base légale').field).toBe('purpose');
    expect(matchHeader('Purpose and legal basis').field).toBe('purpose');
    expect(matchHeader('Finalité / base légale').why?.key).toBe('mapping.why.part');
  });

  it('leaves what it cannot read unmapped, naming what it could be', () => {
    const m = matchHeader('Colonne G');
    expect(m.field).toBeNull();
    expect(matchHeader('Who owns the coffee machine budget code').field).not.toBe('purpose');
  });
});

describe('abbreviated headers, read as a table', () => {
  it('a compound cut after its hyphen is spelt out after it', () => {
    expect(matchHeader('Sous-trai. ulté.').field).toBe('processors');
    expect(matchHeader('Sous-fina.').field).toBe('subPurposes');
    expect(matchHeader('sub-proc.').field).toBe('processors');
  });

  it('a cut word two fields complete equally well is a guess between them, each reading kept', () => {
    const m = matchHeader('Proc.');
    expect(m.confidence).toBeLessThan(0.8);
    expect([m.field, ...(m.alternatives ?? []).map((a) => a.field)]).toEqual(expect.arrayContaining(['name', 'processors']));
    // A reading no other field shares stays strong: "Purp. of proc." is the purpose, "Proc. acti." the activity.
    expect(matchHeader('Purp. of proc.')).toMatchObject({ field: 'purpose', confidence: 0.9 });
    expect(matchHeader('Proc. acti.')).toMatchObject({ field: 'name', confidence: 0.9 });
  });

  it('the table decides: a column torn between two fields takes the one no other column reads', () => {
    const fields = (headers: string[]) =>
      assignColumns(
        headers,
        headers.map(() => null),
      ).map((m) => m.field);
    expect(fields(['Proc.', 'Desc. / purp.', 'Proc. / sub-proc.', 'Comm.'])).toEqual(['name', 'purpose', 'processors', 'description']);
    // The same headers in another order.
    expect(fields(['Comm.', 'Proc. / sub-proc.', 'Desc. / purp.', 'Proc.'])).toEqual(['description', 'processors', 'purpose', 'name']);
    // Alone, the ambiguous column gets the field the register requires, at a guess's confidence.
    expect(assignColumns(['Proc.', 'Purp.'], [null, null]).map((m) => [m.field, m.confidence < 0.8])).toEqual([
      ['name', true],
      ['purpose', false],
    ]);
  });
});

describe('a note or a unit after a header', () => {
  it('is read past when the header alone reads well', () => {
    expect(matchHeader('Commentaires [obligatoire]')).toMatchObject({ field: 'description', confidence: 0.9 });
    expect(matchHeader('Retention (see notes)').field).toBe('retention');
    // A note that makes the header what it is stays part of it.
    expect(matchHeader('Responsable de traitement (client)').field).toBe('clients');
  });

  it('naming a field of its own, leaves a guess between the two for the table to decide', () => {
    const m = matchHeader('Verantwortlicher (Auftraggeber)');
    expect(m.confidence).toBeLessThan(0.8);
    expect([m.field, ...(m.alternatives ?? []).map((a) => a.field)]).toEqual(expect.arrayContaining(['owner', 'clients']));
    const fields = assignColumns(['Verantwortlicher (Auftraggeber)', 'Interner Ansprechpartner', 'Zweck'], [null, null, null]).map((m) => m.field);
    expect(fields).toEqual(['clients', 'owner', 'purpose']);
  });
});

describe('the cells’ content as a second signal', () => {
  it.each([
    [['États-Unis', 'Inde', 'Non', 'Royaume-Uni'], 'country', 'transferCountries'],
    [['Obligation légale', 'Consentement', 'Art. 6(1)(f)'], 'legalBasis', 'legalBases'],
    [['5 ans', 'deux ans', '6 mois après le départ'], 'duration', 'retention'],
    [['a.b@example.org', 'c.d@example.org'], 'email', 'owner'],
    [['Salesforce Inc', 'OVHcloud SAS', 'Mailchimp'], 'organisation', 'processors'],
  ])('%j → %s', (values, kind, field) => {
    const c = readColumnContent(values);
    expect(c?.kind).toBe(kind);
    expect(c?.field).toBe(field);
  });

  it('says nothing about free text', () => {
    expect(readColumnContent(['Gestion de la paie', 'Recrutement des agents', 'Support'])).toBeNull();
    expect(readColumnContent(['RH', 'DSI', 'Finances'])).toBeNull();
  });

  it('maps a cryptic header by its content, and confirms a header by it', () => {
    const cols = autoMap(['Nom', 'Col 7', 'Durée'], [null, readColumnContent(['USA', 'Inde', 'Japon']), readColumnContent(['5 ans', '3 ans'])]);
    expect(cols[1]).toMatchObject({ field: 'transferCountries', why: { key: 'mapping.why.content' } });
    expect(cols[2]).toMatchObject({ field: 'retention', why: { key: 'mapping.why.both' } });
  });

  it('sends a tools column listing organisations to the processors', () => {
    const cols = autoMap(['Outils'], [readColumnContent(['Salesforce Inc', 'Microsoft Ireland Ltd', 'OVHcloud SAS'])]);
    expect(cols[0]).toMatchObject({ field: 'processors', why: { key: 'mapping.why.vendors' } });
    expect(autoMap(['Outils'], [readColumnContent(['Excel', 'Intranet', 'Logiciel paie'])])[0].field).toBe('systems');
  });
});

describe('values', () => {
  it.each([
    ['deux ans', 'P2Y', ''],
    ['three school years', 'P3Y', ''],
    ['10 exercices comptables', 'P10Y', ''],
    ['fin de scolarité', '', 'fin de scolarité'],
    ['Fin de scolarité + 1 an', 'P1Y', 'Fin de scolarité'],
    ['3 ans à compter du départ', 'P3Y', 'départ'],
    ['end of employment', '', 'end of employment'],
  ])('%s → %s + %s', (text, duration, trigger) => {
    const r = parseRetention(text);
    expect(r.duration).toBe(duration);
    expect(r.trigger).toBe(trigger);
    expect(r.understood).toBe(true);
  });

  it('splits on commas where the cell uses commas as its separator, and in a line of short words under lines or semicolons', () => {
    const cnil = 'État civil, identité, données d’identification, images';
    // The CNIL's own category, known to the vocabulary, stays whole; a line of short words is a list.
    expect(splitMulti(`${cnil};\nSanté`, { lineCommas: true, keepWhole: (p) => p === cnil })).toEqual([cnil, 'Santé']);
    expect(splitMulti(`${cnil};\nSanté`, { lineCommas: true })).toEqual(['État civil', 'identité', 'données d’identification', 'images', 'Santé']);
    // Where the field is not a list of words (recipients, measures…), a line stays whole.
    expect(splitMulti(`${cnil};\nSanté`)).toEqual([cnil, 'Santé']);
    expect(splitMulti('Nom, prénom, adresse')).toEqual(['Nom', 'prénom', 'adresse']);
    expect(splitMulti('Identité, adresse\nVie professionnelle (CV, diplômes)', { lineCommas: true })).toEqual(['Identité', 'adresse', 'Vie professionnelle (CV, diplômes)']);
    // Longer phrases between commas are one item's wording, not a list.
    expect(splitMulti('Données de connexion, y compris les adresses IP des postes\nSanté', { lineCommas: true })).toEqual([
      'Données de connexion, y compris les adresses IP des postes',
      'Santé',
    ]);
  });
});

describe('a LibreOffice workbook whose sheet carries styles and validations down to row 1,048,576', () => {
  it('reads its 3 activities, not "more than 100,000 rows"', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-lo-rows-'));
    const tmp = openTempRegister();
    try {
      await tmp.call('organisations/create', { organisation: { name: 'Lycée' } } as never);
      const file = path.join(dir, 'fiches.xlsx');
      await writeXlsx(file, {
        Notice: [['Ce classeur recense les traitements.']],
        Registre: [
          ['Nom du traitement', 'Finalité', 'Base légale'],
          ['Cantine', 'Inscrire les élèves à la cantine', 'Mission d’intérêt public'],
          ['Paie', 'Payer les agents', 'Obligation légale'],
          ['Badges', 'Contrôler les accès', 'Intérêt légitime'],
        ],
      });
      // What LibreOffice writes for a formatted column and a column-wide validation: styled, empty rows to the end.
      const parts = unzipSync(fs.readFileSync(file));
      const name = Object.keys(parts)
        .filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))
        .sort()[1];
      let xml = strFromU8(parts[name]);
      const styled = Array.from({ length: 30 }, (_, i) => `<row r="${1_048_547 + i}" s="1" customFormat="true" ht="12.8"><c r="C${1_048_547 + i}" s="1"/></row>`).join('');
      xml = xml.replace('</sheetData>', `${styled}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:AMJ1048576"/>');
      xml = xml.replace(
        '</worksheet>',
        '<dataValidations count="1"><dataValidation type="list" sqref="C2:C1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations></worksheet>',
      );
      parts[name] = strToU8(xml);
      fs.writeFileSync(file, zipSync(parts));
      const p = (await tmp.call('import/open', { file })) as ImportPreview;
      expect(p.counts.rows).toBe(3);
      expect(p.counts.error).toBe(0);
    } finally {
      tmp.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the same normalisers in the activity editor', () => {
  it('shows durations in words and reads them back, never an ISO code', async () => {
    const { durationInWords, durationFromWords } = await import('./normalise/duration-words.js');
    expect(durationInWords('P3Y', 'fr')).toBe('3 ans');
    expect(durationInWords('P1Y6M', 'en')).toBe('1 year 6 months');
    expect(durationFromWords('deux ans')).toBe('P2Y');
    expect(durationFromWords('18 months')).toBe('P18M');
    expect(durationFromWords('n’importe quoi')).toBeUndefined();
  });

  it('"3 ans à compter du départ" fills the duration and the trigger', async () => {
    const { readRetentionText } = await import('../../renderer/screens/retention-fields.js');
    const r = readRetentionText({ dataCategory: '', text: '', duration: '', trigger: '', activePeriod: '', archivePeriod: '', finalFate: null }, '3 ans à compter du départ');
    expect(r).toMatchObject({ text: '3 ans à compter du départ', duration: 'P3Y', trigger: 'départ' });
  });
});
