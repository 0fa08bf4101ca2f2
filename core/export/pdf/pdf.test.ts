import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../model/register.js';
import { openTempRegister, type TempRegister } from '../../testing/temp-register.js';
import { DETAIL_COLUMNS } from '../fields.js';
import { Labels, type TextKey } from '../labels.js';
import { ExportSource } from '../source.js';
import { fillWithActivities } from '../testing/many-activities.js';
import { printRegister } from './print-register.js';
import { PlaywrightPrinter } from './printer.js';
import { readOutline, type OutlineItem } from './outline.js';
import { recordsForExport } from '../records-export.js';
import { recordsHtml, RECORDS_PDF_IDS } from '../records-pdf.js';

/** The text of a PDF in content order, whitespace collapsed (a label wrapped in its cell reads as one). */
const pdfText = (file: string, pages: string[] = []) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...pages, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** Labels every activity section prints, beyond the detailed sheet's columns. */
const SECTION_LABELS: TextKey[] = ['dataSubjects', 'dataCategories', 'retention', 'recipients', 'transfers', 'securityMeasures', 'jointControllers', 'moreInformation'];

describe('PDF export (Chromium)', () => {
  let t: TempRegister;
  let file: string;
  let text: string;
  let activities: Activity[];

  beforeAll(async () => {
    t = openTempRegister({ demo: true });
    file = path.join(t.dir, 'registre.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'fr', out: file, scope: {} });
    text = pdfText(file);
    activities = t.reg.activities.loadMany({});
  });
  afterAll(() => t.cleanup());

  it('is an A4 document with a cover, a running header, and "page X / Y" with the export date in the footer', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pages).toBeGreaterThan(activities.length);
    const cover = pdfText(file, ['-f', '1', '-l', '1']);
    for (const s of ['Registre des activités de traitement', 'Atelier Lumière SAS', 'Registre complet', 'Sophie Nguyen', 'DPO-2019-012345', 'Fondation Atelier Lumière'])
      expect(cover).toContain(s);
    expect(cover).toContain(`page 1 / ${pages}`);
    const last = pdfText(file, ['-f', String(pages), '-l', String(pages)]);
    expect(last).toContain(`page ${pages} / ${pages}`);
    expect(last).toMatch(/Exporté le \d{2}\/\d{2}\/\d{4} — Art30/);
    expect(pdfText(file, ['-f', '4', '-l', '4'])).toContain('Atelier Lumière SAS');
  });

  it('contains every activity, with every field label and every value of the record', () => {
    const L = Labels.forRegister(t.reg, 'fr');
    for (const key of [...new Set([...DETAIL_COLUMNS.map((c) => c.label), ...SECTION_LABELS])]) expect(text, key).toContain(L.t(key));
    for (const a of activities) {
      expect(text).toContain(`${a.ref} ${a.name}`);
      const values = [
        a.purpose,
        ...a.subPurposes,
        ...a.dataCategories.flatMap((c) => [c.label, c.description]),
        ...a.recipients.map((r) => r.name),
        ...a.transfers.flatMap((x) => [x.recipient, L.country(x.country), x.documentation]),
        ...a.retention.map((r) => r.text),
        ...a.securityMeasures.map((m) => m.precision),
        ...a.clients.map((c) => c.name),
        ...a.jointControllers.map((j) => j.responsibilities),
        a.dpia.override?.justification,
        a.automatedDecision.description,
      ].filter((v): v is string => Boolean(v));
      for (const v of values) expect(text, `${a.ref}: ${v}`).toContain(v.replace(/\s+/g, ' '));
    }
    expect(text).toContain('Registre des catégories d’activités de traitement (sous-traitant, art. 30.2)');
    // Points to review are for the DPO's internal version, not for the authority (the default).
    expect(text).not.toContain('Fondement invalidé (arrêt Schrems II');
    expect(text).not.toContain('Annexe — points d’attention');
  });

  it('prints the points to review beside the activity and in an annex in the internal version', async () => {
    const out = path.join(t.dir, 'interne.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'fr', out, scope: { organisationId: 1, refs: ['T-009', 'T-010'] }, audience: 'internal' });
    const internal = pdfText(out);
    expect(internal).toContain('Fondement invalidé (arrêt Schrems II');
    expect(internal).toContain('Annexe — points d’attention');
    expect(internal).toContain('La base légale reste à déterminer');
    expect(internal).not.toContain('Fondation Atelier Lumière');
  });

  it('embeds every font', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      // name, type (may contain spaces), encoding, then emb sub uni as yes/no.
      const flags = line.trim().split(/\s+/).slice(-5, -2);
      expect(flags[0], line).toBe('yes');
    }
  });

  it('prints an English extract with English labels, and user text escaped', async () => {
    const org = await t.call('organisations/create', { organisation: { name: 'Acme <script>alert(1)</script> & "Co"' } });
    await t.call('activities/create', { organisationId: org.id, activity: { ref: 'X-1', name: '<b>not bold</b> & co', purpose: 'Keep </style> and \\" safe' } });
    const out = path.join(t.dir, 'extract.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'en', out, scope: { organisationId: org.id } });
    const en = pdfText(out);
    expect(en).toContain('Record of processing activities');
    expect(en).toContain('X-1 <b>not bold</b> & co');
    expect(en).toContain('Keep </style> and \\" safe');
    expect(en).toContain('Acme <script>alert(1)</script> & "Co"');
    expect(en).toContain('Lawful basis (Art. 6)');
    expect(en).not.toContain('Gestion de la paie');
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
  });
});

