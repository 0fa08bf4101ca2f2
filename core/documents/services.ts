/**
 * Documents kept in the register (issue 23): files attached to an activity, its DPIA, a processor
 * contract, a breach or a request, stored inside the register file by SHA-256. Adding, replacing
 * and removing are each one transaction with their history entry; a removed document's row and
 * bytes are kept (the history and the register as of a past date name them). Bad files — over the
 * limits, empty, an executable, not what their name says — are refused with the reason, before
 * anything is written.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DocumentStore, type DocumentColumns, type DocumentOwnerType, type StoredDocument } from '../../db/document-store.js';
import { diffRecords, recordFields } from '../diff.js';
import { AppError, text } from '../errors.js';
import type { CallMeta, Register } from '../register.js';
import { parseInput } from '../validate.js';
import { checkVersion } from '../services/versions.js';
import { detectDocument, DOCUMENT_LIMITS } from './detect.js';
import { documentDetailsSchema, type DocumentOwner, type KeptDocument } from './model.js';

const stores = new WeakMap<Register, DocumentStore>();
export function documentStore(reg: Register): DocumentStore {
  let s = stores.get(reg);
  if (!s) stores.set(reg, (s = new DocumentStore(reg.sqlite)));
  return s;
}

const limitsOf = new WeakMap<Register, { fileBytes: number; registerBytes: number }>();
/** The limits of a register (the README's, unless a test sets smaller ones). */
export function documentLimits(reg: Register): { fileBytes: number; registerBytes: number } {
  return limitsOf.get(reg) ?? DOCUMENT_LIMITS;
}
export function setDocumentLimits(reg: Register, limits: { fileBytes: number; registerBytes: number }): void {
  limitsOf.set(reg, limits);
}

type Row = Record<string, unknown>;

/** The record a document is attached to; throws when it does not exist. */
export function documentOwner(reg: Register, type: DocumentOwnerType, id: number): DocumentOwner {
  const one = (sql: string) => reg.sqlite.prepare(sql).get(id) as Row | undefined;
  const links = (sql: string) => (reg.sqlite.prepare(sql).all(id) as Row[]).map((r) => ({ id: Number(r.id), ref: String(r.ref), name: String(r.name) }));
  let row: Row | undefined;
  let activities: DocumentOwner['activities'] = [];
  const linked = (table: string, key: string) =>
    links(`SELECT a.id, a.ref, a.name FROM ${table} l JOIN activities a ON a.id = l.activity_id WHERE l.${key} = ? ORDER BY a.ref COLLATE NOCASE`);
  switch (type) {
    case 'activity':
    case 'dpia':
      row = one('SELECT organisation_id, ref, name FROM activities WHERE id = ?');
      if (row) activities = [{ id, ref: String(row.ref), name: String(row.name) }];
      break;
    case 'contract':
      row = one('SELECT c.organisation_id, c.ref, r.name FROM processor_contracts c JOIN recipients r ON r.id = c.recipient_id WHERE c.id = ?');
      if (row) activities = linked('contract_activities', 'contract_id');
      break;
    case 'breach':
      row = one('SELECT organisation_id, ref, title AS name FROM breaches WHERE id = ?');
      if (row) activities = linked('breach_activities', 'breach_id');
      break;
    case 'request':
      row = one("SELECT organisation_id, ref, '' AS name FROM subject_requests WHERE id = ?");
      if (row) activities = linked('request_activities', 'request_id');
      break;
  }
  if (!row) throw new AppError('not_found', text('documents.error.ownerNotFound', { type: text(`documents.owner.${type}`), id }));
  return { type, id, organisationId: Number(row.organisation_id), ref: String(row.ref), name: String(row.name), activities };
}

const ownerLabel = (o: DocumentOwner) => `${o.type === 'dpia' ? 'DPIA ' : ''}${o.ref}${o.name ? ` ${o.name}` : ''}`;

function withOwner(reg: Register, d: StoredDocument, owners = new Map<string, DocumentOwner | null>()): KeptDocument | undefined {
  const k = `${d.ownerType}:${d.ownerId}`;
  let owner = owners.get(k);
  if (owner === undefined) {
    try {
      owner = documentOwner(reg, d.ownerType, d.ownerId);
    } catch {
      owner = null;
    }
    owners.set(k, owner);
  }
  // A document whose record was deleted keeps its bytes, and is named by its last owner's reference in the history.
  return { ...d, owner: owner ?? { type: d.ownerType, id: d.ownerId, organisationId: d.organisationId, ref: '', name: '', activities: [] } };
}

