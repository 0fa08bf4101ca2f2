/**
 * Header → register field, with a confidence and the reason it was chosen.
 *
 * Headers are normalised (case, accents, punctuation, line breaks, question marks, stop-words and
 * question words such as "quelles", "what", "do we") and cut into words. Three readings, strongest first:
 *   1    the header is a field's label or synonym (fields.ts);
 *   0.8+ the header contains a synonym of two words or more ("Finalité du traitement (principale)");
 *   ≤0.85 its words, matched as stems against every field's French, English and German vocabulary
 *        (fields.ts KEYWORDS), each word weighed by how few fields share it: "Combien de temps on
 *        garde ?" → retention, "Who has access" → recipients, "Pays hors UE" → transfers;
 * plus close spelling (0.6). A combined header ("Finalité / base légale", "Purpose and legal basis")
 * is read part by part and takes its strongest part. Below 0.5 the column is left unmapped.
 * The cells' content is a second signal, combined in `autoMap` (see content-signal.ts).
 * Single-value fields take one column (the most confident); list fields may take several.
 */
import type { Message } from '../../i18n/i18n.js';
import { foldKey } from '../../text.js';
import { contentAgrees, type ColumnContent } from './content-signal.js';
import { assignColumns } from './columns.js';
import { FIELDS, FIELD_BY_KEY, KEYWORDS } from './fields.js';
import { ABBREVIATIONS, DATE_WORDS, FILLER_WORDS, questionForms } from '../vocabulary/index.js';

export interface ColumnMapping {
  /** 0-based column index. */
  column: number;
  header: string;
  field: string | null;
  confidence: number;
  /** Why the field was chosen (catalogue area `mapping`), or why an obvious header was left unmapped. */
  why?: Message;
  /** Fields the header could also mean, best first (for the mapping step and missing-field messages). */
  alternatives?: { field: string; confidence: number }[];
  /** A column of records written as labelled lines (values/labelled-lines.ts): the fields its lines give. */
  lines?: string[];
}

export interface HeaderMatch {
  field: string | null;
  confidence: number;
  why?: Message;
  alternatives?: { field: string; confidence: number }[];
}

const STOP = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'the', 'of', 'a', 'au', 'aux', 'et', 'and', 'en', 'par', 'pour', 'for']);
/** Words that carry no field meaning in a header, questions included ("Quelles données ?", "What do we keep?"). */
const FILLER = new Set([
  ...STOP,
  // The other languages' function words, as data (vocabulary/*.json, "fillerWords"): "των", "на", "și".
  ...FILLER_WORDS,
  'quel',
  'quelle',
  'quels',
  'quelles',
  'est',
  'ce',
  'que',
  'qu',
  'on',
  'nous',
  'vous',
  'il',
  'y',
  'sont',
  'ont',
  'dans',
  'avec',
  'un',
  'une',
  'ces',
  'cette',
  'leur',
  'leurs',
  'se',
  'sa',
  'son',
  'ses',
  'notre',
  'nos',
  'votre',
  'vos',
  'elles',
  'ils',
  'oui',
  'non',
  'ou',
  'si',
  'svp',
  'merci',
  'preciser',
  'indiquer',
  'renseigner',
  'lister',
  'what',
  'which',
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'we',
  'you',
  'it',
  'they',
  'them',
  'to',
  'in',
  'on',
  'by',
  'with',
  'an',
  'or',
  'our',
  'your',
  'their',
  'this',
  'that',
  'these',
  'please',
  'list',
  'specify',
  'describe',
  'enter',
  'any',
  'if',
  'yes',
  'no',
  'be',
  'been',
  'has',
  'have',
  'at',
  'der',
  'die',
  'das',
  'und',
  'oder',
  'von',
  'fur',
  'zu',
  'im',
  'mit',
  'welche',
  'wer',
  'ist',
  'wird',
]);

const QUESTION = new Set(['quel', 'quelle', 'quels', 'quelles', 'what', 'which', 'welche', 'welcher', 'welches']);

const norm = (s: string) =>
  foldKey(s.replace(/\(.*?\)/g, (m) => (m.length < 25 ? ' ' : m)))
    .split(' ')
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 3 ? w.replace(/(s|x)$/, '') : w))
    .join(' ');

interface Entry {
  key: string;
  text: string;
  /** The text with transliterated umlauts read as umlauts ("empfaenger" = "empfanger"). */
  translit: string;
  spaced: string;
  words: number;
  /** The synonym as written, for the explanation. */
  source: string;
}

