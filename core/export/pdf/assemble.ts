/**
 * Joins the PDFs of the volumes of a large document into one, as if Chromium had printed it whole:
 * pages in order, the internal links (table of contents → parts) pointing at the right pages, the
 * document title, and the "page X / Y" footer, which only the assembled document can know (each
 * volume was printed without it, on its own page counter).
 *
 * The footer is drawn with Liberation Sans (embedded, subset), the font the stylesheet asks for
 * first, at the place and size of the stylesheet's bottom-right margin box (see template.ts).
 */
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, rgb } from 'pdf-lib';
import { joinOutlines, readOutline, writeOutline, type OutlineItem } from './outline.js';

const FONT_FILE = new URL('./fonts/LiberationSans-Regular.ttf', import.meta.url);

const MM = 72 / 25.4;
/** The page box of template.ts: `@page { margin: 20mm 15mm 18mm 15mm }`, footer 8pt, #555, 3mm below the text area. */
export const FOOTER = {
  size: 8,
  // Measured on Chromium's own footer (pdftotext -bbox): it ends 1 pt right of the 15 mm margin.
  right: 15 * MM - 1.05,
  // Bottom margin, minus the box's top padding, minus the font's ascent (0.905 em): the baseline
  // (and the 0.36 pt Chromium's rounding puts below it).
  baseline: 18 * MM - 3 * MM - 0.905 * 8 - 0.36,
  // A getter: pdf-lib is loaded when a PDF is assembled, not when the module is (the CLI's start-up).
  get color() {
    return rgb(0x55 / 255, 0x55 / 255, 0x55 / 255);
  },
};

export interface AssembleOptions {
  title: string;
  lang: string;
  /** The footer text of a page, e.g. "Page 3 / 120". */
  pageLabel(page: number, pages: number): string;
  /** Whether an outline title is a part's heading (to rejoin a part continued across volumes). */
  isPart?(title: string): boolean;
}

export async function assembleVolumes(volumes: Uint8Array[], options: AssembleOptions): Promise<Buffer> {
  const out = await PDFDocument.create();
  out.registerFontkit(fontkit);
  const font = await out.embedFont(fs.readFileSync(FONT_FILE), { subset: true });
  // Named destinations (the anchors links point to), later volumes last: an anchor a volume holds
  // only as a stand-in for a part printed in another volume is replaced by the real one.
  const dests = new Map<string, PDFArray>();
  const outlines: { items: OutlineItem[]; offset: number }[] = [];
  for (const bytes of volumes) {
    const volume = await PDFDocument.load(bytes);
    outlines.push({ items: readOutline(volume), offset: out.getPageCount() });
    const sources = volume.getPages();
    const pages = await out.copyPages(
      volume,
      sources.map((_, i) => i),
    );
    const pageRefs = new Map(sources.map((p, i) => [p.ref.toString(), pages[i].ref]));
    for (const page of pages) out.addPage(page);
    const named = volume.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
    for (const [name, value] of named?.entries() ?? []) {
      const dest = volume.context.lookupMaybe(value, PDFArray);
      const target = dest?.get(0) instanceof PDFRef ? pageRefs.get(dest.get(0).toString()) : undefined;
      if (!dest || !target) continue;
      const copy = out.context.obj([]);
      copy.push(target);
      for (let i = 1; i < dest.size(); i++) copy.push(dest.get(i));
      dests.set(name.asString(), copy);
    }
  }
  if (dests.size) {
    const dict = out.context.obj({});
    for (const [name, dest] of dests) dict.set(PDFName.of(name.slice(1)), dest);
    out.catalog.set(PDFName.of('Dests'), out.context.register(dict));
  }
  // The outline (bookmarks) of the volumes, as one: the document printed whole would have had it.
  writeOutline(out, joinOutlines(outlines, options.isPart ?? (() => false)));
  const pages = out.getPages();
  pages.forEach((page, i) => {
    const text = options.pageLabel(i + 1, pages.length);
    const width = font.widthOfTextAtSize(text, FOOTER.size);
    page.drawText(text, { x: page.getWidth() - FOOTER.right - width, y: FOOTER.baseline, size: FOOTER.size, font, color: FOOTER.color });
  });
  out.setTitle(options.title, { showInWindowTitleBar: true });
  out.setLanguage(options.lang);
  out.setCreator('Art30');
  out.setProducer('Art30 (Chromium, pdf-lib)');
  return Buffer.from(await out.save());
}
