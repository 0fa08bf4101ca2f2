/**
 * The detailed view of an activity: one column per field of the record, in the order of the CNIL
 * fiche, then the fields DPOs add. Used by the detailed sheet and the CSV; lists are written one
 * item per line, each item with its details as labelled parts that Art30 reads back (import/own-export).
 */
import type { Activity, Organisation } from '../model/register.js';
import { showsReview } from './audience.js';
import * as F from './format.js';
import * as C from '../import/own-export/codec.js';
import { printsField, reviewPoints } from './review.js';
import { toSheetDate, type Labels, type TextKey } from './labels.js';

export type CellValue = string | Date | null;

export interface DetailColumn {
  /** The field of `Activity` this column shows (tests check every field has a column). */
  field: keyof Activity | 'organisation' | 'specialCategories' | 'dpiaRequired';
  label: TextKey;
  width: number;
  date?: boolean;
  value(a: Activity, L: Labels, org: Organisation | undefined): CellValue;
}

const lines = (items: string[]) => C.writeLines(items);
const date = (iso: string): CellValue => toSheetDate(iso);

export const DETAIL_COLUMNS: DetailColumn[] = [
  { field: 'ref', label: 'ref', width: 10, value: (a) => a.ref },
  { field: 'name', label: 'name', width: 32, value: (a) => a.name },
  { field: 'organisation', label: 'organisation', width: 22, value: (_a, _L, org) => org?.name ?? '' },
  { field: 'role', label: 'role', width: 18, value: (a, L) => L.role(a.role) },
  { field: 'status', label: 'status', width: 10, value: (a, L) => L.status(a.status) },
  { field: 'createdAt', label: 'createdAt', width: 12, date: true, value: (a) => date(a.createdAt) },
  { field: 'updatedAt', label: 'updatedAt', width: 12, date: true, value: (a) => date(a.updatedAt) },
  { field: 'department', label: 'department', width: 18, value: (a) => a.department },
  { field: 'owner', label: 'owner', width: 20, value: (a) => a.owner },
  { field: 'description', label: 'description', width: 40, value: (a) => a.description },
  { field: 'purpose', label: 'purpose', width: 40, value: (a) => a.purpose },
  { field: 'subPurposes', label: 'subPurposes', width: 36, value: (a) => lines(a.subPurposes) },
  { field: 'legalBases', label: 'legalBases', width: 40, value: (a, L) => lines(F.basesPerPurpose(L, a, 'legal_basis')) },
  { field: 'art9Conditions', label: 'art9Conditions', width: 36, value: (a, L) => lines(F.basesPerPurpose(L, a, 'art9_condition')) },
  { field: 'criminalDataBasis', label: 'criminalDataBasis', width: 28, value: (a) => a.criminalDataBasis },
  { field: 'dataSubjects', label: 'dataSubjects', width: 32, value: (a, L) => lines(a.dataSubjects.map((s) => C.encodeDataSubject(L, s))) },
  { field: 'dataCategories', label: 'dataCategories', width: 48, value: (a, L) => lines(a.dataCategories.map((c) => C.encodeDataCategory(L, c))) },
  { field: 'specialCategories', label: 'specialYesNo', width: 12, value: (a, L) => L.yesNo(a.dataCategories.some((c) => c.special)) },
  { field: 'dataSources', label: 'dataSources', width: 28, value: (a) => lines(a.dataSources) },
  { field: 'recipients', label: 'recipients', width: 48, value: (a, L) => lines(a.recipients.map((r) => C.encodeRecipient(L, r))) },
  { field: 'transfers', label: 'transfers', width: 52, value: (a, L) => lines(a.transfers.map((t) => C.encodeTransfer(L, t, F.transferAlert(L, t)))) },
  { field: 'retention', label: 'retention', width: 52, value: (a, L) => lines(a.retention.map((r) => C.encodeRetention(L, r))) },
  { field: 'securityMeasures', label: 'securityMeasures', width: 48, value: (a, L) => lines(a.securityMeasures.map((m) => C.encodeSecurityMeasure(L, m))) },
  { field: 'securityNotes', label: 'securityNotes', width: 32, value: (a) => a.securityNotes },
  { field: 'jointControllers', label: 'jointControllers', width: 48, value: (a, L) => lines(a.jointControllers.map((j) => C.encodeJointController(L, j))) },
  { field: 'clients', label: 'clients', width: 52, value: (a, L) => lines(a.clients.map((c) => C.encodeClient(L, c))) },
  { field: 'dpiaRequired', label: 'dpiaRequired', width: 10, value: (a, L) => L.yesNo(a.dpia.required) },
  { field: 'dpia', label: 'dpiaStatus', width: 14, value: (a, L) => L.dpiaStatus(a.dpia.status) },
  { field: 'dpia', label: 'dpiaCriteria', width: 36, value: (a, L) => lines(a.dpia.criteria.map((c) => L.term('dpia_criterion', c))) },
  { field: 'dpia', label: 'dpiaArt35', width: 30, value: (a, L) => lines(a.dpia.art35Cases.map((c) => L.term('art35_case', c))) },
  { field: 'dpia', label: 'dpiaOverride', width: 36, value: (a, L) => F.dpiaOverride(L, a.dpia.override) },
  { field: 'dpia', label: 'dpiaDate', width: 12, date: true, value: (a) => date(a.dpia.date) },
  { field: 'dpia', label: 'dpiaLink', width: 28, value: (a) => a.dpia.link },
  { field: 'dpia', label: 'legal.dpia.cnilRequired', width: 36, value: (a, L) => F.dpiaDecisions(L, a.dpia)[0][1] },
  { field: 'dpia', label: 'legal.dpia.cnilExempted', width: 36, value: (a, L) => F.dpiaDecisions(L, a.dpia)[1][1] },
  { field: 'dpia', label: 'legal.dpia.dpoAdvice', width: 36, value: (a, L) => F.dpiaDecisions(L, a.dpia)[2][1] },
  { field: 'dpia', label: 'legal.dpia.priorConsultation', width: 30, value: (a, L) => F.dpiaDecisions(L, a.dpia)[3][1] },
  { field: 'automatedDecision', label: 'automatedDecision', width: 12, value: (a, L) => L.yesNo(a.automatedDecision.exists) },
  { field: 'automatedDecision', label: 'automatedDecisionDescription', width: 36, value: (a) => a.automatedDecision.description },
  { field: 'systems', label: 'systems', width: 36, value: (a, L) => lines(a.systems.map((s) => C.encodeSystem(L, s))) },
  { field: 'rights', label: 'rights', width: 36, value: (a) => a.rights },
  { field: 'consentRecords', label: 'consentRecords', width: 28, value: (a) => a.consentRecords },
  { field: 'breaches', label: 'breaches', width: 28, value: (a) => a.breaches },
  { field: 'lastReviewedAt', label: 'lastReviewedAt', width: 12, date: true, value: (a) => date(a.lastReviewedAt) },
  { field: 'lastReviewedBy', label: 'lastReviewedBy', width: 20, value: (a) => a.lastReviewedBy ?? '' },
  { field: 'nextReviewAt', label: 'nextReviewAt', width: 12, value: (a) => a.nextReviewAt ?? '' },
];

/**
 * The detailed columns for an export's audience: the public version leaves out security measures,
 * internal contacts and notes; the internal version adds the points to review beside each activity.
 */
export function detailColumnsFor(L: Labels): DetailColumn[] {
  const cols = DETAIL_COLUMNS.filter((c) => printsField(L, c.field) && (c.label !== 'dpiaLink' || printsField(L, 'dpiaLink')));
  if (showsReview(L.audience)) cols.push({ field: 'status', label: 'alert', width: 48, value: (a, L2) => lines(reviewPoints(a, L2)) });
  return cols;
}
