import { describe, expect, it } from 'vitest';
import { openTempRegister } from '../../testing/temp-register.js';
import { CountryMatcher } from './country.js';
import { excelSerialToIso, parseDate } from './date.js';
import { cleanText, isEmptyEquivalent } from './empty.js';
import { parseLegalBasis } from './legal-basis.js';
import { parseRetention } from './retention.js';
import { parseSafeguard } from './safeguard.js';
import { splitMulti } from './split.js';
import { parseYesNo } from './yes-no.js';

describe('legal bases in free text', () => {
  it.each([
    ['Consentement', 'consent'],
    ['contrat', 'contract'],
    ['Exécution d’un contrat ou de mesures précontractuelles', 'contract'],
    ['intérêt légitime', 'legitimate_interests'],
    ['Intérêts légitimes', 'legitimate_interests'],
    ['Art. 6(1)(f)', 'legitimate_interests'],
    ['art 6.1.a', 'consent'],
    ['Article 6-1-c RGPD', 'legal_obligation'],
    ['obligation légale', 'legal_obligation'],
    ['Mission d’intérêt public', 'public_task'],
    ['vital interests', 'vital_interests'],
    ['Legal obligation', 'legal_obligation'],
    ['À déterminer', 'to_be_determined'],
  ])('%s → %s', (text, code) => expect(parseLegalBasis(text)).toBe(code));
  it('leaves unknown text unmatched', () => expect(parseLegalBasis('parce que')).toBeUndefined());
});

describe('countries', () => {
  const t = openTempRegister();
  const m = new CountryMatcher(t.reg.reference.countries());
  t.cleanup();
  it.each([
    ['USA', 'US'],
    ['États-Unis', 'US'],
    ['Etats Unis', 'US'],
    ['united states', 'US'],
    ['Inde', 'IN'],
    ['India', 'IN'],
    ['Irlande', 'IE'],
    ['IE', 'IE'],
    ['us', 'US'],
    ['Royaume-Uni', 'GB'],
    ['UK', 'GB'],
    ['Suisse', 'CH'],
    ['Andorre', 'AD'],
    ['Corée du Sud', 'KR'],
  ])('%s → %s', (text, code) => expect(m.match(text)).toBe(code));
  it('does not invent countries', () => expect(m.match('Wakanda')).toBeUndefined());
});

describe('yes / no', () => {
  it.each([
    ['Oui', true],
    ['non', false],
    ['X', true],
    ['x', true],
    ['TRUE', true],
    ['FALSE', false],
    ['Yes', true],
    ['No', false],
    ['1', true],
  ])('%s → %s', (text, v) => expect(parseYesNo(text)).toBe(v));
  it('is undefined for anything else', () => expect(parseYesNo('peut-être')).toBeUndefined());
});

describe('dates', () => {
  it('reads Excel serial dates (1900 system)', () => {
    expect(excelSerialToIso(45000)).toBe('2023-03-15');
    expect(excelSerialToIso(44562)).toBe('2022-01-01');
    expect(parseDate('44562')).toBe('2022-01-01');
  });
  it('reads French day/month order first', () => {
    expect(parseDate('03/04/2022')).toBe('2022-04-03');
    expect(parseDate('13/05/2019')).toBe('2019-05-13');
    expect(parseDate('05/13/2019')).toBe('2019-05-13');
    expect(parseDate('2018-05-26')).toBe('2018-05-26');
    expect(parseDate('31/02/2020')).toBeUndefined();
    expect(parseDate('hier')).toBeUndefined();
  });
});

