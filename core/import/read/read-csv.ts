/**
 * CSV as departments produce it: French Excel writes `;` and Windows-1252, others `,` or tabs and
 * UTF-8 (with or without BOM). Encoding and delimiter are detected; quoted cells may hold
 * delimiters, doubled quotes and line breaks; CRLF or LF.
 */
import { AppError, text as textOf } from '../../errors.js';
import { IMPORT_LIMITS } from './limits.js';
import { emptySheet, type WorkbookData } from './workbook.js';
import { foldKey } from '../../text.js';
import { knownWords } from '../vocabulary/index.js';

export function decodeText(data: Buffer): { text: string; encoding: string } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return { text: data.subarray(3).toString('utf8'), encoding: 'utf-8 (BOM)' };
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'utf-16le' };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    return decodeCodePage(data);
  }
}

/** 8-bit code pages Excel writes besides Western European: Central European (cs, pl, sk, hu, sl, hr, ro), Baltic, Cyrillic (bg), Greek. */
const OTHER_CODE_PAGES = ['windows-1250', 'windows-1257', 'windows-1251', 'windows-1253'];

/**
 * An 8-bit file: Western European unless another code page reads more of the words registers are written with
 * ("Účel zpracování" read as Windows-1252 is "Úèel zpracování"), or it uses bytes Windows-1252 leaves undefined.
 */
function decodeCodePage(data: Buffer): { text: string; encoding: string } {
  const western = decodeWindows1252(data);
  const undefinedBytes = /[\u0081\u008d\u008f\u0090\u009d]/.test(western) ? 1 : 0;
  let best = { text: western, encoding: 'windows-1252', score: wordsKnown(western) - undefinedBytes };
  for (const label of OTHER_CODE_PAGES) {
    let text: string;
    try {
      text = new TextDecoder(label).decode(data);
    } catch {
      continue; // a runtime without that code page
    }
    const score = wordsKnown(text);
    if (score > best.score) best = { text, encoding: label, score };
  }
  return { text: best.text, encoding: best.encoding };
}

/** How many distinct words of the import's vocabularies the start of a text holds. */
function wordsKnown(text: string): number {
  const known = knownWords();
  const seen = new Set<string>();
  for (const w of foldKey(text.slice(0, 32 * 1024)).split(' ')) if (w.length >= 4 && known.has(w)) seen.add(w);
  return seen.size;
}

/**
 * Windows-1252 by hand: Node's TextDecoder (small ICU) reads the label as ISO-8859-1, turning the
 * typographic apostrophe, œ, € and dashes of 0x80–0x9F into invisible control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function decodeWindows1252(data: Buffer): string {
  const latin1 = data.toString('latin1');
  return /[\u0080-\u009f]/.test(latin1) ? latin1.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]) : latin1;
}

/** The delimiter that splits the first lines into the most consistent number of columns. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best = ',';
  let bestScore = -1;
  for (const d of [';', ',', '\t', '|']) {
    const counts: number[] = [];
    let inQuotes = false;
    let n = 0;
    for (let i = 0; i < sample.length && counts.length < 30; i++) {
      const ch = sample[i];
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && ch === d) n++;
      else if (!inQuotes && ch === '\n') {
        counts.push(n);
        n = 0;
      }
    }
    if (n) counts.push(n);
    const filled = counts.filter((c) => c > 0);
    if (!filled.length) continue;
    const mode = [...filled].sort((a, b) => filled.filter((x) => x === b).length - filled.filter((x) => x === a).length)[0];
    const score = filled.filter((c) => c === mode).length * 10 + mode;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

export function parseCsv(text: string, delimiter: string, fileName: string, limits = IMPORT_LIMITS): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const n = text.length;
  let cells = 0;
  const pushCell = () => {
    if (cell.length > limits.maxCellChars) {
      throw new AppError(
        'bad_input',
        textOf('errors.file.csvCellTooLong', { file: fileName, row: rows.length + 1, column: row.length + 1, count: cell.length, max: limits.maxCellChars }),
      );
    }
    row.push(cell);
    if (cell) cells++;
    cell = '';
  };
  const pushRow = () => {
    pushCell();
    rows.push(row);
    row = [];
    if (rows.length > limits.maxRows + 1000) throw new AppError('bad_input', textOf('errors.file.csvTooManyRows', { file: fileName, max: limits.maxRows }));
    if (cells > limits.maxCells) throw new AppError('bad_input', textOf('errors.file.tooManyCells', { file: fileName, max: limits.maxCells }));
  };
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      if (cell.length > limits.maxCellChars + 1) pushCell();
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
      i++;
    } else if (ch === delimiter) {
      pushCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      pushRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new AppError('bad_input', textOf('errors.file.csvQuote', { file: fileName, row: rows.length + 1 }));
  if (cell !== '' || row.length) pushRow();
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  return rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')));
}

export function readCsv(data: Buffer, fileName: string, limits = IMPORT_LIMITS): WorkbookData {
  const { text, encoding } = decodeText(data);
  const delimiter = detectDelimiter(text);
  const sheet = emptySheet(fileName.replace(/\.[^.]+$/, '') || 'CSV', 0);
  sheet.rows = parseCsv(text, delimiter, fileName, limits);
  return { format: 'csv', sheets: [sheet], encoding, delimiter };
}
