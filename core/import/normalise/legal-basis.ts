/**
 * Legal bases written in free text → Art. 6(1) codes, in every language's wording (vocabulary/*.json:
 * "Consentement", "contrat", "Einwilligung", "interés legítimo", "obbligo legale") and every style of
 * citation: "6.1.b", "6-1-b", "Art. 6(1)(e)", "Art. 6 Abs. 1 lit. b und c DSGVO", "Art. 6 Abs. 1 S. 1 lit. f",
 * "artículo 6.1.b)", "artículo 6, apartado 1, letra b)", "art. 6, par. 1, lett. b)". A cell may hold several
 * bases ("Obligation légale + Contrat"); a citation and the words of the same basis count once
 * ("Article 6(1)(e) - public task").
 */
import type { LegalBasisCode } from '../../model/codes.js';
import { matchesOf } from '../../text.js';
import { fold as foldKey } from '../fold.js';
import { legalBasisWords } from '../vocabulary/index.js';

const LETTERS: Record<string, LegalBasisCode> = {
  a: 'consent',
  b: 'contract',
  c: 'legal_obligation',
  d: 'vital_interests',
  e: 'public_task',
  f: 'legitimate_interests',
  // Greek (α β γ δ ε στ) and Cyrillic (а б в г д е) letters of Art. 6(1) in the Greek and Bulgarian texts.
  α: 'consent',
  β: 'contract',
  γ: 'legal_obligation',
  δ: 'vital_interests',
  ε: 'public_task',
  στ: 'legitimate_interests',
  а: 'consent',
  б: 'contract',
  в: 'legal_obligation',
  г: 'vital_interests',
  д: 'public_task',
  е: 'legitimate_interests',
};

const LEGAL_CODES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests', 'to_be_determined'] as const;

