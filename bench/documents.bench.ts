/**
 * `npm run bench documents` (issue 23): documents kept inside the register file.
 * - A register of 10,000 activities holding 1,000 documents (200 MB) against the same register
 *   without them, measured in pairs (one of each back to back, 9 pairs; the median of the pairs'
 *   ratios): opening it (the integrity check included), opening it and listing its activities, and a
 *   backup as `art30 backup` takes it (the documents into the store beside the backups, db/backup.ts)
 *   into a folder holding an earlier backup: each within 2×. For information: the first backup into an
 *   empty folder (every document written), and the first write after opening (the whole-file check).
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

      // Each measure is taken in pairs, the register without documents and the one with them back to
      // back (each pair starting with one or the other), so that both share the machine's load of the
      // moment: the result is the median of the pairs' ratios (the best time of each side is printed too).
      const files = { plain, docs: withDocs };
      type Side = keyof typeof files;
      const openOnce = (side: Side) => Register.open(files[side]).close();
      const listOnce = async (side: Side) => {
        const reg = Register.open(files[side]);
        try {
          unwrap(await dispatch(reg, 'activities/list', { organisationId: 1 }, meta));
        } finally {
          reg.close();
        }
      };
      // Backups as `art30 backup` takes them: into a folder of backups, the documents in its store.
      const live = { plain: Register.open(plain), docs: Register.open(withDocs) };
      const counts = { plain: 0, docs: 0 };
      const backupOnce = (side: Side) => live[side].backup(path.join(t.dir, `backups-${side}`, `backup-${++counts[side]}.art30`), { documents: 'store' });
      // The first write after opening (a 1 KB document attached): it checks the whole file first when opening did not.
      const firstWriteOnce = async (side: Side) => {
        const r = Register.open(files[side]);
        try {
          return (await timeIt(() => addDocument(r, { ownerType: 'activity', ownerId: ids[0], name: 'note.pdf', bytes: pdf(1024) }, meta))).ms;
        } finally {
          r.close();
        }
      };
      const paired = async (runs: number, once: (side: Side) => unknown) => {
        const ms: Record<Side, number[]> = { plain: [], docs: [] };
        for (let i = 0; i < runs; i++) {
          for (const side of (i % 2 ? ['plain', 'docs'] : ['docs', 'plain']) as Side[]) {
            gc();
            const { ms: m, value } = await timeIt(() => once(side));
            ms[side].push(typeof value === 'number' ? value : m);
          }
        }
        return ms;
      };
      const mb = ((DOCUMENTS * DOCUMENT_BYTES) / 1048576).toFixed(0);
      const report = (name: string, ms: Record<Side, number[]>, limit?: number) => {
        const ratios = ms.docs.map((d, i) => d / ms.plain[i]).sort((x, y) => x - y);
        const q = (p: number) => ratios[Math.round((ratios.length - 1) * p)];
        results.push({
          name: `${name} with ${DOCUMENTS} documents (${mb} MB) ÷ without`,
          value: q(0.5),
          unit: '×',
          ...(limit ? { limit } : {}),
          detail: `median of ${ratios.length} pairs, quartiles ${q(0.25).toFixed(2)}–${q(0.75).toFixed(2)}; best ${Math.min(...ms.docs).toFixed(0)} ms vs ${Math.min(...ms.plain).toFixed(0)} ms${limit ? '' : ', for information'}`,
        });
      };
      try {
        fs.mkdirSync(path.join(t.dir, 'backups-plain'));
        fs.mkdirSync(path.join(t.dir, 'backups-docs'));
        report('first backup into an empty folder', await paired(1, backupOnce));
        report('open', await paired(9, openOnce), 2);
        report('open + list activities', await paired(9, listOnce), 2);
        report('backup (into a folder holding an earlier backup)', await paired(9, backupOnce), 2);
        report('first write after opening', await paired(3, firstWriteOnce));
      } finally {
        live.plain.close();
        live.docs.close();
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
