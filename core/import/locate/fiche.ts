/**
 * Vertical "fiche" layouts in any workbook, not only the CNIL's: one activity per sheet, written as
 * a column of labels with each value to its right ("Finalité : | Gestion de la paie"), lists
 * continued on the rows below their label, and small sub-tables under a label row. Labels are read
 * by the same header understanding as table columns (mapping.ts), so any wording it understands works.
 */
import { cleanText } from '../normalise/empty.js';
import type { ImportContext } from '../values/context.js';
import { buildRow, type BuiltRow, type RowCells } from '../values/build-row.js';
import { FIELD_BY_KEY } from '../assign/fields.js';
import { matchHeader } from '../assign/mapping.js';
import { cellName, type SheetData } from '../read/workbook.js';
import { foldKey } from '../../text.js';
import { ROW_MARKERS } from '../vocabulary/index.js';

interface Label {
  r: number;
  c: number;
  field: string;
  confidence: number;
  /** The value stands below the label, in the same column (a page written as headings and paragraphs). */
  under?: boolean;
  /** The value shares the label's cell ("Zweck: Plattformbereitstellung"): it starts at this offset of the text. */
  inline?: number;
}

const LABEL_MAX = 90;

/** The labels of a fiche: rows whose first filled cell reads as a field, or null when the sheet is not one. */
export function ficheLabels(sheet: SheetData): Label[] | null {
  const page = pageHeadings(sheet) ?? [];
  // A page of headings that makes no fiche may still be one written label and value in the same cell.
  const pageFiche = page.length ? checked(page) : null;
  if (pageFiche) return pageFiche;
  const labels: Label[] = [];
  // A fiche is a page or two of labels: the first 150 rows (a table of 10,000 rows is not read as one).
  const limit = Math.min(sheet.rows.length, 400);
  let narrow = 0;
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r] ?? [];
    const c = row.findIndex((v) => v.trim());
    if (c < 0 || c > 4) continue;
    // A table below the fiche (a risk analysis, a change log): a row wider than the fiche's label and
    // value pairs, after them, ends the fiche; its rows are not labels.
    const filled = row.reduce((n, v) => n + (cleanText(v) ? 1 : 0), 0);
    if (labels.length >= 3 && filled >= 3 && narrow >= labels.length * 0.7) break;
    // A register pasted from a document into one column: the label and its value in the same cell.
    // "Categories:" alone on its row is such a label when its lines follow in the same column.
    const inline = filled === 1 ? inlineLabel(row[c], !!cleanText(sheet.rows[r + 1]?.[c] ?? '')) : null;
    if (inline) {
      labels.push({ r, c, ...inline });
      narrow++;
      continue;
    }
    const text = row[c].trim().replace(/\s*[:：]\s*$/, '');
    if (!text || text.length > LABEL_MAX) continue;
    const m = matchHeader(text);
    if (!m.field || m.confidence < 0.6) continue;
    // A label has its value to its right, or a list / sub-table below it.
    const right = row.slice(c + 1, c + 7).some((v) => cleanText(v));
    const below = (sheet.rows[r + 1] ?? []).slice(c, c + 7).some((v) => cleanText(v)) && !(sheet.rows[r + 1]?.[c] ?? '').trim();
    if (right || below) {
      labels.push({ r, c, field: m.field, confidence: m.confidence });
      if (filled <= 2) narrow++;
    }
  }
  return checked(labels);
}

/**
 * "Zweck: Plattformbereitstellung", "Verarbeitungstätigkeit 1: Benutzerkontenverwaltung": a cell whose words
 * before its first colon read as a field, with a value after it. Times and addresses ("14:02", "https:") have no
 * field before their colon.
 */