/** The wordings as one pattern per basis, longest phrases first; word edges of any script ("συγκαταθεση", "съгласие"). */
const WORDS: [RegExp, LegalBasisCode][] = legalBasisWords().map(([code, phrases]) => [
  new RegExp(
    `(?<![\\p{L}\\p{N}])(${[...new Set(phrases)]
      .sort((a, b) => b.length - a.length)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')})s?(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  code as LegalBasisCode,
]);

// A letter of any script ends a word only before a non-letter: "(?![a-z])" would let "β" run into "βάσει".
const NL = String.raw`(?!\p{L})`;
// "6", then (Hungarian, Latvian, Lithuanian) the article word after its number ("6. cikk", "6. panta", "6 straipsnio"),
// the paragraph ("(1)", ".1", "-1", " 1", "Abs. 1", "par. 1", "apartado 1", "§ 1", "alin. (1)", "stavak 1.", "παρ. 1",
// "пар. 1", "lõike 1"), the paragraph word after its number ("(1) bekezdés", "1 dalies", "1. punkta"), a sentence
// ("S. 1", "UAbs. 1"), then the letters ("(b)", ".b", "lit. b", "lett. b)", "letra b)", "point b", "b und c", "b) et c)",
// "στοιχ. β'", "буква „б“", "bokstav b", "lletra b)"), in Latin, Greek or Cyrillic letters.
// Paragraph words of every EU language's citation style: "ust." (pl), "odst." (cs, sk), "ods." (sk), "stk." (da), "n.º" (pt),
// "lid" (nl), "kohta" (fi), "alin." (ro), "bekezdés" (hu), "stavak" (hr), "odstavek" (sl), "παράγραφος" (el), "параграф",
// "ал." (bg), "dalis" (lt), "punkts" (lv), "lõige" (et), "nr." (nb), "apartat" (ca).
const ARTICLE_AFTER = String.raw`(?:\.?\s*(?:cikk\p{L}*|panta|pants|straipsn\p{L}*))?`;
const PARAGRAPH_WORD = String.raw`abs(?:atz)?|par(?:agraph|agraphe|agrafo|a)?|apartado|apartat|ap|comma|§|al(?:inea|in|ineat|ineatul)?|ust(?:ep)?|odst(?:avec|avek|avka|avku)?|ods|stk|n\.?\s*[oº°]|nr|lid|mom|kohta|bekezdes\p{L}*|stav(?:ak|ka|kom|ku)?|loike|loige|lg|παρ(?:αγραφος|αγραφου|αγρ)?|пар(?:аграф)?|ал(?:инея)?`;
// Those words are also cut short with a dot, as citations abbreviate them ("(1) bek. b) pont", "1 dal. b", "1. punk. b").
const AFTER_WORDS = ['bekezdes', 'dalis', 'dalies', 'punkta', 'punkts', 'loike', 'stavak', 'stavka'];
const AFTER_CUT = [...new Set(AFTER_WORDS.flatMap((w) => Array.from({ length: w.length - 3 }, (_, i) => w.slice(0, i + 3))))].sort((a, b) => b.length - a.length);
const PARAGRAPH_AFTER = String.raw`(?:\.?\s*(?:bekezdes\p{L}*|dali(?:s|es|mi)|d\.|punkta|punkts|loike|stavak|stavka|(?:${AFTER_CUT.join('|')})\.))?`;
const PARAGRAPH = String.raw`${ARTICLE_AFTER}(?:\s*\(\s*1\s*\)|\s*[.\-]\s*1|\.?\s*,?\s*(?:${PARAGRAPH_WORD})\.?\s*\(?\s*1\s*\)?|\s+1|\s*artikla\w*\s+1\s*(?:kohda\w*|momenti\w*)?)${PARAGRAPH_AFTER}`;
const SENTENCE = String.raw`(?:\s*,?\s*(?:s(?:atz)?|uabs|unterabsatz|phrase)\.?\s*1)?`;
// "al." is the Portuguese alínea cut short ("art. 6.º, n.º 1, al. c)"), "let." the Swiss lettre ("art. 6 al. 1 let. b").
const LETTER_MARK = String.raw`(?:lit(?:t(?:era)?|ra|era)?|lett(?:era)?|letra|lletra|letter|point|pt|buchst(?:abe)?|pism(?:eno)?|al(?:inea)?|let(?:tre)?|punkt(?:a|as|u|i|iga|s)?|pkt|led|alakohta|toc(?:ka|ke|ki|ko|kom)|pont|onder|sub|bokstav|στοιχ(?:ειο|ειου)?|εδ(?:αφιο)?|букв[аи]|б\.)\.?`;
const LETTER = String.raw`(στ|[a-fαβγδεабвгде])`;
// A letter between brackets, quotes („б“) or marks (β', β΄).
const ONE_LETTER = String.raw`[(„“"«‘']?\s*${LETTER}\s*[)“”"»’'΄ʹ]?`;
const JOIN = String.raw`\s*(?:,|;|/|&|\+|und|and|et|y|e|o|or|ou|oder|sowie|oraz|i|a|og|och|ja|en|eller|lub|nebo|si|es|in|ir|un|και|и)\s*`;
const CITATION = new RegExp(
  String.raw`(?<![0-9])6(?:\.?\s*[oº°]${NL})?${PARAGRAPH}${SENTENCE}\s*\)?\s*[,.\-]?\s*(?:${LETTER_MARK}\s*)?${ONE_LETTER}((?:${JOIN}(?:${LETTER_MARK}\s*)?[(„“"«‘']?\s*(?:στ|[a-fαβγδεабвгде])\s*[)“”"»’'΄ʹ]?${NL})*)${NL}`,
  'gu',
);
// Slovenian and Croatian also cite the letter first: "točka (b) člena 6(1)", "točke (a) članka 6. stavka 1.".
const LETTER_FIRST = new RegExp(
  String.raw`(?<!\p{L})(?:toc(?:ka|ke|ki|ko|kom)|pism(?:eno)?|lit(?:era)?)\.?\s*\(?\s*([a-f])\s*\)?\s+(?:clen\p{L}*|clan\p{L}*|cl\.)\s*6\s*(?:\(\s*1\s*\)|\.?\s*(?:stav\p{L}*|odst\p{L}*)\.?\s*1)`,
  'gu',
);

// Only the unambiguous letter words ("lit.", "písm.", "alínea", "στοιχ.", "буква"): "led a", "sub a", "pt a" are prose too.
const LATER_LETTER = new RegExp(
  String.raw`(?<!\p{L})(?:lit(?:t(?:era)?|ra)?|lett(?:era)?|letra|lletra|buchst(?:abe)?|pism(?:eno)?|alinea|pkt|bokstav|στοιχ(?:ειο)?|букв[аи])\.?\s*[(„“"«‘']?\s*${LETTER}\s*[)“”"»’'΄ʹ]?${NL}`,
  'gu',
);
const EXTRA_LETTER = new RegExp(String.raw`(?<!\p{L})${LETTER}${NL}(?!\s+[(„“"«‘']?(?:στ|[a-fαβγδεабвгде])${NL})`, 'gu');

/** Every basis a text names, in the order it names them (none when it names none). */
export function parseLegalBases(text: string): LegalBasisCode[] {
  const found: { at: number; code: LegalBasisCode }[] = [];
  const raw = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  let cited = false;
  for (const m of matchesOf(raw, CITATION)) {
    cited = true;
    found.push({ at: m.index, code: LETTERS[m[1]] });
    // "b und c", "c) a e)", "b e c": a bare letter followed by another across spaces only is a joining word ("a", "e").
    for (const extra of matchesOf(m[2] ?? '', EXTRA_LETTER)) found.push({ at: m.index + 1, code: LETTERS[extra[1]] });
  }
  for (const m of matchesOf(raw, LETTER_FIRST)) {
    cited = true;
    found.push({ at: m.index, code: LETTERS[m[1]] });
  }
  // Once Art. 6(1) is cited, a letter cited again further on ("…; oraz lit. b w zakresie umów") names one more basis.
  if (cited) for (const m of matchesOf(raw, LATER_LETTER)) found.push({ at: m.index, code: LETTERS[m[1]] });
  const k = foldKey(text);
  if (/^[a-f]$/.test(k)) return [LETTERS[k]];
  if ((LEGAL_CODES as readonly string[]).includes(k.replace(/ /g, '_'))) return [k.replace(/ /g, '_') as LegalBasisCode];
  for (const [re, code] of WORDS) for (const m of matchesOf(k, re)) found.push({ at: m.index + 0.5, code });
  const out: LegalBasisCode[] = [];
  for (const f of found.sort((a, b) => a.at - b.at)) if (!out.includes(f.code)) out.push(f.code);
  // "To be determined" beside a basis named says nothing more.
  return out.length > 1 ? out.filter((c) => c !== 'to_be_determined') : out;
}

/** One basis (the first named), or undefined when the text cannot be read as one. */
export function parseLegalBasis(text: string): LegalBasisCode | undefined {
  return parseLegalBases(text)[0];
}
