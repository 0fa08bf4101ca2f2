/**
 * Processor contracts (Art. 28) in the exports (issue 23): one XLSX sheet and one PDF section, for
 * the contracts of the organisations in scope (of an extract: those serving its activities). Never
 * in a public register. The points to review of each contract are shown to the internal audience.
 */
import type ExcelJS from 'exceljs';
import type { Contract } from '../contracts/model.js';
import { contractChecks, listContracts } from '../contracts/services.js';
import { listDocuments } from '../documents/services.js';
import { t } from '../i18n/i18n.js';
import type { ContractCheck } from '../model/contract-checks.js';
import type { Register } from '../register.js';
import type { Labels } from './labels.js';
import { toSheetDate } from './labels.js';
import { esc, type Appendix } from './pdf/template.js';
import { isExtract } from './scope.js';
import type { ExportSource } from './source.js';
import { cell } from './xlsx/cells.js';
import { sheetName, SheetWriter, type ColumnSpec } from './xlsx/sheet.js';

export interface ExportContracts {
  contracts: (Contract & { documents: string[]; points: ContractCheck[] })[];
  /** Processors that activities in scope use without a contract. */
  uncovered: ContractCheck[];
  internal: boolean;
}

const ALL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

export function contractsForExport(reg: Register, source: ExportSource, audience: string): ExportContracts | undefined {
  if (audience === 'public') return undefined;
  const orgs = new Set(source.organisations.map((o) => o.id));
  const activityScope = isExtract(source.scope) && Object.keys(source.scope).some((k) => k !== 'organisationId' && source.scope[k as keyof typeof source.scope] !== undefined);
  const ids = new Set(source.summaries.map((s) => s.id));
  const contracts = listContracts(reg).filter((c) => orgs.has(c.organisationId) && (!activityScope || c.activities.some((a) => ids.has(a.id))));
  const checks = [...orgs].flatMap((organisationId) => contractChecks(reg, { organisationId }));
  const inScopeRefs = new Set(source.summaries.map((s) => `${s.organisationId}:${s.ref}`));
  const uncovered = checks.filter(
    (c) => c.code === 'processor_without_contract' && (!activityScope || (c.activities ?? []).some((ref) => inScopeRefs.has(`${c.organisationId}:${ref}`))),
  );
  // A register that records no contract yet keeps its exports as they were; the overview counts its processors without one.
  if (!contracts.length) return undefined;
  const docs = listDocuments(reg, { ownerType: 'contract' });
  return {
    contracts: contracts.map((c) => ({
      ...c,
      documents: docs.filter((d) => d.ownerId === c.id && (audience === 'internal' || d.audience !== 'internal')).map((d) => d.name),
      points: checks.filter((p) => p.contractId === c.id),
    })),
    uncovered,
    internal: audience === 'internal',
  };
}

const date = (L: Labels, v: string) => (v ? L.date(v) : '');
const subProcessors = (c: Contract) => c.subProcessors.map((s) => `${s.name}${s.country ? ` (${s.country})` : ''}${s.service ? ` — ${s.service}` : ''}`).join('\n');

function values(L: Labels, c: ExportContracts['contracts'][number], organisation: string): Record<string, string> {
  const lang = L.lang;
  const missing = ALL.filter((l) => !(c.clauses as string[]).includes(l));
  return {
    ref: c.ref,
    organisation,
    processor: c.processor.name,
    title: c.title,
    signedOn: date(L, c.signedOn),
    versionLabel: c.versionLabel,
    endsOn: date(L, c.endsOn),
    reviewOn: date(L, c.reviewOn),
    clauses: c.clauses.join(', '),
    missingClauses: missing.map((l) => t(lang, `contracts.clause.${l}`)).join('\n'),
    subProcessing: t(lang, `contracts.subProcessing.${c.subProcessing || 'unstated'}`),
    subProcessors: subProcessors(c),
    activities: c.activities.map((a) => `${a.ref} ${a.name}`).join('\n'),
    documents: c.documents.join('\n'),
    points: c.points.map((p) => t(lang, `contracts.check.${p.code}`, p.params)).join('\n'),
    notes: c.notes,
  };
}

function columns(internal: boolean, several: boolean): string[] {
  return [
    'ref',
    ...(several ? ['organisation'] : []),
    'processor',
    'title',
    'signedOn',
    'versionLabel',
    'endsOn',
    'reviewOn',
    'clauses',
    'missingClauses',
    'subProcessing',
    'subProcessors',
    'activities',
    'documents',
    'notes',
    ...(internal ? ['points'] : []),
  ];
}

