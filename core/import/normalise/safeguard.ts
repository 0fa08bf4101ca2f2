/** Transfer safeguards and Art. 49 derogations in free text → codes. Privacy Shield is kept, flagged. */
import type { Art49DerogationCode, TransferSafeguardCode } from '../../model/codes.js';
import { fold as foldKey } from '../fold.js';
import { missingWords, safeguardPhrases } from '../vocabulary/index.js';

const SAFEGUARDS: [RegExp, TransferSafeguardCode][] = [
  [/\b(privacy shield|bouclier de protection)\b/, 'privacy_shield_legacy'],
  [/\b(data privacy framework|dpf|pays adequat|adequat|adequacy|adequation|decision d adequation|art(icle)? 45)\b/, 'adequacy'],
  [
    /\b((clauses?|cct|scc|sccs)( contractuelles)?( types?)?( de protection( des donnees)?)? (adoptee?s?|adopted) (par|by) (une|l|la|a|the) (autorite|cnil|supervisory authority|data protection authority)|art(icle)? 46 ?2 ?d)\b/,
    'sa_scc',
  ],
  [/\b(arrangements? administratifs?|administrative arrangements?|art(icle)? 46 ?3 ?b)\b/, 'administrative_arrangement'],
  [/\b(cct|scc|sccs|clauses contractuelles types|standard contractual clauses|clauses types|model clauses|2021 914|art(icle)? 46 ?2 ?c)\b/, 'scc'],
  [/\b(bcr|regles d entreprise contraignantes|binding corporate rules|art(icle)? 47)\b/, 'bcr'],
  [/\b(code de conduite|code of conduct)\b/, 'code_of_conduct'],
  [/\b(certification|certifie|certified)\b/, 'certification'],
  [/\b(instrument juridique|autorites publiques|between public authorities|public authorities)\b/, 'public_authority_instrument'],
  [/\b(clauses ad hoc|ad hoc clauses|ad hoc)\b/, 'ad_hoc_clauses'],
  [/\b(derogation|derogations|art(icle)? 49)\b/, 'derogation'],
];

const DEROGATIONS: [RegExp, Art49DerogationCode][] = [
  [/\b(interets? legitimes? imperieux|compelling legitimate)\b/, 'compelling_legitimate_interests'],
  [/\b(consentement|consent)\b/, 'explicit_consent'],
  [/\b(dans l interet de la personne|in the interest of)\b/, 'contract_in_interest_of_data_subject'],
  [/\b(contrat|contract)\b/, 'contract_with_data_subject'],
  [/\b(interet public|public interest)\b/, 'public_interest'],
  [/\b(justice|legal claims?|droits en justice)\b/, 'legal_claims'],
  [/\b(interets? vitaux|vital)\b/, 'vital_interests'],
  [/\b(registre public|public register)\b/, 'public_register'],
];

// German, Spanish, Italian and Dutch wordings (vocabulary/*.json), tried in the same order as the expressions above.
let PHRASES: { safeguards: Map<string, RegExp>; derogations: Map<string, RegExp> } | null = null;

/**
 * A safeguard said to be missing or not yet in place ("SCC FEHLT", "CCT à signer", "no SCC", "DPA pending"):
 * the words of every vocabulary file (`missing`), or a "no" before the name. It is no safeguard of the
 * transfer (which then lacks one, said).
 */
let ABSENT: RegExp | undefined;
const absent = (): RegExp => (ABSENT ??= new RegExp(`(^|\\s)(${missingWords().join('|')})(\\s|$)|^(no|keine?|kein|sans|ohne|sin|senza|geen|ingen|zadne) `));

export function safeguardMissing(text: string): boolean {
  const k = foldKey(text);
  return absent().test(k) && named(k) !== undefined;
}

/** "(noch nicht unterzeichnet)", "(missing)" after a safeguard: a few words that say only that it is missing. */
export function saysMissing(text: string): boolean {
  const k = foldKey(text);
  return absent().test(k) && !named(k) && k.split(' ').length <= 4;
}

/** The safeguard the folded text names, whatever it says of it. */
function named(k: string): TransferSafeguardCode | undefined {
  const code = k.replace(/ /g, '_');
  const direct = SAFEGUARDS.find(([, c]) => c === code)?.[1];
  PHRASES ??= { safeguards: safeguardPhrases('safeguards'), derogations: safeguardPhrases('derogations') };
  const { safeguards } = PHRASES;
  return direct ?? SAFEGUARDS.find(([re, c]) => re.test(k) || safeguards.get(c)?.test(k))?.[1];
}

export function parseSafeguard(text: string): { safeguard: TransferSafeguardCode; derogation: Art49DerogationCode | null } | undefined {
  const k = foldKey(text);
  const safeguard = named(k);
  if (!safeguard || absent().test(k)) return undefined;
  const { derogations } = PHRASES!;
  const rest = k.replace(/\bderogations?\b|\bart(icle)? 49\b/g, '');
  const derogation = safeguard === 'derogation' ? (DEROGATIONS.find(([re, c]) => re.test(rest) || derogations.get(c)?.test(rest))?.[1] ?? null) : null;
  return { safeguard, derogation };
}
