/**
 * The register (or an extract) as a Word document, with the `docx` library: a cover (organisations,
 * scope, date, audience), a table of contents (a Word field, refreshed when the document opens),
 * the summary table, then per organisation and register a Heading 1 and one Heading 2 section per
 * activity with its fields as tables; the organisation in the running header, "page X / Y" in the
 * footer. The audience rules are those of the other formats (review.ts).
 */
import fs from 'node:fs';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { t } from '../../i18n/i18n.js';
import type { Activity } from '../../model/register.js';
import { APP_VERSION } from '../../version.js';
import { showsReview } from '../audience.js';
import * as F from '../format.js';
import type { Labels, TextKey } from '../labels.js';
import { documentParts } from '../pdf/template.js';
import { printsField, reviewPoints } from '../review.js';
import { describeScope } from '../scope.js';
import type { ExportSource } from '../source.js';

const FONT = 'Arial';
const HEAD_FILL = 'D9E1F2';

/** A paragraph per line of `text` (Word does not break lines on \n inside a run). */
function lines(text: string | null | undefined, opts: { bold?: boolean; size?: number } = {}): Paragraph[] {
  const parts = String(text ?? '').split('\n');
  return parts.map((p) => new Paragraph({ children: [new TextRun({ text: p, bold: opts.bold, size: opts.size, font: FONT })] }));
}

function cell(text: string | null | undefined, opts: { bold?: boolean; fill?: string; width?: number } = {}): TableCell {
  return new TableCell({
    children: lines(text, { bold: opts.bold, size: 18 }),
    shading: opts.fill ? { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } : undefined,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
  });
}

/** A table with a header row; widths in percent. */
export function gridTable(headers: string[], rows: (string | null | undefined)[][], widths?: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, k) => cell(h, { bold: true, fill: HEAD_FILL, width: widths?.[k] })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, k) => cell(v, { width: widths?.[k] })) })),
    ],
  });
}

/** Label / value rows, empty values left out. */
function kvTable(L: Labels, rows: [TextKey | string, string | null | undefined][]): Table | null {
  const kept = rows.filter(([, v]) => v);
  if (!kept.length) return null;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: kept.map(
      ([k, v]) => new TableRow({ cantSplit: true, children: [cell(L.has(k) ? L.t(k as TextKey) : k, { bold: true, fill: 'F2F5FA', width: 28 }), cell(v, { width: 72 })] }),
    ),
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: level, pageBreakBefore, children: [new TextRun({ text, font: FONT })] });
}

