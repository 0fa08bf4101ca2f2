import path from 'node:path';
import { openTempRegister } from '../../core/testing/temp-register.js';
import { printWithLibreOffice, printedPages, overlappingWords, smallestText } from '../../core/export/testing/print-check.js';
const t = openTempRegister({ demo: true });
const audience = (process.argv[2] ?? 'authority') as 'authority';
const out = path.join('/tmp/i12', `demo-${audience}.xlsx`);
await t.call('export/file', { format: 'xlsx', lang: 'fr', out, scope: {}, audience });
const pdf = printWithLibreOffice(out);
console.log(pdf);
let total = 0;
for (const p of printedPages(pdf)) {
  const o = overlappingWords(p);
  total += o.length;
  console.log(p.number, p.width > p.height ? 'L' : 'P', p.words.length, 'words', 'min', smallestText(p).toFixed(1), 'overlaps', o.length, o.slice(0, 3).map(([a, b]) => `${a.text}/${b.text}`).join(' '));
}
console.log('total overlaps', total);
