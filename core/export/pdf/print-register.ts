/**
 * The register to PDF: printed whole when it is small; as volumes printed side by side and then
 * assembled when it is large (see renderVolumes in template.ts and assemble.ts).
 */
import os from 'node:os';
import type { Labels } from '../labels.js';
import type { ExportSource } from '../source.js';
import { assembleVolumes } from './assemble.js';
import type { PdfPrinter } from './printer.js';
import { annexEntries, documentParts, renderDocument, renderVolumes, type Appendix } from './template.js';

/** Up to this many activities the document is printed whole (with Chromium's own page numbers). */
export const ACTIVITIES_PER_VOLUME = 250;

/** Volumes printed at the same time by default: one per core, at most four. */
export function printConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

export interface PrintOptions {
  signal?: AbortSignal;
  /** Called when a volume is printed: (volumes printed, volumes). */
  onVolume?: (done: number, of: number) => void;
  perVolume?: number;
  /** Volumes printed at the same time (each in its own Chromium renderer, on its own core). */
  concurrency?: number;
  /** Sections after the activities (the breach record and the request log, when included), listed in the table of contents. */
  appendix?: Appendix;
}

export async function printRegister(source: ExportSource, L: Labels, printer: PdfPrinter, options: PrintOptions = {}): Promise<Buffer> {
  const perVolume = options.perVolume ?? ACTIVITIES_PER_VOLUME;
  const total = source.summaries.length;
  if (total <= perVolume) {
    let html = '';
    for (const piece of renderDocument(source, L, options.appendix)) html += piece;
    source.checkCancelled();
    const pdf = await printer.print(html, { signal: options.signal });
    options.onVolume?.(1, 1);
    return pdf;
  }
  // Volumes of even size: ten activities more than a multiple do not make a small last volume.
  const count = Math.ceil(total / perVolume);
  const volumes = renderVolumes(source, L, Math.ceil(total / count), options.appendix);
  source.checkCancelled();
  const pdfs: Buffer[] = new Array(volumes.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < volumes.length) {
      const k = next++;
      pdfs[k] = await printer.print(volumes[k], { signal: options.signal });
      options.onVolume?.(++done, volumes.length);
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? printConcurrency(), volumes.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  source.checkCancelled();
  // Compared without spaces: Chromium's outline titles lose the space where a heading wraps.
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  // Parts, and the sections after the activities: top-level headings, never under the part printed before them.
  const partTitles = new Set([...documentParts(source, L), ...annexEntries(L, options.appendix)].map((p) => squeeze(p.title)));
  return assembleVolumes(pdfs, {
    isPart: (title) => partTitles.has(squeeze(title)),
    title: `${L.t('registerTitle')} — ${source.organisations.map((o) => o.name).join(', ')}`,
    lang: L.lang,
    pageLabel: (page, pages) => `${L.t('page')} ${page} / ${pages}`,
  });
}
