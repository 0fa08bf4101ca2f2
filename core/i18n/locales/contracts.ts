/**
 * Processor contracts (Art. 28, issue 23): their fields, their points to review, the overview's
 * section and the exports' sheet and section. Written as [English, French] pairs so that the two
 * languages keep the same keys.
 */
import type { Entries } from '../catalogue.js';

const pairs: Record<string, [en: string, fr: string]> = {
  'contracts.title': ['Processor contracts (Art. 28)', 'Contrats de sous-traitance (art. 28)'],
  'contracts.subject': ['The contract', 'Le contrat'],
  'contracts.none': ['No processor contract recorded.', 'Aucun contrat de sous-traitance enregistré.'],
  'contracts.contract_one': ['{{count}} contract', '{{count}} contrat'],
  'contracts.contract_other': ['{{count}} contracts', '{{count}} contrats'],
  'contracts.export.sheet': ['Processor contracts', 'Contrats sous-traitants'],
  // Fields
  'contracts.field.ref': ['Ref.', 'Réf.'],
  'contracts.field.processor': ['Processor', 'Sous-traitant'],
  'contracts.field.title': ['Title', 'Intitulé'],
  'contracts.field.signedOn': ['Signed on', 'Signé le'],
  'contracts.field.versionLabel': ['Version', 'Version'],
  'contracts.field.endsOn': ['Ends on', 'Fin le'],
  'contracts.field.reviewOn': ['Review on', 'À revoir le'],
  'contracts.field.clauses': ['Art. 28(3) clauses held', 'Clauses de l’art. 28.3 présentes'],
  'contracts.field.missingClauses': ['Clauses missing', 'Clauses manquantes'],
  'contracts.field.subProcessing': ['Sub-processing authorisation', 'Autorisation de sous-traitance ultérieure'],
  'contracts.field.subProcessors': ['Sub-processors', 'Sous-traitants ultérieurs'],
  'contracts.field.activities': ['Activities served', 'Traitements concernés'],
  'contracts.field.notes': ['Notes', 'Remarques'],
  'contracts.field.points': ['Points to review', 'Points à revoir'],
  'contracts.field.documents': ['Documents', 'Documents'],
  'contracts.field.organisation': ['Organisation', 'Organisme'],
  // Art. 28(3)
  'contracts.clause.a': ['(a) processes only on documented instructions', 'a) traite uniquement sur instruction documentée'],
  'contracts.clause.b': ['(b) confidentiality of the persons authorised', 'b) confidentialité des personnes autorisées'],
  'contracts.clause.c': ['(c) security measures (Art. 32)', 'c) mesures de sécurité (art. 32)'],
  'contracts.clause.d': ['(d) conditions for engaging another processor', 'd) conditions du recours à un autre sous-traitant'],
  'contracts.clause.e': ['(e) assistance with data subjects’ rights', 'e) aide à l’exercice des droits des personnes'],
  'contracts.clause.f': ['(f) assistance with Arts. 32 to 36 (security, breaches, DPIA)', 'f) aide pour les art. 32 à 36 (sécurité, violations, AIPD)'],
  'contracts.clause.g': ['(g) deletion or return of the data at the end', 'g) suppression ou restitution des données à la fin'],
  'contracts.clause.h': ['(h) information and audits', 'h) informations et audits'],
  'contracts.subProcessing.unstated': ['Not stated', 'Non précisée'],
  'contracts.subProcessing.general': ['General written authorisation', 'Autorisation écrite générale'],
  'contracts.subProcessing.specific': ['Specific written authorisation', 'Autorisation écrite spécifique'],
  'contracts.subProcessing.none': ['No sub-processing', 'Pas de sous-traitance ultérieure'],
  // The window
  'contracts.nav': ['Contracts', 'Contrats'],
  'contracts.ui.new': ['New contract', 'Nouveau contrat'],
  'contracts.ui.edit': ['Contract', 'Contrat'],
  'contracts.ui.intro': [
    'The Art. 28 contract of each processor: what Art. 28(3) requires it to hold, when it ends or is to be reviewed, its sub-processors, the activities it serves, and the signed documents.',
    'Le contrat art. 28 de chaque sous-traitant : ce que l’art. 28.3 exige qu’il contienne, quand il prend fin ou doit être revu, ses sous-traitants ultérieurs, les traitements qu’il sert, et les documents signés.',
  ],
  'contracts.ui.saved': ['Contract {{ref}} saved.', 'Contrat {{ref}} enregistré.'],
  'contracts.ui.chooseProcessor': ['Choose a processor of the directory', 'Choisir un sous-traitant de l’annuaire'],
  'contracts.ui.refHint': ['Left empty: the next C-number.', 'Laissée vide : le prochain numéro C-.'],
  'contracts.ui.subProcessor': ['Sub-processor', 'Sous-traitant ultérieur'],
  'contracts.ui.addSubProcessor': ['Add a sub-processor', 'Ajouter un sous-traitant ultérieur'],
  'contracts.ui.subProcessorName': ['Name', 'Nom'],
  'contracts.ui.subProcessorCountry': ['Country', 'Pays'],
  'contracts.ui.subProcessorService': ['Service', 'Prestation'],
  'contracts.ui.saveFirst': ['Save the contract to keep its documents.', 'Enregistrez le contrat pour conserver ses documents.'],
  'contracts.ui.confirmDelete': ['Delete this contract? The history keeps it.', 'Supprimer ce contrat ? L’historique le conserve.'],
  // Points to review
  'contracts.check.processor_without_contract': [
    'Processor {{processor}} has no Art. 28 contract (activities {{activities}})',
    'Le sous-traitant {{processor}} n’a pas de contrat art. 28 (traitements {{activities}})',
  ],
  'contracts.check.contract_expired': ['Contract {{ref}} with {{processor}} expired on {{date}}', 'Le contrat {{ref}} avec {{processor}} a pris fin le {{date}}'],
  'contracts.check.contract_review_due': ['Contract {{ref}} with {{processor}} is due for review on {{date}}', 'Le contrat {{ref}} avec {{processor}} est à revoir le {{date}}'],
  'contracts.check.contract_clauses_missing': [
    'Contract {{ref}} with {{processor}} lacks Art. 28(3) clause(s) {{clauses}}',
    'Il manque au contrat {{ref}} avec {{processor}} la ou les clauses {{clauses}} de l’art. 28.3',
  ],
  'contracts.check.subprocessing_unstated': [
    'Contract {{ref}} with {{processor}} names sub-processors without saying how they are authorised (Art. 28(2))',
    'Le contrat {{ref}} avec {{processor}} cite des sous-traitants ultérieurs sans dire comment ils sont autorisés (art. 28.2)',
  ],
  'contracts.check.subprocessor_transfer_missing': [
    'Sub-processor {{subProcessor}} of {{processor}} ({{ref}}) is in {{country}}, outside the EU, and no transfer there is recorded',
    'Le sous-traitant ultérieur {{subProcessor}} de {{processor}} ({{ref}}) est en {{country}}, hors UE, et aucun transfert n’y est enregistré',
  ],
  // Overview
  'contracts.overview.title': ['Processor contracts and documents', 'Contrats de sous-traitance et documents'],
  'contracts.overview.contracts_one': ['processor contract', 'contrat de sous-traitance'],
  'contracts.overview.contracts_other': ['processor contracts', 'contrats de sous-traitance'],
  'contracts.overview.processor_without_contract_one': ['processor without contract', 'sous-traitant sans contrat'],
  'contracts.overview.processor_without_contract_other': ['processors without contract', 'sous-traitants sans contrat'],
  'contracts.overview.contract_expired_one': ['contract expired', 'contrat échu'],
  'contracts.overview.contract_expired_other': ['contracts expired', 'contrats échus'],
  'contracts.overview.contract_review_due_one': ['contract due for review', 'contrat à revoir'],
  'contracts.overview.contract_review_due_other': ['contracts due for review', 'contrats à revoir'],
  'contracts.overview.contract_clauses_missing_one': ['contract lacking Art. 28(3) clauses', 'contrat incomplet (art. 28.3)'],
  'contracts.overview.contract_clauses_missing_other': ['contracts lacking Art. 28(3) clauses', 'contrats incomplets (art. 28.3)'],
  'contracts.overview.subprocessing_unstated_one': ['sub-processing authorisation not stated', 'autorisation de sous-traitance ultérieure non précisée'],
  'contracts.overview.subprocessing_unstated_other': ['sub-processing authorisations not stated', 'autorisations de sous-traitance ultérieure non précisées'],
  'contracts.overview.subprocessor_transfer_missing_one': ['sub-processor outside the EU without transfer', 'sous-traitant ultérieur hors UE sans transfert'],
  'contracts.overview.subprocessor_transfer_missing_other': ['sub-processors outside the EU without transfer', 'sous-traitants ultérieurs hors UE sans transfert'],
  'contracts.overview.documents_one': ['document kept in the register', 'document conservé dans le registre'],
  'contracts.overview.documents_other': ['documents kept in the register', 'documents conservés dans le registre'],
  // Errors
  'contracts.error.notFound': ['Contract {{id}} does not exist (it may have been deleted).', 'Le contrat {{id}} n’existe pas (il a peut-être été supprimé).'],
  'contracts.error.refTaken': ['Another contract of this organisation is already {{ref}}.', 'Un autre contrat de cet organisme porte déjà la référence {{ref}}.'],
  'contracts.error.processorNotFound': ['is not a recipient of the directory (#{{id}})', 'n’est pas un destinataire de l’annuaire (n° {{id}})'],
  'contracts.error.processorHasContracts': [
    '{{name}} is named by {{count}} processor contract(s): delete them first.',
    '{{name}} est cité par {{count}} contrat(s) de sous-traitance : supprimez-les d’abord.',
  ],
  'contracts.error.endsBeforeSigned': ['ends before it was signed', 'se termine avant sa signature'],
};

export const en: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [e]]) => [k, e]));
export const fr: Entries = Object.fromEntries(Object.entries(pairs).map(([k, [, f]]) => [k, f]));
