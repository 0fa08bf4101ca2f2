/** Test helper: a real register in a temporary SQLite file, removed after the test. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch, unwrap, type ApiResult } from '../api/dispatch.js';
import type { ApiInput, ApiOutput, ProcedureName } from '../api/table.js';
import { createDemoRegister } from '../demo/demo-register.js';
import { Register, type CallMeta } from '../register.js';

export interface TempRegister {
  reg: Register;
  dir: string;
  file: string;
  /** Calls a procedure through the dispatcher (as a trusted caller) and returns its value, or throws. */
  call<N extends ProcedureName>(name: N, input: ApiInput<N>, meta?: CallMeta): Promise<ApiOutput<N>>;
  /** Calls a procedure and returns the raw result, errors included. */
  result<N extends ProcedureName>(name: N, input: ApiInput<N>, meta?: CallMeta): Promise<ApiResult<ApiOutput<N>>>;
  cleanup(): void;
}

export function tempDir(prefix = 'art30-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTempRegister(options: { demo?: boolean } = {}): TempRegister {
  const dir = tempDir();
  const file = path.join(dir, 'register.art30');
  const reg = Register.open(file);
  const meta: CallMeta = { source: 'cli' };
  if (options.demo) createDemoRegister(reg, meta);
  const result = <N extends ProcedureName>(name: N, input: ApiInput<N>, m = meta): Promise<ApiResult<ApiOutput<N>>> => dispatch(reg, name, input, m, { trusted: true });
  return {
    reg,
    dir,
    file,
    result,
    async call(name, input, m) {
      return unwrap(await result(name, input, m)) as ApiOutput<typeof name>;
    },
    cleanup() {
      reg.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
