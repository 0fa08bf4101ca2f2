/**
 * The perturbation corpus: tables built from department files written by other hands
 * (`../shared/fixtures/departments/truth.json`: their headers, their cells and the facts a correct import
 * gives), then transformed mechanically — headers abbreviated, folded, numbered, asked as questions,
 * combined with another, translated, transliterated; tables padded with rows that are not activities at
 * every place; list fields written as runs of ticks. Nothing here reads the import's vocabulary: the
 * words below are the generator's own, so that the corpus measures the import, not its word lists.
 */
import ExcelJS from 'exceljs';
import type { ExpectedFact } from './facts.js';

export interface TruthColumn {
  header: string;
  target: string | null;
}
interface TruthSheet {
  sheet: string | null;
  import: boolean;
  columns?: TruthColumn[];
}
interface TruthActivity {
  fields: Record<string, ExpectedFact & { raw?: unknown }>;
  unmapped?: Record<string, string>;
}
export interface TruthFile {
  file: string;
  language: string;
  sheets: TruthSheet[];
  activities: (TruthActivity & { sheet?: string | null })[];
}

/** One table of a file written by others: its headers, its cells, the facts of each row. */
export interface BaseTable {
  source: string;
  lang: 'fr' | 'en';
  columns: TruthColumn[];
  rows: string[][];
  expected: Record<string, ExpectedFact>[];
}

const cellText = (raw: unknown): string => (raw === null || raw === undefined ? '' : typeof raw === 'boolean' ? (raw ? 'Yes' : 'No') : String(raw));

/** Every single-table file of the truth as a clean table (the facts a sheet name gives left out). */
export function baseTables(files: TruthFile[]): BaseTable[] {
  const out: BaseTable[] = [];
  for (const f of files) {
    for (const s of f.sheets.filter((x) => x.import && x.columns?.length)) {
      const acts = f.activities.filter((a) => (a.sheet ?? null) === s.sheet);
      const columns = s.columns!.filter((c) => c.header.trim());
      const rows = acts.map((a) => columns.map((c) => (c.target ? cellText(a.fields[c.target]?.raw) : (a.unmapped?.[c.header] ?? ''))));
      const targets = new Set(columns.map((c) => c.target));
      const expected = acts.map((a) => Object.fromEntries(Object.entries(a.fields).filter(([k]) => targets.has(k))));
      out.push({ source: `${f.file}${s.sheet ? `!${s.sheet}` : ''}`, lang: f.language === 'fr' ? 'fr' : 'en', columns, rows, expected });
    }
  }
  return out;
}

// ---------------------------------------------------------------- header transformations

export type HeaderTransform = (header: string, i: number, table: BaseTable, others: BaseTable[]) => string;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Another table's header for the same target, in the other language (what a subsidiary would write). */
function translated(target: string | null, lang: 'fr' | 'en', others: BaseTable[]): string | undefined {
  if (!target) return undefined;
  for (const o of others) {
    if (o.lang === lang) continue;
    const c = o.columns.find((x) => x.target === target);
    if (c) return c.header;
  }
  return undefined;
}

