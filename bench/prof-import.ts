// Temporary: profile one 10,000-row import (not committed).
import path from 'node:path';
import { dispatch } from '../core/api/dispatch.js';
import { bigRows, writeXlsx } from '../core/import/testing/corpus.js';
import { Register } from '../core/register.js';
import { tempDir } from '../core/testing/temp-register.js';
const dir = tempDir('prof-');
const file = path.join(dir, 'big.xlsx');
await writeXlsx(file, { Registre: bigRows(10_000) });
const reg = Register.open(path.join(dir, 'r.art30'));
reg.sqlite.prepare("INSERT INTO organisations (name) VALUES ('Bench')").run();
const t0 = Date.now();
const opened = (await dispatch(reg, 'import/open', { file }, { source: 'cli' }, { trusted: true })) as { ok: boolean; value: { sessionId: string } };
const t1 = Date.now();
const done = await dispatch(reg, 'import/commit', { sessionId: opened.value.sessionId }, { source: 'cli' }, { trusted: true });
const t2 = Date.now();
console.log('open+preview', t1 - t0, 'commit', t2 - t1, (done as { ok: boolean }).ok);