let index: Entry[] | null = null;
function entries(): Entry[] {
  if (index) return index;
  index = [];
  for (const d of FIELDS)
    for (const s of [d.labelFr, d.labelEn, d.key, ...d.synonyms]) {
      const t = norm(s);
      const entry = (text: string) => ({ key: d.key, text, translit: translit(text), spaced: ` ${text} `, words: text.split(' ').length, source: s });
      if (t) index.push(entry(t));
      const full = foldKey(s);
      if (full && full !== t) index.push(entry(full));
    }
  return index;
}

/**
 * The entries the scan below can retain for a header, in their order: phrases holding one of its words,
 * one-word entries equal to its first word, and entries spelt nearly like it (same first letter, length ±2).
 */
let near: { byWord: Map<string, number[]>; byFirst: Map<string, number[]> } | null = null;
function entriesNear(h: string, hf: string): Entry[] {
  const all = entries();
  if (!near) {
    near = { byWord: new Map(), byFirst: new Map() };
    const add = (m: Map<string, number[]>, k: string, i: number) => {
      const list = m.get(k);
      if (!list) m.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    // Each entry under its rarest word: a header holds all the words of a phrase it contains.
    const count = new Map<string, number>();
    for (const e of all) for (const w of new Set(e.text.split(' '))) count.set(w, (count.get(w) ?? 0) + 1);
    all.forEach((e, i) => {
      const rarest = e.text.split(' ').reduce((a, b) => ((count.get(b) ?? 0) < (count.get(a) ?? 0) ? b : a));
      add(near!.byWord, rarest, i);
      add(near!.byFirst, `${e.text[0]}${e.text.length}`, i);
    });
  }
  const picked = new Set<number>();
  for (const w of new Set([...h.split(' '), ...hf.split(' ')])) for (const i of near.byWord.get(w) ?? []) picked.add(i);
  for (let d = -2; d <= 2; d++) for (const i of near.byFirst.get(`${h[0]}${h.length + d}`) ?? []) picked.add(i);
  return [...picked].sort((a, b) => a - b).map((i) => all[i]);
}

/** The first entry of each text and of each transliterated text (what a scan of `entries()` in order finds first). */
let byText: { text: Map<string, Entry>; translit: Map<string, Entry> } | null = null;
function entryByText() {
  if (byText) return byText;
  byText = { text: new Map(), translit: new Map() };
  for (const e of entries()) {
    if (!byText.text.has(e.text)) byText.text.set(e.text, e);
    if (!byText.translit.has(e.translit)) byText.translit.set(e.translit, e);
  }
  return byText;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

// ——— Word vocabulary ———

interface Keyword {
  field: string;
  /** Stems of the keyword's words. */
  words: string[];
  weight: number;
}

/** Transliterated umlauts ("Empfaenger", "Loeschfristen") read as the folded umlaut ("empfanger"), in words of 5 letters or more. */
function translit(text: string): string {
  return text.replace(/[a-z]{5,}/g, (w) => w.replace(/(a|o|u)e/g, '$1'));
}

/** Light stemming shared by headers and vocabulary: plural and common French/English endings. */
function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.length >= 5) w = translit(w);
  let s = w.replace(/(s|x)$/, '');
  if (s.length > 5) s = s.replace(/(ees|ee|es|e)$/, '');
  return s;
}

const wordsOf = (text: string): string[] =>
  foldKey(text)
    .split(' ')
    .filter((w) => w && !FILLER.has(w))
    .map(stem);

let keywords: Keyword[] | null = null;
function vocabulary(): Keyword[] {
  if (keywords) return keywords;
  keywords = [];
  for (const d of FIELDS) {
    const seen = new Map<string, Keyword>();
    const add = (raw: string, given: number) => {
      const words = wordsOf(raw);
      // A phrase reduced to one word by its stop-words ("de qui" → "qui") says less than the phrase.
      const weight = words.length === 1 && foldKey(raw).split(' ').length > 1 ? Math.min(given, 0.35) : given;
      const k = words.join(' ');
      if (!words.length) return;
      const known = seen.get(k);
      if (known) known.weight = Math.max(known.weight, weight);
      else {
        const entry = { field: d.key, words, weight };
        seen.set(k, entry);
        keywords!.push(entry);
      }
    };
    for (const k of KEYWORDS[d.key] ?? []) add(k.replace(/^~/, ''), k.startsWith('~') ? 0.35 : 1);
    for (const s of [d.labelFr, d.labelEn, ...d.synonyms]) add(s, 0.8);
  }
  return keywords;
}

/** The vocabulary's keywords by their first stem: a header's words look up only those that can match them. */
let firstWordIndex: Map<string, number[]> | null = null;
function keywordsByFirstWord(): Map<string, number[]> {
  if (firstWordIndex) return firstWordIndex;
  firstWordIndex = new Map();
  for (const [i, k] of vocabulary().entries()) {
    const list = firstWordIndex.get(k.words[0]);
    if (list) list.push(i);
    else firstWordIndex.set(k.words[0], [i]);
  }
  return firstWordIndex;
}

