/**
 * What a French DPO must never meet in the window, checked at each step of a walk: an English word, a
 * code (ISO duration, ISO date, country codes, field path), the browser's own controls (their text is
 * the browser's, not the app's), an accessibility violation (axe-core, WCAG 2.1 A/AA); and screenshots
 * of the step at 1280 and 1440 px in test-results/.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { root } from '../fixtures.js';

/** Words of English that are not French, as they would appear in an untranslated sentence or label. */
export const ENGLISH_WORDS = [
  'the',
  'is',
  'are',
  'and',
  'with',
  'without',
  'could',
  'not',
  'required',
  'must',
  'should',
  'this',
  'that',
  'which',
  'save',
  'saved',
  'cancel',
  'delete',
  'search',
  'activity',
  'activities',
  'recipient',
  'recipients',
  'processing',
  'register',
  'field',
  'error',
  'warning',
  'loading',
  'yes',
  'row',
  'rows',
  'sheet',
  'column',
  'columns',
  'choose',
  'file',
  'back',
  'new',
  'close',
  'undo',
  'history',
  'changed',
  'created',
  'more',
  'problem',
  'problems',
  'unknown',
  'country',
  'countries',
  'transfer',
  'safeguard',
  'name',
  'purpose',
  'department',
  'legal',
  'basis',
  'data',
  'subjects',
];
/** The first hour also meets the skip link, the file picker, the preview's details and the overview. */
const ENGLISH = [...ENGLISH_WORDS, 'skip', 'content', 'chosen', 'none', 'details', 'status', 'overview'];
const WORD = new RegExp(`(?<![\\p{L}\\p{N}_'’.@/-])(${ENGLISH.join('|')})(?![\\p{L}\\p{N}_'’.@/-])`, 'giu');
/** Proper names that are English in French too. */
const NAMES = ['Data Privacy Framework', 'Privacy Shield', 'Art30'];

/** Codes a DPO does not say: ISO 8601 durations and dates, "ISO", lists of country codes, field paths, US times. */
const CODES: [RegExp, string][] = [
  [/(?<![\p{L}\p{N}])P\d+[YMWD](?![\p{L}\p{N}])/u, 'durée ISO'],
  [/(?<![\p{L}\p{N}])ISO(?![\p{L}])/u, 'ISO'],
  [/(?<![\p{N}])\d{4}-\d{2}-\d{2}(?![\p{N}])/u, 'date ISO'],
  [/(?<![\p{L}])[A-Z]{2}, [A-Z]{2}(?![\p{L}])/u, 'codes pays'],
  [/[a-z]+[A-Z][a-z]+(\[\d+\])?\.[a-z]+|[a-z]+\[\d+\]/u, 'chemin de champ'],
  [/\d{1,2}:\d{2} ?(AM|PM)/u, 'heure US'],
  [/\((?!UE\))(?:[A-Z]{2}|IO-[A-Z]+)\)/u, 'code pays'],
];
/** French typography: a no-break space before « : ; ! ? » (a plain space, or none, is a fault). */
const TYPOGRAPHY: [RegExp, string][] = [
  [/ [:;!?»]/u, 'espace sécable avant la ponctuation'],
  [/[\p{L}\p{N})][;!?](\s|$)|[\p{L})]:(\s|$)/u, 'pas d’espace avant la ponctuation'],
];

/** Everything a DPO reads on the page now: text, accessible names, titles, placeholders. */
async function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.tagName === 'BODY';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !visible(el) || ['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
      // Text marked as English (a term's English wording, beside its French one) is meant to be English.
      if (el.closest('body [lang]')?.getAttribute('lang')?.startsWith('en')) continue;
      const text = n.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (!visible(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    // The choices of a list the DPO can open.
    for (const select of Array.from(document.querySelectorAll('select'))) {
      if (!visible(select)) continue;
      for (const option of Array.from(select.options)) if (option.text.trim()) out.push(option.text.trim());
    }
    // The browser's own controls speak the browser's language, and show dates in its format.
    for (const el of Array.from(document.querySelectorAll('input[type=file], input[type=date], input[type=time], input[type=datetime-local], input[type=month]'))) {
      const r = el.getBoundingClientRect();
      const st = getComputedStyle(el);
      const clipped = /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(st.clip);
      if (r.width > 2 && r.height > 2 && !clipped && st.visibility !== 'hidden' && st.opacity !== '0') out.push(`<input type=${el.getAttribute('type')}> du navigateur`);
    }
    return out;
  });
}

