/**
 * The PDF export's one HTML template: an audit document printed by Chromium's engine (Playwright in
 * the CLI and tests, `webContents.printToPDF` in the app). A4; a cover page (organisation, DPO,
 * scope, export date, counts); a table of contents; the summary table; one section per activity
 * with every Art. 30 field; the processor register when in scope. Internal links: the table of
 * contents (parts, and each activity up to TOC_ACTIVITY_LINKS_LIMIT activities). The running header (organisation
 * name) and the footer ("page X / Y", export date) are CSS `@page` margin boxes, so the document
 * needs no printer options. Every user text goes through `esc()` (HTML) or `cssString()` (CSS).
 */
import { t } from '../../i18n/i18n.js';
import { showsInternal, showsReview } from '../audience.js';
import { printsField, reviewPoints } from '../review.js';
import type { Activity, ActivitySummary, Organisation } from '../../model/register.js';
import type { Contact } from '../../model/schemas.js';
import { APP_VERSION } from '../../version.js';
import * as F from '../format.js';
import type { Labels, TextKey } from '../labels.js';
import { asOfLine } from '../as-of-line.js';
import { describeScope } from '../scope.js';
import type { ExportSource } from '../source.js';

/** HTML-escapes user text. */
export function esc(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A CSS string literal: every character outside letters, digits and spaces is written as a
 * six-digit escape followed by a space (which CSS consumes as the escape's terminator).
 */
export function cssString(text: string): string {
  return `"${[...text.replace(/[\r\n\t]+/g, ' ')].map((c) => (/[\p{L}\p{N} ]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16).padStart(6, '0')} `)).join('')}"`;
}

const FONT = `"Liberation Sans", Arial, "Helvetica Neue", Helvetica, "DejaVu Sans", sans-serif`;

/**
 * How the "page X / Y" footer is made: by Chromium (a CSS margin box, when the document is printed
 * whole), or drawn afterwards on the assembled volumes (assemble.ts, at the same place).
 */
export type PageNumbers = 'css' | 'assembled';

