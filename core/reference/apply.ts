/**
 * Applying a reference data set to a register: every country, international organisation and
 * vocabulary entry is brought to the data set's values, except those the DPO changed (each entry
 * remembers it). The points to review of the activities that send data to a changed destination are
 * recomputed and the activities whose points changed are listed in the report. One transaction: a
 * refused or failing data set changes nothing.
 */
import { diffRecords } from '../diff.js';
import type { CheckCode } from '../model/checks.js';
import type { Country, HistoryChange, InternationalOrganisation, VocabularyTerm } from '../model/register.js';
import type { CallMeta, Register } from '../register.js';
import { sha256 } from '../files.js';
import { activityChecks, checkContext } from '../services/checks.js';
import { BUNDLED_AS_OF, bundledDataset, DatasetError, parseDataset, type ReferenceDataset } from './dataset.js';

export interface DatasetEntryChange {
  entity: 'country' | 'organisation' | 'vocabulary';
  code: string;
  nameFr: string;
  nameEn: string;
  changes: HistoryChange[];
}

export interface ChangedActivity {
  id: number;
  organisationId: number;
  ref: string;
  name: string;
  /** Destinations of the activity whose reference data changed. */
  destinations: string[];
  before: CheckCode[];
  after: CheckCode[];
}

export interface DatasetReport {
  asOf: string;
  previousAsOf: string | null;
  sha256: string;
  changed: DatasetEntryChange[];
  /** Entries the DPO changed, left as they are although the data set says otherwise. */
  keptDpoEdits: DatasetEntryChange[];
  activities: ChangedActivity[];
}

/** Reads a data set from its text and applies it; refused (nothing changed) when damaged, unknown or not newer. */
export function applyDatasetText(reg: Register, text: string, file: string, meta: CallMeta): DatasetReport {
  return applyDataset(reg, parseDataset(text, file), meta, { file, sha256: sha256(text) });
}

