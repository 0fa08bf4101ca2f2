/**
 * Legal bases written in free text → Art. 6(1) codes, in every language's wording (vocabulary/*.json:
 * "Consentement", "contrat", "Einwilligung", "interés legítimo", "obbligo legale") and every style of
 * citation: "6.1.b", "6-1-b", "Art. 6(1)(e)", "Art. 6 Abs. 1 lit. b und c DSGVO", "Art. 6 Abs. 1 S. 1 lit. f",
 * "artículo 6.1.b)", "artículo 6, apartado 1, letra b)", "art. 6, par. 1, lett. b)". A cell may hold several
 * bases ("Obligation légale + Contrat"); a citation and the words of the same basis count once
 * ("Article 6(1)(e) - public task").
 */
import type { LegalBasisCode } from '../../model/codes.js';
import { fold as foldKey } from '../fold.js';
import { legalBasisWords } from '../vocabulary/index.js';

const LETTERS: Record<string, LegalBasisCode> = {
  a: 'consent',
  b: 'contract',
  c: 'legal_obligation',
  d: 'vital_interests',
  e: 'public_task',
  f: 'legitimate_interests',
};

const LEGAL_CODES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests', 'to_be_determined'] as const;

/** The wordings as one pattern per basis, longest phrases first. */
const WORDS: [RegExp, LegalBasisCode][] = legalBasisWords().map(([code, phrases]) => [
  new RegExp(
    `(?<![a-z0-9])(${[...new Set(phrases)]
      .sort((a, b) => b.length - a.length)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')})s?(?![a-z0-9])`,
    'g',
  ),
  code as LegalBasisCode,
]);

// "6", then the paragraph ("(1)", ".1", "-1", " 1", "Abs. 1", "par. 1", "apartado 1", "§ 1"), a sentence ("S. 1",
// "UAbs. 1"), then the letters ("(b)", ".b", "lit. b", "lett. b)", "letra b)", "point b", "b und c", "b) et c)").
// Paragraph words of every EU language's citation style: "ust." (pl), "odst." (cs, sk), "stk." (da), "n.º" (pt), "lid" (nl), "kohta" (fi).
const PARAGRAPH = String.raw`(?:\s*\(\s*1\s*\)|\s*[.\-]\s*1|\s*,?\s*(?:abs(?:atz)?|par(?:agraph|agraphe|agrafo|a)?|apartado|ap|comma|§|al(?:inea)?|ust(?:ep)?|odst(?:avec)?|stk|n\.?\s*[oº°]|nr|lid|mom|kohta|bekezdes|odstavek|lg)\.?\s*1|\s+1|\s*artikla\w*\s+1\s*(?:kohda\w*|momenti\w*)?)`;
const SENTENCE = String.raw`(?:\s*,?\s*(?:s(?:atz)?|uabs|unterabsatz|phrase)\.?\s*1)?`;
const LETTER_MARK = String.raw`(?:lit(?:t(?:era)?|ra)?|lett(?:era)?|letra|letter|point|pt|buchst(?:abe)?|pism(?:eno)?|alinea|punkt|pkt|led|alakohta|tocka|pont|onder|sub)\.?`;
const ONE_LETTER = String.raw`\(?\s*([a-f])\s*\)?`;
const JOIN = String.raw`\s*(?:,|;|/|&|\+|und|and|et|y|e|o|or|ou|oder|sowie|oraz|i|a|og|och|ja|en|eller|lub|nebo)\s*`;
const CITATION = new RegExp(
  String.raw`(?<![0-9])6(?:\.?\s*[oº°](?![a-z]))?${PARAGRAPH}${SENTENCE}\s*\)?\s*[,.\-]?\s*(?:${LETTER_MARK}\s*)?${ONE_LETTER}((?:${JOIN}(?:${LETTER_MARK}\s*)?\(?\s*[a-f]\s*\)?(?![a-z]))*)(?![a-z])`,
  'g',
);

// Only the unambiguous letter words ("lit.", "písm.", "alínea"): "led a", "sub a", "pt a" are prose too.
const LATER_LETTER = /(?<![a-z])(?:lit(?:t(?:era)?|ra)?|lett(?:era)?|letra|buchst(?:abe)?|pism(?:eno)?|alinea|pkt)\.?\s*\(?\s*([a-f])\s*\)?(?![a-z])/g;

/** Every basis a text names, in the order it names them (none when it names none). */
export function parseLegalBases(text: string): LegalBasisCode[] {
  const found: { at: number; code: LegalBasisCode }[] = [];
  const raw = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  let cited = false;
  for (const m of raw.matchAll(CITATION)) {
    cited = true;
    found.push({ at: m.index, code: LETTERS[m[1]] });
    // "b und c", "c) a e)", "b e c": a bare letter followed by another across spaces only is a joining word ("a", "e").
    for (const extra of (m[2] ?? '').matchAll(/(?<![a-z])([a-f])(?![a-z])(?!\s+\(?[a-f](?![a-z]))/g)) found.push({ at: m.index + 1, code: LETTERS[extra[1]] });
  }
  // Once Art. 6(1) is cited, a letter cited again further on ("…; oraz lit. b w zakresie umów") names one more basis.
  if (cited) for (const m of raw.matchAll(LATER_LETTER)) found.push({ at: m.index, code: LETTERS[m[1]] });
  const k = foldKey(text);
  if (/^[a-f]$/.test(k)) return [LETTERS[k]];
  if ((LEGAL_CODES as readonly string[]).includes(k.replace(/ /g, '_'))) return [k.replace(/ /g, '_') as LegalBasisCode];
  for (const [re, code] of WORDS) for (const m of k.matchAll(re)) found.push({ at: m.index + 0.5, code });
  const out: LegalBasisCode[] = [];
  for (const f of found.sort((a, b) => a.at - b.at)) if (!out.includes(f.code)) out.push(f.code);
  // "To be determined" beside a basis named says nothing more.
  return out.length > 1 ? out.filter((c) => c !== 'to_be_determined') : out;
}

/** One basis (the first named), or undefined when the text cannot be read as one. */
export function parseLegalBasis(text: string): LegalBasisCode | undefined {
  return parseLegalBases(text)[0];
}