/** A header word matches a vocabulary stem it equals or (stem of 5+ letters) starts with. */
const wordMatches = (word: string, stemWord: string) => word === stemWord || (stemWord.length >= 5 && word.startsWith(stemWord));

interface WordScore {
  field: string;
  score: number;
  /** The header's words that matched. */
  matched: string[];
}

/**
 * Questions say what they ask with words of their own: "D'où viennent les données ?" asks for the
 * source, "How long…" for a duration. They are rewritten into the word of the concept before scoring.
 */
const QUESTION_FORMS: [RegExp, string][] = questionForms();

const RELATIVE = new Set(['dont', 'lesquels', 'lesquelles', 'whose', 'which', 'that', 'where', 'deren', 'dessen']);
const TRAILING_PREPOSITION = /\s(a|au|aux|to|with|avec|par|by|vers|an)\s*:?\s*$/;

const CONCEPTS = new Set(QUESTION_FORMS.map(([, c]) => c.trim().split(' ')[0]));

function rewriteQuestions(folded: string): string {
  let out = folded;
  for (const [re, concept] of QUESTION_FORMS) out = out.replace(re, concept);
  return out.replace(/\s+/g, ' ').trim();
}

/** Scores the header's words against every field's vocabulary. */
function scoreWords(header: string): WordScore[] {
  const rewritten = rewriteQuestions(foldKey(header));
  const raw = rewritten.split(' ').filter((w) => w && !FILLER.has(w));
  const words = raw.map(stem);
  if (!words.length) return [];
  // For each word position: field → best weight of a keyword covering it.
  const cover: Map<string, { w: number; q: number }>[] = words.map(() => new Map());
  const byFirst = keywordsByFirstWord();
  // The keywords whose first word a header's word equals or (5 letters or more) starts with, taken in
  // the vocabulary's order (a keyword's weight and fit at a word are kept in that order).
  const found: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    for (let len = Math.min(5, word.length); len <= word.length; len++) {
      const ks = byFirst.get(len === word.length ? word : word.slice(0, len));
      if (ks) for (const k of ks) found.push([k, i]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const vocab = vocabulary();
  for (const [k, i] of found) matchAt(vocab[k], i);
  function matchAt(k: Keyword, i: number) {
    const n = k.words.length;
    if (i + n > words.length) return;
    for (let j = 1; j < n; j++) if (!wordMatches(words[i + j], k.words[j])) return;
    // A phrase of several words is specific: it counts more.
    const w = k.weight * (n > 1 ? 1.25 : 1);
    for (let j = 0; j < n; j++) {
      const m = cover[i + j];
      // How much of the header's word the stem explains: "rechtsgrundlage" is not about "rechte".
      const quality = Math.min(1, k.words[j].length / words[i + j].length);
      const prev = m.get(k.field);
      if (!prev || prev.w < w || (prev.w === w && prev.q < quality)) m.set(k.field, { w, q: Math.max(quality, prev?.q ?? 0) });
    }
  }
  // A word explained far better by one field's vocabulary belongs to that field.
  for (const m of cover) {
    let top = 0;
    for (const v of m.values()) top = Math.max(top, v.q);
    for (const [f, v] of m) if (v.q < 0.7 * top) m.delete(f);
  }
  // In a question ("Which countries is data sent to?", "Quelles données ?"), the word after the
  // question word is what is asked for.
  const all = rewritten.split(' ');
  const q = all.findIndex((w) => QUESTION.has(w));
  // A question rewritten into its concept ("who has access" → "destinataire") is about that concept.
  let head = raw.findIndex((w) => CONCEPTS.has(w));
  if (head < 0 && q >= 0) {
    const next = all.slice(q + 1).find((w) => w && !FILLER.has(w));
    head = next ? raw.indexOf(next) : -1;
  }
  // "Données transmises à", "Data sent to": a header ending on a preposition asks for what follows its verb.
  const positions = all.map((w, i) => ({ w, i })).filter((x) => x.w && !FILLER.has(x.w));
  if (head < 0 && TRAILING_PREPOSITION.test(foldKey(header)) && raw.length > 1) head = raw.length - 1;
  // Words of a relative clause ("Personnes dont les données sont traitées") only qualify the head.
  const relative = all.findIndex((w) => RELATIVE.has(w));
  const weightAt = (i: number) => (i === head ? 1.5 : relative >= 0 && positions[i] && positions[i].i > relative ? 0.5 : 1);
  let total = 0;
  const sums = new Map<string, { score: number; matched: string[] }>();
  cover.forEach((m, i) => {
    // Unknown words ("interne", "DPO", a client's name) dilute less than words of another field.
    total += (m.size ? 1 : 0.4) * weightAt(i);
    const share = m.size ? 1 / Math.sqrt(m.size) : 0;
    for (const [field, { w }] of m) {
      const s = sums.get(field) ?? { score: 0, matched: [] };
      s.score += Math.min(1, w) * share * weightAt(i);
      s.matched.push(raw[i]);
      sums.set(field, s);
    }
  });
  return [...sums].map(([field, s]) => ({ field, score: s.score / total, matched: s.matched })).sort((a, b) => b.score - a.score);
}

/** Matched words (folded: "donnees") as the header writes them ("données"), for the DPO to read. */
function asWritten(header: string, matched: string[]): string {
  const written = new Map<string, string>();
  for (const w of header.split(/[^\p{L}\p{N}]+/u)) if (w) written.set(foldKey(w), w);
  return [...new Set(matched.map((m) => written.get(m) ?? m))].join(', ');
}

const cache = new Map<string, HeaderMatch>();

/** The confidence of an abbreviation two fields spell out equally well: above the threshold, below any word read whole. */
const AMBIGUOUS = 0.7;

/** The best field for one header, with its confidence and the reason (null field when nothing fits). */
export function matchHeader(header: string): HeaderMatch {
  // Headers are short: long texts and numbers are data, not headers.
  if (header.length > 120 || /^[\d\s.,:/-]*$/.test(header)) return { field: null, confidence: 0 };
  let hit = cache.get(header);
  if (!hit) {
    hit = matchCombined(header);
    // Headers written as code ("dataTypes", "legal_basis", "retentionPeriod"): their words spaced out.
    // SharePoint and XML names escape a space as "_x0020_" ("Data_x0020_Subjects").
    const spaced = header
      .replace(/_x([0-9a-f]{4})_/giu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
      .replace(/_+/g, ' ');
    if (spaced !== header) {
      const words = matchCombined(spaced);
      if (words.confidence > hit.confidence) hit = words;
    }
    // Abbreviations and acronyms ("Fin.", "Pers. conc.", "DCP", "Transf. HUE"): the header spelt out.
    // Each field completes the words cut short from its own vocabulary ("Resp. inte." is "responsable interne"
    // for the owner); the reading that matches best wins.
    // A cut word that several fields complete as well ("Proc.": processing or processors?) is a guess between them:
    // each reading kept as a candidate at a guess's confidence, for the table's assignment and the cells to decide.
    if (hit.confidence < 1) {
      const readings = new Map<string, { confidence: number; expanded: string; match: HeaderMatch }>();
      for (const expanded of expansionsOf(header)) {
        const long = matchCombined(expanded);
        if (long.field && long.confidence > (readings.get(long.field)?.confidence ?? 0)) readings.set(long.field, { confidence: long.confidence, expanded, match: long });
      }
      const [first, second] = [...readings.values()].sort((a, b) => b.confidence - a.confidence);
      if (first && first.confidence > hit.confidence) {
        const rival = second && second.confidence >= 0.8 && second.confidence >= first.confidence - 0.05 ? second : undefined;
        hit = {
          ...first.match,
          confidence: rival ? AMBIGUOUS : Math.min(0.9, first.confidence),
          why: { key: 'mapping.why.abbreviation', params: { header: header.trim(), expanded: first.expanded } },
          ...(rival ? { alternatives: [{ field: rival.match.field!, confidence: AMBIGUOUS }, ...(first.match.alternatives ?? [])] } : {}),
        };
      }
    }
    // A header that opens with "Date" ("Fecha inicio tratamiento", "Date of next review") asks for a date:
    // the best date field its other words name, or none, never the field of a word it only qualifies.
    // Unless a phrase of the vocabulary opens with that word ("Date cu caracter personal": Romanian data).
    const first = foldKey(header).split(' ')[0] ?? '';
    const opensPhrase = foldKey(String(hit.why?.params?.synonym ?? '')).startsWith(`${first} `);
    if (FIELD_BY_KEY.get(hit.field ?? '')?.kind !== 'date' && DATE_WORDS.has(first) && !opensPhrase) {
      const dated = scoreWords(header).find((s) => FIELD_BY_KEY.get(s.field)?.kind === 'date' && s.score >= 0.25);
      hit = dated
        ? { field: dated.field, confidence: Math.min(0.8, Math.max(0.7, dated.score)), why: { key: 'mapping.why.words', params: { words: asWritten(header, dated.matched) } } }
        : hit.field
          ? { field: null, confidence: 0 }
          : hit;
    }
    // A note or a unit after the header ("Commentaires [obligatoire]", "Prestation (see notes)"): when the whole
    // reads poorly, the header without it, if that reads well ("Responsable de traitement (client)" reads well whole).
    // A note that names a field of its own ("Verantwortlicher (Auftraggeber)": the client, or the owner?) leaves a
    // guess between the two, for the table's assignment to decide.
    const annotated = hit.confidence < 0.8 ? /^(.*?\p{L}.*?)\s*(?:\(([^()]*)\)|\[([^[\]]*)\]|\{([^{}]*)\})\s*$/su.exec(header) : null;
    if (annotated) {
      const bare = matchHeader(annotated[1]);
      const note = match(annotated[2] ?? annotated[3] ?? annotated[4] ?? '');
      const other = note.field && note.field !== bare.field && note.confidence >= 0.8 ? note.field : null;
      if (bare.field && bare.confidence >= 0.85)
        hit = {
          ...bare,
          confidence: other ? AMBIGUOUS : Math.min(0.9, bare.confidence),
          alternatives: [
            ...(other ? [{ field: other, confidence: AMBIGUOUS }] : []),
            ...(hit.field && hit.field !== bare.field && hit.field !== other ? [{ field: hit.field, confidence: hit.confidence }] : []),
            ...(bare.alternatives ?? []),
          ],
        };
    }
    if (cache.size > 20_000) cache.clear();
    cache.set(header, hit);
  }
  return { ...hit };
}

/** The parts of a combined header ("Description / purpose", "Finalité et base légale"). */
export function headerParts(header: string): string[] {
  return (
    header
      // "και" (el), "и" (bg), "și" (ro), "és" (hu): the conjunctions no Latin-letter word of another language spells.
      .split(/\s*(?:\/|\||&|\+|\n|;|\bet\b|\band\b|\bou\b|\bor\b|\bund\b|\by\b|\be\b|\bo\b|\boder\b|(?<![\p{L}\p{N}])(?:και|и|și|şi|és)(?![\p{L}\p{N}]))\s*/iu)
      .map((p) => p.trim())
      .filter((p) => p.length >= 2)
  );
}

/**
 * Every field a header could mean, with a score: the whole header's reading and its alternatives, and
 * each part of a combined header ("Description / purpose" is description or purpose), best first.
 */
export function headerCandidates(header: string): { field: string; confidence: number; why?: Message }[] {
  const out = new Map<string, { field: string; confidence: number; why?: Message }>();
  const add = (field: string | null | undefined, confidence: number, why?: Message) => {
    if (!field || confidence <= 0) return;
    const known = out.get(field);
    if (!known || known.confidence < confidence) out.set(field, { field, confidence, why });
  };
  const whole = matchHeader(header);
  add(whole.field, whole.confidence, whole.why);
  for (const a of whole.alternatives ?? []) add(a.field, Math.min(0.75, a.confidence), { key: 'mapping.why.words', params: { words: header.trim() } });
  const parts = headerParts(header);
  if (parts.length >= 2)
    for (const part of parts) {
      // Each part with its abbreviations spelt out ("Proc. / sub-proc.").
      const m = /\p{L}\.(\s|$)/u.test(part) ? matchHeader(part) : match(part);
      const why: Message = { key: 'mapping.why.part', params: { part, reason: m.why?.key ?? '', detail: String(m.why?.params?.synonym ?? m.why?.params?.words ?? '') } };
      add(m.field, Math.min(0.9, m.confidence), why);
      if (m.confidence === AMBIGUOUS) for (const a of m.alternatives ?? []) add(a.field, Math.min(AMBIGUOUS, a.confidence), why);
    }
  return [...out.values()].sort((a, b) => b.confidence - a.confidence);
}

/** "Finalité / base légale", "Purpose and legal basis": the whole, else its strongest part. */
function matchCombined(header: string): HeaderMatch {
  const whole = match(header);
  if (whole.confidence >= 1) return whole;
  const parts = headerParts(header);
  if (parts.length < 2) return whole;
  let best = whole;
  let bestRaw = whole.confidence;
  // The first part wins a tie: "Finalité / base légale" is first about the purpose.
  for (const part of parts) {
    const m = match(part);
    if (m.field && m.confidence > bestRaw + 0.02) {
      bestRaw = m.confidence;
      best = {
        ...m,
        confidence: Math.min(m.confidence, 0.9),
        why: { key: 'mapping.why.part', params: { part, reason: m.why?.key ?? '', detail: String(m.why?.params?.synonym ?? m.why?.params?.words ?? '') } },
      };
    }
  }
  return best;
}

function match(header: string): HeaderMatch {
  const h = norm(header);
  const hf = foldKey(header);
  if (!h && !hf) return { field: null, confidence: 0 };
  let best: HeaderMatch = { field: null, confidence: 0 };
  const consider = (field: string, confidence: number, why: Message) => {
    if (confidence > best.confidence) best = { field, confidence, why };
  };
  // "Données sensibles ?" asks a yes/no question.
  // "Données sensibles ?", "Sensitive data (yes/no)": a yes/no question about a field.
  const yesNoMark = /\b(oui ?\/ ?non|yes ?\/ ?no|o ?\/ ?n|y ?\/ ?n)\b/i.test(header);
  if (/\?\s*$/.test(header) || yesNoMark) {
    const yesNo = entries().find((e) => (e.text === `${hf} oui non` || e.text === `${h} oui non` || e.text === hf || e.text === h) && FIELD_BY_KEY.get(e.key)?.kind === 'yesno');
    if (yesNo) return { field: yesNo.key, confidence: 1, why: { key: 'mapping.why.question', params: { synonym: yesNo.source } } };
    const scored = scoreWords(header.replace(/\(.*?\)/g, ' ')).filter((x) => FIELD_BY_KEY.get(x.field)?.kind === 'yesno');
    if (scored[0] && scored[0].score >= (yesNoMark ? 0.3 : 0.5))
      return { field: scored[0].field, confidence: 0.85, why: { key: 'mapping.why.words', params: { words: asWritten(header, scored[0].matched) } } };
  }
  const exact = entryByText().text.get(hf);
  if (exact) return { field: exact.key, confidence: 1, why: { key: 'mapping.why.synonym', params: { synonym: exact.source } } };
  const ht = translit(hf);
  const spelt = ht !== hf ? entryByText().translit.get(ht) : undefined;
  if (spelt) return { field: spelt.key, confidence: 0.95, why: { key: 'mapping.why.synonym', params: { synonym: spelt.source } } };
  const same = entryByText().text.get(h);
  if (same) return { field: same.key, confidence: 1, why: { key: 'mapping.why.synonym', params: { synonym: same.source } } };
  const hs = ` ${h} `;
  const hfs = ` ${hf} `;
  const hWords = h.split(' ');
  for (const e of entriesNear(h, hf)) {
    if (e.words >= 2 && (hs.includes(e.spaced) || hfs.includes(e.spaced)))
      consider(e.key, 0.8 + Math.min(0.1, e.text.length / 400), { key: 'mapping.why.contains', params: { synonym: e.source } });
    else if (e.words === 1 && e.text.length >= 4 && hWords[0] === e.text && hWords.length <= 3)
      consider(e.key, 0.7, { key: 'mapping.why.contains', params: { synonym: e.source } });
    else if (e.text.length >= 6 && best.confidence < 0.6 && Math.abs(h.length - e.text.length) <= 2 && h[0] === e.text[0] && distance(h, e.text) <= (e.text.length >= 12 ? 2 : 1))
      consider(e.key, 0.6, { key: 'mapping.why.spelling', params: { synonym: e.source } });
  }
  // The words of the header against every field's vocabulary.
  const scored = scoreWords(header);
  const top = scored[0];
  if (top) {
    const second = scored[1]?.score ?? 0;
    // Clear winners only: a tie between two fields is not understanding.
    const margin = top.score - second;
    const confidence = top.score >= 0.34 && margin >= 0.1 ? Math.min(0.85, 0.45 + 0.4 * top.score + 0.2 * margin) : 0;
    // A question rewritten into its concept is explained by the question itself ("Qui a accès ?").
    const words = top.matched.some((w) => CONCEPTS.has(w)) ? `“${header.trim()}”` : asWritten(header, top.matched);
    const why: Message = { key: 'mapping.why.words', params: { words } };
    // What a question asks ("Whose personal data do we process?" asks who) outweighs a field's words it only
    // contains: the words after the question are what is asked about, not the answer.
    const asked = top.matched.some((w) => CONCEPTS.has(w)) && confidence > 0 && best.why?.key === 'mapping.why.contains';
    // A header's first word taken alone ("Data processors used", "Name of data processor(s)") gives way to a reading
    // of more of its words: there, "data" and "name" only qualify what follows.
    const wider = best.why?.key === 'mapping.why.contains' && best.confidence <= 0.7 && new Set(top.matched).size >= 2 && confidence >= 0.55;
    if (best.field === top.field && confidence > 0) best = { ...best, confidence: Math.max(best.confidence, Math.min(0.95, best.confidence + 0.05)) };
    else if (asked || wider || confidence > best.confidence + 0.05) best = { field: top.field, confidence: Math.max(confidence, asked ? 0.75 : wider ? 0.7 : 0), why };
    best.alternatives = scored
      .filter((s) => s.field !== best.field && s.score > 0.15)
      .slice(0, 3)
      .map((s) => ({ field: s.field, confidence: Math.round(s.score * 100) / 100 }));
  }
  return best.confidence >= 0.5
    ? best
    : {
        field: null,
        confidence: best.confidence,
        why: best.why,
        alternatives: best.field ? [{ field: best.field, confidence: best.confidence }, ...(best.alternatives ?? [])] : best.alternatives,
      };
}

/** Maps every header as one assignment (see assign/columns.ts); kept under its old name for its callers. */
export function autoMap(headers: string[], contents?: (ColumnContent | null)[]): ColumnMapping[] {
  return assignColumns(headers, contents);
}

/** Header reading + content reading → one mapping. */
export function combine(m: HeaderMatch, content: ColumnContent): HeaderMatch {
  const agree = m.field ? contentAgrees(m.field, content) : false;
  if (m.field && agree) {
    return {
      ...m,
      confidence: Math.min(1, Math.max(m.confidence, 0.6) + 0.1),
      why: {
        key: 'mapping.why.both',
        params: {
          reason: m.why?.key ?? '',
          detail: String(m.why?.params?.synonym ?? m.why?.params?.words ?? m.why?.params?.part ?? ''),
          kind: content.kind,
          share: Math.round(content.share * 100),
        },
      },
    };
  }
  // A column of tools or vendors whose entries are organisations: the processors.
  if (content.kind === 'organisation' && content.share >= 0.5 && (m.field === 'systems' || (m.field === 'recipients' && m.confidence < 1))) {
    return {
      field: 'processors',
      confidence: Math.max(0.7, Math.min(0.9, m.confidence)),
      why: { key: 'mapping.why.vendors', params: { share: Math.round(content.share * 100) } },
      alternatives: [{ field: m.field, confidence: m.confidence }],
    };
  }
  if (!content.field) return m;
  // The content says what the column is: under a cryptic or missing header, or against a weak guess.
  const fromWords = ['mapping.why.words', 'mapping.why.spelling', 'mapping.why.contains'].includes(m.why?.key ?? '');
  if (!m.field || (content.share >= 0.8 && content.strong && (m.confidence < 0.8 || (fromWords && m.confidence < 0.9)))) {
    const confidence = Math.min(0.8, 0.45 + 0.35 * content.share + (m.alternatives?.some((a) => a.field === content.field) ? 0.1 : 0));
    if (confidence >= 0.5 && content.share >= 0.6) {
      return {
        field: content.field,
        confidence,
        why: { key: 'mapping.why.content', params: { kind: content.kind, share: Math.round(content.share * 100) } },
        alternatives: m.field ? [{ field: m.field, confidence: m.confidence }] : m.alternatives,
      };
    }
  }
  return m;
}

/** Identifies a set of headers regardless of order, case and accents (for saved mappings). */
export function headersKey(headers: string[]): string {
  return headers
    .map((h) => foldKey(h))
    .filter(Boolean)
    .join('|');
}

let wordsByPrefix: Map<string, string> | null = null;
/** The most frequent vocabulary word starting with a prefix ("fin" → "finalite", "pers" → "personnes"). */
function wordFor(prefix: string): string | undefined {
  if (!wordsByPrefix) {
    const counts = new Map<string, number>();
    for (const d of FIELDS)
      for (const s of [d.labelFr, d.labelEn, ...d.synonyms]) for (const w of foldKey(s).split(' ')) if (w.length >= 4) counts.set(w, (counts.get(w) ?? 0) + 1);
    wordsByPrefix = new Map();
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
    for (const [w] of sorted) for (let n = 2; n < w.length; n++) if (!wordsByPrefix.has(w.slice(0, n))) wordsByPrefix.set(w.slice(0, n), w);
  }
  return wordsByPrefix.get(prefix);
}

/**
 * An abbreviated header spelt out, or null: known acronyms and abbreviations of every language
 * (vocabulary/*.json), and words cut short with a dot ("Fin.", "Pers. conc.") completed by the most
 * frequent word of the field vocabulary they start.
 */
export function expandAbbreviations(header: string, complete: (prefix: string) => string | undefined = wordFor, own?: (prefix: string) => string | undefined): string | null {
  const tokens = header.split(/(?<=\.)|[\s/]+/).filter((t) => t.trim());
  let changed = false;
  const out = tokens.map((raw) => {
    const t = raw.trim();
    const k = foldKey(t);
    if (!k) return t;
    const dotted = /\.$/.test(t);
    // A compound cut after its hyphen ("Sous-trai.", "sub-proc."): its first word kept, the rest spelt out.
    const compound = dotted ? /^(\p{L}+-)(\p{L}{2,14}\.)$/u.exec(t) : null;
    if (compound) {
      const rest = expandAbbreviations(compound[2], complete, own);
      if (rest) {
        changed = true;
        return `${compound[1]}${rest}`;
      }
    }
    // A field reading its own words first: "Proc." is "processing" for the activity's name, whatever else it may be short for.
    const mine = dotted && k.length >= 2 && k.length <= 14 ? own?.(k) : undefined;
    if (mine) {
      changed = true;
      return mine;
    }
    const acronym = /^\p{Lu}{2,6}s?$/u.test(t.replace(/\.$/, '')); // "DCP", "ΓΚΠΔ", "ЛД"
    const known = ABBREVIATIONS.get(k);
    // A short word written with its diacritics is a word of its language ("Cât timp…", Romanian), not an abbreviation ("cat.").
    const accented = !dotted && /\p{M}/u.test(t.normalize('NFD'));
    if (known && !accented && (dotted || acronym || tokens.length === 1 || k.length <= 4)) {
      changed = true;
      return known;
    }
    // A word cut short ("Fin.", "Destinat.", "Aufbewahrungsfr.") or contracted ("Dpto.", "Admón.").
    if (dotted && k.length >= 2 && k.length <= 14) {
      const w = complete(k);
      if (w) {
        changed = true;
        return w;
      }
    }
    return t;
  });
  return changed ? out.join(' ') : null;
}

let prefixesByField: Map<string, string>[] | null = null;
let wordsByField: string[][] | null = null;

/**
 * A contraction written with a dot keeps the word's first and last letters and some between, in order
 * ("Dpto." departamento, "Dpt." department): a word of the field it can stand for. Each field spells the header
 * out in its own words and the best reading wins, as for words cut short.
 */
function contracted(k: string, words: string[]): string | undefined {
  if (k.length < 3 || k.length > 7) return undefined;
  let found: string | undefined;
  for (const w of words) {
    if (w.length < k.length + 3 || w[0] !== k[0] || w[w.length - 1] !== k[k.length - 1]) continue;
    let i = 0;
    for (const ch of w) if (ch === k[i]) i++;
    if (i < k.length) continue;
    // One field's words in several languages ("department", "département"): any of them says the field.
    if (!found || w.length < found.length) found = w;
  }
  return found;
}
/** The header spelt out by every field's own vocabulary, and by the most frequent words of all (distinct readings). */
function expansionsOf(header: string): string[] {
  if (!/\p{L}\.(\s|$)/u.test(header) && !ABBREVIATIONS.size) return [];
  prefixesByField ??= FIELDS.map((d) => {
    const prefixes = new Map<string, string>();
    for (const s of [d.labelFr, d.labelEn, ...d.synonyms])
      for (const w of foldKey(s).split(' ')) if (w.length >= 4) for (let n = 2; n < w.length; n++) if (!prefixes.has(w.slice(0, n))) prefixes.set(w.slice(0, n), w);
    return prefixes;
  });
  const out = new Set<string>();
  const global = expandAbbreviations(header);
  if (global) out.add(global);
  wordsByField ??= FIELDS.map((d) => [...new Set([d.labelFr, d.labelEn, ...d.synonyms].flatMap((s) => foldKey(s).split(' ')).filter((w) => w.length >= 6))]);
  if (/\p{L}\.(\s|$)/u.test(header))
    for (const [i, prefixes] of prefixesByField.entries()) {
      // A contraction only where no word of any field starts with the letters ("Rete." is cut from "retention").
      const e = expandAbbreviations(
        header,
        (k) => prefixes.get(k) ?? wordFor(k) ?? contracted(k, wordsByField![i]),
        (k) => prefixes.get(k),
      );
      if (e) out.add(e);
    }
  // A phrase of a field's vocabulary that the header's words spell, in order: each cut word the start of its word,
  // the others whole, the phrase's function words left out ("Cat. tit. dados" → "categorias de titulares dos dados",
  // not "categorie … dados" completed word by word in another language).
  const tokens = header
    .split(/(?<=\.)|[\s/]+/)
    .map((t) => ({ k: foldKey(t), dotted: /\.\s*$/.test(t) }))
    .filter((t) => t.k);
  if (tokens.length >= 2 && tokens.some((t) => t.dotted))
    for (const d of FIELDS) for (const phrase of [d.labelFr, d.labelEn, ...d.synonyms]) if (spells(tokens, phrase)) out.add(foldKey(phrase));
  return [...out];
}

/** Whether the header's words spell the phrase (see expansionsOf). */
function spells(tokens: { k: string; dotted: boolean }[], phrase: string): boolean {
  let i = 0;
  for (const w of foldKey(phrase).split(' ')) {
    const t = tokens[i];
    if (t && (t.dotted ? t.k.length >= 2 && w.length > t.k.length && w.startsWith(t.k) : w === t.k)) i++;
    else if (!(FILLER.has(w) || w.length <= 3)) return false;
  }
  return i === tokens.length;
}