function activityBlocks(a: Activity, L: Labels, orgName: string): (Paragraph | Table)[] {
  const join = (items: string[]) => items.filter(Boolean).join('\n');
  const out: (Paragraph | Table)[] = [heading(`${a.ref} — ${a.name}`, HeadingLevel.HEADING_2)];
  const push = (x: Paragraph | Table | null) => x && out.push(x);
  push(
    kvTable(L, [
      ['organisation', orgName],
      ['role', L.role(a.role)],
      ['status', L.status(a.status)],
      ['department', a.department],
      ['owner', printsField(L, 'owner') ? a.owner : ''],
      ['createdAt', L.date(a.createdAt)],
      ['updatedAt', L.date(a.updatedAt)],
      ['description', a.description],
      ['purpose', a.purpose],
      ['subPurposes', join(a.subPurposes)],
      ['legalBases', join(F.basesPerPurpose(L, a, 'legal_basis'))],
      ['art9Conditions', join(F.basesPerPurpose(L, a, 'art9_condition'))],
      ['criminalDataBasis', a.criminalDataBasis],
      ['dataSubjects', join(a.dataSubjects.map(F.dataSubject))],
      ['dataSources', join(a.dataSources)],
    ]),
  );
  const block = (title: TextKey, rows: unknown[], table: () => Table) => {
    out.push(heading(L.t(title), HeadingLevel.HEADING_3));
    // Nothing recorded: the title alone (empty, not "none").
    if (rows.length) out.push(table());
  };
  block('dataCategories', a.dataCategories, () =>
    gridTable(
      [L.t('category'), L.t('description'), L.t('special')],
      a.dataCategories.map((c) => [c.label, c.description, L.yesNo(c.special)]),
      [36, 48, 16],
    ),
  );
  block('retention', a.retention, () =>
    gridTable(
      [L.t('appliesTo'), L.t('retentionPeriod')],
      a.retention.map((r) => [r.dataCategory || L.t('allCategories'), F.retention(L, { ...r, dataCategory: '' })]),
      [30, 70],
    ),
  );
  block('recipients', a.recipients, () =>
    gridTable(
      [L.t('recipient'), L.t('recipientType'), L.t('recipientRole')],
      a.recipients.map((r) => [r.name, L.term('recipient_type', r.type), join([r.role, r.precision])]),
      [34, 24, 42],
    ),
  );
  block('transfers', a.transfers, () =>
    gridTable(
      [L.t('recipient'), L.t('country'), L.t('safeguard'), L.t('documentation')],
      a.transfers.map((x) => [x.recipient, L.country(x.country), F.safeguard(L, x), join([x.documentation, F.transferAlert(L, x)])]),
      [24, 20, 26, 30],
    ),
  );
  if (printsField(L, 'securityMeasures')) {
    block('securityMeasures', a.securityMeasures, () =>
      gridTable(
        [L.t('measureType'), L.t('precisions')],
        a.securityMeasures.map((m) => [L.term('security_measure_type', m.type), m.precision]),
        [34, 66],
      ),
    );
  }
  if (a.jointControllers.length)
    block('jointControllers', a.jointControllers, () =>
      gridTable(
        [L.t('jointControllers'), L.t('responsibilities')],
        a.jointControllers.map((j) => [F.jointController(L, j), j.responsibilities]),
        [50, 50],
      ),
    );
  if (a.clients.length)
    block('clients', a.clients, () =>
      gridTable(
        [L.t('client'), L.t('processingCategories')],
        a.clients.map((c) => [F.client(L, c), c.processingCategories.join('\n')]),
        [50, 50],
      ),
    );
  out.push(heading(L.t('moreInformation'), HeadingLevel.HEADING_3));
  push(
    kvTable(L, [
      ['dpiaRequired', `${L.yesNo(a.dpia.required)} — ${L.dpiaStatus(a.dpia.status)}`],
      ['automatedDecision', join([L.yesNo(a.automatedDecision.exists), a.automatedDecision.description])],
      ['systems', printsField(L, 'systems') ? join(a.systems.map((s) => F.system(L, s))) : ''],
      ['rights', a.rights],
      ['securityNotes', printsField(L, 'securityNotes') ? a.securityNotes : ''],
      ['consentRecords', printsField(L, 'consentRecords') ? a.consentRecords : ''],
      ['breaches', printsField(L, 'breaches') ? a.breaches : ''],
      ['lastReviewedAt', L.date(a.lastReviewedAt)],
    ]),
  );
  if (showsReview(L.audience)) {
    const points = reviewPoints(a, L);
    if (points.length) {
      out.push(heading(`⚠ ${t(L.lang, 'export.review.title')}`, HeadingLevel.HEADING_3));
      for (const p of points) out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: p, font: FONT, color: 'C00000' })] }));
    }
  }
  return out;
}

/** Header and footer of every page: organisations; export date and "page X / Y". */
export function pageFurniture(L: Labels, headerText: string, footerText: string): Pick<ISectionOptions, 'headers' | 'footers'> {
  const small = (text: string) => new TextRun({ text, size: 16, font: FONT, color: '555555' });
  return {
    headers: { default: new Header({ children: [new Paragraph({ children: [small(headerText)] })] }) },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [small(`${footerText}    `), new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16, font: FONT, color: '555555' })],
          }),
        ],
      }),
    },
  };
}