/** English words and codes on the page; `own` holds the register's own texts (the DPO's data may hold any word). */
export async function wordsAndCodes(page: Page, where: string, own: Set<string>): Promise<string[]> {
  const found: string[] = [];
  for (const text of await shownTexts(page)) {
    if (text.startsWith('<input')) {
      found.push(`${where}: ${text}`);
      continue;
    }
    if (own.has(text)) continue;
    // File names are what they are on disk (a backup's name carries its time).
    const bare = NAMES.reduce((x, name) => x.replaceAll(name, ''), text).replace(/[\w.-]+\.(bak|xlsx|ods|csv|json|pdf|docx|art30)\b/g, '');
    // Codes in capitals (IS, NO: countries) are not words.
    const words = [...bare.matchAll(WORD)].map((m) => m[1]).filter((w) => !(w.length <= 3 && w === w.toUpperCase()));
    if (words.length) found.push(`${where}: “${text}” (${words.join(', ')})`);
    for (const [re, what] of CODES) if (re.test(bare)) found.push(`${where}: “${text}” (${what})`);
    for (const [re, what] of TYPOGRAPHY) if (re.test(bare)) found.push(`${where}: “${text}” (${what})`);
  }
  return found;
}

/** axe-core's WCAG 2.1 A/AA violations on the page now, one line per rule with its nodes. */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) =>
      `${where}: ${v.id} (${v.nodes.length}) ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

/** Screenshots of the page at 1280 and 1440 px wide, in test-results/screens/<name>-<width>.png. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(root, 'test-results', 'screens', `${name}-${width}.png`), fullPage: false });
  }
  await page.setViewportSize(size);
}

/** Table cells holding a bare code (a country's "US", a term's "health_data"), where the DPO reads names ("UE" is French). */
export async function codesInCells(page: Page, where: string): Promise<string[]> {
  const codes = await page.evaluate(() =>
    Array.from(document.querySelectorAll('td'))
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => (el.textContent ?? '').trim())
      .filter((text) => (/^[A-Z]{2}$/.test(text) && text !== 'UE') || /^[a-z]+(_[a-z]+)+$/.test(text)),
  );
  return [...new Set(codes)].map((c) => `${where}: code « ${c} » dans un tableau`);
}

/** Boxes and radio buttons alone on their line, their label fallen below them. */
export async function labelsApart(page: Page, where: string): Promise<string[]> {
  const apart = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]'))
      .filter((el) => el.offsetParent !== null && el.labels?.length)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const label = el.labels![0].getBoundingClientRect();
        return label.height > 0 && label.top >= box.bottom;
      })
      .map((el) => (el.labels![0].textContent ?? '').trim().slice(0, 40)),
  );
  return apart.map((l) => `${where}: case séparée de son libellé « ${l} »`);
}

/** Columns of tables whose words are cut (text wider than its cell and hidden): "Statut" shown as "S". */
export async function cutWords(page: Page, where: string): Promise<string[]> {
  const cut = await page.evaluate(() =>
    Array.from(document.querySelectorAll('th, td'))
      .filter((el) => {
        const e = el as HTMLElement;
        if (!e.offsetParent || !e.textContent?.trim()) return false;
        const s = getComputedStyle(e);
        return e.scrollWidth > e.clientWidth + 1 && (s.overflow === 'hidden' || s.overflowX === 'hidden') && s.textOverflow !== 'ellipsis';
      })
      .map((el) => (el.textContent ?? '').trim().slice(0, 40)),
  );
  return cut.map((c) => `${where}: mot coupé « ${c} »`);
}
