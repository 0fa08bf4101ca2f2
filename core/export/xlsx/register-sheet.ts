/**
 * The "Registre" / "Register" sheet, mirroring sheet 2 of the CNIL template ("Liste des
 * traitements"): for each organisation its identity blocks (the organisation, the person
 * responsible, the representative, the DPO), then one row per activity — Nom du traitement,
 * N° / RÉF, dates of creation and last update, purpose, special categories yes/no — the controller
 * register and the processor register kept apart, as the CNIL recommends.
 */
import type { ActivitySummary, Organisation } from '../../model/register.js';
import type { Contact } from '../../model/schemas.js';
import { asOfLine } from '../as-of-line.js';
import { showsInternal } from '../audience.js';
import { toSheetDate, type Labels } from '../labels.js';
import { describeScope } from '../scope.js';
import type { ExportSource } from '../source.js';
import { cell } from './cells.js';
import type { SheetWriter } from './sheet.js';

export const REGISTER_COLUMNS = [
  { width: 44 },
  { width: 14 },
  { width: 16, date: true },
  { width: 16, date: true },
  { width: 60 },
  { width: 14 },
  { width: 12 },
  { width: 20 },
  { width: 14 },
  { width: 30 },
];

export function writeRegisterSheet(sheet: SheetWriter, source: ExportSource, L: Labels): void {
  const t = (k: Parameters<Labels['t']>[0]) => cell(L.t(k));
  sheet.row([t('registerTitle')], 'title');
  sheet.row(
    [cell(`${describeScope(source.scope, L, source.organisations)} — ${L.t('exportedOn')} ${L.date(source.exportedAt)}${source.asOf ? ` — ${asOfLine(L, source.asOf)}` : ''}`)],
    'subtitle',
  );
  const byOrg = new Map<number, ActivitySummary[]>();
  for (const s of source.summaries) {
    const list = byOrg.get(s.organisationId) ?? [];
    list.push(s);
    byOrg.set(s.organisationId, list);
  }
  for (const org of source.organisations) {
    source.checkCancelled();
    sheet.blank();
    writeIdentity(sheet, org, L);
    const activities = byOrg.get(org.id) ?? [];
    const controller = activities.filter((a) => a.role !== 'processor');
    const processor = activities.filter((a) => a.role === 'processor');
    if (controller.length || !processor.length) writeList(sheet, L.t('controllerRegister'), controller, L);
    if (processor.length) writeList(sheet, L.t('processorRegister'), processor, L);
  }
}

function writeIdentity(sheet: SheetWriter, org: Organisation, L: Labels): void {
  sheet.row([cell(L.kv(L.t('organisation'), org.name))], 'section');
  sheet.row(
    [
      cell(L.t('organisation')),
      cell(L.t('legalForm')),
      cell(L.t('registrationNumber')),
      null,
      cell(L.t('address')),
      cell(L.t('postalCode')),
      cell(L.t('city')),
      cell(L.t('country')),
      cell(L.t('phone')),
      cell(L.t('email')),
    ],
    'header',
  );
  sheet.row([
    cell(org.name),
    cell(org.legalForm),
    cell(org.registrationNumber),
    null,
    cell(org.address),
    cell(org.postalCode),
    cell(org.city),
    cell(org.country),
    cell(org.phone),
    cell(org.email),
  ]);
  sheet.row(
    [
      null,
      cell(L.t('lastName')),
      cell(L.t('firstName')),
      cell(L.t('companyShort')),
      cell(L.t('address')),
      cell(L.t('postalCode')),
      cell(L.t('city')),
      cell(L.t('country')),
      cell(L.t('phone')),
      cell(L.t('email')),
    ],
    'header',
  );
  const contact = (label: string, c: Contact | null, extra = '') =>
    sheet.row([
      cell(label),
      cell(c?.name),
      cell(c?.firstName),
      cell(c?.company),
      cell(c?.address),
      cell(c?.postalCode),
      cell(c?.city),
      cell(c?.country),
      cell(c?.phone),
      cell([c?.email, extra].filter(Boolean).join('\n')),
    ]);
  // The public version gives the head's name, not their internal contact details.
  contact(L.t('headBlock'), org.head && !showsInternal(L.audience) ? { ...org.head, address: '', postalCode: '', city: '', country: '', phone: '', email: '' } : org.head);
  contact(L.t('representativeBlock'), org.representative);
  contact(L.t('dpoBlock'), org.dpo, org.dpo?.cnilDesignationNumber ? L.kv(L.t('cnilDesignationNumber'), org.dpo.cnilDesignationNumber) : '');
}

function writeList(sheet: SheetWriter, title: string, activities: ActivitySummary[], L: Labels): void {
  sheet.blank();
  sheet.row([cell(title)], 'section');
  sheet.row(
    [
      cell(L.t('name')),
      cell(L.t('ref')),
      cell(L.t('createdAt')),
      cell(L.t('updatedAt')),
      cell(L.t('purposeList')),
      cell(L.t('specialYesNo')),
      cell(L.t('status')),
      cell(L.t('role')),
    ],
    'header',
  );
  if (!activities.length) sheet.row([cell(L.t('none'))]);
  for (const a of activities) {
    sheet.row([
      cell(a.name),
      cell(a.ref),
      toSheetDate(a.createdAt),
      toSheetDate(a.updatedAt),
      cell(a.purpose),
      cell(L.yesNo(a.specialCategories)),
      cell(L.status(a.status)),
      cell(L.role(a.role)),
    ]);
  }
}
