/** Legal bases written in free text → Art. 6(1) codes: "Consentement", "contrat", "Art. 6(1)(f)"… */
import type { LegalBasisCode } from '../../model/codes.js';
import { fold as foldKey } from '../fold.js';

const LETTERS: Record<string, LegalBasisCode> = {
  a: 'consent',
  b: 'contract',
  c: 'legal_obligation',
  d: 'vital_interests',
  e: 'public_task',
  f: 'legitimate_interests',
};

const WORDS: [RegExp, LegalBasisCode][] = [
  [/\b(a determiner|to be determined|tbd|en cours d analyse|inconnu|unknown)\b/, 'to_be_determined'],
  [/\b(interets? legitimes?|legitimate interests?|li)\b/, 'legitimate_interests'],
  [
    /\b(obligations? legales?|legal obligations?|obligation reglementaire|regulatory obligation|loi|code du travail|statutory (duty|obligation)|compliance with a legal)\b/,
    'legal_obligation',
  ],
  [/\b(interets? vitaux|vital interests?|sauvegarde des interets)\b/, 'vital_interests'],
  [
    /\b(mission d interet public|interet public|missions? de service public|service public|autorite publique|public (task|interest|authority)|official authority|exercice de l autorite)\b/,
    'public_task',
  ],
  [/\b(consentement|consent|opt in|accord de la personne)\b/, 'consent'],
  [
    /\b(contrat|contractuel|contractuelle|contract|contractual|precontractuel|mesures precontractuelles|pre contractual|execution d un contrat|cgu|cgv|terms of (service|use))\b/,
    'contract',
  ],
];

/** One basis, or undefined when the text cannot be read as one. */
export function parseLegalBasis(text: string): LegalBasisCode | undefined {
  const raw = text.toLowerCase();
  const art = /6\s*(?:\(\s*1\s*\)|[.\-\s]\s*1|§\s*1|1)?\s*[(.\-\s]?\s*([a-f])\s*\)?(?![a-z])/.exec(raw.replace(/^.*?\bart(?:icle|\.)?\s*/, ''));
  if (/\bart/.test(raw) && art) return LETTERS[art[1]];
  const k = foldKey(text);
  if (/^[a-f]$/.test(k)) return LETTERS[k];
  if ((LEGAL_CODES as readonly string[]).includes(k.replace(/ /g, '_'))) return k.replace(/ /g, '_') as LegalBasisCode;
  for (const [re, code] of WORDS) if (re.test(k)) return code;
  return undefined;
}

const LEGAL_CODES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests', 'to_be_determined'] as const;
