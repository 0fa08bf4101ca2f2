/**
 * Stage "classify rows": every row below a table's header is an activity, the continuation of the
 * activity above (its name and purpose empty, more items below), a section label (one short text,
 * naming the department or group of the rows below), an example or instruction row, a totals, legend,
 * notes or footer row, or blank. Decided from the row's shape — how many cells are filled and where,
 * their types (numbers, formulas), its position after the data — and from the words that open it in
 * each language (vocabulary/*.json), never from texts seen in particular files. Each decision keeps its
 * reason, for the preview, where the DPO can take any skipped row back as an activity.
 */
import type { Message } from '../../i18n/i18n.js';
import { foldKey } from '../../text.js';
import { ROW_MARKERS, type RowMarkerKind } from '../vocabulary/index.js';
import type { SheetData } from '../read/workbook.js';
import { matchHeader } from '../assign/mapping.js';
import { FIELD_BY_KEY } from '../assign/fields.js';
import { isPlaceholder } from '../normalise/empty.js';

export type RowKind = 'activity' | 'continuation' | 'section' | 'example' | 'instruction' | 'total' | 'notes' | 'blank';

export interface RowClass {
  /** 0-based row of the sheet. */
  r: number;
  kind: RowKind;
  /** Why (catalogue keys `import.rowKind.*`), for every kind but activity and blank. */
  reason?: Message;
  /** Continuation: the 0-based row of the activity it continues. */
  of?: number;
  /** Activity rows: the section label above them (a department or group), when there is one. */
  section?: string;
  /** The 0-based row of that label. */
  sectionRow?: number;
}

export interface ClassifyInput {
  sheet: SheetData;
  /** 0-based header row. */
  headerRow: number;
  /** Column → field, for the mapped columns. */
  fields: Map<number, string | null>;
}

/** Fields that say which activity a row is: a row without any of them continues the one above. */
const IDENTITY = new Set(['name', 'ref', 'purpose', 'clientProcessing']);

const NUMERIC = /^[\s\d.,%€$£+\-()/]*\d[\s\d.,%€$£+\-()/]*$/;

