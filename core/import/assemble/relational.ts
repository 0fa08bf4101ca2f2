/**
 * Relational workbooks: an activity sheet plus sheets that each describe one part of the activities
 * (purposes, personal data, data subjects, recipients, contractors, transfers…), linked by the
 * activity's reference or name, or a workbook holding a single activity. The part sheets' rows are
 * added to the cells of the activity they name, so each activity is assembled whole; a part sheet
 * is never imported as activities of its own.
 */
import { fold as foldKey } from '../fold.js';
import { FIELD_BY_KEY } from '../assign/fields.js';
import { headersOf, type SheetTable } from '../locate/find-table.js';
import { autoMap, matchHeader } from '../assign/mapping.js';
import { cellName, type SheetData } from '../read/workbook.js';
import { classifyRows, type RowClass } from '../classify/rows.js';

export interface PartSheet {
  index: number;
  /** The activity sheet it belongs to. */
  main: number;
  /** Column holding the activity's reference or name; -1 when the workbook holds one activity. */
  linkCol: number;
  /** Column → field of the part's values. */
  fields: Map<number, string>;
  /** A sheet naming the activities in other words: its folded key → the folded name of the activity it means. */
  aliases?: Map<string, string>;
}

const valuesOf = (t: SheetTable, c: number) => t.dataRows.map((r) => (t.sheet.rows[r]?.[c] ?? '').trim()).filter(Boolean);

/** Finds the part sheets of the workbook's activity sheet, and marks them as parts (not tables of activities). */
export function findParts(tables: SheetTable[]): PartSheet[] {
  const withName = tables.filter((t) => t.status === 'table' && t.mapping.some((m) => m.field === 'name'));
  if (!withName.length || tables.length < 2) return [];
  const main = [...withName].sort((a, b) => b.mapping.filter((m) => m.field).length - a.mapping.filter((m) => m.field).length)[0];
  const keyCols = main.mapping.filter((m) => m.field === 'ref' || m.field === 'name').map((m) => m.column);
  const keys = new Set(keyCols.flatMap((c) => valuesOf(main, c).map((v) => foldKey(v))));
  const parts: PartSheet[] = [];
  for (const [i, found] of tables.entries()) {
    if (found === main) continue;
    // A part sheet's header ("Activity ID | Category") may say too little to be a table by itself.
    const t = found.status === 'table' ? found : /no recognisable header row/.test(found.reason) ? looseTable(found) : null;
    if (!t) continue;
    let linkCol = -1;
    for (let c = 0; c < t.headers.length; c++) {
      const values = valuesOf(t, c);
      if (values.length && values.filter((v) => keys.has(foldKey(v))).length / values.length >= 0.6) {
        linkCol = c;
        break;
      }
    }
    let aliases: Map<string, string> | undefined;
    if (linkCol < 0) {
      const loose = looseLink(t, main);
      if (loose) ({ linkCol, aliases } = loose);
    }
    // The sheet's name says what its generic columns ("Name", "Description", "Value") hold.
    const bySheet = matchHeader(t.sheet.name.replace(/_/g, ' '));
    const sheetField = bySheet.field && bySheet.confidence >= 0.6 && FIELD_BY_KEY.get(bySheet.field)?.kind !== 'date' && bySheet.field !== 'name' ? bySheet.field : null;
    // A sheet naming activities of its own is another table, not a part ("Name" of a Recipients sheet is the recipient's).
    const ownName = !sheetField && t.mapping.some((m) => m.field === 'name' && m.column !== linkCol);
    if (linkCol < 0 && (main.dataRows.length !== 1 || ownName)) continue;
    const fields = new Map<number, string>();
    let usedSheetField = false;
    for (const m of t.mapping) {
      if (m.column === linkCol) continue;
      const generic = !m.field || m.field === 'name' || m.field === 'ref' || m.field === 'description' || m.confidence < 0.8;
      if (generic && sheetField && !usedSheetField && valuesOf(t, m.column).length) {
        fields.set(m.column, sheetField);
        usedSheetField = true;
      } else if (m.field && m.field !== 'name' && m.field !== 'ref') fields.set(m.column, m.field);
    }
    if (!fields.size) continue;
    parts.push({ index: i, main: main.sheet.index, linkCol, fields, ...(aliases ? { aliases } : {}) });
    tables[i] = { ...t, status: 'skipped', reason: `part of the activities of sheet "${main.sheet.name}"` };
  }
  return parts;
}

/** Indexes each part sheet's rows by the folded reference or name they link to. */
export function partIndex(tables: SheetTable[], parts: PartSheet[]): Map<string, { field: string; cell: string; text: string }[]> {
  const out = new Map<string, { field: string; cell: string; text: string }[]>();
  for (const p of parts) {
    const t = tables[p.index];
    // A part's rows are items of the activities; the template's example row, instructions and totals are not.
    const notItems = new Set(
      classifyRows({ sheet: t.sheet, headerRow: t.headerRow, fields: p.fields })
        .filter((c) => c.kind === 'example' || c.kind === 'instruction' || c.kind === 'total')
        .map((c) => c.r),
    );
    for (const r of t.dataRows) {
      if (notItems.has(r)) continue;
      const row = t.sheet.rows[r] ?? [];
      const own = p.linkCol >= 0 ? foldKey(row[p.linkCol] ?? '') : '*';
      const key = p.aliases?.get(own) ?? own;
      if (!key) continue;
      const list = out.get(key) ?? [];
      for (const [c, field] of p.fields) {
        const text = row[c] ?? '';
        // The same value on several rows ("Salariés" beside each data category) is one item.
        if (text.trim() && !list.some((x) => x.field === field && foldKey(x.text) === foldKey(text))) list.push({ field, cell: `${t.sheet.name}!${cellName(r, c)}`, text });
      }
      out.set(key, list);
    }
  }
  return out;
}

