import type { DpiaAssessment } from './register.js';
import type { DpiaScreening } from './schemas.js';

/** A DPIA section with nothing screened yet. */
export const EMPTY_DPIA: DpiaScreening = {
  criteria: [],
  art35Cases: [],
  override: null,
  status: 'not_assessed',
  date: '',
  link: '',
  cnilRequired: [],
  cnilExempted: [],
  dpoAdvice: '',
  dpoAdviceDate: '',
  priorConsultation: 'not_needed',
  priorConsultationDate: '',
  priorConsultationRef: '',
};

/**
 * DPIA screening rule (Art. 35(3); EDPB WP248 and CNIL délibération 2018-326): any Art. 35(3)
 * case, a type of the CNIL's list of processing that always requires one (délibération 2018-327),
 * or two criteria or more, means a DPIA is required; a type of the CNIL's list of processing exempted
 * (délibération 2019-118) means it is not, unless an Art. 35(3) case or a 2018-327 type applies.
 * The controller may decide otherwise only with a documented override.
 */
export function assessDpia(screening: DpiaScreening): DpiaAssessment {
  const suggested = dpiaSuggested(screening);
  return { ...screening, suggested, required: screening.override ? screening.override.required : suggested };
}

/** Whether the screening calls for a DPIA (without building the whole assessment). */
export function dpiaRequired(screening: DpiaScreening): boolean {
  return screening.override ? screening.override.required : dpiaSuggested(screening);
}

function dpiaSuggested(screening: DpiaScreening): boolean {
  if (screening.art35Cases.length > 0 || (screening.cnilRequired?.length ?? 0) > 0) return true;
  if ((screening.cnilExempted?.length ?? 0) > 0) return false;
  return screening.criteria.length >= 2 && new Set(screening.criteria).size >= 2;
}
