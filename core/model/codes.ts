/**
 * Fixed codes of the Article 30 register. Labels (French and English) live in the reference
 * tables seeded by a migration, so that a DPO can edit wording; the codes themselves are part of
 * the register document format and never change.
 */

export const ACTIVITY_ROLES = ['controller', 'joint_controller', 'processor'] as const;
export type ActivityRole = (typeof ACTIVITY_ROLES)[number];

export const ACTIVITY_STATUSES = ['draft', 'active', 'retired'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Art. 6(1) lawful bases, plus "to be determined" while an entry is drafted. */
export const LEGAL_BASES = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests', 'to_be_determined'] as const;
export type LegalBasisCode = (typeof LEGAL_BASES)[number];

/** Art. 9(2) conditions (a) to (j). */
export const ART9_CONDITIONS = [
  'explicit_consent',
  'employment_social_security',
  'vital_interests',
  'not_for_profit_body',
  'made_public',
  'legal_claims',
  'substantial_public_interest',
  'health_social_care',
  'public_health',
  'archiving_research_statistics',
] as const;
export type Art9ConditionCode = (typeof ART9_CONDITIONS)[number];

/** Transfer safeguards (Art. 45-47, 49). Privacy Shield survives only as a flagged legacy value. */
export const TRANSFER_SAFEGUARDS = [
  'adequacy',
  'scc',
  'bcr',
  'code_of_conduct',
  'certification',
  'public_authority_instrument',
  'ad_hoc_clauses',
  'derogation',
  /** Standard data protection clauses adopted by a supervisory authority, Art. 46(2)(d). */
  'sa_scc',
  /** Administrative arrangements between public authorities or bodies, Art. 46(3)(b). */
  'administrative_arrangement',
  'privacy_shield_legacy',
] as const;
export type TransferSafeguardCode = (typeof TRANSFER_SAFEGUARDS)[number];
export const LEGACY_SAFEGUARDS: readonly TransferSafeguardCode[] = ['privacy_shield_legacy'];

/** Art. 49(1) derogations: (a) to (g), and the second-subparagraph compelling legitimate interests. */
export const ART49_DEROGATIONS = [
  'explicit_consent',
  'contract_with_data_subject',
  'contract_in_interest_of_data_subject',
  'public_interest',
  'legal_claims',
  'vital_interests',
  'public_register',
  'compelling_legitimate_interests',
] as const;
export type Art49DerogationCode = (typeof ART49_DEROGATIONS)[number];

export const RECIPIENT_TYPES = [
  'internal',
  'processor',
  'sub_processor',
  'joint_controller',
  'third_party_controller',
  'public_authority',
  'partner',
  'third_country_recipient',
  'other',
] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

/** CNIL security measure types ("Mesures de sécurité" list of the template). */
export const SECURITY_MEASURE_TYPES = ['traceability', 'software_protection', 'backup', 'encryption', 'access_control', 'processor_oversight', 'other'] as const;
export type SecurityMeasureType = (typeof SECURITY_MEASURE_TYPES)[number];

/** EDPB / WP248 nine criteria (CNIL délibération 2018-326). */
export const DPIA_CRITERIA = [
  'evaluation_scoring',
  'automated_decision',
  'systematic_monitoring',
  'sensitive_data',
  'large_scale',
  'matching_datasets',
  'vulnerable_subjects',
  'innovative_technology',
  'prevents_right_or_service',
] as const;
export type DpiaCriterion = (typeof DPIA_CRITERIA)[number];

/** Art. 35(3) cases: a DPIA is always required. */
export const ART35_CASES = ['systematic_extensive_evaluation', 'large_scale_special_categories', 'public_area_monitoring'] as const;
export type Art35Case = (typeof ART35_CASES)[number];

export const DPIA_STATUSES = ['not_assessed', 'not_required', 'planned', 'in_progress', 'completed'] as const;
export type DpiaStatus = (typeof DPIA_STATUSES)[number];

/** CNIL list of processing types that always require a DPIA (délibération 2018-327). */
export const CNIL_DPIA_REQUIRED = [
  'health_establishments',
  'genetic_vulnerable',
  'hr_profiling',
  'employee_monitoring',
  'alerts_social_health',
  'whistleblowing',
  'health_data_warehouse',
  'profiling_contract_exclusion',
  'pooled_contract_breaches',
  'profiling_external_sources',
  'biometric_vulnerable',
  'social_housing',
  'social_support',
  'large_scale_location',
] as const;
export type CnilDpiaRequired = (typeof CNIL_DPIA_REQUIRED)[number];

/** CNIL list of processing types for which no DPIA is required (délibération 2019-118). */
export const CNIL_DPIA_EXEMPTED = [
  'hr_small_organisations',
  'supplier_relations',
  'association_members',
  'individual_health_practice',
  'lawyers',
  'court_clerks',
  'notaries',
  'access_control_working_time',
  'breathalyser_transport',
] as const;
export type CnilDpiaExempted = (typeof CNIL_DPIA_EXEMPTED)[number];

/** Prior consultation of the supervisory authority (Art. 36). */
export const PRIOR_CONSULTATION_STATUSES = ['not_needed', 'to_do', 'submitted', 'answered'] as const;
export type PriorConsultationStatus = (typeof PRIOR_CONSULTATION_STATUSES)[number];

/** Final fate of data; public bodies also decide "tri" (sort) and "versement" (deposit) with the archives. */
export const RETENTION_FINAL_FATES = ['delete', 'anonymise', 'archive', 'sort', 'deposit'] as const;
export type RetentionFinalFate = (typeof RETENTION_FINAL_FATES)[number];

export const ADEQUACY_STATUSES = ['eea', 'adequate', 'partial', 'pending', 'none'] as const;
/**
 * eea: inside the EEA, no transfer. adequate: full adequacy decision. partial: adequacy limited in
 * scope (e.g. US: DPF-certified organisations only). pending: reported, to be confirmed by the DPO.
 */
export type AdequacyStatus = (typeof ADEQUACY_STATUSES)[number];

/** Editable catalogues (labels and extra entries live in the database). */
export const VOCABULARY_KINDS = [
  'legal_basis',
  'art9_condition',
  'data_category',
  'data_subject_category',
  'recipient_type',
  'security_measure_type',
  'transfer_safeguard',
  'art49_derogation',
  'dpia_criterion',
  'art35_case',
  'dpia_cnil_required',
  'dpia_cnil_exempted',
  'retention_final_fate',
] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

export const CHANGE_SOURCES = ['ui', 'cli', 'import', 'web', 'system'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];