function styles(L: Labels, source: ExportSource, pageNames: Map<number, string>, pageNumbers: PageNumbers): string {
  const exported = `${L.t('exportedOn')} ${L.date(source.exportedAt)} — Art30`;
  const orgNames = source.organisations.map((o) => o.name).join(' · ');
  const box = (org: string) => `
    @top-left { content: ${cssString(org)}; font: 700 8pt ${FONT}; color: #1f3864; vertical-align: bottom; padding-bottom: 3mm; }
    @top-right { content: ${cssString(L.t('registerTitle'))}; font: 8pt ${FONT}; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
    @bottom-left { content: ${cssString(exported)}; font: 8pt ${FONT}; color: #555; vertical-align: top; padding-top: 3mm; }
    ${pageNumbers === 'css' ? `@bottom-right { content: ${cssString(L.t('page'))} " " counter(page) " / " counter(pages); font: 8pt ${FONT}; color: #555; vertical-align: top; padding-top: 3mm; }` : ''}`;
  const named = source.organisations.map((o) => `@page ${pageNames.get(o.id)} {${box(o.name)} }`).join('\n');
  return `
  @page { size: A4; margin: 20mm 15mm 18mm 15mm; ${box(orgNames)} }
  @page :first { @top-left { content: none; } @top-right { content: none; } }
  ${named}
  * { box-sizing: border-box; }
  html { font: 9pt/1.35 ${FONT}; color: #1a1a1a; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; padding: 0 1pt; } /* room for the right-hand borders, which the page area would clip */
  h1, h2, h3, h4 { break-after: avoid; margin: 0; }
  p { margin: 0 0 2mm; }
  a { color: inherit; text-decoration: none; }
  .cover { break-after: page; padding-top: 6mm; }
  .cover .kicker { font-size: 10pt; letter-spacing: .08em; text-transform: uppercase; color: #1f3864; }
  .cover h1 { font-size: 24pt; line-height: 1.15; margin: 3mm 0 2mm; color: #1f3864; }
  .cover .org { font-size: 14pt; font-weight: 700; margin: 6mm 0 2mm; }
  .cover table.kv { font-size: 8.5pt; }
  .cover .scope { font-size: 10.5pt; border-left: 3pt solid #1f3864; padding: 2mm 4mm; background: #f2f5fa; margin-bottom: 8mm; }
  .cover .counts { display: flex; gap: 3mm; margin: 5mm 0 4mm; }
  .cover .count { flex: 1; border: .6pt solid #c7d0e0; padding: 3mm; }
  .cover .count b { display: block; font-size: 18pt; color: #1f3864; }
  .cover .generator { margin-top: 6mm; color: #666; font-size: 8pt; }
  h2.part { font-size: 15pt; color: #1f3864; border-bottom: 1.2pt solid #1f3864; padding-bottom: 1.5mm; margin: 0 0 4mm; }
  .toc { break-after: page; }
  .toc ol { list-style: none; padding: 0; margin: 0 0 3mm; }
  .toc > ol > li { margin-bottom: 2mm; }
  .toc .part-link { font-weight: 700; font-size: 10pt; }
  .toc ol ol { columns: 2; column-gap: 8mm; margin-top: 1.5mm; }
  .toc ol ol li { break-inside: avoid; padding-left: 16mm; text-indent: -16mm; }
  .toc .ref { display: inline-block; width: 16mm; text-indent: 0; color: #1f3864; font-weight: 700; }
  .summary { break-after: page; }
  .annex { break-before: page; }
  .review { border-left: 3pt solid #c00000; padding: 1mm 3mm; margin-top: 2mm; }
  .review h4 { color: #c00000; margin: 0; }
  .org-list { font-size: 10pt; margin-bottom: 4mm; }
  table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; table-layout: fixed; }
  th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.6mm; border: .5pt solid #b8c2d3; overflow-wrap: break-word; }
  table.grid { font-size: 8.5pt; }
  .summary table.grid { font-size: 8pt; }
  thead th { background: #dfe6f1; font-weight: 700; }
  tr { break-inside: avoid; }
  table.kv th { width: 28%; background: #f2f5fa; font-weight: 700; }
  table.kv4 th { background: #f2f5fa; font-weight: 700; }
  p.empty { margin: 2.5mm 0 2mm; }
  p.empty .h { font-size: 10pt; color: #1f3864; font-weight: 700; margin-right: 2mm; }
  @media screen { .activity { content-visibility: auto; contain-intrinsic-size: auto 2000px; } }
  .muted { color: #777; }
  .lines { white-space: pre-line; }
  .activity { break-before: page; }
  .activity h3 { font-size: 13pt; color: #fff; background: #1f3864; padding: 2mm 3mm; margin-bottom: 1.5mm; }
  .activity h3 { display: flex; align-items: baseline; gap: 3mm; }
  .activity h3 .ref { font-weight: 400; flex: none; }
  .activity h3 .title { flex: 1; }
  .activity h3 .badges { flex: none; max-width: 45%; text-align: right; }
  .badge { display: inline-block; background: #fff; color: #1f3864; padding: .3mm 1.8mm; margin-left: 1.5mm; font-size: 7.5pt; font-weight: 400; border-radius: 1.5mm; }
  .badge.alert { color: #a4262c; font-weight: 700; }
  h4 { font-size: 10pt; color: #1f3864; margin: 3.5mm 0 1.2mm; }
  .alert-text { color: #a4262c; font-weight: 700; }
  .part-start { break-before: page; }
  .part-start + .activity { break-before: auto; }
  .anchor { position: absolute; top: 0; }
  `;
}

// A field the DPO left empty is printed empty: "Néant" would say the DPO stated there is none.
const td = (v: string | null | undefined, _L: Labels, cls = '') => (v ? `<td${cls ? ` class="${cls}"` : ''}>${esc(v)}</td>` : '<td></td>');

function kv(L: Labels, rows: [TextKey | string, string | null | undefined][]): string {
  return `<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th>${esc(L.has(k) ? L.t(k as TextKey) : k)}</th>${td(v, L, 'lines')}</tr>`).join('')}</tbody></table>`;
}

function grid(L: Labels, headers: TextKey[], rows: (string | null | undefined)[][], widths?: number[]): string {
  const head = headers.map((h, k) => `<th${widths ? ` style="width:${widths[k]}%"` : ''}>${esc(L.t(h))}</th>`).join('');
  const body = rows.length
    ? rows.map((r) => `<tr>${r.map((v) => (v ? `<td class="lines">${esc(v)}</td>` : '<td></td>')).join('')}</tr>`).join('')
    : `<tr><td colspan="${headers.length}"></td></tr>`;
  return `<table class="grid"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function contactRows(L: Labels, c: Partial<Contact> | null): string {
  return c ? F.contactLine(c) : '';
}