describe('retention', () => {
  it.each([
    ['3 ans', 'P3Y', ''],
    ['1 mois', 'P1M', ''],
    ['6 mois', 'P6M', ''],
    ['13 months', 'P13M', ''],
    ['30 jours', 'P30D', ''],
    ['1 an et 6 mois', 'P1Y6M', ''],
    ['trois ans', 'P3Y', ''],
    ['10 years after contract end', 'P10Y', 'contract end'],
    ['5 ans à compter du versement de la paie', 'P5Y', 'versement de la paie'],
    ["jusqu'à la suppression du compte", '', 'suppression du compte'],
    ['2 ans après le dernier contact', 'P2Y', 'dernier contact'],
  ])('%s → %s + %s', (text, duration, trigger) => {
    const r = parseRetention(text);
    expect(r.duration).toBe(duration);
    expect(r.trigger).toBe(trigger);
    expect(r.understood).toBe(true);
    expect(r.text).toBe(text);
  });
  it('splits active use and intermediate archiving, and reads the final fate', () => {
    const r = parseRetention('3 ans en base active puis 5 ans en archivage intermédiaire, puis anonymisation');
    expect(r).toMatchObject({ activePeriod: 'P3Y', archivePeriod: 'P5Y', duration: 'P8Y', finalFate: 'anonymise' });
  });
  it('says when it does not understand', () => expect(parseRetention('forever-ish').understood).toBe(false));
});

describe('multi-value cells and empty-equivalents', () => {
  it('splits on ; , line breaks, " / " and bullets, not inside parentheses', () => {
    expect(splitMulti('Clients; Prospects')).toEqual(['Clients', 'Prospects']);
    expect(splitMulti('Salariés / Prestataires')).toEqual(['Salariés', 'Prestataires']);
    expect(splitMulti('• Contrôle d’accès\n• Sauvegarde')).toEqual(['Contrôle d’accès', 'Sauvegarde']);
    expect(splitMulti('- a\r\n- b')).toEqual(['a', 'b']);
    expect(splitMulti('Identité, email')).toEqual(['Identité', 'email']);
    expect(splitMulti('Vie personnelle (habitudes, famille), Identité')).toEqual(['Vie personnelle (habitudes, famille)', 'Identité']);
    expect(splitMulti('État civil, identité', { keepWhole: (p) => p === 'État civil, identité' })).toEqual(['État civil, identité']);
    expect(splitMulti('A; N/A; -; néant')).toEqual(['A']);
  });
  it('reads a checklist: the ticked items only, without their boxes; boxes alone are bullets', () => {
    expect(splitMulti('☑ Nom\n☐ Adresse\n☑ E-mail')).toEqual(['Nom', 'E-mail']);
    expect(splitMulti('☑ Nom ☐ Adresse ☒ Téléphone')).toEqual(['Nom', 'Téléphone']);
    expect(splitMulti('[x] e-mail\n[ ] téléphone\n[X] IBAN')).toEqual(['e-mail', 'IBAN']);
    expect(splitMulti('■ Nom\n□ Adresse')).toEqual(['Nom']);
    expect(splitMulti('☐ Santé')).toEqual([]);
    expect(splitMulti('□ Nom\n□ Adresse')).toEqual(['Nom', 'Adresse']);
  });
  it.each(['-', 'N/A', 'n/a', 'néant', 'Néant', 'aucun', 'Aucune', 'sans objet', 'Sans Objet', '', '  ', 'Sélectionnez un élément dans cette liste déroulante ►'])(
    'drops %j',
    (v) => {
      expect(isEmptyEquivalent(v)).toBe(true);
      expect(cleanText(v)).toBe('');
    },
  );
  it('keeps real values', () => expect(cleanText(' Aucun transfert prévu en 2025 ')).toBe('Aucun transfert prévu en 2025'));
});

describe('transfer safeguards', () => {
  it.each([
    ['Clauses contractuelles types (CCT)', 'scc'],
    ['SCC', 'scc'],
    ['BCR', 'bcr'],
    ['Pays adéquat', 'adequacy'],
    ['Data Privacy Framework', 'adequacy'],
    ['Privacy Shield', 'privacy_shield_legacy'],
    ['Code de conduite', 'code_of_conduct'],
  ])('%s → %s', (text, code) => expect(parseSafeguard(text)?.safeguard).toBe(code));
  it('reads the Art. 49 derogation relied on', () =>
    expect(parseSafeguard('Dérogation art. 49 : consentement explicite')).toEqual({ safeguard: 'derogation', derogation: 'explicit_consent' }));
});
