/**
 * The detailed sheet as CSV for French Excel: UTF-8 with a byte-order mark, `;` separator, CRLF
 * line ends, RFC 4180 quoting. A text that a spreadsheet would read as a formula (it starts with
 * `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with an apostrophe, the usual
 * neutralisation: Excel shows the text, never evaluates it. `readCsv` reverses both.
 */
import fs from 'node:fs';
import { detailColumnsFor, type CellValue } from './fields.js';
import type { Labels } from './labels.js';
import type { ExportSource } from './source.js';
import { looksLikeFormula } from './xlsx/cells.js';

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

export function csvField(v: CellValue, L: Labels): string {
  if (v === null || v === '') return '';
  let text = v instanceof Date ? L.date(v.toISOString()) : v;
  if (looksLikeFormula(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(file: string, source: ExportSource, L: Labels, onRow?: () => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    const DETAIL_COLUMNS = detailColumnsFor(L);
    let buffer = BOM + DETAIL_COLUMNS.map((c) => csvField(L.t(c.label), L)).join(CSV_SEPARATOR) + '\r\n';
    for (const chunk of source.activities()) {
      for (const a of chunk) {
        const org = source.organisation(a.organisationId);
        buffer += DETAIL_COLUMNS.map((c) => csvField(c.value(a, L, org), L)).join(CSV_SEPARATOR) + '\r\n';
        onRow?.();
      }
      fs.writeSync(fd, buffer);
      buffer = '';
    }
    if (buffer) fs.writeSync(fd, buffer);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a CSV written by `writeCsv` back into rows of text (tests, checks). */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const push = () => {
    row.push(/^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field);
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === CSV_SEPARATOR) push();
    else if (ch === '\r' && s[i + 1] === '\n') {
      push();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    push();
    rows.push(row);
  }
  return rows;
}