const anchor = (id: number) => `a-${id}`;

export function coverPage(source: ExportSource, L: Labels): string {
  const controller = source.summaries.filter((s) => s.role !== 'processor').length;
  const processor = source.summaries.length - controller;
  const orgs = source.organisations
    .map(
      (o) => `<div class="org">${esc(o.name)}</div>
      ${kv(
        L,
        (
          [
            ['legalForm', o.legalForm],
            ['registrationNumber', o.registrationNumber],
            ['address', F.postalAddress(o)],
            ['phone', o.phone],
            ['email', o.email],
            ['headBlock', showsInternal(L.audience) ? contactRows(L, o.head) : o.head ? F.personName(o.head) : ''],
            ['representativeBlock', contactRows(L, o.representative)],
            [
              'dpoBlock',
              o.dpo ? [F.contactLine(o.dpo), o.dpo.cnilDesignationNumber ? L.kv(L.t('cnilDesignationNumber'), o.dpo.cnilDesignationNumber) : ''].filter(Boolean).join('\n') : '',
            ],
          ] as [TextKey, string][]
        ).filter(([k, v]) => v || k === 'dpoBlock'),
      )}`,
    )
    .join('');
  return `<section class="cover">
    <div class="kicker">${esc(L.t('kicker'))}</div>
    <h1>${esc(L.t('registerTitle'))}</h1>
    <div class="scope"><b>${esc(L.t('scope'))}</b> — ${esc(describeScope(source.scope, L, source.organisations))}<br>${esc(L.t('exportedOn'))} ${esc(L.date(source.exportedAt))}<br>${esc(t(L.lang, `export.audience.cover.${L.audience}`))}${source.asOf ? `<br><b class="as-of">${esc(asOfLine(L, source.asOf))}</b>` : ''}</div>
    <div class="org-list"><b>${esc(t(L.lang, 'export.organisations'))}</b> — ${esc(L.joinItems(source.organisations.map((o) => o.name)))}</div>
    <div class="counts">
      <div class="count"><b>${source.summaries.length}</b>${esc(L.t('activityCount'))}</div>
      <div class="count"><b>${controller}</b>${esc(L.t('controllerActivityCount'))}</div>
      <div class="count"><b>${processor}</b>${esc(L.t('processorActivityCount'))}</div>
      <div class="count"><b>${source.organisations.length}</b>${esc(L.t('organisationsCount'))}</div>
    </div>
    ${orgs}
    <div class="generator">${esc(L.t('generatedBy'))} Art30 ${esc(APP_VERSION)}</div>
  </section>`;
}

/** The parts of the document: per organisation, the controller register then the processor register. */
export interface Part {
  id: string;
  title: string;
  organisation: Organisation | undefined;
  activities: ActivitySummary[];
}

