/**
 * The PDF outline (bookmarks) that Chromium writes from the document's headings: read from each
 * printed volume and rebuilt in the assembled document, so that a large register printed in volumes
 * keeps the bookmarks it would have had printed whole. An item whose volume began in the middle of
 * a part (its part heading printed in an earlier volume) goes back under that part.
 * Kept in-house: pdf-lib reads and writes the objects but has no outline API.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface OutlineItem {
  title: string;
  /** Index of the page (0-based) in its document; -1 when unknown. */
  page: number;
  /** The destination's position array after the page ([/XYZ x y z]). */
  position: PDFObject[];
  children: OutlineItem[];
}

function text(o: PDFObject | undefined): string {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return '';
}

/** The outline of a PDF as a tree; an empty list when it has none. */
export function readOutline(doc: PDFDocument): OutlineItem[] {
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const named = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const destOf = (item: PDFDict): PDFArray | undefined => {
    let d: PDFObject | undefined = item.get(PDFName.of('Dest'));
    if (!d) {
      const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
      d = action?.get(PDFName.of('D'));
    }
    if (d instanceof PDFName || d instanceof PDFString || d instanceof PDFHexString) {
      const key = d instanceof PDFName ? d.asString().slice(1) : d.decodeText();
      d = named?.get(PDFName.of(key));
    }
    return d ? doc.context.lookupMaybe(d, PDFArray) : undefined;
  };
  const walk = (first: PDFObject | undefined): OutlineItem[] => {
    const out: OutlineItem[] = [];
    let ref = first;
    const seen = new Set<string>();
    while (ref && !seen.has(ref.toString())) {
      seen.add(ref.toString());
      const item = doc.context.lookupMaybe(ref, PDFDict);
      if (!item) break;
      const dest = destOf(item);
      const target = dest?.get(0);
      const position: PDFObject[] = [];
      for (let i = 1; dest && i < dest.size(); i++) position.push(dest.get(i));
      out.push({
        title: text(item.lookup(PDFName.of('Title'))),
        page: target instanceof PDFRef ? (pageIndex.get(target.toString()) ?? -1) : -1,
        position,
        children: walk(item.get(PDFName.of('First'))),
      });
      ref = item.get(PDFName.of('Next'));
    }
    return out;
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return root ? walk(root.get(PDFName.of('First'))) : [];
}

/** Writes `items` as the document's outline (pages are indexes into `doc`'s pages). */
export function writeOutline(doc: PDFDocument, items: OutlineItem[]): void {
  if (!items.length) return;
  const pages = doc.getPages();
  const root = doc.context.obj({ Type: 'Outlines' });
  const rootRef = doc.context.register(root);
  const build = (list: OutlineItem[], parentRef: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => doc.context.nextRef());
    let count = 0;
    list.forEach((item, k) => {
      const dict = doc.context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parentRef);
      if (k > 0) dict.set(PDFName.of('Prev'), refs[k - 1]);
      if (k < list.length - 1) dict.set(PDFName.of('Next'), refs[k + 1]);
      const page = pages[item.page];
      if (page) {
        const dest = doc.context.obj([]);
        dest.push(page.ref);
        if (item.position.length) for (const p of item.position) dest.push(p);
        else for (const p of [PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]) dest.push(p);
        dict.set(PDFName.of('Dest'), dest);
      }
      if (item.children.length) {
        const sub = build(item.children, refs[k]);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(-sub.count)); // closed: a long register's outline opens by part
      }
      count += 1;
      doc.context.assign(refs[k], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  const top = build(items, rootRef);
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
}

/**
 * Joins the outlines of volumes into one: page indexes shifted by the pages before each volume; a
 * volume's leading items that are not part headings (`isPart`) continue the last part of the
 * previous volumes, and go under it at the depth they had there.
 */
export function joinOutlines(volumes: { items: OutlineItem[]; offset: number }[], isPart: (title: string) => boolean): OutlineItem[] {
  const shift = (items: OutlineItem[], offset: number): OutlineItem[] => items.map((i) => ({ ...i, page: i.page < 0 ? -1 : i.page + offset, children: shift(i.children, offset) }));
  const out: OutlineItem[] = [];
  // Where parts live in the joined outline (under the document's title heading, when the first volume has one).
  let partList: OutlineItem[] | undefined;
  const findPartList = (list: OutlineItem[]): OutlineItem[] | undefined => {
    if (list.some((i) => isPart(i.title))) return list;
    for (const i of list) {
      const found = findPartList(i.children);
      if (found) return found;
    }
    return undefined;
  };
  for (const { items, offset } of volumes) {
    const shifted = shift(items, offset);
    if (!partList) {
      out.push(...shifted);
      partList = findPartList(out);
      continue;
    }
    // A later volume: its part headings join the others; what comes before or between them
    // (activities continuing a part) goes under the last part.
    for (const item of shifted) {
      if (isPart(item.title)) partList.push(item);
      else {
        const last = [...partList].reverse().find((i) => isPart(i.title));
        (last ? last.children : partList).push(item);
      }
    }
  }
  return out;
}
