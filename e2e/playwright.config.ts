/**
 * End-to-end tests: every spec runs against web mode in Debian's Chromium, and against the
 * Electron app where an Electron binary exists (skipped otherwise, with the reason).
 * Run `npm run build` first (the renderer is served from dist/renderer, Electron from dist/electron).
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  // No retry: a test that passes on its second try hides a race (the reference-update notice test raced
  // the window's first load; it now waits for it).
  retries: 0,
  // Without an Electron binary, one line says how many of the Electron project's tests are skipped and why.
  reporter: [['list'], ['./electron-skip-reporter.ts'], ...(process.env.CI ? [['html', { open: 'never', outputFolder: '../test-results/e2e-report' }] as const] : [])],
  use: {
    locale: 'en-GB',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.ART30_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
  },
  projects: [
    { name: 'web', use: { target: 'web' } as never },
    { name: 'electron', use: { target: 'electron' } as never },
  ],
});
