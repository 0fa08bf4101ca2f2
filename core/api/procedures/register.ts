import { resolveScope } from '../../export/scope.js';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { exportDocument } from '../../document/export.js';
import { importDocument, parseRegisterDocument } from '../../document/import.js';
import { createDemoRegister } from '../../demo/demo-register.js';
import { sha256File, writeFileAtomic } from '../../files.js';
import { APP_VERSION } from '../../version.js';
import { procedure } from '../procedure.js';
import { activityFilterSchema } from './activities.js';
import { empty } from './common.js';

const filePath = z.string().min(1).max(4096);

export const registerProcedures = {
  'register/info': procedure({
    summary: 'The open register: file, counts, application version',
    input: empty,
    run: (reg) => ({ file: reg.file, appVersion: APP_VERSION, ...reg.history.counts() }),
  }),
  'register/document': procedure({
    summary: 'The register (or the activities in scope) as a JSON register document',
    input: activityFilterSchema,
    run: (reg, scope) => exportDocument(reg, scope),
  }),
  'register/exportJson': procedure({
    summary: 'Write the JSON register document to a file',
    trusted: true,
    input: z.object({ out: filePath, scope: activityFilterSchema }),
    run: (reg, i, meta) => {
      const text = `${JSON.stringify(exportDocument(reg, resolveScope(reg, i.scope)), null, 2)}\n`;
      writeFileAtomic(i.out, text);
      const sha256 = sha256File(i.out);
      reg.write(() =>
        reg.record(meta, {
          entityType: 'export',
          entityId: null,
          entityLabel: path.basename(i.out),
          organisationId: i.scope.organisationId ?? null,
          action: 'export',
          changes: [{ path: 'export', before: null, after: { format: 'json', file: path.basename(i.out), sha256, scope: i.scope } }],
        }),
      );
      return { file: i.out, sha256 };
    },
  }),
  'register/importJson': procedure({
    summary: 'Import a JSON register document (one transaction)',
    trusted: true,
    input: z.object({ file: filePath }),
    run: (reg, i, meta) => {
      const fileName = path.basename(i.file);
      const doc = parseRegisterDocument(fs.readFileSync(i.file, 'utf8'), fileName);
      return importDocument(reg, doc, { ...meta, source: meta.source, sourceFile: fileName, sourceSha256: sha256File(i.file) });
    },
  }),
  'register/backup': procedure({
    summary:
      'Copy the register to another file while it is in use; documents "store": a register keeping documents writes its tables, and its documents into the art30-documents folder beside the file (only those not there yet)',
    trusted: true,
    input: z.object({ out: filePath, documents: z.enum(['inside', 'store']).optional() }),
    run: async (reg, i) => {
      if (path.resolve(i.out) === reg.file) throw new Error('A backup cannot overwrite the register itself.');
      const tmp = `${i.out}.partial`;
      const store = await reg.backup(tmp, { documents: i.documents ?? 'inside' });
      fs.renameSync(tmp, i.out);
      return { file: path.resolve(i.out), sha256: sha256File(i.out), ...(store ? { store } : {}) };
    },
  }),
  'demo/create': procedure({
    summary: 'Fill the register with a fictional organisation that uses every field',
    input: empty,
    run: (reg, _i, meta) => createDemoRegister(reg, meta),
  }),
};