export function documentParts(source: ExportSource, L: Labels): Part[] {
  const parts: Part[] = [];
  const several = source.organisations.length > 1;
  for (const org of source.organisations) {
    const mine = source.summaries.filter((s) => s.organisationId === org.id);
    const controller = mine.filter((s) => s.role !== 'processor');
    const processor = mine.filter((s) => s.role === 'processor');
    const suffix = several ? ` — ${org.name}` : '';
    if (controller.length) parts.push({ id: `part-c-${org.id}`, title: `${L.t('controllerRegister')}${suffix}`, organisation: org, activities: controller });
    if (processor.length) parts.push({ id: `part-p-${org.id}`, title: `${L.t('processorRegister')}${suffix}`, organisation: org, activities: processor });
  }
  return parts;
}

/**
 * Above this many activities the table of contents lists the parts only (the summary table is the
 * index of activities): Chromium's cost for internal links grows faster than linearly with their
 * number, and a 1,000-activity document must print in well under a minute.
 */
export const TOC_ACTIVITY_LINKS_LIMIT = 300;

/** A section after the activities (the review annex, the breach record, the request log) as the table of contents lists it. */
export interface TocEntry {
  id: string;
  title: string;
  count?: number;
}

/** HTML printed after the activities, with its entries in the table of contents. */
export interface Appendix {
  html: string;
  toc: TocEntry[];
}

const REVIEW_ANNEX_ID = 'review-annex';

/** The sections after the activities, in the order printed. */
export function annexEntries(L: Labels, appendix?: Appendix): TocEntry[] {
  return [...(showsReview(L.audience) ? [{ id: REVIEW_ANNEX_ID, title: t(L.lang, 'export.review.annex') }] : []), ...(appendix?.toc ?? [])];
}

export function tableOfContents(parts: Part[], L: Labels, activityCount: number, annexes: TocEntry[] = []): string {
  const withActivities = activityCount <= TOC_ACTIVITY_LINKS_LIMIT;
  const items = parts
    .map(
      (p) =>
        `<li><a class="part-link" href="#${p.id}">${esc(p.title)}</a> <span class="muted">(${p.activities.length})</span>${
          withActivities ? `<ol>${p.activities.map((a) => `<li><a href="#${anchor(a.id)}"><span class="ref">${esc(a.ref)}</span>${esc(a.name)}</a></li>`).join('')}</ol>` : ''
        }</li>`,
    )
    .join('');
  const after = annexes
    .map((a) => `<li><a class="part-link" href="#${a.id}">${esc(a.title)}</a>${a.count !== undefined ? ` <span class="muted">(${a.count})</span>` : ''}</li>`)
    .join('');
  return `<nav class="toc"><h2 class="part">${esc(L.t('toc'))}</h2><ol><li><a class="part-link" href="#summary">${esc(L.t('summary'))}</a></li>${items}${after}</ol></nav>`;
}

export function summaryTable(source: ExportSource, L: Labels): string {
  // With several organisations in scope, references repeat: an organisation column says whose each activity is.
  const several = source.organisations.length > 1;
  const orgCell = (a: ActivitySummary) => (several ? `<td>${esc(source.organisation(a.organisationId)?.name)}</td>` : '');
  const rows = source.summaries
    .map(
      (a) =>
        `<tr><td>${esc(a.ref)}</td>${orgCell(a)}<td>${esc(a.name)}</td><td>${esc(a.purpose)}</td><td>${esc(L.date(a.createdAt))}</td><td>${esc(L.date(a.updatedAt))}</td><td>${esc(L.yesNo(a.specialCategories))}</td><td>${esc(L.role(a.role))}<br>${esc(L.status(a.status))}</td></tr>`,
    )
    .join('');
  const keys: TextKey[] = several
    ? ['ref', 'organisation', 'name', 'purposeList', 'createdAt', 'updatedAt', 'specialYesNo', 'status']
    : ['ref', 'name', 'purposeList', 'createdAt', 'updatedAt', 'specialYesNo', 'status'];
  const head = keys.map((k) => `<th>${esc(L.t(k))}</th>`).join('');
  const widths = several ? [8, 14, 18, 23, 9, 9, 8, 11] : [8, 22, 29, 10, 10, 9, 12];
  return `<section class="summary" id="summary"><h2 class="part">${esc(L.t('summary'))}</h2>
    ${several ? `<p class="muted">${esc(t(L.lang, 'export.organisationsInScope', { names: L.joinItems(source.organisations.map((o) => o.name)) }))}</p>` : ''}
    <table class="grid"><colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
    <thead><tr>${head}</tr></thead><tbody>${rows || `<tr><td colspan="${keys.length}"></td></tr>`}</tbody></table></section>`;
}

