/**
 * Register core: creating 10,000 activities through the API (validation, history, search index
 * included) against raw better-sqlite3 prepared inserts of the same rows, one transaction per
 * activity in both; then list, full-text search and filters over those 10,000 activities.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../core/api/dispatch.js';
import { Register } from '../core/register.js';
import { tempDir } from '../core/testing/temp-register.js';
import type { ActivityInput } from '../core/model/schemas.js';
import { median, timeIt, type BenchResult, type BenchSuite } from './harness.js';

const N = Number(process.env.BENCH_ACTIVITIES ?? 10_000);
const RECIPIENTS = ['Service RH', 'PaieFacile SAS', 'CloudCRM Inc.', 'URSSAF', 'MailReach', 'BioAccess AG'];
const COUNTRIES = ['US', 'IN', 'GB', 'CH', 'BR', 'JP'];
const BASES = ['consent', 'contract', 'legal_obligation', 'legitimate_interests', 'public_task'] as const;
const WORDS = ['paie', 'recrutement', 'clients', 'prospection', 'vidéoprotection', 'formation', 'badges', 'newsletter', 'fournisseurs', 'santé'];

export function benchActivity(i: number): ActivityInput {
  const w = WORDS[i % WORDS.length];
  return {
    ref: `B-${String(i + 1).padStart(5, '0')}`,
    name: `Traitement ${w} n° ${i + 1}`,
    status: 'active',
    department: `Direction ${i % 12}`,
    purpose: `Gestion ${w} pour le service ${i % 12}`,
    legalBases: [{ code: BASES[i % BASES.length], justification: '' }],
    dataSubjects: [{ code: 'customers', label: 'Clients', precision: '', volume: '' }],
    dataCategories: Array.from({ length: 5 }, (_, k) => ({ code: '', label: `Catégorie ${k + 1} ${w}`, description: `Données ${k}`, special: k === 4 && i % 7 === 0 })),
    recipients: [0, 1, 2].map((k) => ({ name: RECIPIENTS[(i + k) % RECIPIENTS.length], role: 'Destinataire', precision: '' })),
    transfers: [{ recipient: RECIPIENTS[i % RECIPIENTS.length], country: COUNTRIES[i % COUNTRIES.length], safeguard: 'scc', derogation: null, documentation: '' }],
  };
}

function rawInsert(file: string, inputs: ActivityInput[]): number {
  const reg = Register.open(file);
  const db = reg.sqlite;
  db.prepare("INSERT INTO organisations (name) VALUES ('Bench')").run();
  const recipientIds = new Map<string, number>();
  const insRecipient = db.prepare("INSERT INTO recipients (name, name_key, type) VALUES (?, ?, 'other')");
  for (const name of RECIPIENTS) recipientIds.set(name, Number(insRecipient.run(name, name.toLowerCase()).lastInsertRowid));
  const insActivity = db.prepare(
    `INSERT INTO activities (organisation_id, ref, name, role, status, department, purpose, dpia_json, automated_decision_json, legal_basis_codes)
     VALUES (1, ?, ?, 'controller', ?, ?, ?, '{}', '{}', ?)`,
  );
  const insBasis = db.prepare('INSERT INTO activity_legal_bases (activity_id, position, code, justification) VALUES (?, ?, ?, ?)');
  const insSubject = db.prepare('INSERT INTO activity_data_subjects (activity_id, position, code, label) VALUES (?, ?, ?, ?)');
  const insCategory = db.prepare('INSERT INTO activity_data_categories (activity_id, position, code, label, description, special) VALUES (?, ?, ?, ?, ?, ?)');
  const insLink = db.prepare('INSERT INTO activity_recipients (activity_id, position, recipient_id, role) VALUES (?, ?, ?, ?)');
  const insTransfer = db.prepare('INSERT INTO activity_transfers (activity_id, position, recipient, country, safeguard) VALUES (?, ?, ?, ?, ?)');
  const one = db.transaction((a: ActivityInput) => {
    const id = Number(insActivity.run(a.ref, a.name, a.status, a.department, a.purpose, a.legalBases![0].code).lastInsertRowid);
    insBasis.run(id, 0, a.legalBases![0].code, '');
    insSubject.run(id, 0, 'customers', 'Clients');
    a.dataCategories!.forEach((c, k) => insCategory.run(id, k, '', c.label, c.description, c.special ? 1 : 0));
    a.recipients!.forEach((r, k) => insLink.run(id, k, recipientIds.get(r.name), r.role));
    insTransfer.run(id, 0, a.transfers![0].recipient, a.transfers![0].country, 'scc');
  });
  const start = performance.now();
  for (const a of inputs) one(a);
  const ms = performance.now() - start;
  reg.close();
  return ms;
}

async function apiInsert(reg: Register, inputs: ActivityInput[]): Promise<number> {
  const meta = { source: 'cli' as const };
  const org = await dispatch(reg, 'organisations/create', { organisation: { name: 'Bench' } }, meta);
  if (!org.ok) throw new Error(org.error.message);
  const start = performance.now();
  for (const activity of inputs) {
    const r = await dispatch(reg, 'activities/create', { organisationId: org.value.id, activity }, meta);
    if (!r.ok) throw new Error(r.error.message);
  }
  return performance.now() - start;
}

/** Creates the same activities twice, raw and through the API, in two register files of `dir`. */
async function createBoth(dir: string): Promise<{ rawMs: number; apiMs: number }> {
  const inputs = Array.from({ length: N }, (_, i) => benchActivity(i));
  const rawMs = rawInsert(path.join(dir, 'raw.art30'), inputs);
  const reg = Register.open(path.join(dir, 'api.art30'));
  try {
    return { rawMs, apiMs: await apiInsert(reg, inputs) };
  } finally {
    reg.close();
  }
}