export interface DocumentFilter {
  ownerType?: DocumentOwnerType;
  ownerId?: number;
  organisationId?: number;
  /** Only the documents that belong to this activity (its own, its DPIA's, and those of its contracts, breaches and requests). */
  activityId?: number;
}

export function listDocuments(reg: Register, f: DocumentFilter = {}): KeptDocument[] {
  const owners = new Map<string, DocumentOwner | null>();
  const docs = documentStore(reg)
    .list({ ownerType: f.ownerType, ownerId: f.ownerId, organisationId: f.organisationId })
    .map((d) => withOwner(reg, d, owners)!);
  return f.activityId ? docs.filter((d) => d.owner.activities.some((a) => a.id === f.activityId)) : docs;
}

export function getDocument(reg: Register, id: number): KeptDocument {
  const d = documentStore(reg).get(id);
  if (!d) throw new AppError('not_found', text('documents.error.notFound', { id }));
  return withOwner(reg, d)!;
}

/** The bytes of a document (checked against its SHA-256). */
export function documentContent(reg: Register, id: number): { document: KeptDocument; bytes: Buffer } {
  const document = getDocument(reg, id);
  const bytes = documentStore(reg).blob(document.sha256);
  if (!bytes || sha256(bytes) !== document.sha256) throw new AppError('register', text('documents.error.damaged', { name: document.name }));
  return { document, bytes };
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The name kept: the file's own name without folders, control characters trimmed. */
function cleanName(name: string): string {
  return (
    path
      .basename(name.replace(/\\/g, '/'))
      // eslint-disable-next-line no-control-regex -- control characters never belong in a file name
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 255)
  );
}

/** Checks a file and says what it is, or refuses it with the reason (nothing written). */
function checkFile(reg: Register, name: string, bytes: Buffer): Omit<DocumentColumns, 'audience' | 'note'> {
  const clean = cleanName(name);
  if (!clean) throw new AppError('bad_input', text('documents.error.noName'));
  const limits = documentLimits(reg);
  if (bytes.length > limits.fileBytes) {
    throw new AppError('bad_input', text('documents.error.tooLarge', { name: clean, size: megabytes(bytes.length), max: megabytes(limits.fileBytes) }));
  }
  const detected = detectDocument(clean, bytes);
  if (!detected.ok) throw new AppError('bad_input', text(`documents.error.${detected.reason}`, { name: clean }));
  const hash = sha256(bytes);
  const store = documentStore(reg);
  if (!store.hasBlob(hash) && store.storedBytes() + bytes.length > limits.registerBytes) {
    throw new AppError('bad_input', text('documents.error.registerFull', { name: clean, used: megabytes(store.storedBytes()), max: megabytes(limits.registerBytes) }));
  }
  return { name: clean, kind: detected.kind, mediaType: detected.mediaType, size: bytes.length, sha256: hash };
}

export const megabytes = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;

const forHistory = (c: DocumentColumns, owner: DocumentOwner, addedBy?: string) => ({
  name: c.name,
  kind: c.kind,
  size: c.size,
  sha256: c.sha256,
  audience: c.audience,
  note: c.note,
  owner: `${owner.type} ${owner.ref}`,
  ...(addedBy !== undefined ? { addedBy } : {}),
});

const columnsOf = (d: StoredDocument): DocumentColumns => ({
  name: d.name,
  kind: d.kind,
  mediaType: d.mediaType,
  size: d.size,
  sha256: d.sha256,
  audience: d.audience,
  note: d.note,
});

export interface NewDocument {
  ownerType: DocumentOwnerType;
  ownerId: number;
  name: string;
  bytes: Buffer;
  audience?: string;
  note?: string;
  addedBy?: string;
  /** When it was first added (a document imported from a JSON register document keeps its date). */
  addedAt?: string;
}

