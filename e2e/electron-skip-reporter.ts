/**
 * One line, before the run, when the Electron project's tests cannot run: how many are skipped and
 * why (the fixture skips each one with the same reason, e2e/fixtures.ts). Playwright's own reporter
 * then lists each of them as skipped, by name.
 */
import type { FullConfig, Reporter, Suite } from '@playwright/test/reporter';
import { electronBinary } from './fixtures.js';

export default class ElectronSkipReporter implements Reporter {
  onBegin(_config: FullConfig, suite: Suite): void {
    const electron = suite.suites.find((project) => project.project()?.name === 'electron');
    const count = electron?.allTests().length ?? 0;
    if (!count) return;
    const { binary, reason } = electronBinary();
    if (binary) return;
    process.stdout.write(`Electron: ${count} end-to-end tests skipped (${reason}); the same scenarios run in web mode.\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