/** The internal version's annex: every point to review, activity by activity. */
export function reviewAnnex(activities: Iterable<Activity[]>, L: Labels): string {
  let rows = '';
  for (const chunk of activities) for (const a of chunk) for (const p of reviewPoints(a, L)) rows += `<tr><td>${esc(a.ref)}</td><td>${esc(a.name)}</td><td>${esc(p)}</td></tr>`;
  return `<section class="annex" id="${REVIEW_ANNEX_ID}"><h2 class="part">${esc(t(L.lang, 'export.review.annex'))}</h2>
    <table class="grid"><colgroup><col style="width:10%"><col style="width:30%"><col style="width:60%"></colgroup>
    <thead><tr><th>${esc(L.t('ref'))}</th><th>${esc(t(L.lang, 'export.review.activity'))}</th><th>${esc(t(L.lang, 'export.review.column'))}</th></tr></thead>
    <tbody>${rows || `<tr><td colspan="3" class="muted">${esc(t(L.lang, 'export.review.none'))}</td></tr>`}</tbody></table></section>`;
}

/** A titled list: its table, or its title alone when the DPO recorded nothing (empty, not "none"). */
function block(L: Labels, title: TextKey, rows: unknown[], table: () => string): string {
  return rows.length ? `<h4>${esc(L.t(title))}</h4>${table()}` : `<p class="empty"><span class="h">${esc(L.t(title))}</span></p>`;
}