/** Art. 30's wording in German, Spanish and Italian (GDPR's official texts and the authorities' models). */
const WORDING: Record<'de' | 'es' | 'it', Record<string, string>> = {
  de: {
    name: 'Bezeichnung der Verarbeitungstätigkeit',
    purpose: 'Zwecke der Verarbeitung',
    sub_purposes: 'Weitere Zwecke',
    legal_basis: 'Rechtsgrundlage',
    data_subject_categories: 'Kategorien betroffener Personen',
    data_categories: 'Kategorien personenbezogener Daten',
    sensitive_data: 'Besondere Kategorien personenbezogener Daten',
    recipients: 'Kategorien von Empfängern',
    processors: 'Auftragsverarbeiter',
    transfer_countries: 'Übermittlungen an Drittländer',
    transfer_safeguards: 'Geeignete Garantien',
    retention: 'Fristen für die Löschung',
    security_measures: 'Technische und organisatorische Maßnahmen',
    dpia: 'Datenschutz-Folgenabschätzung',
    owner_contact: 'Ansprechpartner',
    comments: 'Bemerkungen',
    department: 'Abteilung',
    last_reviewed: 'Letzte Überprüfung',
    controller: 'Verantwortlicher (Auftraggeber)',
  },
  es: {
    name: 'Nombre del tratamiento',
    purpose: 'Finalidad del tratamiento',
    sub_purposes: 'Otras finalidades',
    legal_basis: 'Base jurídica',
    data_subject_categories: 'Categorías de interesados',
    data_categories: 'Categorías de datos personales',
    sensitive_data: 'Categorías especiales de datos',
    recipients: 'Categorías de destinatarios',
    processors: 'Encargado del tratamiento',
    transfer_countries: 'Transferencias internacionales',
    transfer_safeguards: 'Garantías adecuadas',
    retention: 'Plazo de conservación',
    security_measures: 'Medidas técnicas y organizativas de seguridad',
    dpia: 'Evaluación de impacto',
    owner_contact: 'Responsable interno',
    comments: 'Observaciones',
    department: 'Departamento',
    last_reviewed: 'Última revisión',
    controller: 'Responsable del tratamiento (cliente)',
  },
  it: {
    name: 'Denominazione del trattamento',
    purpose: 'Finalità del trattamento',
    sub_purposes: 'Altre finalità',
    legal_basis: 'Base giuridica',
    data_subject_categories: 'Categorie di interessati',
    data_categories: 'Categorie di dati personali',
    sensitive_data: 'Categorie particolari di dati',
    recipients: 'Categorie di destinatari',
    processors: 'Responsabile del trattamento (art. 28)',
    transfer_countries: 'Trasferimenti verso paesi terzi',
    transfer_safeguards: 'Garanzie adeguate',
    retention: 'Periodo di conservazione',
    security_measures: 'Misure di sicurezza tecniche e organizzative',
    dpia: 'Valutazione d’impatto',
    owner_contact: 'Referente interno',
    comments: 'Note',
    department: 'Ufficio',
    last_reviewed: 'Ultima revisione',
    controller: 'Titolare del trattamento (cliente)',
  },
};

const transliterate = (s: string) => s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss');

/** Each transformation of the headers, by name. */
export const HEADER_TRANSFORMS: Record<string, HeaderTransform> = {
  'as written': (h) => h,
  // Words of more than five letters cut after their fourth, with a dot: "Catégories de personnes" → "Caté. de pers.".
  abbreviated: (h) => h.replace(/\p{L}{6,}/gu, (w) => `${w.slice(0, 4)}.`),
  'accents and case dropped': (h) => fold(h).toUpperCase(),
  'lower case': (h) => h.toLowerCase(),
  numbered: (h, i) => [`${i + 1}. ${h}`, `Q${i + 1} - ${h}`, `(${String.fromCharCode(97 + (i % 26))}) ${h}`][i % 3],
  'as questions': (h, _i, t) => (t.lang === 'fr' ? `${h} ?` : `${h}?`).replace(/\s*\?\s*\?$/, ' ?'),
  'as questions, with a request': (h, _i, t) => (t.lang === 'fr' ? `Merci d’indiquer : ${h.toLowerCase()}` : `Please state the ${h.toLowerCase()}`),
  'with a unit or a note': (h, i) => [`${h} (*)`, `${h} [obligatoire]`, `${h} (see notes)`, `${h}\n(one per line)`][i % 4],
  'translated (FR ↔ EN)': (h, _i, t, others) => translated(t.columns.find((c) => c.header === h)?.target ?? null, t.lang, others) ?? h,
  'translated (German)': (h, _i, t) => WORDING.de[t.columns.find((c) => c.header === h)?.target ?? ''] ?? h,
  'translated (German, umlauts transliterated)': (h, _i, t) => transliterate(WORDING.de[t.columns.find((c) => c.header === h)?.target ?? ''] ?? h),
  'translated (Spanish)': (h, _i, t) => WORDING.es[t.columns.find((c) => c.header === h)?.target ?? ''] ?? h,
  'translated (Italian)': (h, _i, t) => WORDING.it[t.columns.find((c) => c.header === h)?.target ?? ''] ?? h,
};

/** Orders of the columns: the same table with its columns moved (a department's own order). */
export const COLUMN_ORDERS: Record<string, (n: number) => number[]> = {
  reversed: (n) => [...Array(n).keys()].reverse(),
  rotated: (n) => [...Array(n).keys()].map((i) => (i + Math.floor(n / 2)) % n),
  interleaved: (n) => [...[...Array(n).keys()].filter((i) => i % 2), ...[...Array(n).keys()].filter((i) => i % 2 === 0)],
};

/** The table with its columns in another order (headers and cells alike). */
export function reordered(table: BaseTable, order: number[]): BaseTable {
  return { ...table, columns: order.map((i) => table.columns[i]), rows: table.rows.map((r) => order.map((i) => r[i] ?? '')) };
}

// ---------------------------------------------------------------- rows that are not activities

export type PadKind = 'section' | 'example' | 'instruction' | 'total' | 'notes' | 'footer' | 'blank';
export type PadPlace = 'top' | 'middle' | 'bottom';