const DATES = new Set(['signedOn', 'endsOn', 'reviewOn']);
const WIDTH: Record<string, number> = {
  ref: 9,
  organisation: 22,
  processor: 24,
  title: 24,
  versionLabel: 9,
  clauses: 14,
  missingClauses: 34,
  subProcessing: 18,
  subProcessors: 28,
  activities: 30,
  documents: 26,
  notes: 26,
  points: 40,
};

export async function writeContractSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  taken: Set<string>,
  data: ExportContracts,
  L: Labels,
  organisations: Map<number, string>,
): Promise<void> {
  const lang = L.lang;
  const several = organisations.size > 1;
  const cols = columns(data.internal, several);
  const spec: ColumnSpec[] = cols.map((c) => (DATES.has(c) ? { width: 12, date: true } : { width: WIDTH[c] ?? 16 }));
  const ws = new SheetWriter(wb, sheetName(t(lang, 'contracts.export.sheet'), taken), spec, {
    dateFormat: L.dateFormat,
    freeze: { rows: 2, columns: 1 },
    autoFilter: true,
    landscape: true,
    printTitleRows: 2,
    tabColor: 'FF3B5B8C',
  });
  ws.row([cell(t(lang, 'contracts.title'))], 'title', { merges: [[1, Math.min(8, cols.length)]] });
  ws.row(
    cols.map((c) => cell(t(lang, `contracts.field.${c}`))),
    'header',
  );
  for (const c of data.contracts) {
    const v = values(L, c, organisations.get(c.organisationId) ?? '');
    const lines = Math.max(1, ...cols.map((k) => (v[k] ?? '').split('\n').length));
    ws.row(
      cols.map((k) => (DATES.has(k) ? toSheetDate(k === 'signedOn' ? c.signedOn : k === 'endsOn' ? c.endsOn : c.reviewOn) : cell(v[k] ?? ''))),
      'plain',
      { height: lines > 1 ? Math.min(409, lines * 14) : undefined },
    );
  }
  if (!data.contracts.length) ws.row([cell(t(lang, 'contracts.none'))]);
  for (const p of data.uncovered) ws.row([cell(''), cell(t(lang, `contracts.check.${p.code}`, p.params))], 'plain', { merges: [[2, Math.min(8, cols.length)]] });
  await ws.commit();
}

export const CONTRACTS_PDF_ID = 'processor-contracts';

export function contractsHtml(data: ExportContracts, L: Labels, organisations: Map<number, string>): Appendix {
  const lang = L.lang;
  const several = organisations.size > 1;
  const fields = columns(data.internal, several).filter((c) => c !== 'ref' && c !== 'processor');
  const articles = data.contracts
    .map((c) => {
      const v = values(L, c, organisations.get(c.organisationId) ?? '');
      const rows = fields
        .map((f) => `<tr><th>${esc(t(lang, `contracts.field.${f}`))}</th>${v[f] ? `<td class="lines">${esc(v[f])}</td>` : '<td class="muted">—</td>'}</tr>`)
        .join('');
      return `<article class="activity contract" id="contract-${c.id}"><h3><span class="ref">${esc(c.ref)}</span><span class="title">${esc(c.processor.name)}</span></h3><table class="kv"><tbody>${rows}</tbody></table></article>`;
    })
    .join('');
  const uncovered = data.uncovered.length ? `<ul>${data.uncovered.map((p) => `<li>${esc(t(lang, `contracts.check.${p.code}`, p.params))}</li>`).join('')}</ul>` : '';
  return {
    html: `<section class="contracts"><h2 class="part part-start" id="${CONTRACTS_PDF_ID}">${esc(t(lang, 'contracts.title'))}</h2>${articles || `<p class="muted">${esc(t(lang, 'contracts.none'))}</p>`}${uncovered}</section>`,
    toc: [{ id: CONTRACTS_PDF_ID, title: t(lang, 'contracts.title'), count: data.contracts.length }],
  };
}

/** Two appendices printed one after the other. */
export function joinAppendices(...parts: (Appendix | undefined)[]): Appendix | undefined {
  const present = parts.filter((p): p is Appendix => !!p);
  if (!present.length) return undefined;
  return { html: present.map((p) => p.html).join('\n'), toc: present.flatMap((p) => p.toc) };
}