function inlineLabel(cell: string, linesUnder: boolean): { field: string; confidence: number; inline: number } | null {
  const m = /^(\s*([^:：\n]{2,60}?)\s*[:：]\s*)(\S|$)/u.exec(cell);
  if (!m || (!m[3] && !linesUnder)) return null;
  const h = matchHeader(m[2].trim());
  return h.field && h.confidence >= 0.6 ? { field: h.field, confidence: h.confidence, inline: m[1].length } : null;
}

/** A fiche stands on three fields or more, a name or a purpose among them, its labels in one column. */
function checked(labels: Label[]): Label[] | null {
  if (!labels.length) return null;
  // "Controller" atop a fiche is the register's own controller, not a client, unless the fiche says what it
  // processes on the clients' behalf (a processor's fiche).
  if (!labels.some((l) => l.field === 'clientProcessing')) labels = labels.filter((l) => l.field !== 'clients');
  // Labels read only by their spelling ("Finalitat", "Categories de dades": 60–70 %) count in a column of
  // labels that reads well elsewhere (three at 80 % or more); alone they make no fiche.
  if (labels.filter((l) => l.confidence >= 0.8).length < 3) labels.splice(0, labels.length, ...labels.filter((l) => l.confidence >= 0.7));
  const fields = new Set(labels.map((l) => l.field));
  if (fields.size < 3 || !(fields.has('name') || fields.has('purpose'))) return null;
  // A row of table headers is not a fiche: labels stand in one column, one field each.
  const column = labels[0].c;
  if (labels.filter((l) => l.c === column).length < labels.length * 0.7) return null;
  return labels;
}

/**
 * A page written in one column, as headings and paragraphs: blocks of rows separated by blank rows, each block's
 * first row its heading, the rest its value ("Ändamål med behandlingen" then the text, "Kategorier av
 * personuppgifter" then "- Namn", "- E-post"). A heading that reads as a field is a label; its value is below it.
 */
function pageHeadings(sheet: SheetData): Label[] | null {
  const limit = Math.min(sheet.rows.length, 400);
  let filledRows = 0;
  let wide = 0;
  let column = -1;
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r] ?? [];
    const cells = row.filter((v) => v.trim()).length;
    if (!cells) continue;
    filledRows++;
    if (cells > 1) wide++;
    const c = row.findIndex((v) => v.trim());
    if (column < 0) column = c;
    else if (c !== column) wide++;
  }
  if (filledRows < 6 || wide > filledRows * 0.1) return null;
  const labels: Label[] = [];
  for (let r = 0; r < limit; r++) {
    const text = (sheet.rows[r]?.[column] ?? '').trim();
    if (!text || (r > 0 && (sheet.rows[r - 1]?.[column] ?? '').trim())) continue;
    // A block: its heading and at least one row of value below.
    if (!cleanText(sheet.rows[r + 1]?.[column] ?? '')) continue;
    const heading = text.replace(/\s*[:：?]\s*$/, '');
    if (heading.length > LABEL_MAX || /^[-–—•*·▪]/.test(heading)) continue;
    const m = matchHeader(heading);
    if (m.field && m.confidence >= 0.6) labels.push({ r, c: column, field: m.field, confidence: m.confidence, under: true });
  }
  // A title heading the page ("Record of processing activities") reads as a name less well than the name's own heading.
  const bestName = Math.max(0, ...labels.filter((l) => l.field === 'name').map((l) => l.confidence));
  return labels.filter((l) => l.field !== 'name' || l.confidence > bestName - 0.1);
}

export interface FicheBlock {
  labels: Label[];
  /** 0-based rows [start, end) the block reads; `start` is its heading when it has one. */
  start: number;
  end: number;
  /** The block's heading ("ACTIVIDAD 2: CHATBOT…", "Fiche n° 3 – Paie"), the name of an activity without a name label. */
  title: string;
  titleCell: string;
}

/**
 * Several fiches stacked in one sheet: a field's label met again starts the next activity. Each block
 * begins after the last label of the one above, so a heading between them belongs to the block below.
 */