describe('PDF export of a large register (volumes printed side by side, then assembled)', () => {
  let t: TempRegister;
  let whole: string;
  let assembled: string;
  const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  /** Named destinations (what the table of contents links to): "page name" lines. */
  const dests = (file: string) =>
    execFileSync('pdfinfo', ['-dests', file], { encoding: 'utf8' })
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => `${l.trim().split(/\s+/)[0]} ${/"(.*)"/.exec(l)![1]}`)
      .sort();

  beforeAll(async () => {
    t = openTempRegister({ demo: true });
    fillWithActivities(t.reg, 14);
    const source = () => new ExportSource(t.reg, {});
    const L = Labels.forRegister(t.reg, 'fr');
    whole = path.join(t.dir, 'whole.pdf');
    assembled = path.join(t.dir, 'assembled.pdf');
    const printer = new PlaywrightPrinter();
    const volumes: number[] = [];
    // With the breach record and the request log after the activities (in the last volume, listed in the contents).
    const appendix = recordsHtml(recordsForExport(t.reg, source()), L);
    fs.writeFileSync(whole, await printRegister(source(), L, printer, { appendix }));
    fs.writeFileSync(assembled, await printRegister(source(), L, printer, { appendix, perVolume: 4, concurrency: 2, onVolume: (done, of) => volumes.push(done, of) }));
    expect(volumes).toEqual([1, 4, 2, 4, 3, 4, 4, 4]);
  }, 120_000);
  afterAll(() => t.cleanup());

  it('has the pages, the text and the links of the document printed whole', () => {
    const pages = pageCount(whole);
    expect(pageCount(assembled)).toBe(pages);
    for (let p = 1; p <= pages; p++) {
      // The same words (the footer drawn afterwards comes last in content order).
      const [a, w] = [assembled, whole].map((f) =>
        pdfText(f, ['-f', String(p), '-l', String(p)])
          .trim()
          .split(' ')
          .sort()
          .join(' '),
      );
      expect(a, `page ${p}`).toBe(w);
    }
    expect(dests(assembled)).toEqual(dests(whole));
    expect(dests(assembled).some((d) => d.endsWith(' part-p-1'))).toBe(true);
    // The contents link to the records printed in the last volume.
    const last = pageCount(assembled);
    for (const id of Object.values(RECORDS_PDF_IDS)) {
      const page = Number(
        dests(assembled)
          .find((d) => d.endsWith(` ${id}`))
          ?.split(' ')[0],
      );
      expect(page, id).toBeGreaterThan(last - 4);
    }
  });

  it('keeps the outline (bookmarks) of the document printed whole', async () => {
    const outline = async (file: string) => {
      const flat: string[] = [];
      const walk = (items: OutlineItem[], depth: number) => items.forEach((i) => (flat.push(`${depth} ${i.page} ${i.title}`), walk(i.children, depth + 1)));
      walk(readOutline(await PDFDocument.load(fs.readFileSync(file))), 0);
      return flat;
    };
    const w = await outline(whole);
    expect(w.length).toBeGreaterThan(14);
    expect(w.some((l) => l.includes('Gestion de la paie'))).toBe(true);
    expect(await outline(assembled)).toEqual(w);
  });

  it('numbers every page "page X / Y" over the whole document, in an embedded font', () => {
    const pages = pageCount(assembled);
    for (const p of [1, 2, Math.ceil(pages / 2), pages]) expect(pdfText(assembled, ['-f', String(p), '-l', String(p)])).toContain(`page ${p} / ${pages}`);
    for (const line of execFileSync('pdffonts', [assembled], { encoding: 'utf8' }).trim().split('\n').slice(2)) expect(line.trim().split(/\s+/).slice(-5, -2)[0], line).toBe('yes');
    // The footer's font is embedded as a subset (only the glyphs of "page 0-9 /"), not the whole font.
    const footer = execFileSync('pdffonts', [assembled], { encoding: 'utf8' })
      .split('\n')
      .find((l) => /LiberationSans/.test(l) && /^[A-Z]{6}\+/.test(l));
    expect(footer, 'subset Liberation Sans').toBeTruthy();
    expect(footer!.trim().split(/\s+/).slice(-4, -3)[0]).toBe('yes');
    const info = execFileSync('pdfinfo', [assembled], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Registre des activités de traitement — Atelier Lumière SAS/);
  });
});