/** The stems of a name's words: their first five letters, words of three letters or more ("SSM", "Audit", "utiliz"). */
function stems(text: string): Set<string> {
  return new Set(
    foldKey(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3)
      .map((w) => w.slice(0, 5)),
  );
}

/**
 * A narrow sheet (its key and one or two fields) naming the register's activities in other words: "Gestionare cont
 * utilizator" for "Gestionare utilizatori platformă", "Audit log" for "Audit și monitorizare sistem", "Instruiri
 * SSM/PSI" for "Instruire SSM/PSI". Its first column (a name or a purpose, a few words) is the key when most of its
 * values share half their word stems or more with one activity's name, better than with any other, no two values the
 * same activity. The values that mean none (a legal basis given for a purpose the register does not hold) join nothing.
 */
function looseLink(t: SheetTable, main: SheetTable): { linkCol: number; aliases: Map<string, string> } | null {
  const first = t.mapping.find((m) => valuesOf(t, m.column).length);
  if (!first || (first.field && first.field !== 'name' && first.field !== 'purpose')) return null;
  const others = t.mapping.filter((m) => m.column !== first.column && m.field && valuesOf(t, m.column).length);
  if (!others.length || others.length > 2) return null;
  const names = main.mapping.filter((m) => m.field === 'name').flatMap((m) => valuesOf(main, m.column));
  const values = [...new Set(valuesOf(t, first.column))];
  if (values.length < 2 || !names.length || values.some((v) => v.split(/\s+/).length > 8)) return null;
  const named = names.map((n) => ({ key: foldKey(n), stems: stems(n) }));
  const claims: { value: string; name: string; score: number }[] = [];
  for (const v of values) {
    const own = stems(v);
    if (!own.size) continue;
    const scored = named.map((n) => ({ name: n.key, score: [...own].filter((x) => n.stems.has(x)).length / own.size })).sort((a, b) => b.score - a.score);
    if (scored[0].score >= 0.5 && (scored.length === 1 || scored[0].score > scored[1].score)) claims.push({ value: foldKey(v), ...scored[0] });
  }
  // An activity meant by two values keeps neither (which of them speaks of it is not clear).
  const taken = claims.filter((c) => claims.filter((d) => d.name === c.name).length === 1);
  if (taken.length < 2 || taken.length < 0.6 * values.length) return null;
  return { linkCol: first.column, aliases: new Map(taken.map((c) => [c.value, c.name])) };
}

/** The first row of a sheet as its header, the rows below as data (for part sheets with terse headers). */
function looseTable(t: SheetTable): SheetTable | null {
  const rows = t.sheet.rows;
  const r = rows.findIndex((row) => row.filter((c) => c.trim()).length >= 1);
  if (r < 0) return null;
  const headers = headersOf(t.sheet, r);
  const dataRows: number[] = [];
  for (let k = r + 1; k < rows.length; k++) if (rows[k]?.some((c) => c.trim())) dataRows.push(k);
  if (!dataRows.length) return null;
  return { ...t, status: 'table', headerRow: r, headers, mapping: autoMap(headers), dataRows };
}

/**
 * A second table under the register on the same sheet whose header shares the register's key column
 * ("Traitement | Base juridique | Justification" under "Traitement | Description | Finalité"): its rows
 * are parts of the activities they name, as a part sheet's are. Keyed by the folded name or reference.
 */
export function sideTableIndex(sheet: SheetData, plan: RowClass[]): Map<string, { field: string; r: number; c: number; text: string }[]> | null {
  const start = plan.findIndex((p) => p.reason?.key === 'import.rowKind.table');
  if (start < 0) return null;
  const headerRow = plan[start].r;
  const fields = new Map<number, string>();
  for (const [c, text] of (sheet.rows[headerRow] ?? []).entries()) {
    const m = text.trim() ? matchHeader(text) : null;
    if (m?.field && m.confidence >= 0.7 && ![...fields.values()].includes(m.field)) fields.set(c, m.field);
  }
  const keyCol = [...fields].find(([, f]) => f === 'name' || f === 'ref')?.[0];
  if (keyCol === undefined || fields.size < 2) return null;
  const out = new Map<string, { field: string; r: number; c: number; text: string }[]>();
  for (const p of plan.slice(start + 1)) {
    if (p.reason?.key !== 'import.rowKind.table') continue;
    const row = sheet.rows[p.r] ?? [];
    const key = foldKey(row[keyCol] ?? '');
    if (!key) continue;
    const list = out.get(key) ?? [];
    for (const [c, field] of fields) if (c !== keyCol && (row[c] ?? '').trim()) list.push({ field, r: p.r, c, text: row[c] });
    out.set(key, list);
  }
  return out.size ? out : null;
}
