/**
 * Look at the PDF: `npx tsx core/export/pdf/preview.ts [OUTDIR] [fr|en]` exports the demo register
 * to OUTDIR/demo-LANG.pdf and renders the cover (page 1) and the first activity page to PNG with
 * pdftoppm (poppler-utils). OUTDIR defaults to tmp/export-preview, which git ignores.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openTempRegister } from '../../testing/temp-register.js';

const outDir = path.resolve(process.argv[2] ?? 'tmp/export-preview');
const lang = process.argv[3] === 'en' ? 'en' : 'fr';
fs.mkdirSync(outDir, { recursive: true });
const t = openTempRegister({ demo: true });
try {
  const pdf = path.join(outDir, `demo-${lang}.pdf`);
  await t.call('export/file', { format: 'pdf', lang, out: pdf, scope: {} });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  let activityPage = 1;
  for (let p = 1; p <= pages && activityPage === 1; p++) {
    const text = execFileSync('pdftotext', ['-raw', '-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
    if (/^T-001 /m.test(text) && /Finalité principale|Main purpose/.test(text)) activityPage = p;
  }
  for (const [name, page] of [
    ['cover', 1],
    ['activity', activityPage],
  ] as const) {
    execFileSync('pdftoppm', ['-png', '-r', '90', '-singlefile', '-f', String(page), '-l', String(page), pdf, path.join(outDir, `demo-${lang}-${name}`)]);
  }
  console.log(`${pdf} (${pages} pages); PNG: demo-${lang}-cover.png, demo-${lang}-activity.png (page ${activityPage}) in ${outDir}`);
} finally {
  t.cleanup();
}