export function ficheBlocks(sheet: SheetData, all: Label[]): FicheBlock[] {
  // Lines written "Label: value" in one cell above a fiche of labels beside their values ("Verarbeitungstätigkeit:
  // CRM …", "Stand: …"): the fiche's own heading lines, part of its first block where they give a field it lacks.
  const side = all.findIndex((l) => l.inline === undefined);
  const heading = side > 0 && all.slice(side).every((l) => l.inline === undefined) ? all.slice(0, side) : [];
  const labels = heading.length ? all.slice(side) : all;
  const groups: Label[][] = [[]];
  for (const l of labels) {
    const current = groups[groups.length - 1];
    if (current.some((x) => x.field === l.field) && current.length >= 2) {
      // "ACTIVIDAD 1: …" closing the group above names the block that starts here (its purpose is below it).
      const tail = current[current.length - 1];
      const heads = tail.field === 'name' && current.length > 1 && !current.some((x) => x.field === 'purpose' && x.r > tail.r);
      if (heads) current.pop();
      groups.push(heads ? [tail, l] : [l]);
    } else current.push(l);
  }
  // A block must stand as a fiche (three fields, a name or a purpose); a stray repeated label joins the block above.
  const blocks: Label[][] = [];
  for (const g of groups) {
    const fields = new Set(g.map((l) => l.field));
    if (blocks.length && (fields.size < 3 || !(fields.has('name') || fields.has('purpose')))) blocks[blocks.length - 1].push(...g);
    else blocks.push(g);
  }
  if (heading.length) blocks[0] = [...heading.filter((l) => !blocks[0].some((x) => x.field === l.field)), ...blocks[0]];
  // Lines above the first activity that name none and give no purpose ("Responsable del tratamiento: …", "Fecha: …"): the register's own.
  if (blocks.length > 1 && !blocks[0].some((l) => l.field === 'name' || l.field === 'purpose')) blocks.shift();
  // The register's own lines above its first activity ("Verantwortlicher: …", "Stand: …"): fields no other
  // block gives, before the first block's name or purpose, are the register's, not its first activity's.
  if (blocks.length > 1) {
    const first = blocks[0];
    const lead = first.findIndex((l) => l.field === 'name' || l.field === 'purpose');
    const elsewhere = new Set(blocks.slice(1).flatMap((g) => g.map((l) => l.field)));
    if (lead > 0) blocks[0] = first.filter((l, k) => k >= lead || elsewhere.has(l.field));
  }
  return blocks.map((g, i) => {
    const start = i === 0 ? 0 : blocks[i - 1][blocks[i - 1].length - 1].r + 1;
    const end = i + 1 < blocks.length ? blocks[i + 1][0].r : Math.min(sheet.rows.length, g[g.length - 1].r + 60);
    // The heading: the last one-cell row of text above the first label (the rows between a block and the next).
    let title = '';
    let titleCell = '';
    if (blocks.length > 1) {
      // Above the block's name or purpose: labels of the register's own (its controller) may open the first block.
      const lead = g.find((l) => l.field === 'name' || l.field === 'purpose') ?? g[0];
      for (let r = lead.r - 1; r >= start; r--) {
        const row = sheet.rows[r] ?? [];
        const filled = row.map((v, c) => [c, cleanText(v)] as const).filter(([, v]) => v);
        if (filled.length !== 1) continue;
        title = headingName(filled[0][1]);
        titleCell = cellName(r, filled[0][0]);
        break;
      }
    }
    return { labels: g, start: i === 0 ? g[0].r : start, end, title, titleCell };
  });
}

/**
 * "ACTIVIDAD 2: CHATBOT", "Fiche n° 3 – Paie", "Treatment #4. CRM", "1) Traitement : Formulaire de contact"
 * → the words after the numbered prefix, and after a label that reads as the activity's name field.
 */