const suite: BenchSuite = {
  name: `Register core (${N.toLocaleString('en')} activities: 5 data categories, 3 recipients, 1 transfer each)`,
  async run() {
    const dir = tempDir('art30-bench-');
    try {
      const { rawMs, apiMs } = await createBoth(dir);
      const results: BenchResult[] = [
        { name: 'create through the API ÷ raw prepared inserts', value: apiMs / rawMs, unit: '×', limit: 3, detail: `${apiMs.toFixed(0)} ms vs ${rawMs.toFixed(0)} ms` },
      ];
      // Reads on the register as the DPO next opens it (closing folded the write-ahead log in).
      const reg = Register.open(path.join(dir, 'api.art30'));
      const meta = { source: 'cli' as const };
      // The first list after opening reads every summary from SQLite; later ones, until the next
      // write, come from memory (db/summary-cache.ts). Both are reported.
      const cold = await timeIt(() => dispatch(reg, 'activities/list', { organisationId: 1 }, meta));
      results.push({ name: 'first list after opening the register (cold)', value: cold.ms, unit: 'ms', detail: `${N} rows` });
      const timed = async (name: string, input: object, expectRows: (n: number) => boolean) => {
        const r = await dispatch(reg, 'activities/list', input, meta);
        if (!r.ok || !expectRows(r.value.length)) throw new Error(`${name}: unexpected result`);
        const ms = await median(9, () => dispatch(reg, 'activities/list', input, meta));
        results.push({ name: `${name} (median of 9)`, value: ms, unit: 'ms', limit: 50, detail: `${r.value.length} rows` });
      };
      await timed('list all activities of the organisation', { organisationId: 1 }, (n) => n === N);
      await timed('full-text search "vidéoprotection"', { search: 'videoprotection' }, (n) => n === N / 10);
      await timed('full-text search, two prefixes "catégorie sant"', { search: 'catégorie sant' }, (n) => n === N / 10);
      await timed('filter by legal basis (consent)', { legalBasis: 'consent' }, (n) => n === N / 5);
      await timed('filter by transfer country (IN)', { country: 'IN' }, (n) => n > 0);
      await timed('filter: outside the EEA + special categories', { nonEeaTransfer: true, specialCategories: true }, (n) => n > 0);
      const { ms: getMs } = await timeIt(() => dispatch(reg, 'activities/get', { id: Math.ceil(N / 2) }, meta));
      results.push({ name: 'open one activity', value: getMs, unit: 'ms', limit: 50 });
      reg.close();
      return results;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
