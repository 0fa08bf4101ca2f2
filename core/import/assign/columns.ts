/**
 * Stage "assign columns": every (column, field) pair gets a score from the header (its whole reading,
 * its alternatives, each part of a combined header) and from the cells (content-signal.ts); the pairs
 * are then resolved as one assignment, best score first: a column whose best field went to a stronger
 * column takes its next best; a single-value field takes one column, a list field several. A required
 * field left without a column takes the most plausible column left (a weaker reading of its header, or
 * the description), with a reason that says so and a warning in the preview, instead of refusing the
 * file. Every mapping keeps its reason and its alternatives.
 */
import type { Message } from '../../i18n/i18n.js';
import { contentAgrees, type ColumnContent } from './content-signal.js';
import { FIELD_BY_KEY } from './fields.js';
import { combine, headerCandidates, type ColumnMapping } from './mapping.js';

interface Pair {
  column: number;
  field: string;
  score: number;
  why?: Message;
  /** The column's rank of this field (0 = its best). */
  rank: number;
}

/** Below this a reading is a guess: the column stays unmapped (unless a required field needs it). */
const THRESHOLD = 0.5;

/** The yes/no field that says whether a list or a text field has any value. */
const YES_NO_TWIN: Record<string, string> = { specialCategories: 'hasSpecialData', automatedDecisionDescription: 'automatedDecision', dpiaLink: 'dpiaStatus' };

/** Fields the preview cannot do without, with the fields whose column may stand in for them. */
const REQUIRED_FALLBACK: Record<string, string[]> = { purpose: ['description', 'subPurposes'] };

function candidatesOf(header: string, content: ColumnContent | null | undefined): Pair[] {
  const fromHeader = headerCandidates(header);
  const out = new Map<string, Omit<Pair, 'rank' | 'column'>>();
  const add = (field: string | null | undefined, score: number, why?: Message) => {
    if (!field) return;
    const known = out.get(field);
    if (!known || known.score < score) out.set(field, { field, score, why });
  };
  if (content) {
    // The best reading confirmed, corrected or supplied by the cells (as before), then the others, each
    // confirmed by the cells or not.
    const best = fromHeader[0];
    const combined = combine(best ? { field: best.field, confidence: best.confidence, why: best.why, alternatives: fromHeader.slice(1) } : { field: null, confidence: 0 }, content);
    add(combined.field, combined.confidence, combined.why);
    for (const c of fromHeader.slice(1)) add(c.field, contentAgrees(c.field, content) ? Math.min(1, c.confidence + 0.1) : c.confidence, c.why);
    if (best && combined.field !== best.field) add(best.field, best.confidence * 0.9, best.why);
  } else for (const c of fromHeader) add(c.field, c.confidence, c.why);
  // Cells that are all yes or no ("Oui", "X", "No") answer a question: a list or a text field would read "Oui" as an
  // item, so its yes/no twin takes its place ("Besondere Kategorien" ticked: the activity holds special data).
  if (content?.kind === 'yesno' && content.share >= 0.8) {
    for (const p of [...out.values()]) {
      const twin = YES_NO_TWIN[p.field];
      if (twin && (out.get(twin)?.score ?? 0) < p.score) out.set(twin, { field: twin, score: p.score, why: p.why });
    }
    for (const p of out.values()) if (!['yesno', 'code'].includes(FIELD_BY_KEY.get(p.field)?.kind ?? '')) p.score *= 0.6;
  }
  return [...out.values()].sort((a, b) => b.score - a.score).map((p, rank) => ({ ...p, column: -1, rank }));
}