function headingName(text: string): string {
  const m = /^\s*[\p{L}.]+\s*(?:n°|no\.?|nr\.?|#)?\s*(?:\d+|[IVXLC]+)\s*[:：.\-–—]\s*(.+)$/iu.exec(text);
  let out = (m ? m[1] : text).trim().replace(/^(?:\d+|[IVXLC]+|[a-z])\s*[).]\s+/iu, '');
  const labelled = /^([^:：]{2,40}?)\s*[:：]\s*(.+)$/su.exec(out);
  if (labelled && matchHeader(labelled[1]).field === 'name') out = labelled[2].trim();
  return out;
}

export interface GenericFiche {
  sheet: SheetData;
  /** 0-based row of the activity's first label. */
  row: number;
  built: BuiltRow;
  source: { field: string; cell: string; text: string }[];
}

/** Folded words that say a text explains what to write: examples and instructions, every language ("e.g.", "describe", "z. B."). */
const GUIDANCE_WORDS = [...ROW_MARKERS.example, ...ROW_MARKERS.instruction].filter((w) => w.length >= 2);

/** Stems of a text's words of four letters or more (their first five letters), folded. */
function stems(text: string): Set<string> {
  return new Set(
    foldKey(text)
      .split(' ')
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, 5)),
  );
}

/**
 * Whether a cell beside a label explains it rather than answers it: it gives examples or instructions,
 * or it restates the label (half of the label's words or more: "Purpose(s)" → "Treatment or treatment
 * purpose (a unified … purpose of the data controller)").
 */
function explains(cell: string, label: string): boolean {
  const folded = ` ${foldKey(cell)} `;
  if (GUIDANCE_WORDS.some((w) => folded.includes(` ${w} `))) return true;
  const own = stems(label);
  if (!own.size) return false;
  const said = stems(cell);
  let shared = 0;
  for (const w of own) if (said.has(w)) shared++;
  return shared / own.size >= 0.5;
}

/**
 * Columns of a template's guidance between a fiche's labels and its values (a template in three
 * columns: the field, what to write, what was written): a column whose different texts, on the label
 * rows, mostly explain their label (`explains`), with a column of values further right (filled on
 * half the label rows or more). What they hold is not a value of the activity; the last column of
 * values never is guidance.
 */
export function guidanceColumns(sheet: SheetData, labels: Label[]): number[] {
  if (labels.length < 3) return [];
  const c0 = labels[0].c;
  const width = Math.max(0, ...labels.map((l) => sheet.rows[l.r]?.length ?? 0));
  const filledOn = (c: number) => labels.filter((l) => cleanText(sheet.rows[l.r]?.[c] ?? '')).length;
  const valueCols: number[] = [];
  for (let c = c0 + 1; c < width; c++) if (filledOn(c) >= labels.length * 0.5) valueCols.push(c);
  const out: number[] = [];
  for (const c of valueCols.slice(0, -1)) {
    const texts = new Map<string, string>();
    for (const l of labels) {
      const cell = cleanText(sheet.rows[l.r]?.[c] ?? '');
      if (cell && !texts.has(foldKey(cell))) texts.set(foldKey(cell), (sheet.rows[l.r]?.[l.c] ?? '').trim());
    }
    if (texts.size < 3) continue;
    let explaining = 0;
    for (const [cell, label] of texts) if (explains(cell, label)) explaining++;
    if (explaining >= texts.size * 0.6) out.push(c);
  }
  return out;
}

/**
 * The labels of a fiche without the template's own header row ("Field | Guidance | Answer", "Category |
 * Subject | Information"), when it has a guidance column: its first label row, when the guidance cell
 * beside it is a title of a few words rather than an explanation.
 */
export function withoutTemplateHeader(sheet: SheetData, labels: Label[], guidance: readonly number[]): Label[] {
  if (!guidance.length || !labels.length) return labels;
  const [first] = labels;
  const cell = cleanText(sheet.rows[first.r]?.[guidance[0]] ?? '');
  const title = cell.split(/\s+/).length <= 3 && !explains(cell, sheet.rows[first.r]?.[first.c] ?? '');
  return title ? labels.slice(1) : labels;
}

