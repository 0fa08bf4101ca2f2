/**
 * One "fiche" sheet per activity, in the layout of sheet 3 of the CNIL template ("Modèle de fiche
 * de registre"): identification, actors, purposes, data categories with retention, special
 * categories, data subjects, recipients, security measures, transfers outside the EU — then the
 * further information DPOs add (legal bases, DPIA, systems, rights…).
 */
import type { Activity, Organisation } from '../../model/register.js';
import type { Contact } from '../../model/schemas.js';
import * as F from '../format.js';
import { toSheetDate, type Labels, type TextKey } from '../labels.js';
import { t as tr } from '../../i18n/i18n.js';
import { showsReview } from '../audience.js';
import { printsField, reviewPoints } from '../review.js';
import { cell } from './cells.js';
import type { ColumnSpec, RowStyle, SheetWriter } from './sheet.js';

export const FICHE_COLUMNS: ColumnSpec[] = [{ width: 24 }, { width: 17 }, { width: 19 }, { width: 9 }, { width: 11 }, { width: 10 }, { width: 13 }, { width: 14 }];
type Part = [string | Date | null, number];

/** A row of spans: each part takes `span` columns (merged), the height fits the longest text. */
function spanRow(sheet: SheetWriter, parts: Part[], style: RowStyle = 'plain', note?: string): void {
  const values: ReturnType<typeof cell>[] = [];
  const merges: [number, number][] = [];
  let col = 1;
  for (const [value, span] of parts) {
    values.push(cell(value, note));
    for (let k = 1; k < span; k++) values.push(null);
    if (span > 1) merges.push([col, col + span - 1]);
    col += span;
  }
  // The sheet measures the text of each (merged) cell with its font: see text-metrics.ts.
  sheet.row(values, style, { merges });
}

/** Label in column A, value across B:H. */
function field(sheet: SheetWriter, label: string, value: string | Date | null, note?: string): void {
  spanRow(
    sheet,
    [
      [label, 1],
      [value, 7],
    ],
    'plain',
    note,
  );
}

type Cells = (string | Date | null)[];

/** A table of the fiche: a blank line, its header, then a row per item (or "None"), each column spanning as its header does. */
function table(sheet: SheetWriter, L: Labels, note: string, header: [TextKey, number][], rows: Cells[]): void {
  sheet.blank();
  spanRow(
    sheet,
    header.map(([key, span]) => [L.t(key), span]),
    'header',
  );
  // Nothing recorded: an empty row under the header (empty, not "none").
  if (!rows.length) spanRow(sheet, [['', 8]]);
  for (const row of rows)
    spanRow(
      sheet,
      row.map((value, k) => [value, header[k][1]]),
      'plain',
      note,
    );
}

function actor(sheet: SheetWriter, label: string, c: Partial<Contact> | null, name?: string): void {
  sheet.row([
    cell(label),
    cell(name ?? (c ? F.personName(c) || c.company : '')),
    cell(c?.address),
    cell(c?.postalCode),
    cell(c?.city),
    cell(c?.country),
    cell(c?.phone),
    cell(c?.email),
  ]);
}