/** Maps every header as one assignment. */
export function assignColumns(headers: string[], contents?: (ColumnContent | null)[]): ColumnMapping[] {
  const perColumn = headers.map((header, column) => candidatesOf(header, contents?.[column]).map((p) => ({ ...p, column })));
  const pairs = perColumn.flat().sort((a, b) => b.score - a.score || a.rank - b.rank || a.column - b.column);
  const chosen = new Map<number, Pair>();
  const holder = new Map<string, Pair>();
  const held = new Set<string>();
  const take = (p: Pair, tieToFree: boolean): void => {
    if (p.score < THRESHOLD || chosen.has(p.column)) return;
    const multi = FIELD_BY_KEY.get(p.field)?.multi ?? false;
    if (!multi && holder.has(p.field)) return;
    // A column torn between two fields ("Proc.": processors or the name?) takes one no other column holds ("Proc. /
    // sub-proc." beside it took the processors), else a field the register requires.
    const required = (field: string) => FIELD_BY_KEY.get(field)?.required ?? false;
    const rival = (q: Pair) => q.field !== p.field && q.score >= THRESHOLD && q.score >= p.score - 0.02 && !held.has(q.field);
    if (tieToFree && perColumn[p.column].some((q) => rival(q) && (held.has(p.field) || (required(q.field) && !required(p.field))))) return;
    chosen.set(p.column, p);
    held.add(p.field);
    if (!multi) holder.set(p.field, p);
  };
  for (const p of pairs) take(p, true);
  // A column that waited for its free field and did not get it takes what is left to it.
  for (const p of pairs) take(p, false);
  // A column that lost its best field to a column that reads another field as well ("Desc. / purp." took the
  // description that "Comm." can only be): the holder moves to its other field, the column gets its best, when the
  // table reads better so.
  for (const [column, mine] of perColumn.entries()) {
    const best = mine[0];
    const now = chosen.get(column);
    if (!best || best.score < THRESHOLD || (now && now.score >= best.score)) continue;
    const holding = holder.get(best.field);
    if (!holding) continue;
    // Its other reading a real one (not a faint alternative) that costs it little.
    const other = perColumn[holding.column].find((q) => q.field !== best.field && q.score >= 0.7 && q.score >= holding.score - 0.2 && !holder.has(q.field));
    if (!other || best.score - (now?.score ?? 0) <= holding.score - other.score) continue;
    chosen.set(holding.column, other);
    if (!(FIELD_BY_KEY.get(other.field)?.multi ?? false)) holder.set(other.field, other);
    chosen.set(column, best);
    holder.set(best.field, best);
    if (now && !(FIELD_BY_KEY.get(now.field)?.multi ?? false)) holder.delete(now.field);
  }
  const out: ColumnMapping[] = headers.map((header, column) => {
    const mine = perColumn[column];
    const p = chosen.get(column);
    const alternatives = mine.filter((c) => c.field !== p?.field && c.score > 0.15).map((c) => ({ field: c.field, confidence: Math.round(c.score * 100) / 100 }));
    if (p) {
      // A column that lost its best field to a stronger column says so.
      const lost = mine[0] && mine[0].field !== p.field && mine[0].score >= THRESHOLD ? holder.get(mine[0].field) : undefined;
      const why: Message | undefined = lost ? { key: 'mapping.why.next', params: { ...labels(mine[0].field), column: headers[lost.column] ?? '' } } : p.why;
      return { column, header, field: p.field, confidence: p.score, why, alternatives: alternatives.slice(0, 3) };
    }
    const best = mine[0];
    const taken = best && best.score >= THRESHOLD ? holder.get(best.field) : undefined;
    return {
      column,
      header,
      field: null,
      confidence: 0,
      ...(taken ? { why: { key: 'mapping.why.taken', params: { field: best.field, column: headers[taken.column] ?? '' } } } : best?.why ? { why: best.why } : {}),
      alternatives: mine.map((c) => ({ field: c.field, confidence: Math.round(c.score * 100) / 100 })).slice(0, 3),
    };
  });
  // Only once the cells are read (the final mapping, not the search for the header row).
  if (contents) fallBack(out, perColumn);
  return out;
}

/** A required field without a column takes the most plausible column left, saying so. */
function fallBack(out: ColumnMapping[], perColumn: Pair[][]): void {
  for (const [field, standIns] of Object.entries(REQUIRED_FALLBACK)) {
    if (out.some((m) => m.field === field)) continue;
    // A processor's register gives its purpose in the processing done for the client (values/derive.ts).
    if (field === 'purpose' && out.some((m) => m.field === 'clientProcessing')) continue;
    // A weaker reading of a free column's header, else a column holding a field that can stand in.
    let best: { column: number; score: number; via: string } | null = null;
    for (const m of out) {
      const own = perColumn[m.column].find((c) => c.field === field);
      if (own && !m.field && own.score > 0.1 && (!best || own.score > best.score)) best = { column: m.column, score: own.score, via: 'header' };
    }
    if (!best)
      for (const standIn of standIns) {
        const m = out.find((x) => x.field === standIn);
        if (m) {
          best = { column: m.column, score: 0.5, via: standIn };
          break;
        }
      }
    if (!best) continue;
    const m = out[best.column];
    const previous = m.field;
    m.alternatives = [...(previous ? [{ field: previous, confidence: m.confidence }] : []), ...(m.alternatives ?? []).filter((a) => a.field !== field)];
    m.field = field;
    m.confidence = Math.max(0.5, Math.min(0.6, best.score));
    m.why = { key: 'mapping.why.fallback', params: { ...labels(field), header: m.header } };
  }
}

const labels = (field: string) => ({ fieldFr: FIELD_BY_KEY.get(field)?.labelFr ?? field, fieldEn: FIELD_BY_KEY.get(field)?.labelEn ?? field });

/** Takes back a fallback when another source gives the field after all (a part sheet of a relational workbook). */
export function undoFallback(mapping: ColumnMapping[], field: string): void {
  for (const m of mapping) {
    if (m.field !== field || m.why?.key !== 'mapping.why.fallback') continue;
    const previous = m.alternatives?.[0];
    m.field = previous && previous.confidence >= THRESHOLD ? previous.field : null;
    m.confidence = m.field ? previous!.confidence : 0;
    m.why = undefined;
    m.alternatives = m.alternatives?.slice(1);
  }
}
