/**
 * `npm run bench export`: the XLSX and PDF exports against raw baselines measured in the same run.
 *
 * - XLSX, 10,000 activities: the export (reading the register, building every cell, writing the
 *   streaming workbook) against raw exceljs writing the very same cells (recorded from a previous
 *   export) with a streaming WorkbookWriter: target ≤ 1.3×. Memory: the peak heap growth during the
 *   export, sampled every 20 ms, must stay bounded (the workbook is streamed, never held).
 * - PDF, 1,000 activities: the export against Chromium printing the same pre-rendered HTML, whole:
 *   target ≤ 1.5×, and under 30 s. The export prints it as volumes side by side and assembles them
 *   (core/export/pdf/print-register.ts): same pages, same text, same links.
 * Each timing is the best of three runs for the XLSX, two for the PDF (the least disturbed by other
 * work on the machine), each run starting from a collected heap.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { Labels } from '../core/export/labels.js';
import { PlaywrightPrinter } from '../core/export/pdf/printer.js';
import { ACTIVITIES_PER_VOLUME, printConcurrency } from '../core/export/pdf/print-register.js';
import { renderDocument } from '../core/export/pdf/template.js';
import { ExportSource } from '../core/export/source.js';
import { fillWithActivities } from '../core/export/testing/many-activities.js';
import { applyRowStyle, type RecordedSheet } from '../core/export/xlsx/sheet.js';
import { writeXlsx } from '../core/export/xlsx/workbook.js';
import { openTempRegister } from '../core/testing/temp-register.js';
import { collectGarbage as gc, timeIt, type BenchResult, type BenchSuite } from './harness.js';

const XLSX_ACTIVITIES = 10_000;
const PDF_ACTIVITIES = 1_000;

/** Raw exceljs: the recorded sheets written again by a streaming WorkbookWriter, nothing else. */
async function rawWrite(file: string, sheets: RecordedSheet[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.options);
    ws.columns = s.columns;
    for (const r of s.rows) {
      const row = ws.addRow(r.values);
      if (r.style !== 'plain') applyRowStyle(row, r.style, r.style === 'section' || r.style === 'header' ? s.columns.length : r.values.length);
      if (r.height) row.height = r.height;
      row.commit();
    }
    if (s.autoFilter) ws.autoFilter = JSON.parse(s.autoFilter);
    await ws.commit();
  }
  await wb.commit();
}

/** Runs `fn` while sampling the heap; returns the peak growth in MB. */
async function peakHeapGrowth(fn: () => Promise<unknown>): Promise<{ ms: number; mb: number }> {
  gc();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  try {
    const { ms } = await timeIt(fn);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { ms, mb: (peak - start) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

const suite: BenchSuite = {
  name: 'Exports (XLSX, PDF)',
  async run() {
    const t = openTempRegister({ demo: true });
    const results: BenchResult[] = [];
    try {
      const built = await timeIt(() => fillWithActivities(t.reg, XLSX_ACTIVITIES));
      console.log(`  (register of ${XLSX_ACTIVITIES.toLocaleString('en')} activities built in ${(built.ms / 1000).toFixed(1)} s)`);
      const L = Labels.forRegister(t.reg, 'fr');

      const only = process.env.ART30_EXPORT_BENCH; // 'xlsx' or 'pdf' to run one half
      // XLSX ---------------------------------------------------------------------------------
      if (only !== 'pdf') {
        const out = path.join(t.dir, 'export.xlsx');
        const raw = path.join(t.dir, 'raw.xlsx');
        let best = Infinity;
        let bestRaw = Infinity;
        let peakMb = 0;
        let rows = 0;
        for (let run = 0; run < 3; run++) {
          let recorded: RecordedSheet[] | null = [];
          await writeXlsx(path.join(t.dir, 'recorded.xlsx'), new ExportSource(t.reg, {}), L, { recorder: recorded });
          rows = recorded.reduce((n, s) => n + s.rows.length, 0);
          const sheets = recorded;
          gc();
          bestRaw = Math.min(bestRaw, (await timeIt(() => rawWrite(raw, sheets))).ms);
          recorded = null;
          sheets.length = 0;
          const measured = await peakHeapGrowth(() => t.call('export/file', { format: 'xlsx', lang: 'fr', out, scope: {} }));
          best = Math.min(best, measured.ms);
          peakMb = Math.max(peakMb, measured.mb);
        }
        const size = fs.statSync(out).size / 1e6;
        results.push({
          name: `XLSX export, ${XLSX_ACTIVITIES.toLocaleString('en')} activities vs raw exceljs (same cells)`,
          value: best / bestRaw,
          unit: '×',
          limit: 1.3,
          detail: `${(best / 1000).toFixed(1)} s vs ${(bestRaw / 1000).toFixed(1)} s, ${rows.toLocaleString('en')} rows, ${size.toFixed(1)} MB`,
        });
        results.push({
          name: 'XLSX export, peak heap growth (streaming)',
          value: peakMb,
          unit: 'MB',
          limit: 300,
          detail: `file ${size.toFixed(1)} MB`,
        });
      }
      // PDF ----------------------------------------------------------------------------------
      if (only !== 'xlsx') {
        const ids = t.reg.activities
          .list({})
          .slice(0, PDF_ACTIVITIES)
          .map((s) => s.id);
        const scope = { ids };
        let html = '';
        for (const piece of renderDocument(new ExportSource(t.reg, scope), L)) html += piece;
        const printer = new PlaywrightPrinter();
        const pdfOut = path.join(t.dir, 'export.pdf');
        let bestPrint = Infinity;
        let bestPdf = Infinity;
        for (let run = 0; run < 2; run++) {
          bestPrint = Math.min(bestPrint, (await timeIt(() => printer.print(html))).ms);
          bestPdf = Math.min(bestPdf, (await timeIt(() => t.call('export/file', { format: 'pdf', lang: 'fr', out: pdfOut, scope }))).ms);
        }
        results.push({
          name: `PDF export, ${PDF_ACTIVITIES.toLocaleString('en')} activities vs Chromium printing the same HTML`,
          value: bestPdf / bestPrint,
          unit: '×',
          limit: 1.5,
          detail: `${(bestPdf / 1000).toFixed(1)} s vs ${(bestPrint / 1000).toFixed(1)} s, HTML ${(html.length / 1e6).toFixed(1)} MB, PDF ${(fs.statSync(pdfOut).size / 1e6).toFixed(1)} MB; the export prints ${Math.ceil(PDF_ACTIVITIES / ACTIVITIES_PER_VOLUME)} volumes, ${printConcurrency()} at a time`,
        });
        results.push({ name: `PDF export, ${PDF_ACTIVITIES.toLocaleString('en')} activities`, value: bestPdf / 1000, unit: 's', limit: 30 });
      }
    } finally {
      t.cleanup();
    }
    return results;
  },
};

export default suite;
