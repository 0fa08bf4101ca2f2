/**
 * The round trip over generated registers, not only the demo: activities filled with awkward text
 * (separators " — ", "Label : value" inside values, line breaks inside items, parentheses, arrows,
 * leading "=", accents, empty details) in several organisations, through CSV and XLSX in both
 * languages. Measures how many fields come back exactly; the target is all of them.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACTIVITY_ROLES,
  ACTIVITY_STATUSES,
  ART35_CASES,
  ART49_DEROGATIONS,
  ART9_CONDITIONS,
  DPIA_CRITERIA,
  DPIA_STATUSES,
  LEGAL_BASES,
  RECIPIENT_TYPES,
  RETENTION_FINAL_FATES,
  SECURITY_MEASURE_TYPES,
  TRANSFER_SAFEGUARDS,
} from '../../model/codes.js';
import { activityFields } from '../../services/activities.js';
import { listOrganisations } from '../../services/organisations.js';
import { openTempRegister, type TempRegister } from '../../testing/temp-register.js';

const open: TempRegister[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  return { next, pick, int: (n: number) => Math.floor(next() * n) };
}

const WORDS = [
  'Données',
  'salariés',
  'hors médical',
  'Pays : Inde',
  'A — B',
  'Société (Lyon)',
  '→ flèche',
  '=SOMME(A1)',
  'l’été',
  'Précisions : x',
  'Durée : 3 ans',
  'œuvre',
  '"citation"',
  'a;b',
  'Rôle pour ce traitement',
  '+33 4 00',
  '@mention',
  'x',
];

function text(r: ReturnType<typeof rng>, words = 3, breaks = false): string {
  const out: string[] = [];
  const n = 1 + r.int(words);
  for (let i = 0; i < n; i++) out.push(r.pick(WORDS));
  let s = out.join(' ');
  if (breaks && r.next() < 0.3) s += `\n${r.pick(WORDS)}`;
  return s.trim();
}
const maybe = (r: ReturnType<typeof rng>, f: () => string) => (r.next() < 0.5 ? f() : '');
const some = <T>(r: ReturnType<typeof rng>, max: number, f: (i: number) => T): T[] => Array.from({ length: r.int(max + 1) }, (_x, i) => f(i));
const uniq = <T>(xs: T[], key: (x: T) => string) => xs.filter((x, i) => xs.findIndex((y) => key(y) === key(x)) === i);

function activity(r: ReturnType<typeof rng>, i: number) {
  const countries = ['US', 'IN', 'GB', 'CH', 'JP', 'BR'];
  const recipients = uniq(
    some(r, 3, (k) => ({
      name: `${r.pick(['Prestataire', 'Cabinet', 'Service', 'CloudCo (US)', 'Éditeur — SaaS'])} ${i}-${k}`,
      type: r.pick(RECIPIENT_TYPES),
      countries: r.next() < 0.5 ? [r.pick(countries)] : [],
      role: maybe(r, () => text(r)),
      precision: maybe(r, () => text(r, 3, true)),
    })),
    (x) => x.name.toLowerCase(),
  );
  const categories = uniq(
    some(r, 4, (k) => ({ code: '', label: `${text(r, 2)} ${k}`, description: maybe(r, () => text(r, 4, true)), special: r.next() < 0.2 })),
    (x) => x.label.toLowerCase(),
  );
  const safeguard = r.pick([null, ...TRANSFER_SAFEGUARDS.filter((s) => s !== 'derogation')]);
  return {
    ref: `G-${String(i).padStart(3, '0')}`,
    name: `${text(r, 2)} ${i}`,
    role: r.pick(ACTIVITY_ROLES),
    status: r.pick(ACTIVITY_STATUSES),
    department: maybe(r, () => text(r)),
    owner: maybe(r, () => text(r)),
    description: maybe(r, () => text(r, 5, true)),
    purpose: text(r, 4, true),
    subPurposes: uniq(
      some(r, 3, () => text(r, 3, true)),
      (x) => x,
    ),
    legalBases: uniq(
      some(r, 2, () => ({ code: r.pick(LEGAL_BASES), justification: maybe(r, () => text(r, 4, true)) })),
      (x) => x.code,
    ),
    art9Conditions: uniq(
      some(r, 1, () => ({ code: r.pick(ART9_CONDITIONS), justification: maybe(r, () => text(r)) })),
      (x) => x.code,
    ),
    criminalDataBasis: maybe(r, () => text(r)),
    dataSubjects: uniq(
      some(r, 2, (k) => ({ code: '', label: `${text(r, 2)} ${k}`, precision: maybe(r, () => text(r)), volume: maybe(r, () => `${r.int(900)} personnes`) })),
      (x) => x.label.toLowerCase(),
    ),
    dataCategories: categories,
    dataSources: uniq(
      some(r, 2, () => text(r)),
      (x) => x,
    ),
    recipients,
    transfers: uniq(
      some(r, 2, () => {
        const sg = r.next() < 0.2 ? 'derogation' : safeguard;
        return {
          recipient: r.next() < 0.8 && recipients.length ? r.pick(recipients).name : '',
          country: r.pick(countries),
          safeguard: sg,
          derogation: sg === 'derogation' ? r.pick(ART49_DEROGATIONS) : null,
          documentation: maybe(r, () => text(r)),
        };
      }),
      (x) => `${x.country}|${x.recipient}`,
    ),
    retention: some(r, 3, () => ({
      dataCategory: categories.length && r.next() < 0.5 ? r.pick(categories).label : '',
      text: text(r, 4),
      duration: r.pick(['', 'P5Y', 'P1Y6M', 'P30D', 'P2W']),
      trigger: maybe(r, () => text(r)),
      activePeriod: r.pick(['', 'P1Y']),
      archivePeriod: r.pick(['', 'P4Y', 'P6M']),
      finalFate: r.pick([null, ...RETENTION_FINAL_FATES]),
    })),
    securityMeasures: uniq(
      some(r, 3, () => ({ type: r.pick(SECURITY_MEASURE_TYPES), precision: maybe(r, () => text(r, 4, true)) })),
      (x) => `${x.type}|${x.precision}`,
    ),
    securityNotes: maybe(r, () => text(r, 4, true)),
    jointControllers: some(r, 1, () => ({
      name: text(r, 2),
      firstName: maybe(r, () => 'Anne'),
      company: maybe(r, () => text(r)),
      address: maybe(r, () => '1 rue — du Port'),
      postalCode: '69001',
      city: 'Lyon',
      country: 'France',
      phone: '',
      email: 'a@b.example',
      responsibilities: maybe(r, () => text(r)),
    })),
    clients: some(r, 1, () => ({
      name: text(r, 2),
      firstName: '',
      company: '',
      address: '',
      postalCode: '',
      city: maybe(r, () => 'Paris'),
      country: '',
      phone: '',
      email: '',
      representative: maybe(r, () => text(r)),
      dpo: maybe(r, () => text(r)),
      processingCategories: some(r, 2, () => text(r)),
    })),
    dpia: {
      criteria: uniq(
        some(r, 2, () => r.pick(DPIA_CRITERIA)),
        (x) => x,
      ),
      art35Cases: uniq(
        some(r, 1, () => r.pick(ART35_CASES)),
        (x) => x,
      ),
      override: r.next() < 0.2 ? { required: r.next() < 0.5, justification: text(r, 3) } : null,
      status: r.pick(DPIA_STATUSES),
      date: r.pick(['', '2024-02-29']),
      link: maybe(r, () => 'https://intranet.example/aipd?id=1'),
    },
    automatedDecision: { exists: r.next() < 0.3, description: maybe(r, () => text(r)) },
    systems: some(r, 2, () => ({ name: text(r, 2), hosting: maybe(r, () => text(r)), country: r.pick(['', 'FR', 'US']) })),
    rights: maybe(r, () => text(r)),
    consentRecords: maybe(r, () => text(r)),
    breaches: maybe(r, () => text(r)),
    lastReviewedAt: r.pick(['', '2025-01-31']),
  };
}

function fieldsByRef(t: TempRegister) {
  const out = new Map<string, Record<string, unknown>>();
  for (const o of listOrganisations(t.reg)) {
    for (const a of t.reg.activities.loadMany({ organisationId: o.id })) {
      const f = activityFields(a) as Record<string, unknown>;
      f.recipients = a.recipients.map((x) => ({ name: x.name, type: x.type, countries: x.countries, role: x.role, precision: x.precision }));
      out.set(`${o.name}|${a.ref}`, f);
    }
  }
  return out;
}

describe('the round trip over generated registers', () => {
  for (const [format, lang, seed] of [
    ['csv', 'fr', 1],
    ['xlsx', 'fr', 2],
    ['csv', 'en', 3],
    ['xlsx', 'en', 4],
  ] as const) {
    it(`${format} (${lang}), seed ${seed}: every field of every activity comes back`, async () => {
      const r = rng(seed);
      const src = openTempRegister();
      open.push(src);
      for (const [o, orgName] of ['Mairie de Villefranche', 'Clinique — Saint-Luc (Lyon)'].entries()) {
        const org = await src.call('organisations/create', { organisation: { name: orgName } } as never);
        for (let i = 0; i < 12; i++) await src.call('activities/create', { organisationId: (org as { id: number }).id, activity: activity(r, o * 100 + i) } as never);
      }
      const out = path.join(src.dir, `g.${format}`);
      await src.call('export/file', { format, lang, out, scope: {} });
      const dst = openTempRegister();
      open.push(dst);
      const p = await dst.call('import/open', { file: out });
      expect(p.counts.error, JSON.stringify(p.rows.flatMap((x) => x.errors).slice(0, 3))).toBe(0);
      await dst.call('import/commit', { sessionId: p.sessionId });
      const want = fieldsByRef(src);
      const got = fieldsByRef(dst);
      let fields = 0;
      const wrong: string[] = [];
      for (const [key, a] of want) {
        for (const f of Object.keys(a)) {
          fields++;
          if (JSON.stringify(got.get(key)?.[f]) !== JSON.stringify(a[f]))
            wrong.push(`${key}.${f}: ${JSON.stringify(a[f]).slice(0, 160)} ≠ ${JSON.stringify(got.get(key)?.[f]).slice(0, 160)}`);
        }
      }
      expect(got.size).toBe(want.size);
      expect(wrong, `${wrong.length} of ${fields} fields differ`).toEqual([]);
    });
  }
});
