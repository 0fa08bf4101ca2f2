/**
 * Test helper: prints an XLSX or DOCX with LibreOffice (`soffice --headless --convert-to pdf`, in a
 * private profile so that parallel runs never share one) and measures the printed words with
 * poppler's `pdftotext -bbox`: words printed over other words, and the size of each page's text.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Prints `file` to PDF with LibreOffice; returns the PDF's path (in a new temporary folder). */
export function printWithLibreOffice(file: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'art30-print-'));
  const profile = path.join(out, 'profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, file], {
    stdio: 'ignore',
    timeout: 240_000,
  });
  const pdf = path.join(out, `${path.basename(file).replace(/\.[^.]+$/, '')}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not print ${file}`);
  return pdf;
}

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PrintedPage {
  number: number;
  width: number;
  height: number;
  words: Word[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The words of each page with their boxes (points), as `pdftotext -bbox` gives them. */
export function printedPages(pdf: string): PrintedPage[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 1 << 30 }).toString('utf8');
  const pages: PrintedPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g;
  for (const m of html.matchAll(pageRe)) {
    const words: Word[] = [];
    for (const w of m[3].matchAll(wordRe)) words.push({ x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), text: unescape(w[5]) });
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/**
 * Pairs of words printed over each other: their boxes overlap by more than 30 % of the smaller one's
 * height and of its width (glyph boxes of neighbouring words may touch, never cover each other).
 */
export function overlappingWords(page: PrintedPage): [Word, Word][] {
  const words = [...page.words].sort((a, b) => a.y0 - b.y0);
  const out: [Word, Word][] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].y0 < a.y1; j++) {
      const b = words[j];
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      if (dy > 0.3 * Math.min(a.y1 - a.y0, b.y1 - b.y0) && dx > 0.3 * Math.min(a.x1 - a.x0, b.x1 - b.x0)) out.push([a, b]);
    }
  }
  return out;
}

/** The font size of a page's text (points): the median height of its words, less the line's leading. */
export function textSize(page: PrintedPage): number {
  const h = page.words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  return h.length ? h[Math.floor(h.length / 2)] / 1.15 : Infinity;
}

/** The smallest text on a page (points). */
export function smallestText(page: PrintedPage): number {
  return page.words.reduce((m, w) => Math.min(m, (w.y1 - w.y0) / 1.15), Infinity);
}
