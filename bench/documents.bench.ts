/**
 * `npm run bench documents` (issue 23): documents kept inside the register file.
 * - A register of 10,000 activities holding 1,000 documents (200 MB) against the same register
 *   without them, each measured in the same run: opening it (the integrity check included), the
 *   first list of its activities after opening, and a backup as `art30 backup` takes it (best of 5; the
 *   documents into the store beside the backups, db/backup.ts), into a folder holding an earlier
 *   backup: each within 2× (best of 3 each side). For information: the first backup into an empty
 *   folder (every document written), and the first write after opening (the whole-file check).
 * - Listing the 1,000 documents (median of 5), for information.
 * - Adding a 20 MB document (checked, hashed, stored, recorded in the history): under 1 s (best of 3).
 */
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch, unwrap } from '../core/api/dispatch.js';
import { addDocument, listDocuments } from '../core/documents/services.js';
import { fillWithActivities } from '../core/export/testing/many-activities.js';
import { Register } from '../core/register.js';
import { openTempRegister } from '../core/testing/temp-register.js';
import { collectGarbage as gc, median, timeIt, type BenchResult, type BenchSuite } from './harness.js';

const ACTIVITIES = 10_000;
const DOCUMENTS = 1_000;
const DOCUMENT_BYTES = 200 * 1024;

/** A PDF-looking file of `size` bytes whose content is unique (random), as real documents are. */
function pdf(size: number): Buffer {
  const b = Buffer.alloc(size);
  randomFillSync(b);
  b.write('%PDF-1.7\n', 0, 'latin1');
  return b;
}

async function best(runs: number, fn: () => unknown): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    gc();
    min = Math.min(min, (await timeIt(fn)).ms);
  }
  return min;
}

const suite: BenchSuite = {
  name: 'Documents kept in the register',
  async run() {
    const t = openTempRegister({ demo: true });
    const results: BenchResult[] = [];
    const meta = { source: 'system' as const };
    try {
      fillWithActivities(t.reg, ACTIVITIES);
      const plain = path.join(t.dir, 'plain.art30');
      const withDocs = path.join(t.dir, 'documents.art30');
      await t.reg.backup(plain);
      const ids = t.reg.activities.list({}).map((a) => a.id);
      const built = await timeIt(() => {
        for (let i = 0; i < DOCUMENTS; i++) {
          addDocument(t.reg, { ownerType: 'activity', ownerId: ids[i % ids.length], name: `document-${i}.pdf`, bytes: pdf(DOCUMENT_BYTES), addedBy: 'bench' }, meta);
        }
      });
      await t.reg.backup(withDocs);
      const size = (f: string) => fs.statSync(f).size / 1024 / 1024;
      console.log(
        `  (${DOCUMENTS} documents added in ${(built.ms / 1000).toFixed(1)} s; register ${size(plain).toFixed(0)} MB without them, ${size(withDocs).toFixed(0)} MB with them)`,
      );

      const measure = async (file: string, label: string) => {
        const open = await best(3, () => Register.open(file).close());
        const list = await best(3, async () => {
          const reg = Register.open(file);
          try {
            const { ms } = await timeIt(async () => unwrap(await dispatch(reg, 'activities/list', { organisationId: 1 }, meta)));
            return ms;
          } finally {
            reg.close();
          }
        });
        // Backups as `art30 backup` takes them: into a folder of backups, the documents in its store.
        const backups = path.join(t.dir, `backups-${label}`);
        fs.mkdirSync(backups);
        let n = 0;
        const backupOnce = (reg: Register) => reg.backup(path.join(backups, `backup-${++n}.art30`), { documents: 'store' });
        const reg = Register.open(file);
        let backup: number, firstBackup: number;
        try {
          gc();
          firstBackup = (await timeIt(() => backupOnce(reg))).ms;
          backup = await best(5, () => backupOnce(reg));
        } finally {
          reg.close();
        }
        // The first write after opening (a 1 KB document attached): it checks the whole file first when opening did not.
        const firstWrite = await best(3, async () => {
          const r = Register.open(file);
          try {
            return (await timeIt(() => addDocument(r, { ownerType: 'activity', ownerId: ids[0], name: 'note.pdf', bytes: pdf(1024) }, meta))).ms;
          } finally {
            r.close();
          }
        });
        return { open, list, backup, firstBackup, firstWrite };
      };
      const a = await measure(plain, 'plain');
      const b = await measure(withDocs, 'documents');
      const mb = ((DOCUMENTS * DOCUMENT_BYTES) / 1048576).toFixed(0);
      const names = {
        open: 'open',
        list: 'open + list activities',
        backup: 'backup (into a folder holding an earlier backup)',
        firstBackup: 'first backup into an empty folder',
        firstWrite: 'first write after opening',
      } as const;
      for (const k of ['open', 'list', 'backup', 'firstBackup', 'firstWrite'] as const) {
        results.push({
          name: `${names[k]} with ${DOCUMENTS} documents (${mb} MB) ÷ without`,
          value: b[k] / a[k],
          unit: '×',
          ...(k === 'open' || k === 'list' || k === 'backup' ? { limit: 2 } : {}),
          detail: `${b[k].toFixed(0)} ms vs ${a[k].toFixed(0)} ms${k === 'firstBackup' || k === 'firstWrite' ? ', for information' : ''}`,
        });
      }
      const reg = Register.open(withDocs);
      try {
        listDocuments(reg);
        const listMs = await median(5, () => listDocuments(reg));
        results.push({ name: `list ${DOCUMENTS} documents`, value: listMs, unit: 'ms', detail: 'for information' });
        const big = pdf(20 * 1024 * 1024);
        const add = await best(3, () => addDocument(reg, { ownerType: 'activity', ownerId: ids[0], name: 'contrat-20mo.pdf', bytes: ((big[100] ^= 1), big) }, meta));
        results.push({ name: 'add a 20 MB document', value: add, unit: 'ms', limit: 1000 });
      } finally {
        reg.close();
      }
    } finally {
      t.cleanup();
    }
    return results;
  },
};

export default suite;
