/**
 * The README's pictures are the app as it is (e2e/screens.ts): every screen it shows has a current
 * picture in English and in French, the README shows each one, and no picture of a screen that is
 * gone is left (the e2e spec screenshots.spec.ts checks that every screen of the navigation is listed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENS, SCREENSHOT_LANGS, screenshotFile } from '../e2e/screens.js';

const root = path.resolve(import.meta.dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** A PNG's width and height (its IHDR chunk), or null when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | null {
  const b = fs.readFileSync(file);
  if (b.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || b.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('the README’s screenshots', () => {
  it('has a picture of every screen, in English and in French, taken by npm run screenshots', () => {
    for (const screen of SCREENS)
      for (const lang of SCREENSHOT_LANGS) {
        const file = path.join(root, screenshotFile(screen.id, lang));
        expect(fs.existsSync(file), `${screenshotFile(screen.id, lang)} is missing: run npm run screenshots`).toBe(true);
        expect(pngSize(file)).toEqual({ width: 1280, height: 800 });
      }
  });

  it('shows every screen (English picture inline, French one linked) and no picture of a screen that is gone', () => {
    for (const screen of SCREENS) {
      expect(readme).toContain(`![${screen.alt}](${screenshotFile(screen.id, 'en')})`);
      expect(readme).toContain(`(${screenshotFile(screen.id, 'fr')})`);
    }
    const expected = new Set(SCREENS.flatMap((s) => SCREENSHOT_LANGS.map((l) => screenshotFile(s.id, l))));
    const shown = [...readme.matchAll(/docs\/screenshots\/[\w.-]+\.png/g)].map((m) => m[0]);
    expect(shown.filter((f) => !expected.has(f))).toEqual([]);
    const onDisk = fs.readdirSync(path.join(root, 'docs', 'screenshots')).map((f) => `docs/screenshots/${f}`);
    expect(onDisk.filter((f) => !expected.has(f))).toEqual([]);
  });
});