/** The sheet with the cells of `columns` emptied (the guidance of a template): read as if they were blank. */
export function withoutColumns(sheet: SheetData, columns: readonly number[]): SheetData {
  const drop = new Set(columns);
  return { ...sheet, rows: sheet.rows.map((row) => (row.some((_, c) => drop.has(c)) ? row.map((v, c) => (drop.has(c) ? '' : v)) : row)) };
}

/** Reads one fiche (a sheet, or one block of a sheet) into one activity. */
export function readGenericFiche(sheet: SheetData, block: FicheBlock, ctx: ImportContext, beside?: RowCells): GenericFiche {
  const labels = block.labels;
  const cells: RowCells = new Map();
  const source: GenericFiche['source'] = [];
  const put = (field: string, r: number, c: number, from = 0) => {
    const text = (sheet.rows[r]?.[c] ?? '').slice(from);
    if (!cleanText(text)) return;
    const list = cells.get(field) ?? [];
    // A single-value field keeps its first value (a second one is a continuation of the text).
    if (list.length && !FIELD_BY_KEY.get(field)?.multi) list[0] = { ...list[0], text: `${list[0].text}\n${text}` };
    else list.push({ cell: cellName(r, c), text, formula: sheet.formulas.has(`${r}:${c}`) });
    cells.set(field, list);
    source.push({ field, cell: cellName(r, c), text });
  };
  labels.forEach((l, i) => {
    const end = i + 1 < labels.length ? labels[i + 1].r : block.end;
    const row = sheet.rows[l.r] ?? [];
    if (l.inline !== undefined) {
      // The value after the label, and the lines written under it in the same column up to a blank row.
      put(l.field, l.r, l.c, l.inline);
      // Lines of one cell: a row with more cells under it is a table's header, not the label's value.
      // A single value ("Verarbeitungstätigkeit: CRM …") does not run on into a "Stand: 18.05.2026" line under it.
      const single = !FIELD_BY_KEY.get(l.field)?.multi;
      const line = (r: number) =>
        !!cleanText(sheet.rows[r]?.[l.c] ?? '') &&
        (sheet.rows[r] ?? []).every((v, k) => k === l.c || !cleanText(v)) &&
        !(single && /^[^:\n]{2,40}:\s*\S/.test(sheet.rows[r]?.[l.c] ?? ''));
      for (let r = l.r + 1; r < end && line(r); r++) put(l.field, r, l.c);
      return;
    }
    if (l.under) {
      // The paragraph or list below the heading, up to the first blank row.
      for (let r = l.r + 1; r < end && cleanText(sheet.rows[r]?.[l.c] ?? ''); r++) put(l.field, r, l.c);
      return;
    }
    const valueCol = row.findIndex((v, c) => c > l.c && cleanText(v));
    if (valueCol > 0) put(l.field, l.r, valueCol);
    // The rows below, until the next label: a list continued, or a sub-table (its first filled cell per row).
    for (let r = l.r + 1; r < end; r++) {
      const next = sheet.rows[r] ?? [];
      if ((next[l.c] ?? '').trim()) break;
      const c = next.findIndex((v, k) => k > l.c && cleanText(v));
      if (c > 0) put(l.field, r, c);
    }
  });
  // Lists the workbook gives on sheets of their own, beside a fiche that is its only activity.
  for (const [field, list] of beside ?? []) {
    cells.set(field, [...(cells.get(field) ?? []), ...list]);
    for (const c of list) source.push({ field, cell: c.cell, text: c.text });
  }
  if (!cells.has('name') && block.title) {
    cells.set('name', [{ cell: block.titleCell, text: block.title, formula: false }]);
    source.push({ field: 'name', cell: block.titleCell, text: block.title });
  }
  return { sheet, row: labels[0].r, built: buildRow(cells, ctx), source };
}