/** Four-column key/value rows: two short fields side by side. */
function kv4(L: Labels, rows: [TextKey, string, TextKey, string][]): string {
  const v = (x: string) => (x ? `<td>${esc(x)}</td>` : '<td></td>');
  return `<table class="kv4"><colgroup><col style="width:20%"><col style="width:30%"><col style="width:20%"><col style="width:30%"></colgroup><tbody>${rows
    .map(([k1, v1, k2, v2]) => `<tr><th>${esc(L.t(k1))}</th>${v(v1)}<th>${esc(L.t(k2))}</th>${v(v2)}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * Retention, printed once per fiche: one row per rule, and only the columns some rule fills (a rule
 * given as text alone is not followed by empty duration columns).
 */
function retentionGrid(L: Labels, a: Activity): string {
  const cols: [TextKey, number, (r: Activity['retention'][number]) => string][] = [
    ['appliesTo', 16, (r) => r.dataCategory || L.t('allCategories')],
    ['retentionPeriod', 24, (r) => r.text],
    ['duration', 9, (r) => L.duration(r.duration)],
    ['trigger', 14, (r) => r.trigger],
    ['activePeriod', 10, (r) => L.duration(r.activePeriod)],
    ['archivePeriod', 13, (r) => L.duration(r.archivePeriod)],
    ['finalFate', 14, (r) => L.finalFate(r.finalFate)],
  ];
  const used = cols.filter(([, , v], k) => k < 2 || a.retention.some((r) => v(r)));
  const total = used.reduce((n, [, w]) => n + w, 0);
  return grid(
    L,
    used.map(([k]) => k),
    a.retention.map((r) => used.map(([, , v]) => v(r))),
    used.map(([, w]) => Math.round((w / total) * 100)),
  );
}

/** One activity with every field of its record. */
export function activitySection(a: Activity, org: Organisation | undefined, L: Labels): string {
  const special = a.dataCategories.some((c) => c.special);
  const nonEea = a.transfers.some((t) => !L.countryInfo(t.country)?.eea);
  const alerts = [...new Set(a.transfers.map((t) => F.transferAlert(L, t)).filter(Boolean))];
  const badges = [
    special ? `<span class="badge alert">${esc(L.t('specialCategories'))}</span>` : '',
    nonEea ? `<span class="badge">${esc(L.t('transfers'))}</span>` : '',
    a.dpia.required ? `<span class="badge alert">${esc(L.t('dpiaRequired'))}</span>` : '',
  ].join('');
  const lines = (items: string[]) => items.filter(Boolean).join('\n');
  const processor = a.role === 'processor';
  const review = showsReview(L.audience) ? reviewPoints(a, L) : [];
  return `<article class="activity" id="${anchor(a.id)}">
  <h3><span class="ref">${esc(a.ref)}</span><span class="title">${esc(a.name)}</span>${badges ? `<span class="badges">${badges}</span>` : ''}</h3>
  ${kv4(L, [
    ['organisation', org?.name ?? '', 'role', L.role(a.role)],
    ['status', L.status(a.status), 'department', a.department],
    ['createdAt', L.date(a.createdAt), 'updatedAt', L.date(a.updatedAt)],
    ['owner', printsField(L, 'owner') ? a.owner : '', 'lastReviewedAt', L.date(a.lastReviewedAt)],
    ['lastReviewedBy', a.lastReviewedBy ?? '', 'nextReviewAt', L.date(a.nextReviewAt ?? '')],
  ])}
  ${kv(L, [
    ['description', a.description],
    ['purpose', a.purpose],
    ['subPurposes', lines(a.subPurposes)],
    ['legalBases', lines(F.basesPerPurpose(L, a, 'legal_basis'))],
  ])}
  ${block(L, 'dataSubjects', a.dataSubjects, () =>
    grid(
      L,
      ['personCategory', 'precisions', 'volume'],
      a.dataSubjects.map((s) => [s.label, s.precision, s.volume]),
      [30, 50, 20],
    ),
  )}
  ${block(L, 'dataCategories', a.dataCategories, () =>
    grid(
      L,
      ['category', 'description', 'special'],
      a.dataCategories.map((c) => [
        c.label,
        c.description,
        c.special ? `${L.t('yes')}${c.code && L.article('data_category', c.code) ? ` (${L.article('data_category', c.code)})` : ''}` : L.t('no'),
      ]),
      [36, 48, 16],
    ),
  )}
  ${kv(L, [
    ['specialYesNo', L.yesNo(special)],
    ['art9Conditions', lines(F.basesPerPurpose(L, a, 'art9_condition'))],
    ['criminalDataBasis', a.criminalDataBasis],
    ['dataSources', lines(a.dataSources)],
  ])}
  ${block(L, 'retention', a.retention, () => retentionGrid(L, a))}
  ${block(L, 'recipients', a.recipients, () =>
    grid(
      L,
      ['recipient', 'recipientType', 'countries', 'recipientRole'],
      a.recipients.map((r) => [r.name, L.term('recipient_type', r.type), r.countries.map((c) => L.country(c)).join(', '), lines([r.role, r.precision])]),
      [28, 22, 15, 35],
    ),
  )}
  ${block(L, 'transfers', a.transfers, () =>
    grid(
      L,
      ['recipient', 'country', 'safeguard', 'documentation'],
      a.transfers.map((t) => {
        const info = L.countryInfo(t.country);
        const alert = F.transferAlert(L, t);
        return [
          t.recipient,
          `${L.country(t.country)}${info ? `\n${L.adequacy(info.adequacy, t.country)}` : ''}${info && L.referenceAsOf ? `\n${L.referenceAsOf}` : ''}`,
          lines([F.safeguard(L, t), L.article('transfer_safeguard', t.safeguard)]),
          lines([t.documentation, t.tiaRef ? L.kv(L.t('legal.tiaRef'), t.tiaRef) : '', alert ? `⚠ ${alert}` : '']),
        ];
      }),
      [24, 20, 24, 32],
    ),
  )}
  ${alerts.length ? `<p class="alert-text">⚠ ${esc(L.kv(L.t('alert'), L.joinItems(alerts)))}</p>` : ''}
  ${
    printsField(L, 'securityMeasures')
      ? block(L, 'securityMeasures', a.securityMeasures, () =>
          grid(
            L,
            ['measureType', 'precisions'],
            a.securityMeasures.map((m) => [L.term('security_measure_type', m.type), m.precision]),
            [34, 66],
          ),
        )
      : ''
  }
  ${printsField(L, 'securityNotes') ? kv(L, [['securityNotes', a.securityNotes]]) : ''}
  ${
    processor || a.clients.length
      ? block(L, 'clients', a.clients, () =>
          grid(
            L,
            ['client', 'address', 'processingCategories'],
            a.clients.map((c) => [
              lines([
                [F.personName(c), c.company].filter(Boolean).join(', '),
                c.representative ? L.kv(L.t('clientRepresentative'), c.representative) : '',
                c.dpo ? L.kv(L.t('clientDpo'), c.dpo) : '',
              ]),
              lines([F.postalAddress(c), c.phone, c.email]),
              lines(c.processingCategories),
            ]),
            [30, 35, 35],
          ),
        )
      : ''
  }
  ${block(L, 'jointControllers', a.jointControllers, () =>
    grid(
      L,
      ['jointControllers', 'address', 'responsibilities'],
      a.jointControllers.map((j) => [[F.personName(j), j.company].filter(Boolean).join(', '), lines([F.postalAddress(j), j.phone, j.email]), j.responsibilities]),
      [28, 32, 40],
    ),
  )}
  <h4>${esc(L.t('moreInformation'))}</h4>
  ${kv4(L, [
    ['dpiaRequired', L.yesNo(a.dpia.required), 'dpiaStatus', L.dpiaStatus(a.dpia.status)],
    ['dpiaDate', L.date(a.dpia.date), 'automatedDecision', L.yesNo(a.automatedDecision.exists)],
  ])}
  ${kv(L, [
    ['dpiaCriteria', lines(a.dpia.criteria.map((c) => L.term('dpia_criterion', c)))],
    ['dpiaArt35', lines(a.dpia.art35Cases.map((c) => L.term('art35_case', c)))],
    ['dpiaOverride', F.dpiaOverride(L, a.dpia.override)],
    ['dpiaLink', printsField(L, 'dpiaLink') ? a.dpia.link : ''],
    ...F.dpiaDecisions(L, a.dpia),
    ['automatedDecisionDescription', a.automatedDecision.description],
    ['systems', printsField(L, 'systems') ? lines(a.systems.map((s) => F.system(L, s))) : ''],
    ['rights', a.rights],
    ['consentRecords', printsField(L, 'consentRecords') ? a.consentRecords : ''],
    ['breaches', printsField(L, 'breaches') ? a.breaches : ''],
  ])}
  ${review.length ? `<div class="review"><h4>⚠ ${esc(t(L.lang, 'export.review.title'))}</h4><ul>${review.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></div>` : ''}
</article>`;
}

/** A run of one part's activities inside a volume; `partStart` when the part begins there. */
interface VolumePiece {
  part: Part;
  activities: ActivitySummary[];
  partStart: boolean;
}

/** The named page of each organisation (its running header names it). */
const pageNamesOf = (source: ExportSource) => new Map(source.organisations.map((o, k) => [o.id, `org${k + 1}`]));

function* documentStart(source: ExportSource, L: Labels, pageNumbers: PageNumbers): Generator<string> {
  const pageNames = pageNamesOf(source);
  yield `<!doctype html><html lang="${L.lang}"><head><meta charset="utf-8"><title>${esc(L.t('registerTitle'))} — ${esc(source.organisations.map((o) => o.name).join(', '))}</title><style>${styles(L, source, pageNames, pageNumbers)}</style></head><body>`;
}

function* registerSections(source: ExportSource, L: Labels, pieces: VolumePiece[]): Generator<string> {
  const pageNames = pageNamesOf(source);
  for (const { part, activities, partStart } of pieces) {
    const page = part.organisation ? pageNames.get(part.organisation.id) : undefined;
    yield `<section class="register" style="${page ? `page: ${page}` : ''}">`;
    if (partStart) yield `<h2 class="part part-start" id="${part.id}">${esc(part.title)}</h2>`;
    for (const chunk of source.activities(activities)) {
      for (const a of chunk) yield activitySection(a, source.organisation(a.organisationId), L);
    }
    yield `</section>`;
  }
}

/** The whole document, in pieces (so a large register is never one giant string built twice). */
export function* renderDocument(source: ExportSource, L: Labels, appendix?: Appendix): Generator<string> {
  const parts = documentParts(source, L);
  yield* documentStart(source, L, 'css');
  yield coverPage(source, L);
  yield tableOfContents(parts, L, source.summaries.length, annexEntries(L, appendix));
  yield summaryTable(source, L);
  yield* registerSections(
    source,
    L,
    parts.map((part) => ({ part, activities: part.activities, partStart: true })),
  );
  if (showsReview(L.audience)) yield reviewAnnex(source.activities(), L);
  yield appendix?.html ?? '';
  yield `</body></html>`;
}

/**
 * The document as volumes of at most `perVolume` activities, each a complete HTML document printed
 * on its own and joined by assemble.ts. Chromium lays a printed document out in a time that grows
 * faster than its length, on one core: volumes print faster, and side by side.
 * The first volume holds the cover, the table of contents and the summary. Links across volumes
 * (the table of contents to a part or an activity printed later) still work once assembled: the
 * first volume holds a stand-in anchor for them, and each later volume links to its own, so that
 * Chromium records their places (it records only the anchors some link points to).
 */
export function renderVolumes(source: ExportSource, L: Labels, perVolume: number, appendix?: Appendix): string[] {
  const parts = documentParts(source, L);
  const volumes: VolumePiece[][] = [[]];
  let count = 0;
  for (const part of parts) {
    for (let start = 0; start < part.activities.length;) {
      if (count >= perVolume) {
        volumes.push([]);
        count = 0;
      }
      const take = Math.min(perVolume - count, part.activities.length - start);
      volumes.at(-1)!.push({ part, activities: part.activities.slice(start, start + take), partStart: start === 0 });
      start += take;
      count += take;
    }
  }
  const join = (pieces: Iterable<string>) => {
    let html = '';
    for (const piece of pieces) html += piece;
    return html;
  };
  // What the table of contents links to, volume by volume: the parts, and the activities when it lists them.
  const withActivities = source.summaries.length <= TOC_ACTIVITY_LINKS_LIMIT;
  const annexes = annexEntries(L, appendix);
  const linkedIn = (pieces: VolumePiece[], k: number) => [
    ...pieces.flatMap((p) => [...(p.partStart ? [p.part.id] : []), ...(withActivities ? p.activities.map((a) => anchor(a.id)) : [])]),
    // The sections after the activities are in the last volume.
    ...(k === volumes.length - 1 ? annexes.map((a) => a.id) : []),
  ];
  const later = volumes.slice(1).flatMap((pieces, k) => linkedIn(pieces, k + 1));
  return volumes.map((pieces, k) =>
    join(
      (function* () {
        yield* documentStart(source, L, 'assembled');
        // Out of the flow: they change no page.
        if (k === 0) yield later.map((id) => `<div class="anchor" id="${id}"></div>`).join('');
        else
          yield linkedIn(pieces, k)
            .map((id) => `<a class="anchor" href="#${id}"></a>`)
            .join('');
        if (k === 0) {
          yield coverPage(source, L);
          yield tableOfContents(parts, L, source.summaries.length, annexes);
          yield summaryTable(source, L);
        }
        yield* registerSections(source, L, pieces);
        if (k === volumes.length - 1 && showsReview(L.audience)) yield reviewAnnex(source.activities(), L);
        if (k === volumes.length - 1) yield appendix?.html ?? '';
        yield `</body></html>`;
      })(),
    ),
  );
}
