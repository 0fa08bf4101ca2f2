/** Importing a JSON register document: one transaction, every record in the history. */
import { AppError, issue, text as textOf } from '../errors.js';
import { REGISTER_FORMAT_VERSION } from '../model/register.js';
import type { CallMeta, Register } from '../register.js';
import { createActivity, updateActivity } from '../services/activities.js';
import { createOrganisation, listOrganisations } from '../services/organisations.js';
import { createRecipient, findRecipientByName, updateRecipient } from '../services/recipients.js';
import { foldKey } from '../text.js';
import { zodIssues } from '../validate.js';
import { importRecords, type RecordsImportResult } from '../records/document.js';
import { importProofs, type ProofsImportResult } from '../documents/register-document.js';
import { importDpoWork, type DpoWorkImportResult } from '../dpo/register-document.js';
import { registerDocumentSchema, type ParsedRegisterDocument } from './schema.js';

export interface DocumentImportResult {
  organisations: { created: number; matched: number };
  recipients: { created: number; updated: number };
  activities: { created: number; updated: number };
  breaches?: RecordsImportResult['breaches'];
  requests?: RecordsImportResult['requests'];
  contracts?: ProofsImportResult['contracts'];
  documents?: ProofsImportResult['documents'];
  signoffs?: DpoWorkImportResult['signoffs'];
  actions?: DpoWorkImportResult['actions'];
}

/** Parses and validates a document, naming the file and the field of the first problems. */
export function parseRegisterDocument(text: string, fileName = 'the file'): ParsedRegisterDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('bad_input', textOf('errors.doc.notJson', { file: fileName, reason: (error as Error).message }));
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'art30-register') {
    throw new AppError('bad_input', textOf('errors.doc.notRegister', { file: fileName }));
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > REGISTER_FORMAT_VERSION) {
    throw new AppError('bad_input', textOf('errors.doc.newer', { file: fileName, version, known: REGISTER_FORMAT_VERSION }));
  }
  const result = registerDocumentSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const details = zodIssues(result.error);
    throw new AppError(
      'bad_input',
      details.length > 1 ? textOf('errors.doc.invalidMore', { file: fileName, count: details.length - 1 }) : textOf('errors.doc.invalid', { file: fileName }),
      details,
    );
  }
  return result.data;
}

export function importDocument(reg: Register, doc: ParsedRegisterDocument, meta: CallMeta): DocumentImportResult {
  const result: DocumentImportResult = { organisations: { created: 0, matched: 0 }, recipients: { created: 0, updated: 0 }, activities: { created: 0, updated: 0 } };
  return reg.write(() => {
    // Version 2: international organisations the transfers go to that this register does not know yet.
    const knownOrgs = reg.reference.organisations();
    for (const o of doc.internationalOrganisations ?? []) {
      if (!knownOrgs.has(o.code)) reg.reference.saveOrganisation({ ...o, acronymFr: '', acronymEn: '', aliases: [], eea: false, kind: 'organisation' });
    }
    const orgIds = new Map<string, number>();
    const existingOrgs = listOrganisations(reg);
    for (const [i, o] of doc.organisations.entries()) {
      const { key, createdAt, updatedAt, ...data } = o;
      const match = existingOrgs.find((e) => foldKey(e.name) === foldKey(data.name));
      if (match) {
        orgIds.set(key, match.id);
        result.organisations.matched++;
      } else {
        const created = withPath(`organisations[${i}]`, () => createOrganisation(reg, data, meta, createdAt && updatedAt ? { createdAt, updatedAt } : undefined));
        orgIds.set(key, created.id);
        result.organisations.created++;
      }
    }
    for (const [i, r] of doc.recipients.entries()) {
      const { createdAt, updatedAt, ...data } = r;
      const existing = findRecipientByName(reg, data.name);
      withPath(`recipients[${i}]`, () => {
        if (!existing) {
          createRecipient(reg, data, meta, createdAt && updatedAt ? { createdAt, updatedAt } : undefined);
          result.recipients.created++;
        } else if (updateRecipient(reg, existing.id, existing.version, data, meta).version !== existing.version) {
          result.recipients.updated++;
        }
      });
    }
    for (const [i, a] of doc.activities.entries()) {
      const { organisation, createdAt, updatedAt, dpia, ...fields } = a;
      const organisationId = orgIds.get(organisation);
      if (!organisationId) {
        throw new AppError('bad_input', textOf('errors.doc.organisationUnknown', { item: `activities[${i}]`, organisation }), [
          issue(`activities[${i}].organisation`, 'errors.doc.notAnOrganisationKey'),
        ]);
      }
      const { suggested: _s, required: _r, ...screening } = dpia as typeof dpia & { suggested?: boolean; required?: boolean };
      // Before version 4 the bases were the whole activity's: read onto its main purpose, for the DPO to check.
      const olderBases = doc.version < 4 && (fields.legalBases.length > 0 || fields.art9Conditions.length > 0);
      const input = { ...fields, dpia: screening, ...(olderBases ? { purposeBasesToCheck: true } : {}) };
      const stamps = createdAt && updatedAt ? { createdAt, updatedAt } : undefined;
      const existingId = fields.ref ? reg.activities.idByRef(organisationId, fields.ref) : undefined;
      withPath(`activities[${i}]`, () => {
        if (existingId) {
          const current = reg.activities.version(existingId)!;
          if (updateActivity(reg, existingId, current.version, input, meta, stamps).version !== current.version) result.activities.updated++;
        } else {
          createActivity(reg, organisationId, input, meta, stamps);
          result.activities.created++;
        }
      });
    }
    Object.assign(result, importRecords(reg, doc, orgIds, meta, withPath));
    Object.assign(result, importProofs(reg, doc, orgIds, meta, withPath));
    Object.assign(result, importDpoWork(reg, doc, orgIds, meta, withPath));
    return result;
  });
}

/** Prefixes field paths of an error with the element of the document it came from. */
function withPath<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AppError && error.details.length) {
      const details = error.details.map((d) => ({ ...d, path: d.path ? `${prefix}.${d.path}` : prefix }));
      throw new AppError(error.code === 'validation' ? 'bad_input' : error.code, textOf('errors.doc.in', { item: prefix, cause: error.text }), details);
    }
    if (error instanceof AppError) throw new AppError(error.code, textOf('errors.doc.in', { item: prefix, cause: error.text }));
    throw error;
  }
}