/** Rows a department leaves in, in the table's language (the generator's own words). */
function padRow(kind: PadKind, lang: 'fr' | 'en', table: BaseTable, n: number): { cells: string[]; italic?: boolean } {
  const width = table.columns.length;
  const row = (first: string) => [first, ...Array(width - 1).fill('')];
  const fr = lang === 'fr';
  switch (kind) {
    case 'section':
      return { cells: row(fr ? ['Service Paie', 'Pôle Communication', 'Direction des achats'][n % 3] : ['Payroll team', 'Communications unit', 'Procurement'][n % 3]) };
    case 'example':
      // The template's example, filled in every column, in grey italics.
      return { cells: table.rows[0].map((c, i) => (i === 0 ? `${fr ? 'Exemple : ' : 'Example: '}${fr ? 'Gestion des visiteurs' : 'Visitor management'}` : c)), italic: true };
    case 'instruction':
      return { cells: row(fr ? 'Indiquez une activité par ligne, sans abréviation.' : 'Please enter one processing activity per line.') };
    case 'total':
      return { cells: row(fr ? `Total : ${table.rows.length} traitements` : `Total: ${table.rows.length} activities`) };
    case 'notes':
      return { cells: row(fr ? 'Légende : X = oui ; vide = non' : 'Note: X = yes, blank = no') };
    case 'footer':
      return { cells: row(fr ? 'Ajoutez vos lignes au-dessus de cette ligne.' : 'PRIORITY ACTIONS: complete the retention column before the audit.') };
    case 'blank':
      return { cells: Array(width).fill('') };
  }
}

export interface Layout {
  /** Rows above the header (title block), the header row(s), then data rows with their expected facts (null: not an activity). */
  title: string[][];
  groupHeader?: { label: string; from: number; to: number }[];
  header: string[];
  body: { cells: string[]; italic?: boolean; expected: Record<string, ExpectedFact> | null; kind?: PadKind }[];
}

/** The table as written, with its headers transformed. */
export function layoutOf(table: BaseTable, headers: string[]): Layout {
  return {
    title: [[table.lang === 'fr' ? 'Registre des activités de traitement' : 'Record of processing activities']],
    header: headers,
    body: table.rows.map((cells, i) => ({ cells, expected: table.expected[i] })),
  };
}

/** The layout with a row of a kind inserted at a place. */
export function padded(layout: Layout, table: BaseTable, kind: PadKind, place: PadPlace): Layout {
  const body = [...layout.body];
  const extra = { ...padRow(kind, table.lang, table, body.length), expected: null, kind };
  const at = place === 'top' ? 0 : place === 'middle' ? Math.floor(body.length / 2) : body.length;
  body.splice(at, 0, extra);
  return { ...layout, body };
}

/** Lists of one field written as a run of ticked columns under a merged group header (the field's own header). */
export function ticked(layout: Layout, table: BaseTable, column: number, split: (text: string) => string[]): Layout {
  const items: string[] = [];
  const perRow = layout.body.map((b) => split(b.cells[column] ?? ''));
  for (const list of perRow) for (const x of list) if (!items.some((y) => y.toLowerCase() === x.toLowerCase())) items.push(x);
  if (items.length < 2) return layout;
  const header = [...layout.header.slice(0, column), ...items, ...layout.header.slice(column + 1)];
  const body = layout.body.map((b, r) => ({
    ...b,
    cells: [...b.cells.slice(0, column), ...items.map((x) => (perRow[r].some((y) => y.toLowerCase() === x.toLowerCase()) ? 'X' : '')), ...b.cells.slice(column + 1)],
  }));
  return { ...layout, header, body, groupHeader: [{ label: layout.header[column], from: column, to: column + items.length - 1 }] };
}

/** Writes a layout as an XLSX workbook (the example row in grey italics, the group header merged). */
export async function writeLayout(file: string, layout: Layout, sheetName = 'Registre'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const t of layout.title) ws.addRow(t);
  ws.addRow([]);
  if (layout.groupHeader) {
    const row = ws.addRow(Array(layout.header.length).fill(''));
    for (const g of layout.groupHeader) {
      row.getCell(g.from + 1).value = g.label;
      if (g.to > g.from) ws.mergeCells(row.number, g.from + 1, row.number, g.to + 1);
    }
  }
  ws.addRow(layout.header).font = { bold: true };
  for (const b of layout.body) {
    const row = ws.addRow(b.cells);
    if (b.italic) row.font = { italic: true, color: { argb: 'FF808080' } };
  }
  await wb.xlsx.writeFile(file);
}