/** The kind of marker a text opens with ("Exemple : …", "Total", "N.B. …", "Indiquer …"), if any. */
export function markerOf(text: string): { kind: RowMarkerKind; strict: boolean; word: string } | null {
  const raw = text.trim();
  // Most rows open with a word that opens no marker: said from that word alone, without folding the text.
  if (!MARKER_FIRST_WORDS.has(firstWord(raw))) return null;
  // "(exemple)", "[Example]", "<exemple>": a bracketed marker.
  // Markers are a few words: the opening of the text is enough (a long cell is not folded whole).
  const k = foldKey(raw.replace(/^[([<{*«"“]+/, '').slice(0, 60));
  if (!k) return null;
  for (const kind of ['example', 'total', 'notes', 'instruction'] as const) {
    // One expression per kind, its words longest first (every row of a 10,000-row file is asked).
    const m = MARKER_RE[kind].exec(k)?.[1];
    if (m === undefined) continue;
    // The marker followed by a separator ("Exemple :", "Total -", "NB.", "e.g."), or alone: surely a marker row.
    const after = raw
      .replace(/^[([<{*«"“]+/, '')
      .slice(markerLength(raw.replace(/^[([<{*«"“]+/, ''), m))
      .trimStart();
    const strict = k === m || /^[:.\-–—)\]>»"”*]/.test(after) || /^\d/.test(after);
    return { kind, strict, word: m };
  }
  return null;
}

/** The text's first word, lower case and without accents ("Exemple :" → "exemple"). */
function firstWord(raw: string): string {
  let i = 0;
  while (i < raw.length && '([<{*«"“ '.includes(raw[i])) i++;
  let j = i;
  let ascii = true;
  for (; j < raw.length; j++) {
    const c = raw.charCodeAt(j);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue;
    if (c > 127 && /[\p{L}\p{M}]/u.test(raw[j])) {
      ascii = false;
      continue;
    }
    break;
  }
  const w = raw.slice(i, j);
  return ascii ? w.toLowerCase() : w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const MARKER_FIRST_WORDS = new Set(Object.values(ROW_MARKERS).flatMap((ms) => ms.map((m) => m.split(' ')[0])));

const MARKER_RE = Object.fromEntries(
  (Object.keys(ROW_MARKERS) as RowMarkerKind[]).map((kind) => [kind, new RegExp(`^(${ROW_MARKERS[kind].map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?: |$)`)]),
) as Record<RowMarkerKind, RegExp>;

/** How many characters of the raw text the folded marker spans (accents and punctuation aside). */
function markerLength(raw: string, marker: string): number {
  const letters = marker.replace(/ /g, '');
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    const f = foldKey(raw[i]);
    if (f) seen += f.replace(/ /g, '').length;
    if (seen >= letters.length) return i + 1;
  }
  return raw.length;
}

const isFormulaCell = (sheet: SheetData, r: number, c: number) => sheet.formulas.has(`${r}:${c}`);

/** The columns one merge covers across row r, so that a label merged over the width counts once. */
function mergedOver(sheet: SheetData, r: number, c: number): number {
  for (const m of sheet.merges) if (m.r1 === r && m.c1 === c && m.r2 === r) return m.c2 - m.c1 + 1;
  return 1;
}

function message(kind: RowKind | 'footer' | 'table' | 'aboveHeader', params: Record<string, string | number> = {}): Message {
  return { key: `import.rowKind.${kind}`, params };
}

/** A heading's number: "1.", "2.1", "B)", "IV." before its words. */
const SECTION_NUMBER = /^\s*(?:\d{1,2}(?:\.\d{1,2})*|[A-Z]|[IVX]{1,4})[.)]\s+(?=\p{L})/u;

/** Classifies every row below the header. */
export function classifyRows({ sheet, headerRow, fields }: ClassifyInput): RowClass[] {
  const mapped = [...fields].filter(([, f]) => f).map(([c]) => c);
  const identity = [...fields].filter(([, f]) => f && IDENTITY.has(f)).map(([c]) => c);
  const nameCol = [...fields].find(([, f]) => f === 'name')?.[0];
  const width = Math.max(0, ...mapped.map((c) => c + 1));
  const filledOf = (r: number) => {
    const row = sheet.rows[r] ?? [];
    const out: number[] = [];
    for (let c = 0; c < Math.max(width, row.length); c++) if ((row[c] ?? '').trim()) out.push(c);
    return out;
  };
  const rows: { r: number; filled: number[]; mappedFilled: number }[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const filled = filledOf(r);
    rows.push({ r, filled, mappedFilled: filled.filter((c) => fields.get(c)).length });
  }
  // A typical activity row fills this many mapped cells (median of the rows filling two or more).
  const counts = rows
    .map((x) => x.mappedFilled)
    .filter((n) => n >= 2)
    .sort((a, b) => a - b);
  const typical = counts.length ? counts[Math.floor(counts.length / 2)] : 1;
  const dense = (x: { mappedFilled: number }) => x.mappedFilled >= Math.max(2, Math.ceil(typical * 0.4));
  const lastDense = rows.findLast((x) => dense(x) && !markerOf(firstText(sheet, x.r, x.filled))?.strict)?.r ?? -1;

  const out: RowClass[] = [];
  // Rows above the header that fill the mapped columns as the register's rows do: the header may have been found
  // too low (a data row read as one). Never dropped without a word: listed, for the DPO to take back.
  for (let r = 0; r < headerRow; r++) {
    const filled = filledOf(r);
    const x = { mappedFilled: filled.filter((c) => fields.get(c)).length };
    // Labels ("Code postal :") and group headers ("Identification du traitement") are the template's, not data.
    const texts = filled.map((c) => (sheet.rows[r]?.[c] ?? '').trim());
    const labelled = texts.some((t) => /[:：]$/.test(t));
    const headers = texts.filter((t) => matchHeader(t).confidence >= 0.6).length;
    if (filled.length && dense(x) && x.mappedFilled >= Math.min(3, typical) && !labelled && headers * 2 < texts.length)
      out.push({ r, kind: 'notes', reason: message('aboveHeader', { text: firstText(sheet, r, filled).slice(0, 60), header: headerRow + 1 }) });
  }
  let section: { text: string; r: number } | undefined;
  /** Set once a second table starts below the register (its header read): every row after it is that table's. */
  let other: Message | undefined;
  /** How many activity rows above fill each number of mapped cells (their median: a register row's width). */
  const activityFills: number[] = [];
  let activityCount = 0;
  const medianFill = () => {
    let seen = 0;
    for (let n = 0; n < activityFills.length; n++) {
      seen += activityFills[n] ?? 0;
      if (seen * 2 > activityCount) return n;
    }
    return activityFills.length;
  };
  let lastActivity = -1;
  const last = { kind: 'blank' as RowKind };
  for (const [i, x] of rows.entries()) {
    const row = sheet.rows[x.r] ?? [];
    const push = (c: RowClass) => {
      out.push(c);
      last.kind = c.kind;
    };
    if (!x.filled.length) {
      push({ r: x.r, kind: 'blank' });
      continue;
    }
    const first = firstText(sheet, x.r, x.filled);
    const texts = x.filled.map((c) => (row[c] ?? '').trim());
    const shown = first.length > 60 ? `${first.slice(0, 59)}…` : first;
    if (other) {
      push({ r: x.r, kind: 'notes', reason: other });
      continue;
    }
    // 0. Another table below the register (a change log, a risk analysis, a list of contacts): after a gap,
    //    a row of short texts most of which read as column headers, not for the fields of their columns.
    //    Narrower than the register's rows (an activity under a section label fills as many cells as the others).
    if (
      out.length > 0 &&
      ['blank', 'notes', 'section'].includes(last.kind) &&
      x.filled.length >= 2 &&
      (!activityCount || x.mappedFilled < medianFill() ? secondHeader(texts, x.filled, fields) : secondHeader(texts, x.filled, fields) === 'keyed')
    ) {
      other = message('table', { text: texts.join(' | ').slice(0, 80) });
      push({ r: x.r, kind: 'notes', reason: other });
      continue;
    }
    // 1. Opened by a marker word: "Exemple : …", "Total", "N.B.", "Indiquer ici…".
    // A full row whose marker word is the value of another column ("À compléter" as its status, the columns in another
    // order) and whose name is a name: an activity.
    const named = nameCol !== undefined && x.filled[0] !== nameCol && (row[nameCol] ?? '').trim() !== '' && !markerOf(row[nameCol]);
    const marker =
      (named && dense(x) && !identity.includes(x.filled[0]) ? null : markerOf(first)) ?? (nameCol !== undefined && row[nameCol]?.trim() ? markerOf(row[nameCol]) : null);
    // Without a separator a marker opens a row only when the row is sparse, or is a long example word
    // ("Exemple Gestion des visiteurs"); "Note de frais", "Total Energies" in a full row are activities.
    if (marker && (marker.strict || !dense(x) || (marker.kind === 'example' && marker.word.length >= 7 && foldKey(first).startsWith(marker.word)))) {
      push({ r: x.r, kind: marker.kind, reason: message(marker.kind, { text: shown }) });
      continue;
    }
    // 1b. Nothing but a template's hints ("[Nom du traitement]", "{Falls vorhanden}", "e.g. …"): the template's example row.
    if (texts.every((t) => isPlaceholder(t))) {
      push({ r: x.r, kind: 'example', reason: message('example', { text: shown }) });
      continue;
    }
    // 2. Numbers and formulas only: a totals row.
    if (
      texts.every((t) => NUMERIC.test(t)) ||
      (x.filled.some((c) => isFormulaCell(sheet, x.r, c)) && texts.every((t, k) => NUMERIC.test(t) || isFormulaCell(sheet, x.r, x.filled[k])))
    ) {
      push({ r: x.r, kind: 'total', reason: message('total', { text: shown }) });
      continue;
    }
    // 3. Instructions under the header: most cells are phrased as orders or hints ("Indiquer…", "(ex. : …)", "…").
    const hint = (t: string) => /(\.\.\.|…)\s*\)?$/.test(t) || /^\(.*\)$/.test(t) || ['instruction', 'example'].includes(markerOf(t)?.kind ?? '');
    if (last.kind === 'blank' && lastActivity < 0 && texts.length >= 2 && texts.filter(hint).length * 2 >= texts.length) {
      push({ r: x.r, kind: 'instruction', reason: message('instruction', { text: shown }) });
      continue;
    }
    // 4. One text alone on its row (or merged across the width): above rows of data, a section label;
    //    prose, shouting, a text outside the columns naming activities or after the data, a note; a short
    //    name among the activities, an activity (incomplete: the preview names what it lacks).
    const inIdentity = x.filled.some((c) => identity.includes(c));
    const prose = (t: string) => t.length > 80 || /[.!?:…]$/.test(t) || (t === t.toUpperCase() && /\p{Lu}{3}/u.test(t) && t.split(/\s+/).length >= 3);
    const single = x.filled.length === 1 || (x.filled.length > 1 && texts.every((t) => t === texts[0]));
    // One item alone under a list column that is not the first, right below an activity: one more item of it
    // ("datum narození" under the data categories), not a section label (those stand in the first column or span it).
    const alone = x.filled.length === 1 ? x.filled[0] : -1;
    if (
      alone > Math.min(...mapped) &&
      FIELD_BY_KEY.get(fields.get(alone) ?? '')?.multi &&
      !identity.includes(alone) &&
      mergedOver(sheet, x.r, alone) <= 1 &&
      lastActivity >= 0 &&
      (last.kind === 'activity' || last.kind === 'continuation')
    ) {
      push({ r: x.r, kind: 'continuation', of: lastActivity, reason: message('continuation', { row: lastActivity + 1 }) });
      continue;
    }
    if (single && typical >= 3) {
      const below = rows.slice(i + 1).find((y) => y.filled.length);
      // Above another table's header, a heading of the document ("3. Base juridique"), not a department.
      const aboveTable =
        below &&
        below.filled.length >= 2 &&
        secondHeader(
          below.filled.map((c) => (sheet.rows[below.r]?.[c] ?? '').trim()),
          below.filled,
          fields,
        );
      const heads = below && !aboveTable && x.r < lastDense && (dense(below) || below.filled.length === 1);
      // A numbered heading ("1. DADOS DE PACIENTES", "B) Service Paie") is a section however loud; its number is not its name.
      const numbered = SECTION_NUMBER.exec(texts[0]);
      if (heads && (!prose(texts[0]) || (numbered && texts[0].length <= 60 && !/[.!?:…]$/.test(texts[0])))) {
        section = { text: numbered ? texts[0].slice(numbered[0].length).trim() : texts[0], r: x.r };
        push({ r: x.r, kind: 'section', reason: message('section', { text: shown, width: mergedOver(sheet, x.r, x.filled[0]) }) });
        continue;
      }
      // After the data, a name alone is a trailing label, not an activity: listed as skipped, the DPO may take it back.
      if (!inIdentity || prose(texts[0]) || x.r > lastDense || aboveTable) {
        push({ r: x.r, kind: 'notes', reason: message(x.r > lastDense ? 'footer' : 'notes', { text: shown }) });
        continue;
      }
    }
    // 5. After the data, a sparse row that names no activity: a footer ("Rédigé par …", "Date : …").
    if (x.r > lastDense && !dense(x) && (!inIdentity || texts.every(prose))) {
      push({ r: x.r, kind: 'notes', reason: message('footer', { text: shown }) });
      continue;
    }
    // 6. Nothing says which activity the row is, right below one: its continuation.
    const hasIdentity = identity.some((c) => (row[c] ?? '').trim());
    if (identity.length && !hasIdentity && lastActivity >= 0 && (last.kind === 'activity' || last.kind === 'continuation')) {
      push({ r: x.r, kind: 'continuation', of: lastActivity, reason: message('continuation', { row: lastActivity + 1 }) });
      continue;
    }
    lastActivity = x.r;
    activityFills[x.mappedFilled] = (activityFills[x.mappedFilled] ?? 0) + 1;
    activityCount++;
    push({ r: x.r, kind: 'activity', ...(section ? { section: section.text, sectionRow: section.r } : {}) });
  }
  return out;
}

/**
 * A row that heads another table: short texts, at least two and most of them reading as headers, and none
 * reading as the header of its own column's field (a repeated header is the same table's, kept out by the header search).
 */
/**
 * A row that reads as another table's header: 'keyed' when it shares only the register's key column
 * ("Traitement | Base juridique | Justification" under "Traitement | Description | Finalité"), a table of
 * the same activities, as wide as the register's rows may be; the register's own header met again is none.
 */
function secondHeader(texts: string[], columns: number[], fields: Map<number, string | null>): 'keyed' | 'plain' | false {
  if (texts.some((t) => t.length > 50 || NUMERIC.test(t))) return false;
  let headers = 0;
  let own = 0;
  let key = false;
  for (const [k, t] of texts.entries()) {
    const m = matchHeader(t);
    if (!m.field || m.confidence < 0.7) continue;
    if (fields.get(columns[k]) === m.field) {
      own++;
      key ||= m.field === 'name' || m.field === 'ref';
    }
    headers++;
  }
  if (headers < 2 || headers * 2 < texts.length || own >= headers || own > 1) return false;
  return own === 1 && key && columns.length >= 2 ? 'keyed' : own === 0 ? 'plain' : false;
}

function firstText(sheet: SheetData, r: number, filled: number[]): string {
  return filled.length ? (sheet.rows[r]?.[filled[0]] ?? '').trim() : '';
}
