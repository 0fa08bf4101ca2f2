/**
 * Header → register field, by synonyms in French and English, ignoring case, accents, punctuation
 * and line breaks, each with a confidence:
 *   1    the header is a field label or a synonym;
 *   0.8  the header starts with / contains a synonym of 2+ words ("Finalité du traitement (principale)");
 *   0.6  close spelling (edit distance) to a synonym;
 * below 0.5 the column is left unmapped (shown as ignored). Single-value fields take one column
 * (the most confident); list fields may take several.
 */
import { foldKey } from '../text.js';
import { FIELDS, FIELD_BY_KEY } from './fields.js';

export interface ColumnMapping {
  /** 0-based column index. */
  column: number;
  header: string;
  field: string | null;
  confidence: number;
}

const STOP = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'the', 'of', 'a', 'au', 'aux', 'et', 'and', 'en', 'par', 'pour', 'for']);
const norm = (s: string) =>
  foldKey(s.replace(/\(.*?\)/g, (m) => (m.length < 25 ? ' ' : m)))
    .split(' ')
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 3 ? w.replace(/(s|x)$/, '') : w))
    .join(' ');

interface Entry {
  key: string;
  text: string;
  spaced: string;
  words: number;
}

let index: Entry[] | null = null;
function entries(): Entry[] {
  if (index) return index;
  index = [];
  for (const d of FIELDS) for (const s of [d.labelFr, d.labelEn, d.key, ...d.synonyms]) {
    const t = norm(s);
    const entry = (text: string) => ({ key: d.key, text, spaced: ` ${text} `, words: text.split(' ').length });
    if (t) index.push(entry(t));
    const full = foldKey(s);
    if (full && full !== t) index.push(entry(full));
  }
  return index;
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

const cache = new Map<string, { field: string | null; confidence: number }>();

/** The best field for one header, with its confidence (null field when nothing fits). */
export function matchHeader(header: string): { field: string | null; confidence: number } {
  // Headers are short: long texts and numbers are data, not headers.
  if (header.length > 120 || /^[\d\s.,:/-]*$/.test(header)) return { field: null, confidence: 0 };
  let hit = cache.get(header);
  if (!hit) {
    hit = match(header);
    if (cache.size > 20_000) cache.clear();
    cache.set(header, hit);
  }
  return { ...hit };
}

function match(header: string): { field: string | null; confidence: number } {
  const h = norm(header);
  const hf = foldKey(header);
  if (!h && !hf) return { field: null, confidence: 0 };
  let best: { field: string | null; confidence: number } = { field: null, confidence: 0 };
  const consider = (field: string, confidence: number) => {
    if (confidence > best.confidence) best = { field, confidence };
  };
  // "Données sensibles ?" asks a yes/no question.
  if (/\?\s*$/.test(header)) {
    const yesNo = entries().find((e) => (e.text === `${hf} oui non` || e.text === `${h} oui non`) && FIELD_BY_KEY.get(e.key)?.kind === 'yesno');
    if (yesNo) return { field: yesNo.key, confidence: 1 };
  }
  for (const e of entries()) if (e.text === hf) return { field: e.key, confidence: 1 };
  const hs = ` ${h} `;
  const hfs = ` ${hf} `;
  const hWords = h.split(' ');
  for (const e of entries()) {
    if (e.text === h) return { field: e.key, confidence: 1 };
    if (e.words >= 2 && (hs.includes(e.spaced) || hfs.includes(e.spaced))) consider(e.key, 0.8 + Math.min(0.1, e.text.length / 400));
    else if (e.words === 1 && e.text.length >= 4 && hWords[0] === e.text && hWords.length <= 3) consider(e.key, 0.7);
    else if (e.text.length >= 6 && best.confidence < 0.6 && Math.abs(h.length - e.text.length) <= 2 && h[0] === e.text[0] && distance(h, e.text) <= (e.text.length >= 12 ? 2 : 1)) consider(e.key, 0.6);
  }
  return best.confidence >= 0.5 ? best : { field: null, confidence: best.confidence };
}

/** Maps every header; a single-value field keeps only its most confident column. */
export function autoMap(headers: string[]): ColumnMapping[] {
  const cols: ColumnMapping[] = headers.map((header, column) => ({ column, header, ...matchHeader(header) }));
  const taken = new Map<string, ColumnMapping>();
  for (const c of [...cols].sort((a, b) => b.confidence - a.confidence)) {
    if (!c.field) continue;
    const def = FIELD_BY_KEY.get(c.field);
    if (def?.multi) continue;
    if (taken.has(c.field)) {
      c.field = null;
      c.confidence = 0;
    } else taken.set(c.field, c);
  }
  return cols;
}

/** Identifies a set of headers regardless of order, case and accents (for saved mappings). */
export function headersKey(headers: string[]): string {
  return headers
    .map((h) => foldKey(h))
    .filter(Boolean)
    .join('|');
}