export function writeFicheSheet(sheet: SheetWriter, a: Activity, org: Organisation | undefined, L: Labels): void {
  const t = (k: Parameters<Labels['t']>[0]) => L.t(k);
  const note = t('truncated');
  spanRow(
    sheet,
    [
      [`${t('fiche')} — ${org?.name ?? ''}`, 7],
      [a.ref, 1],
    ],
    'title',
  );
  sheet.blank();
  field(sheet, t('name'), a.name);
  field(sheet, t('ref'), a.ref);
  field(sheet, t('createdAt'), toSheetDate(a.createdAt));
  field(sheet, t('updatedAt'), toSheetDate(a.updatedAt));
  field(sheet, t('role'), L.role(a.role));
  field(sheet, t('status'), L.status(a.status));
  if (a.department) field(sheet, t('department'), a.department);
  if (a.owner && printsField(L, 'owner')) field(sheet, t('owner'), a.owner);
  if (a.description) field(sheet, t('description'), a.description, note);

  sheet.blank();
  sheet.row(
    [t('actors'), t('lastName'), t('address'), t('postalCode'), t('city'), t('country'), t('phone'), t('email')].map((v) => cell(v)),
    'header',
  );
  const orgContact: Partial<Contact> | null = org ? { ...org, firstName: '' } : null;
  actor(sheet, a.role === 'processor' ? t('processorActor') : t('controller'), orgContact, org?.name);
  actor(sheet, t('dpoActor'), org?.dpo ?? null);
  actor(sheet, t('dpoCompany'), org?.dpo?.company ? { company: org.dpo.company } : null, org?.dpo?.company ?? '');
  actor(
    sheet,
    t('representativeActor'),
    org?.representative ?? null,
    org?.representative ? [F.personName(org.representative), org.representative.company].filter(Boolean).join(', ') : '',
  );
  if (a.role !== 'processor' || a.jointControllers.length) {
    if (!a.jointControllers.length) actor(sheet, t('jointControllers'), null);
    for (const j of a.jointControllers) {
      actor(sheet, t('jointControllers'), j, [F.personName(j), j.company].filter(Boolean).join(', '));
      if (j.responsibilities) field(sheet, `   ${t('responsibilities')}`, j.responsibilities, note);
    }
  }
  for (const c of a.clients) {
    actor(sheet, t('client'), c, [F.personName(c), c.company].filter(Boolean).join(', '));
    if (c.representative) field(sheet, `   ${t('clientRepresentative')}`, c.representative);
    if (c.dpo) field(sheet, `   ${t('clientDpo')}`, c.dpo);
    field(sheet, `   ${t('processingCategories')}`, c.processingCategories.join('\n'));
  }

  sheet.blank();
  spanRow(sheet, [[t('purposes'), 8]], 'section');
  field(sheet, t('purpose'), a.purpose, note);
  a.subPurposes.forEach((p, k) => field(sheet, `${t('subPurpose')} ${k + 1}`, p, note));

  const ordinary = a.dataCategories.filter((c) => !c.special);
  const special = a.dataCategories.filter((c) => c.special);
  const retentionText = (label: string) =>
    F.retentionFor(label, a.retention)
      .map((r) => F.retention(L, { ...r, dataCategory: '' }))
      .join('\n');
  const categoryRow = (c: (typeof a.dataCategories)[number]): Cells => [c.label, c.description, retentionText(c.label)];
  table(
    sheet,
    L,
    note,
    [
      ['dataCategories', 1],
      ['description', 3],
      ['retentionPeriod', 4],
    ],
    [
      ...ordinary.map(categoryRow),
      ...F.orphanRetention(a.dataCategories, a.retention).map((r): Cells => [r.dataCategory, null, F.retention(L, { ...r, dataCategory: '' })]),
      ...(a.dataCategories.length ? [] : a.retention.map((r): Cells => [L.t('allCategories'), null, F.retention(L, r)])),
    ],
  );

  table(
    sheet,
    L,
    note,
    [
      ['specialCategories', 1],
      ['description', 3],
      ['retentionPeriod', 4],
    ],
    special.map(categoryRow),
  );
  for (const line of F.basesPerPurpose(L, a, 'art9_condition')) field(sheet, t('art9Conditions'), line, note);
  if (a.criminalDataBasis) field(sheet, t('criminalDataBasis'), a.criminalDataBasis, note);

  table(
    sheet,
    L,
    note,
    [
      ['dataSubjects', 1],
      ['precisions', 5],
      ['volume', 2],
    ],
    a.dataSubjects.map((x) => [x.label, x.precision, x.volume]),
  );

  table(
    sheet,
    L,
    note,
    [
      ['recipients', 1],
      ['recipientType', 2],
      ['precisions', 5],
    ],
    a.recipients.map((r) => [r.name, L.term('recipient_type', r.type), [r.role, r.precision].filter(Boolean).join('\n')]),
  );

  if (printsField(L, 'securityMeasures')) {
    table(
      sheet,
      L,
      note,
      [
        ['securityMeasures', 1],
        ['measureType', 2],
        ['precisions', 5],
      ],
      a.securityMeasures.map((m, k) => [`${t('securityMeasures')} ${k + 1}`, L.term('security_measure_type', m.type), m.precision]),
    );
    if (a.securityNotes) field(sheet, t('securityNotes'), a.securityNotes, note);
  }

  table(
    sheet,
    L,
    note,
    [
      ['transfers', 1],
      ['country', 1],
      ['safeguard', 2],
      ['documentation', 4],
    ],
    a.transfers.map((x) => {
      const info = L.countryInfo(x.country);
      const country = `${L.country(x.country)}${info ? `\n(${L.adequacy(info.adequacy, x.country)})` : ''}`;
      const tia = x.tiaRef ? L.kv(L.t('legal.tiaRef'), x.tiaRef) : '';
      return [x.recipient, country, F.safeguard(L, x), [x.documentation, tia, F.transferAlert(L, x)].filter(Boolean).join('\n')];
    }),
  );

  sheet.blank();
  spanRow(sheet, [[t('moreInformation'), 8]], 'section');
  field(sheet, t('legalBases'), F.basesPerPurpose(L, a, 'legal_basis').join('\n'), note);
  field(sheet, t('dataSources'), a.dataSources.join('\n'), note);
  field(sheet, t('dpiaRequired'), `${L.yesNo(a.dpia.required)} — ${L.dpiaStatus(a.dpia.status)}`);
  if (a.dpia.criteria.length) field(sheet, t('dpiaCriteria'), a.dpia.criteria.map((c) => L.term('dpia_criterion', c)).join('\n'));
  if (a.dpia.art35Cases.length) field(sheet, t('dpiaArt35'), a.dpia.art35Cases.map((c) => L.term('art35_case', c)).join('\n'));
  if (a.dpia.override) field(sheet, t('dpiaOverride'), F.dpiaOverride(L, a.dpia.override), note);
  if (a.dpia.date) field(sheet, t('dpiaDate'), toSheetDate(a.dpia.date));
  if (a.dpia.link && printsField(L, 'dpiaLink')) field(sheet, t('dpiaLink'), a.dpia.link);
  for (const [label, value] of F.dpiaDecisions(L, a.dpia)) if (value) field(sheet, label, value, note);
  field(sheet, t('automatedDecision'), [L.yesNo(a.automatedDecision.exists), a.automatedDecision.description].filter(Boolean).join(' — '), note);
  if (printsField(L, 'systems')) field(sheet, t('systems'), a.systems.map((s) => F.system(L, s)).join('\n'), note);
  field(sheet, t('rights'), a.rights, note);
  if (printsField(L, 'consentRecords')) field(sheet, t('consentRecords'), a.consentRecords, note);
  if (printsField(L, 'breaches')) field(sheet, t('breaches'), a.breaches, note);
  field(sheet, t('lastReviewedAt'), toSheetDate(a.lastReviewedAt));
  if (showsReview(L.audience)) {
    sheet.blank();
    spanRow(sheet, [[tr(L.lang, 'export.review.title'), 8]], 'section');
    const points = reviewPoints(a, L);
    if (!points.length) spanRow(sheet, [[tr(L.lang, 'export.review.none'), 8]]);
    for (const p of points)
      spanRow(sheet, [
        ['⚠', 1],
        [p, 7],
      ]);
  }
}