export function addDocument(reg: Register, input: NewDocument, meta: CallMeta): KeptDocument {
  const details = parseInput(documentDetailsSchema, { audience: input.audience, note: input.note, addedBy: input.addedBy }, 'entry');
  return reg.write(() => {
    const owner = documentOwner(reg, input.ownerType, input.ownerId);
    const file = checkFile(reg, input.name, input.bytes);
    const store = documentStore(reg);
    store.putBlob(file.sha256, input.bytes);
    const cols = { ...file, audience: details.audience, note: details.note };
    const at = reg.now();
    const id = store.insert(owner.organisationId, owner.type, owner.id, cols, input.addedAt ?? at, details.addedBy);
    reg.record(meta, {
      at,
      entityType: 'document',
      entityId: id,
      entityLabel: `${ownerLabel(owner)} — ${cols.name}`,
      organisationId: owner.organisationId,
      action: 'create',
      changes: recordFields(forHistory(cols, owner, details.addedBy), 'after'),
    });
    return getDocument(reg, id);
  });
}

/** Replaces a document's file by a newer one (a signed version, an amendment); the old bytes stay for the history. */
export function replaceDocument(reg: Register, id: number, expectedVersion: number, file: { name: string; bytes: Buffer }, meta: CallMeta): KeptDocument {
  return reg.write(() => {
    const current = getDocument(reg, id);
    if (current.removedAt) throw new AppError('not_found', text('documents.error.notFound', { id }));
    checkVersion(text('documents.subject'), current, expectedVersion);
    const checked = checkFile(reg, file.name, file.bytes);
    const store = documentStore(reg);
    store.putBlob(checked.sha256, file.bytes);
    const cols = { ...columnsOf(current), ...checked };
    return updateColumns(reg, current, cols, meta);
  });
}

/** Changes a document's name, audience or note. */
export function updateDocument(reg: Register, id: number, expectedVersion: number, input: { name?: string; audience?: string; note?: string }, meta: CallMeta): KeptDocument {
  return reg.write(() => {
    const current = getDocument(reg, id);
    if (current.removedAt) throw new AppError('not_found', text('documents.error.notFound', { id }));
    checkVersion(text('documents.subject'), current, expectedVersion);
    const details = parseInput(documentDetailsSchema, { audience: input.audience ?? current.audience, note: input.note ?? current.note }, 'entry');
    const name = input.name === undefined ? current.name : cleanName(input.name);
    if (!name) throw new AppError('bad_input', text('documents.error.noName'));
    return updateColumns(reg, current, { ...columnsOf(current), name, audience: details.audience, note: details.note }, meta);
  });
}

function updateColumns(reg: Register, current: KeptDocument, cols: DocumentColumns, meta: CallMeta): KeptDocument {
  const changes = diffRecords(forHistory(columnsOf(current), current.owner), forHistory(cols, current.owner));
  if (!changes.length) return current;
  // What the register as of a date needs to give the document back its previous file.
  if (cols.sha256 !== current.sha256) changes.push({ path: 'mediaType', before: current.mediaType, after: cols.mediaType });
  const at = reg.now();
  documentStore(reg).update(current.id, cols, at);
  reg.record(meta, {
    at,
    entityType: 'document',
    entityId: current.id,
    entityLabel: `${ownerLabel(current.owner)} — ${cols.name}`,
    organisationId: current.organisationId,
    action: 'update',
    changes,
  });
  return getDocument(reg, current.id);
}

/** Removes a document from its record (and from every export); its bytes stay for the history. */
export function removeDocument(reg: Register, id: number, expectedVersion: number, meta: CallMeta): void {
  reg.write(() => {
    const current = getDocument(reg, id);
    if (current.removedAt) return;
    checkVersion(text('documents.subject'), current, expectedVersion);
    const at = reg.now();
    documentStore(reg).setRemoved(id, at, at);
    reg.record(meta, {
      at,
      entityType: 'document',
      entityId: id,
      entityLabel: `${ownerLabel(current.owner)} — ${current.name}`,
      organisationId: current.organisationId,
      action: 'delete',
      changes: recordFields(forHistory(columnsOf(current), current.owner, current.addedBy), 'before'),
    });
  });
}

/** Removes every document of an organisation (when the DPO deletes it), each in the history. */
export function removeOrganisationDocuments(reg: Register, organisationId: number, meta: CallMeta): void {
  reg.write(() => {
    for (const d of documentStore(reg).list({ organisationId })) removeDocument(reg, d.id, d.version, meta);
  });
}
