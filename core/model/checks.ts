/**
 * Compliance checks on one activity: what a DPO (or the CNIL) would flag when reading the entry.
 * They never block a save — a draft may be incomplete — but the app and the exports show them.
 */
import { t, type MessageParams } from '../i18n/i18n.js';
import type { Activity, Country } from './register.js';

export type CheckCode =
  | 'no_legal_basis'
  | 'purpose_without_legal_basis'
  | 'purpose_bases_to_check'
  | 'legal_basis_to_be_determined'
  | 'legitimate_interests_unjustified'
  | 'special_without_art9'
  | 'transfer_without_safeguard'
  | 'adequacy_not_applicable'
  | 'adequacy_partial'
  | 'adequacy_pending'
  | 'privacy_shield_legacy'
  | 'no_retention'
  | 'no_security_measures'
  | 'dpia_required_not_done'
  | 'processor_without_client'
  | 'import_to_complete'
  | 'transfer_without_tia'
  | 'dpf_recipient_not_certified'
  | 'prior_consultation_pending';

/** What the checks know beyond the activity: the directory's DPF-certified recipients. */
export interface CheckContext {
  /** Whether the recipient named in a transfer is certified under the EU-US Data Privacy Framework. */
  dpfCertified?: (recipientName: string) => boolean;
}

/** Art. 46 tools after which the EDPB expects a transfer impact assessment. */
const TIA_SAFEGUARDS = new Set(['scc', 'sa_scc', 'bcr', 'code_of_conduct', 'certification', 'ad_hoc_clauses']);

/** A point to review; its text is the catalogue key `checks.<code>` with `params`, translated where shown. */
export interface ComplianceCheck {
  code: CheckCode;
  /** The field concerned, e.g. `transfers[0].safeguard`. */
  path: string;
  params: MessageParams;
}

/**
 * `countries` holds every transfer destination by code: countries and international organisations
 * (`ReferenceStore.destinations()`).
 */
export function checkActivity(
  a: Pick<Activity, 'legalBases' | 'dataCategories' | 'art9Conditions' | 'transfers' | 'retention' | 'securityMeasures' | 'dpia' | 'role' | 'clients' | 'status'> &
    Partial<Pick<Activity, 'name' | 'purpose' | 'subPurposes' | 'purposeBasesToCheck'>>,
  countries: Map<string, Country>,
  context: CheckContext = {},
): ComplianceCheck[] {
  const out: ComplianceCheck[] = [];
  const add = (code: CheckCode, path: string, params: MessageParams = {}) => out.push({ code, path, params });
  if (a.role !== 'processor') {
    if (!a.legalBases.length) add('no_legal_basis', 'legalBases');
    else purposeChecks(a, add);
    if (a.legalBases.some((b) => b.code === 'to_be_determined')) add('legal_basis_to_be_determined', 'legalBases');
    a.legalBases.forEach((b, i) => {
      if (b.code === 'legitimate_interests' && !b.justification.trim()) {
        add('legitimate_interests_unjustified', `legalBases[${i}].justification`);
      }
    });
    if (a.dataCategories.some((c) => c.special) && !a.art9Conditions.length) {
      add('special_without_art9', 'art9Conditions');
    }
  }
  a.transfers.forEach((t, i) => {
    const c = countries.get(t.country);
    const name = c ? `${c.nameFr}` : t.country;
    const nameEn = c ? `${c.nameEn}` : t.country;
    // Inside the EEA (and EU territory such as Réunion or the Åland Islands): no transfer.
    if (c?.eea) return;
    const path = `transfers[${i}].safeguard`;
    // A partial adequacy decision limited to certified organisations (the US Data Privacy Framework):
    // covered when the recipient is certified.
    const dpf = c?.adequacy === 'partial' && c.code === 'US' && Boolean(context.dpfCertified?.(t.recipient));
    if (!t.safeguard) {
      if (c?.adequacy === 'adequate' || dpf) return;
      add('transfer_without_safeguard', path, { nameFr: name, nameEn });
    } else if (t.safeguard === 'privacy_shield_legacy') {
      add('privacy_shield_legacy', path, { nameFr: name, nameEn });
    } else if (t.safeguard === 'adequacy' && c) {
      if (c.adequacy === 'none') add('adequacy_not_applicable', path, { nameFr: name, nameEn });
      if (c.adequacy === 'partial' && !dpf) {
        if (c.code === 'US' && context.dpfCertified) add('dpf_recipient_not_certified', path, { nameFr: name, nameEn, recipient: t.recipient });
        else add('adequacy_partial', path, { nameFr: name, nameEn, scopeFr: c.adequacyScopeFr, scopeEn: c.adequacyScopeEn });
      }
      if (c.adequacy === 'pending') add('adequacy_pending', path, { nameFr: name, nameEn });
    } else if (TIA_SAFEGUARDS.has(t.safeguard) && !t.tiaRef?.trim()) {
      add('transfer_without_tia', `transfers[${i}].tiaRef`, { nameFr: name, nameEn });
    }
  });
  if (a.status !== 'retired') {
    if (!a.retention.length) add('no_retention', 'retention');
    if (!a.securityMeasures.length) add('no_security_measures', 'securityMeasures');
    if (a.dpia.required && a.dpia.status !== 'completed') {
      add('dpia_required_not_done', 'dpia.status');
    }
    if (a.dpia.priorConsultation === 'to_do') add('prior_consultation_pending', 'dpia.priorConsultation');
  }
  if (a.role === 'processor' && !a.clients.length) {
    add('processor_without_client', 'clients');
  }
  // A draft imported without a required field: its placeholder ("À compléter") must be replaced.
  const placeholders = draftPlaceholders();
  for (const field of ['name', 'purpose'] as const) {
    const v = a[field]?.trim() ?? '';
    if (v && placeholders.some((p) => v.startsWith(p))) add('import_to_complete', field);
  }
  return out;
}

/**
 * Each purpose its own basis (issue 25): a purpose without one; the bases an older register or file
 * gave to the main purpose, until the DPO checks them (the purposes without a basis are then that
 * one point, not one each).
 */
function purposeChecks(
  a: Partial<Pick<Activity, 'purpose' | 'subPurposes' | 'purposeBasesToCheck' | 'legalBases'>>,
  add: (code: CheckCode, path: string, params?: MessageParams) => void,
) {
  if (a.purposeBasesToCheck) {
    add('purpose_bases_to_check', 'legalBases');
    return;
  }
  const served = new Set((a.legalBases ?? []).map((b) => b.purpose ?? 0));
  const purposes = [a.purpose, ...(a.subPurposes ?? [])];
  purposes.forEach((p, i) => {
    if (served.has(i)) return;
    add('purpose_without_legal_basis', i === 0 ? 'purpose' : `subPurposes[${i - 1}]`, { purpose: typeof p === 'string' ? p : '' });
  });
}

let placeholderTexts: string[] | undefined;
/** The placeholder a draft gets for a missing field, in both languages (translated once: the checks run for every activity of the overview). */
function draftPlaceholders(): string[] {
  return (placeholderTexts ??= [t('fr', 'mapping.draft.placeholder'), t('en', 'mapping.draft.placeholder')]);
}
