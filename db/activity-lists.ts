/**
 * The lists inside an activity, each stored in its own child table with a `position`.
 * One spec per list maps between the domain object and the table's columns, so that writing,
 * reading and bulk loading share one definition.
 */
import type { ActivityFields } from '../core/model/schemas.js';

type Row = Record<string, unknown>;

export interface ChildListSpec<K extends keyof ActivityFields = keyof ActivityFields> {
  field: K;
  table: string;
  columns: string[];
  toRow(item: ActivityFields[K] extends (infer T)[] ? T : never): unknown[];
  fromRow(row: Row): unknown;
}

const str = (v: unknown) => (v == null ? '' : String(v));
const json = (v: unknown) => JSON.parse(String(v)) as unknown;

function spec<K extends keyof ActivityFields>(s: ChildListSpec<K>): ChildListSpec {
  return s as unknown as ChildListSpec;
}

export const CHILD_LISTS: ChildListSpec[] = [
  spec({ field: 'subPurposes', table: 'activity_sub_purposes', columns: ['text'], toRow: (t) => [t], fromRow: (r) => str(r.text) }),
  spec({
    field: 'legalBases',
    table: 'activity_legal_bases',
    columns: ['code', 'justification', 'purpose'],
    toRow: (b) => [b.code, b.justification, b.purpose ?? 0],
    fromRow: (r) => ({ code: r.code, justification: str(r.justification), purpose: Number(r.purpose ?? 0) }),
  }),
  spec({
    field: 'art9Conditions',
    table: 'activity_art9_conditions',
    columns: ['code', 'justification', 'purpose'],
    toRow: (b) => [b.code, b.justification, b.purpose ?? 0],
    fromRow: (r) => ({ code: r.code, justification: str(r.justification), purpose: Number(r.purpose ?? 0) }),
  }),
  spec({
    field: 'dataSubjects',
    table: 'activity_data_subjects',
    columns: ['code', 'label', 'precision', 'volume'],
    toRow: (s) => [s.code, s.label, s.precision, s.volume],
    fromRow: (r) => ({ code: str(r.code), label: str(r.label), precision: str(r.precision), volume: str(r.volume) }),
  }),
  spec({
    field: 'dataCategories',
    table: 'activity_data_categories',
    columns: ['code', 'label', 'description', 'special'],
    toRow: (c) => [c.code, c.label, c.description, c.special ? 1 : 0],
    fromRow: (r) => ({ code: str(r.code), label: str(r.label), description: str(r.description), special: r.special === 1 }),
  }),
  spec({ field: 'dataSources', table: 'activity_data_sources', columns: ['text'], toRow: (t) => [t], fromRow: (r) => str(r.text) }),
  spec({
    field: 'recipients',
    table: 'activity_recipients',
    columns: ['recipient_id', 'role', 'precision'],
    toRow: (r) => [r.recipientId, r.role, r.precision],
    // Name, type and countries come from the directory: see the join in activity-store.
    fromRow: (r) => ({ recipientId: r.recipient_id, role: str(r.role), precision: str(r.precision) }),
  }),
  spec({
    field: 'transfers',
    table: 'activity_transfers',
    columns: ['recipient', 'country', 'safeguard', 'derogation', 'documentation', 'tia_ref'],
    toRow: (t) => [t.recipient, t.country, t.safeguard, t.derogation, t.documentation, t.tiaRef ?? ''],
    fromRow: (r) => ({
      recipient: str(r.recipient),
      country: str(r.country),
      safeguard: r.safeguard ?? null,
      derogation: r.derogation ?? null,
      documentation: str(r.documentation),
      tiaRef: str(r.tia_ref),
    }),
  }),
  spec({
    field: 'retention',
    table: 'activity_retention_rules',
    columns: ['data_category', 'text', 'duration', 'trigger', 'active_period', 'archive_period', 'final_fate'],
    toRow: (k) => [k.dataCategory, k.text, k.duration, k.trigger, k.activePeriod, k.archivePeriod, k.finalFate],
    fromRow: (r) => ({
      dataCategory: str(r.data_category),
      text: str(r.text),
      duration: str(r.duration),
      trigger: str(r.trigger),
      activePeriod: str(r.active_period),
      archivePeriod: str(r.archive_period),
      finalFate: r.final_fate ?? null,
    }),
  }),
  spec({
    field: 'securityMeasures',
    table: 'activity_security_measures',
    columns: ['type', 'precision'],
    toRow: (m) => [m.type, m.precision],
    fromRow: (r) => ({ type: r.type, precision: str(r.precision) }),
  }),
  spec({
    field: 'jointControllers',
    table: 'activity_joint_controllers',
    columns: ['data_json'],
    toRow: (j) => [JSON.stringify(j)],
    fromRow: (r) => json(r.data_json),
  }),
  spec({ field: 'clients', table: 'activity_clients', columns: ['data_json'], toRow: (c) => [JSON.stringify(c)], fromRow: (r) => json(r.data_json) }),
  spec({
    field: 'systems',
    table: 'activity_systems',
    columns: ['name', 'hosting', 'country'],
    toRow: (s) => [s.name, s.hosting, s.country],
    fromRow: (r) => ({ name: str(r.name), hosting: str(r.hosting), country: str(r.country) }),
  }),
];
