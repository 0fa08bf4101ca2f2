import type { DpiaAssessment } from './register.js';
import type { DpiaScreening } from './schemas.js';

/**
 * DPIA screening rule (Art. 35(3); EDPB WP248 and CNIL délibération 2018-326): any Art. 35(3)
 * case, or two criteria or more, means a DPIA is required. The controller may decide otherwise
 * only with a documented override.
 */
export function assessDpia(screening: DpiaScreening): DpiaAssessment {
  const suggested = screening.art35Cases.length > 0 || (screening.criteria.length >= 2 && new Set(screening.criteria).size >= 2);
  const required = screening.override ? screening.override.required : suggested;
  return { ...screening, suggested, required };
}
