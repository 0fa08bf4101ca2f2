/**
 * A whole record written in one cell, one field per line: "- Finalita: gestione commesse⏎- Base giuridica:
 * contratto⏎- Destinatari: consulenti, fornitori IT" (a register's bullets pasted into a "Details" column). Each
 * line's words before its first colon read as a field header (`matchHeader`, every language's vocabulary); the
 * text after it is that field's value; a line without a label continues the value above it. A cell is read so
 * only when its lines name two fields or more and most of its lines are labelled: one "Zweck: …" stays a text.
 */
import { matchHeader } from '../assign/mapping.js';

export interface LabelledLine {
  field: string;
  label: string;
  value: string;
}

const BULLET = /^\s*(?:[•·▪●◦‣∙○■□➢➤►\-*–—]|\d{1,2}[.)])\s+/;
const LABEL = /^([^:：\n]{2,60}?)\s*[:：]\s*(.*)$/u;
/** A field a labelled line can give: the record's own, not a bare tick or a reference. */
const MIN_CONFIDENCE = 0.6;

/** The fields of a cell written as labelled lines, in their order; null when the cell is not one. */
export function labelledLines(text: string): LabelledLine[] | null {
  // Cheap refusal first: a record has several lines and colons.
  if (!text.includes('\n') || !/[:：]/.test(text)) return null;
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(BULLET, '').trim())
    .filter(Boolean);
  if (lines.length < 2) return null;
  const out: LabelledLine[] = [];
  let labelled = 0;
  for (const line of lines) {
    const m = LABEL.exec(line);
    // Times and addresses ("14:02", "https://") have no field before their colon.
    const h = m && !/\d$/.test(m[1]) ? matchHeader(m[1].trim()) : null;
    if (m && h?.field && h.confidence >= MIN_CONFIDENCE) {
      labelled++;
      out.push({ field: h.field, label: m[1].trim(), value: m[2].trim() });
    } else if (out.length) {
      // A line under a labelled one continues its value ("Destinatari:⏎URSSAF⏎PayFit").
      const last = out[out.length - 1];
      last.value = last.value ? `${last.value}\n${line}` : line;
    } else return null;
  }
  const fields = new Set(out.map((l) => l.field));
  if (fields.size < 2 || labelled < 0.6 * lines.length) return null;
  return out;
}

/**
 * A column of such cells: most of its filled cells (and two at least, or the only one) are records of labelled
 * lines. Returns the fields its lines give, in the order first met, or null.
 */
export function labelledColumn(cells: readonly string[]): string[] | null {
  const filled = cells.filter((c) => c.trim());
  if (!filled.length) return null;
  const fields: string[] = [];
  let records = 0;
  for (const c of filled) {
    const lines = labelledLines(c);
    if (!lines) continue;
    records++;
    for (const l of lines) if (!fields.includes(l.field)) fields.push(l.field);
  }
  return records >= Math.min(2, filled.length) && records >= 0.6 * filled.length ? fields : null;
}
