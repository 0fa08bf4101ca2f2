/** Points to review on an activity (`core/model/checks.ts`): key `checks.<code>`. */
import type { Entries } from '../catalogue.js';

export const en: Entries = {
  'checks.no_legal_basis': 'No lawful basis (Art. 6) is given.',
  'checks.purpose_without_legal_basis': 'The purpose “{{purpose}}” has no lawful basis (Art. 6).',
  'checks.purpose_bases_to_check':
    'The lawful bases were given to the main purpose when the register was upgraded: check which purpose each basis serves, then save or confirm them.',
  'checks.legal_basis_to_be_determined': 'The lawful basis is still to be determined.',
  'checks.legitimate_interests_unjustified': 'The legitimate interest pursued is not described.',
  'checks.special_without_art9': 'Special-category data is processed without an Art. 9(2) condition.',
  'checks.transfer_without_safeguard': 'Transfer to {{nameEn}} without a safeguard.',
  'checks.privacy_shield_legacy': 'Transfer to {{nameEn}} relies on the Privacy Shield, invalidated on 16 July 2020.',
  'checks.adequacy_not_applicable': '{{nameEn}} has no adequacy decision.',
  'checks.adequacy_partial': 'Partial adequacy for {{nameEn}}: {{scopeEn}}.',
  'checks.adequacy_pending': 'Adequacy decision for {{nameEn}} to be confirmed.',
  'checks.no_retention': 'No retention period is given.',
  'checks.no_security_measures': 'No security measure is described.',
  'checks.dpia_required_not_done': 'A DPIA is required and is not completed.',
  'checks.processor_without_client': 'No client controller is named.',
  'checks.import_to_complete': 'Imported as a draft without this field: complete it.',
  'checks.transfer_without_tia': 'Transfer to {{nameEn}}: no transfer impact assessment is referenced.',
  'checks.dpf_recipient_not_certified': 'Transfer to {{nameEn}}: {{recipient}} is not marked as certified under the Data Privacy Framework in the directory.',
  'checks.prior_consultation_pending': 'The prior consultation of the supervisory authority (Art. 36) is still to be done.',
};

export const fr: Entries = {
  'checks.no_legal_basis': 'Aucune base légale (art. 6) n’est indiquée.',
  'checks.purpose_without_legal_basis': 'La finalité « {{purpose}} » n’a pas de base légale (art. 6).',
  'checks.purpose_bases_to_check':
    'Les bases légales ont été données à la finalité principale lors de la mise à niveau du registre : vérifiez la finalité que sert chaque base, puis enregistrez-les ou confirmez-les.',
  'checks.legal_basis_to_be_determined': 'La base légale reste à déterminer.',
  'checks.legitimate_interests_unjustified': 'L’intérêt légitime poursuivi n’est pas décrit.',
  'checks.special_without_art9': 'Des données sensibles sont traitées sans condition de l’art. 9(2).',
  'checks.transfer_without_safeguard': 'Transfert vers {{nameFr}} sans garantie.',
  'checks.privacy_shield_legacy': 'Transfert vers {{nameFr}} fondé sur le Privacy Shield, invalidé le 16 juillet 2020.',
  'checks.adequacy_not_applicable': '{{nameFr}} ne bénéficie d’aucune décision d’adéquation.',
  'checks.adequacy_partial': 'Adéquation partielle pour {{nameFr}} : {{scopeFr}}.',
  'checks.adequacy_pending': 'Décision d’adéquation pour {{nameFr}} à confirmer.',
  'checks.no_retention': 'Aucune durée de conservation n’est indiquée.',
  'checks.no_security_measures': 'Aucune mesure de sécurité n’est décrite.',
  'checks.dpia_required_not_done': 'Une AIPD est requise et n’est pas terminée.',
  'checks.processor_without_client': 'Aucun responsable de traitement client n’est indiqué.',
  'checks.import_to_complete': 'Importé comme brouillon sans ce champ : complétez-le.',
  'checks.transfer_without_tia': 'Transfert vers {{nameFr}} : aucune analyse d’impact du transfert (TIA) n’est référencée.',
  'checks.dpf_recipient_not_certified': 'Transfert vers {{nameFr}} : {{recipient}} n’est pas indiqué comme certifié Data Privacy Framework dans l’annuaire.',
  'checks.prior_consultation_pending': 'La consultation préalable de l’autorité de contrôle (art. 36) reste à faire.',
};
