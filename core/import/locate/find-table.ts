/**
 * Finds the table of activities in each sheet: skips instruction, list, example and notes sheets;
 * finds the header row even below a title block, blank rows or a row of group labels (merged
 * cells); finds where the data starts and ends.
 */
import { foldKey } from '../../text.js';
import { readColumnContent, type ContentTools } from '../assign/content-signal.js';
import { autoMap, matchHeader, type ColumnMapping } from '../assign/mapping.js';
import type { SheetData } from '../read/workbook.js';
import { labelledColumn } from '../values/labelled-lines.js';

export interface SheetTable {
  sheet: SheetData;
  /** 'table': holds activities; 'skipped': see `reason`. */
  status: 'table' | 'skipped';
  reason: string;
  /** 0-based; -1 when none was found. */
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping[];
  /** 0-based rows holding data (blank rows excluded). */
  dataRows: number[];
  /** Columns of a run of ticks (assign/ticks.ts): column → the value a ticked cell gives its field. */
  ticks?: Map<number, string>;
}

const SKIP_NAMES: [RegExp, string][] = [
  [
    /^(instructions?|notice|mode d emploi|tutoriel|tutorial|lisez moi|read ?me|aide|help|guide|how to|consignes|explications?|presentation|introduction|sommaire|contents|cover|page de garde)\b/,
    'instructions',
  ],
  [
    /^(listes?|lists?|valeurs?|values|referentiels?|lookups?|parametres|parameters|settings|dropdowns?|menus? deroulants?|choix|options|vocabulaires?|codes)$/,
    'lists behind the dropdowns',
  ],
  [/^(exemples?|examples?|samples?|modele exemple|exemple de fiche)\b/, 'example'],
  [/^(notes?|commentaires?|comments?|changelog|historique|history|versions?|journal des modifications|legende|legend|glossaire|glossary|definitions?)\b/, 'notes'],
];

/** Why a sheet is not imported, judging by its name alone. */
export function skipByName(name: string): string | null {
  const k = foldKey(name.replace(/_/g, ' ')).replace(/^\d+\s*/, '');
  for (const [re, why] of SKIP_NAMES) if (re.test(k)) return why;
  return null;
}

/** The text above an empty header cell: a merged group label or the cell of the row above. */
function labelAbove(sheet: SheetData, r: number, c: number): string {
  for (const m of sheet.merges) if (m.r1 < r && m.r2 >= r && m.c1 <= c && m.c2 >= c) return sheet.rows[m.r1]?.[m.c1] ?? '';
  return '';
}

function groupLabel(sheet: SheetData, r: number, c: number): string {
  if (r === 0) return '';
  for (const m of sheet.merges) if (m.r1 === r - 1 && m.c1 <= c && m.c2 >= c) return sheet.rows[m.r1]?.[m.c1] ?? '';
  // The row above is a row of group labels only when it is sparser than this one (not a header above data).
  const filled = (row: string[] | undefined) => (row ?? []).filter((x) => x.trim()).length;
  if (filled(sheet.rows[r - 1]) * 2 > filled(sheet.rows[r])) return '';
  return sheet.rows[r - 1]?.[c] ?? '';
}

/** Effective headers of row r: empty cells take a label merged from above; weak ones try "group + cell". */
export function headersOf(sheet: SheetData, r: number): string[] {
  const row = sheet.rows[r] ?? [];
  const width = Math.max(row.length, ...sheet.merges.filter((m) => m.r1 < r && m.r2 >= r).map((m) => m.c2 + 1), 0);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const cell = (row[c] ?? '').trim();
    if (!cell) {
      out.push((labelAbove(sheet, r, c) || groupLabel(sheet, r, c)).trim());
      continue;
    }
    const own = matchHeader(cell);
    // The group label only helps a header that says nothing by itself ("Pays" under "Transferts").
    if (!own.field) {
      const group = groupLabel(sheet, r, c).trim();
      if (group) {
        const combined = `${group} ${cell}`;
        const withGroup = matchHeader(combined);
        if (withGroup.field && withGroup.confidence > own.confidence) {
          out.push(combined);
          continue;
        }
      }
    }
    out.push(cell);
  }
  return out;
}

/** Fields that make a row of headers a table of activities (with one more mapped column). */
const CORE = new Set(['name', 'purpose', 'description', 'clients', 'clientProcessing', 'legalBases', 'retention', 'dataCategories']);

/**
 * How well a row reads as a header: each field counted once, at its best column. A row of data can read as one
 * field across the sheet (the legal-basis row of a transposed register cites Art. 6 in every column); a header names
 * several. Long sentences are data, not headers.
 */
function score(mapping: ColumnMapping[]): { score: number; mapped: number; core: boolean } {
  const best = new Map<string, number>();
  for (const m of mapping) if (m.field && (m.header ?? '').length <= 100) best.set(m.field, Math.max(best.get(m.field) ?? 0, m.confidence));
  let s = 0;
  for (const c of best.values()) s += c;
  return { score: s, mapped: best.size, core: [...best.keys()].some((f) => CORE.has(f)) };
}