export async function writeDocx(
  file: string,
  source: ExportSource,
  L: Labels,
  options: { onProgress?: (phase: string, done: number, total: number) => void; annexes?: (Paragraph | Table)[] } = {},
): Promise<void> {
  const parts = documentParts(source, L);
  const several = source.organisations.length > 1;
  const orgNames = source.organisations.map((o) => o.name).join(' · ');
  const children: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ children: [new TextRun({ text: L.t('kicker'), font: FONT, color: '1F3864' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 360 }, children: [new TextRun({ text: L.t('registerTitle'), font: FONT })] }),
    ...lines(`${t(L.lang, 'export.organisations')} — ${L.joinItems(source.organisations.map((o) => o.name))}`, { bold: true }),
    ...lines(`${L.t('scope')} — ${describeScope(source.scope, L, source.organisations)}`),
    ...lines(`${L.t('exportedOn')} ${L.date(source.exportedAt)}`),
    ...lines(t(L.lang, `export.audience.cover.${L.audience}`)),
    ...lines(`${L.t('activityCount')} : ${source.summaries.length}`),
  ];
  for (const o of source.organisations) {
    children.push(heading(o.name, HeadingLevel.HEADING_3));
    const k = kvTable(L, [
      ['address', F.postalAddress(o)],
      ['phone', o.phone],
      ['email', o.email],
      ['dpoBlock', o.dpo ? F.contactLine(o.dpo) : ''],
    ]);
    if (k) children.push(k);
  }
  children.push(new Paragraph({ children: [new TextRun({ text: `${L.t('generatedBy')} Art30 ${APP_VERSION}`, font: FONT, size: 16, color: '666666' })] }));
  children.push(heading(t(L.lang, 'export.docx.toc'), HeadingLevel.HEADING_1, true));
  children.push(new TableOfContents(t(L.lang, 'export.docx.toc'), { hyperlink: true, headingStyleRange: '1-2' }));
  children.push(heading(L.t('summary'), HeadingLevel.HEADING_1, true));
  const headers = [L.t('ref'), ...(several ? [L.t('organisation')] : []), L.t('name'), L.t('purposeList'), L.t('updatedAt'), L.t('status')];
  children.push(
    gridTable(
      headers,
      source.summaries.map((a) => [
        a.ref,
        ...(several ? [source.organisation(a.organisationId)?.name ?? ''] : []),
        a.name,
        a.purpose,
        L.date(a.updatedAt),
        `${L.role(a.role)}\n${L.status(a.status)}`,
      ]),
      several ? [9, 16, 22, 31, 10, 12] : [9, 26, 39, 12, 14],
    ),
  );
  let done = 0;
  const total = source.summaries.length;
  for (const part of parts) {
    children.push(heading(part.title, HeadingLevel.HEADING_1, true));
    for (const chunk of source.activities(part.activities)) {
      for (const a of chunk) children.push(...activityBlocks(a, L, source.organisation(a.organisationId)?.name ?? ''));
      done += chunk.length;
      options.onProgress?.(L.t('registerTitle'), done, total);
    }
  }
  if (showsReview(L.audience)) {
    children.push(heading(t(L.lang, 'export.review.annex'), HeadingLevel.HEADING_1, true));
    const rows: string[][] = [];
    for (const chunk of source.activities()) for (const a of chunk) for (const p of reviewPoints(a, L)) rows.push([a.ref, a.name, p]);
    children.push(
      rows.length
        ? gridTable([L.t('ref'), t(L.lang, 'export.review.activity'), t(L.lang, 'export.review.column')], rows, [12, 30, 58])
        : new Paragraph({ text: t(L.lang, 'export.review.none') }),
    );
  }
  // Sections other parts of Art30 add after the register (the DPO's sign-off, issue 25).
  children.push(...(options.annexes ?? []));
  source.checkCancelled();
  const doc = new Document({
    creator: `Art30 ${APP_VERSION}`,
    title: `${L.t('registerTitle')} — ${orgNames}`,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT }, margin: { top: 1134, bottom: 1134, left: 1020, right: 1020 } } },
        ...pageFurniture(L, orgNames, `${L.t('exportedOn')} ${L.date(source.exportedAt)}`),
        children,
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
}
