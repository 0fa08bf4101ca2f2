// Regenerates core/export/xlsx/font-metrics-data.ts from the installed Liberation Sans fonts (fonts-liberation2): node scripts/font-metrics.mjs
import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
const fonts = { regular: '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', bold: '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf' };
const ranges = [
  [0x20, 0x250],
  [0x2000, 0x2070],
];
let out = `/**\n * Advance widths of Liberation Sans (metric-compatible with Arial, the font the workbook's cells use)\n * in thousandths of an em, regular and bold, for U+0020–U+024F and U+2000–U+206F; generated once with\n * fontkit from the fonts' own tables (fonts-liberation2), so that row heights need no font file at run time.\n */\n`;
out += `export const METRIC_RANGES: [number, number][] = ${JSON.stringify(ranges)};\n`;
for (const [name, file] of Object.entries(fonts)) {
  const f = fontkit.create(fs.readFileSync(file));
  const w = [];
  for (const [a, b] of ranges)
    for (let c = a; c < b; c++) {
      const g = f.glyphForCodePoint(c);
      w.push(g && g.id ? Math.round((g.advanceWidth / f.unitsPerEm) * 1000) : 556);
    }
  out += `export const ${name.toUpperCase()}_WIDTHS = '${Buffer.from(Uint16Array.from(w).buffer).toString('base64')}';\n`;
}
fs.writeFileSync('core/export/xlsx/font-metrics-data.ts', out);
