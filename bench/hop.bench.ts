/**
 * The process hop: `activities/get` through the message channel the desktop app uses between main
 * and the register's process (electron/backend.ts: BackendClient ⇄ serveBackend, structured-clone
 * messages; here the process is a Node child instead of Electron's utilityProcess) against a direct
 * call of the dispatcher on the same register file. Target: the hop adds < 1 ms, median.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../core/api/dispatch.js';
import { Register } from '../core/register.js';
import { tempDir } from '../core/testing/temp-register.js';
import { BackendProcess, nodeBackendChild } from '../electron/backend-process.js';
import { timeIt, type BenchSuite } from './harness.js';

const CALLS = Number(process.env.BENCH_HOP_CALLS ?? 400);

/** The backend entry next to this suite: bundled by scripts/bench.mjs, or the source through tsx. */
function backendEntry(): { entry: string; execArgv: string[] } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = process.env.ART30_BENCH_DIR ? path.join(process.env.ART30_BENCH_DIR, 'backend.entry.mjs') : '';
  if (bundled && fs.existsSync(bundled)) return { entry: bundled, execArgv: [] };
  return { entry: path.join(here, 'backend.entry.ts'), execArgv: ['--import', 'tsx'] };
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const suite: BenchSuite = {
  name: `Process hop (activities/get, ${CALLS} calls each way)`,
  async run() {
    const dir = tempDir('art30-bench-hop-');
    const file = path.join(dir, 'register.art30');
    const reg = Register.open(file);
    const meta = { source: 'ui' as const };
    const { entry, execArgv } = backendEntry();
    const backend = new BackendProcess({ start: () => nodeBackendChild(entry, [], execArgv) });
    try {
      const demo = await dispatch(reg, 'demo/create', {}, meta, { trusted: true });
      if (!demo.ok) throw new Error(demo.error.message);
      const list = await dispatch(reg, 'activities/list', {}, meta);
      if (!list.ok || !list.value.length) throw new Error('no activity to read');
      const ids = list.value.map((a) => a.id);
      await backend.open(file, false);
      const direct: number[] = [];
      const hop: number[] = [];
      // Warm both paths, then alternate them so that the machine's drift touches both alike.
      for (let i = 0; i < 50; i++) {
        await dispatch(reg, 'activities/get', { id: ids[i % ids.length] }, meta);
        await backend.dispatch('activities/get', { id: ids[i % ids.length] }, meta, { trusted: false });
      }
      for (let i = 0; i < CALLS; i++) {
        const id = ids[i % ids.length];
        direct.push((await timeIt(() => dispatch(reg, 'activities/get', { id }, meta))).ms);
        const r = await timeIt(() => backend.dispatch('activities/get', { id }, meta, { trusted: false }));
        if (!r.value.ok) throw new Error(r.value.error.message);
        hop.push(r.ms);
      }
      const d = medianOf(direct);
      const h = medianOf(hop);
      return [{ name: 'activities/get through the register process − direct (median)', value: h - d, unit: 'ms', limit: 1, detail: `${h.toFixed(3)} ms vs ${d.toFixed(3)} ms` }];
    } finally {
      await backend.close();
      reg.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
