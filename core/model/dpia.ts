import type { DpiaAssessment } from './register.js';
import type { DpiaScreening } from './schemas.js';

/**
 * DPIA screening rule (Art. 35(3); EDPB WP248 and CNIL délibération 2018-326): any Art. 35(3)
 * case, or two criteria or more, means a DPIA is required. The controller may decide otherwise
 * only with a documented override.
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
  return screening.art35Cases.length > 0 || (screening.criteria.length >= 2 && new Set(screening.criteria).size >= 2);
}
