/**
 * Opening a register checks the bundled reference data set by its date first: the whole set is
 * validated (a few milliseconds at every start of the CLI) only when the register needs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Register } from '../register.js';
import { tempDir } from '../testing/temp-register.js';
import { BUNDLED_AS_OF, bundledDataset, datasetSchema } from './dataset.js';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the bundled reference data set at open', () => {
  it('BUNDLED_AS_OF is the date of the bundled data set', () => {
    expect(BUNDLED_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(bundledDataset().asOf).toBe(BUNDLED_AS_OF);
  });

  it('is validated and applied to a new register, and not validated again when the register has it', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'r.art30');
    const parse = vi.spyOn(datasetSchema, 'parse');
    const first = Register.open(file);
    expect(first.reference.currentDataset()?.asOf).toBe(BUNDLED_AS_OF);
    first.close();
    expect(parse).toHaveBeenCalledTimes(1);
    const again = Register.open(file);
    expect(again.reference.currentDataset()?.asOf).toBe(BUNDLED_AS_OF);
    again.close();
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('is applied again to a register whose data set is older', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'r.art30');
    const reg = Register.open(file);
    reg.sqlite.prepare("UPDATE reference_datasets SET as_of = '2000-01-01'").run();
    reg.close();
    const parse = vi.spyOn(datasetSchema, 'parse');
    const reopened = Register.open(file);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(reopened.reference.currentDataset()?.asOf).toBe(BUNDLED_AS_OF);
    reopened.close();
  });
});
