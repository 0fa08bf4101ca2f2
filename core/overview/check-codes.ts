/**
 * The kinds of points to review in the order the overview shows them. A module of its own so that the
 * register's filter (core/api/procedures/filter-extras.ts) knows them without loading the overview.
 */
import type { CheckCode } from '../model/checks.js';

/** Every kind of point to review, in the order shown (a Record, so that a new code cannot be forgotten). */
const CHECK_ORDER: Record<CheckCode, number> = {
  no_legal_basis: 1,
  purpose_without_legal_basis: 1.1,
  purpose_bases_to_check: 1.2,
  legal_basis_to_be_determined: 2,
  legitimate_interests_unjustified: 3,
  special_without_art9: 4,
  transfer_without_safeguard: 5,
  privacy_shield_legacy: 6,
  adequacy_not_applicable: 7,
  adequacy_partial: 8,
  adequacy_pending: 9,
  no_retention: 10,
  no_security_measures: 11,
  dpia_required_not_done: 12,
  processor_without_client: 13,
  transfer_without_tia: 14,
  dpf_recipient_not_certified: 15,
  prior_consultation_pending: 16,
  import_to_complete: 17,
};
export const CHECK_CODES = (Object.keys(CHECK_ORDER) as CheckCode[]).sort((a, b) => CHECK_ORDER[a] - CHECK_ORDER[b]);
