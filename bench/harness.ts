/** Shared helpers for `npm run bench`: every target is a ratio to a raw baseline measured in the same run. */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
/**
 * A full garbage collection, run before each measured phase: a phase must not pay for the garbage
 * the previous one (often the baseline) left behind.
 */
export const collectGarbage = vm.runInNewContext('gc') as () => void;

export interface BenchResult {
  name: string;
  /** The measured value: a ratio (×) or milliseconds. */
  value: number;
  unit: '×' | 'ms' | 'MB' | 's';
  /** The target, e.g. 3 for "≤ 3×", 50 for "< 50 ms"; none for a figure reported for information. */
  limit?: number;
  detail?: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Wall time of `fn`, and the process's CPU time (user + system, every thread) meanwhile: steadier on a loaded machine. */
export async function timeIt<T>(fn: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

export async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timeIt(fn)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