export function applyDataset(reg: Register, ds: ReferenceDataset, meta: CallMeta, options: { file?: string; sha256?: string; silent?: boolean } = {}): DatasetReport {
  const file = options.file ?? `reference-${ds.asOf}.json`;
  return reg.write(() => {
    const current = reg.reference.currentDataset();
    if (current && ds.asOf < current.asOf) throw new DatasetError('legal.dataset.older', { file, asOf: ds.asOf, current: current.asOf });
    if (current && ds.asOf === current.asOf) throw new DatasetError('legal.dataset.same', { file, asOf: ds.asOf });

    const context = checkContext(reg);
    const withTransfers = reg.activities.loadMany({}).filter((a) => a.transfers.length);
    const before = new Map(withTransfers.map((a) => [a.id, activityChecks(reg, a, context).map((c) => c.code)]));

    const changed: DatasetEntryChange[] = [];
    const kept: DatasetEntryChange[] = [];
    const note = (list: DatasetEntryChange[], entity: DatasetEntryChange['entity'], code: string, names: { nameFr: string; nameEn: string }, changes: HistoryChange[]) =>
      list.push({ entity, code, nameFr: names.nameFr, nameEn: names.nameEn, changes });

    const countries = reg.reference.countries();
    for (const c of ds.countries) {
      const existing = countries.get(c.code);
      const next: Country = { ...c };
      const changes = existing ? diffRecords(countryValues(existing), countryValues(next)) : diffRecords({}, countryValues(next));
      if (!changes.length) continue;
      if (existing?.dpoEdited) note(kept, 'country', c.code, existing, changes);
      else {
        reg.reference.updateCountry(next, false);
        note(changed, 'country', c.code, next, changes);
      }
    }
    const organisations = reg.reference.organisations();
    for (const o of ds.organisations) {
      const existing = organisations.get(o.code);
      const next: InternationalOrganisation = { ...o, eea: false, kind: 'organisation' };
      const changes = diffRecords(existing ? organisationValues(existing) : {}, organisationValues(next));
      if (!changes.length) continue;
      if (existing?.dpoEdited) note(kept, 'organisation', o.code, existing, changes);
      else {
        reg.reference.saveOrganisation(next, false);
        note(changed, 'organisation', o.code, next, changes);
      }
    }
    const terms = new Map(reg.reference.terms().map((t) => [`${t.kind}/${t.code}`, t]));
    for (const v of ds.vocabularies) {
      const existing = terms.get(`${v.kind}/${v.code}`);
      const next: VocabularyTerm = { ...v, custom: false };
      const changes = diffRecords(existing ? termValues(existing) : {}, termValues(next));
      if (!changes.length) continue;
      const names = { nameFr: v.labelFr, nameEn: v.labelEn };
      if (existing && (existing.dpoEdited || existing.custom)) note(kept, 'vocabulary', `${v.kind}/${v.code}`, names, changes);
      else {
        reg.reference.upsertTerm(next, false);
        note(changed, 'vocabulary', `${v.kind}/${v.code}`, names, changes);
      }
    }
    reg.reference.invalidate();
    reg.reference.recomputeTransferFlags();

    const changedDestinations = new Set(changed.filter((c) => c.entity !== 'vocabulary').map((c) => c.code));
    const after = checkContext(reg);
    const activities: ChangedActivity[] = [];
    for (const a of withTransfers) {
      const destinations = [...new Set(a.transfers.map((t) => t.country))].filter((c) => changedDestinations.has(c));
      const was = before.get(a.id) ?? [];
      const now = activityChecks(reg, a, after).map((c) => c.code);
      if (destinations.length || was.join() !== now.join()) {
        activities.push({ id: a.id, organisationId: a.organisationId, ref: a.ref, name: a.name, destinations, before: was, after: now });
      }
    }

    const report: DatasetReport = { asOf: ds.asOf, previousAsOf: current?.asOf ?? null, sha256: options.sha256 ?? '', changed, keptDpoEdits: kept, activities };
    if (!options.silent) {
      for (const c of changed) {
        reg.record(meta, {
          entityType: c.entity === 'vocabulary' ? 'vocabulary' : 'country',
          entityId: null,
          entityLabel: c.code,
          organisationId: null,
          action: 'update',
          changes: c.changes,
        });
      }
      reg.record(meta, {
        entityType: 'register',
        entityId: null,
        entityLabel: `reference ${ds.asOf}`,
        organisationId: null,
        action: 'import',
        changes: [
          {
            path: 'referenceData',
            before: current?.asOf ?? null,
            after: { asOf: ds.asOf, file, changed: changed.length, keptDpoEdits: kept.length, activities: activities.map((x) => x.ref) },
          },
        ],
      });
    }
    reg.reference.recordDataset({ asOf: ds.asOf, sha256: options.sha256 ?? '', sources: ds.sources, appliedAt: reg.now(), report });
    return report;
  });
}

/**
 * Brings a register to the data set shipped with this Art30 when it is older (or has none): the
 * step of the upgrade that corrects the facts (Brazil, EU territories, scope notes…). A register
 * without activities or history is brought silently; an existing one gets history entries.
 */
export function ensureBundledDataset(reg: Register): DatasetReport | null {
  // Compared by date first: a register already up to date (every open but the first) does not pay
  // for validating the whole data set.
  const current = reg.reference.currentDataset();
  if (current && current.asOf >= BUNDLED_AS_OF) return null;
  const ds = bundledDataset();
  const fresh = (reg.sqlite.prepare('SELECT (SELECT count(*) FROM activities) + (SELECT count(*) FROM history) AS n').get() as { n: number }).n === 0;
  try {
    return applyDataset(reg, ds, { source: 'system' }, { sha256: '', silent: fresh });
  } catch (error) {
    // Another program (the app, the CLI) brought the register up to date in the meantime.
    if (error instanceof DatasetError && (error.key === 'legal.dataset.same' || error.key === 'legal.dataset.older')) return null;
    throw error;
  }
}

const countryValues = (c: Country) => ({
  nameFr: c.nameFr,
  nameEn: c.nameEn,
  eea: c.eea,
  adequacy: c.adequacy,
  adequacyDecisionDate: c.adequacyDecisionDate,
  adequacyScopeFr: c.adequacyScopeFr,
  adequacyScopeEn: c.adequacyScopeEn,
});
const organisationValues = (o: InternationalOrganisation) => ({ ...countryValues(o), acronymFr: o.acronymFr, acronymEn: o.acronymEn, aliases: o.aliases });
const termValues = (t: VocabularyTerm) => ({ labelFr: t.labelFr, labelEn: t.labelEn, article: t.article, legacy: t.legacy, special: t.special, sort: t.sort });
