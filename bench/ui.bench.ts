/**
 * The register UI in Chromium (web mode) on a register of 10,000 activities:
 * - first table paint after navigation: from the start of a navigation to the register until the
 *   first rows are painted (boot, API call, 10,000 rows indexed, the virtualised table drawn);
 * - a search keystroke until the updated table is painted.
 * Medians of several runs. Absolute targets (the issue's): < 1.5 s and < 100 ms. Each is reported
 * next to a baseline measured in the same run (a bare page load of the same server; a keystroke in
 * an empty input), to tell a slow machine from a slow UI.
 * Needs the built renderer (`npm run build`) and /usr/bin/chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { createActivity } from '../core/services/activities.js';
import { createOrganisation } from '../core/services/organisations.js';
import { Register } from '../core/register.js';
import { tempDir } from '../core/testing/temp-register.js';
import type { ActivityInput } from '../core/model/schemas.js';
import { startWebServer } from '../web/server.js';
import type { BenchResult, BenchSuite } from './harness.js';

const N = Number(process.env.BENCH_ACTIVITIES ?? 10_000);
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 7);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WORDS = ['paie', 'recrutement', 'clients', 'prospection', 'vidéoprotection', 'formation', 'badges', 'newsletter', 'fournisseurs', 'santé'];
const COUNTRIES = ['US', 'IN', 'GB', 'CH', 'FR', 'DE'];

function activity(i: number): ActivityInput {
  const w = WORDS[i % WORDS.length];
  return {
    ref: `B-${String(i + 1).padStart(5, '0')}`,
    name: `Traitement ${w} n° ${i + 1}`,
    status: i % 9 === 0 ? 'draft' : 'active',
    role: i % 10 === 0 ? 'processor' : 'controller',
    department: `Direction ${i % 12}`,
    owner: `Responsable ${i % 40}`,
    purpose: `Gestion ${w} pour le service ${i % 12}`,
    legalBases: [{ code: (['consent', 'contract', 'legal_obligation', 'legitimate_interests'] as const)[i % 4], justification: '' }],
    dataCategories: [{ code: 'identity', label: 'Identité', description: '', special: false }],
    transfers: [{ recipient: 'Prestataire', country: COUNTRIES[i % COUNTRIES.length], safeguard: 'scc', derogation: null, documentation: '' }],
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** From the start of a navigation to the register until its first rows are painted (boot included). */
async function firstPaint(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${url}#/register`);
  await page.waitForFunction('window.__paint !== undefined', undefined, { polling: 'raf' });
  return page.evaluate('window.__paint') as Promise<number>;
}

/**
 * In the page: one keystroke in the search box → the count changes → next frame painted. Plain
 * JavaScript text, so that no transpiler helper leaks into the page.
 */
const KEYSTROKE = `({ selector, countSelector, text }) => new Promise((resolve) => {
  const input = document.querySelector(selector);
  const count = document.querySelector(countSelector);
  const before = count ? count.textContent : '';
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  if (input.value === text) { resolve(0); return; }
  const t0 = performance.now();
  let finished = false;
  const done = function () { if (finished) return; finished = true; requestAnimationFrame(function () { resolve(performance.now() - t0); }); };
  setTimeout(done, 5000);
  if (count) {
    const obs = new MutationObserver(function () {
      if (count.textContent !== before) { obs.disconnect(); done(); }
    });
    obs.observe(count, { childList: true, characterData: true, subtree: true });
  }
  setter.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  if (!count) done();
})`;

async function keystroke(page: Page, selector: string, countSelector: string, text: string): Promise<number> {
  return page.evaluate(`(${KEYSTROKE})(${JSON.stringify({ selector, countSelector, text })})`) as Promise<number>;
}

const PAINT_PROBE = `(() => {
  const obs = new MutationObserver(function () {
    if (document.querySelector('#register-table tbody tr[data-ref]')) {
      obs.disconnect();
      requestAnimationFrame(function () { window.__paint = performance.now(); });
    }
  });
  obs.observe(document, { childList: true, subtree: true });
})()`;

const suite: BenchSuite = {
  name: `Register UI in Chromium, ${N.toLocaleString('en')} activities`,
  async run(): Promise<BenchResult[]> {
    if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) throw new Error('Build the renderer first: npm run build');
    const dir = tempDir('art30-uibench-');
    const file = path.join(dir, 'register.art30');
    const reg = Register.open(file);
    reg.write(() => {
      const org = createOrganisation(reg, { name: 'Bench' }, { source: 'system' });
      for (let i = 0; i < N; i++) createActivity(reg, org.id, activity(i), { source: 'system' });
    });
    reg.close();
    const server = await startWebServer({ db: file, rendererDir: path.join(root, 'dist', 'renderer') });
    const browser = await chromium.launch({ executablePath: process.env.ART30_CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
    try {
      // bypassCSP: the bench's probes are evaluated as text, which the app's CSP rightly forbids.
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', bypassCSP: true });
      // Records when the first register row is painted (performance.now() counts from the navigation).
      await page.addInitScript(PAINT_PROBE);
      // The register view (the app opens on the overview when the register has activities).
      await page.goto(`${server.url}#/register`);
      await page.getByTestId('register-count').waitFor();

      // Baseline: a bare request/response round trip of a page of the same server.
      const baseline: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = Date.now();
        await page.evaluate(`fetch(${JSON.stringify(server.url)}).then((r) => r.text())`);
        baseline.push(Date.now() - t0);
      }

      const paints: number[] = [];
      for (let i = 0; i < RUNS; i++) paints.push(await firstPaint(page, server.url));

      await page.waitForFunction("document.querySelectorAll('#register-table tbody tr[data-ref]').length > 0");
      // Each query keeps a tenth of the rows: the count always changes.
      const queries = WORDS.map((w) => w.slice(0, 5));
      const keys: number[] = [];
      for (let i = 0; i < Math.max(RUNS, queries.length); i++) {
        const q = queries[i % queries.length];
        await keystroke(page, '#register-search', '[data-testid="register-count"]', '');
        keys.push(await keystroke(page, '#register-search', '[data-testid="register-count"]', q));
      }
      const inputBaseline: number[] = [];
      await page.evaluate("document.body.appendChild(Object.assign(document.createElement('input'), { id: 'bench-empty' }))");
      for (let i = 0; i < RUNS; i++) inputBaseline.push(await keystroke(page, '#bench-empty', '#none', `x${i}`));

      return [
        {
          name: 'first table paint after navigation (median)',
          value: median(paints),
          unit: 'ms',
          limit: 1500,
          detail: `runs ${paints.map((x) => x.toFixed(0)).join(', ')}; bare page fetch ${median(baseline).toFixed(0)} ms`,
        },
        { name: 'search keystroke to updated table (median)', value: median(keys), unit: 'ms', limit: 100, detail: `bare input keystroke ${median(inputBaseline).toFixed(1)} ms` },
      ];
    } finally {
      await browser.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