export function findTable(sheet: SheetData, tools: ContentTools = {}): SheetTable {
  const base: SheetTable = { sheet, status: 'skipped', reason: '', headerRow: -1, headers: [], mapping: [], dataRows: [] };
  const named = skipByName(sheet.name);
  if (named) return { ...base, reason: named };
  const lastFilled = sheet.rows.findLastIndex((r) => r.some((c) => c.trim()));
  if (lastFilled < 0) return { ...base, reason: 'empty sheet' };
  type Candidate = { r: number; headers: string[]; mapping: ColumnMapping[]; score: number; mapped: number };
  const candidates: Candidate[] = [];
  for (let r = 0; r <= Math.min(lastFilled, 60); r++) {
    // Past a few rows below a strong header (five columns or more read as fields), the rows are data.
    const strong = candidates.find((c) => c.mapped >= 5);
    if (strong && r > strong.r + 6) break;
    const row = sheet.rows[r];
    if (!row || row.filter((c) => c.trim()).length < 2) continue;
    const headers = headersOf(sheet, r);
    const mapping = autoMap(headers);
    const s = score(mapping);
    // A header row: two mapped columns of which one core field, or three mapped columns of any kind.
    if ((s.mapped >= 2 && s.core) || (s.mapped >= 3 && s.score >= 2)) candidates.push({ r, headers, mapping, score: s.score, mapped: s.mapped });
  }
  // Values of the data read as words too ("Obligation légale", "Contrôle d'accès"): the header is
  // the first row that reads nearly as well as the best one, not a row of data below it.
  const top = Math.max(0, ...candidates.map((c) => c.score));
  const near = candidates.filter((c) => c.score >= 0.7 * top);
  // Of those, the first that names its activities (a name or a purpose column): a sheet holding a data
  // inventory above its table of processing activities is a register of the latter.
  let best = near.find((c) => c.mapping.some((m) => m.field === 'name' || m.field === 'purpose')) ?? near[0] ?? null;
  // A header on two rows: group labels merged across columns ("Behandlingsgrundlag (art. 6, stk. 1)" over "litra a |
  // litra b"), the columns' own headers below. The lower row is the header; headersOf reads each with its group.
  if (best && sheet.merges.some((m) => m.r1 === best!.r && m.r2 === best!.r && m.c2 > m.c1 && (sheet.rows[best!.r + 1]?.[m.c1] ?? '').trim())) {
    const r = best.r + 1;
    const headers = headersOf(sheet, r);
    const mapping = autoMap(headers);
    if (score(mapping).score >= 0.7 * best.score) best = { r, headers, mapping, score: score(mapping).score, mapped: score(mapping).mapped };
  }
  if (!best) return { ...base, reason: 'no recognisable header row (expected columns such as "Nom du traitement" / "Processing activity" and "Finalité" / "Purpose")' };
  // The cells' content: the second signal, read below the chosen header row.
  const below = sheet.rows.slice(best.r + 1, Math.min(lastFilled + 1, best.r + 41));
  const contents = best.headers.map((_, c) =>
    readColumnContent(
      below.map((row) => row[c] ?? ''),
      tools,
    ),
  );
  if (contents.some(Boolean)) best.mapping = autoMap(best.headers, contents);
  // Columns with content but no header (a table without its header cell) are read from their content alone.
  const width = Math.max(best.headers.length, ...below.map((row) => row.length));
  for (let c = best.headers.length; c < width; c++) {
    const content = readColumnContent(
      below.map((row) => row[c] ?? ''),
      tools,
    );
    best.headers[c] = '';
    best.mapping[c] = { column: c, header: '', field: null, confidence: 0 };
    if (content?.field && content.strong)
      best.mapping[c] = {
        column: c,
        header: '',
        field: content.field,
        confidence: Math.min(0.75, 0.4 + 0.35 * content.share),
        why: { key: 'mapping.why.content', params: { kind: content.kind, share: Math.round(content.share * 100) } },
      };
  }
  // A column whose cells each hold a record written line by line ("Finalità: …⏎Base giuridica: …"): read as the
  // activity's description, whose labelled lines give their fields (values/build-row.ts). Its header names no field
  // surely ("Dettagli", "Details", a field guessed for want of a better column), or one its lines give.
  for (const m of best.mapping) {
    const fields = labelledColumn(below.map((row) => row[m.column] ?? ''));
    if (!fields) continue;
    if (m.field && m.field !== 'description' && m.confidence >= 0.7 && !fields.includes(m.field)) continue;
    best.mapping[m.column] = {
      ...m,
      field: 'description',
      confidence: Math.max(m.confidence, 0.8),
      why: { key: 'importLines.why.labelledLines', params: { count: fields.length } },
      lines: fields,
    };
  }
  const mappedCols = best.mapping.filter((m) => m.field).map((m) => m.column);
  const dataRows: number[] = [];
  for (let r = best.r + 1; r <= lastFilled; r++) {
    const row = sheet.rows[r] ?? [];
    if (mappedCols.some((c) => (row[c] ?? '').trim())) dataRows.push(r);
  }
  const table: SheetTable = { ...base, status: 'table', headerRow: best.r, headers: best.headers, mapping: best.mapping, dataRows };
  if (!dataRows.length) return { ...table, status: 'skipped', reason: 'headers only: no rows of data below the header' };
  return table;
}
