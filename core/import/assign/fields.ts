/**
 * The register fields a spreadsheet column can be mapped to, with their French and English labels
 * (the blank template's headers) and the synonyms departments use. `kind` says how a cell is read.
 */
import { fieldKeywords, fieldWords } from '../vocabulary/index.js';

export type FieldKind = 'text' | 'list' | 'date' | 'yesno' | 'code';

export interface FieldDef {
  key: string;
  labelFr: string;
  labelEn: string;
  kind: FieldKind;
  /** Several columns may feed the field (their values are added together). */
  multi: boolean;
  /** The row is an error without it. */
  required?: boolean;
  /** Headers departments write for this field, any language (folded when compared). */
  synonyms: string[];
  /** Instructions for the blank template. */
  helpFr: string;
  helpEn: string;
}

const f = (key: string, labelFr: string, labelEn: string, kind: FieldKind, helpFr = '', helpEn = '', extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  labelFr,
  labelEn,
  kind,
  multi: kind === 'list',
  synonyms: fieldWords(key),
  helpFr,
  helpEn,
  ...extra,
});

export const FIELDS: FieldDef[] = [
  f('ref', 'Référence', 'Reference', 'text', 'Laisser vide : Art30 attribue une référence (T-001…).', 'Leave empty: Art30 assigns one (T-001…).'),
  f(
    'name',
    'Nom du traitement',
    'Processing activity',
    'text',
    'Un traitement par ligne, nommé par sa finalité (pas par le logiciel).',
    'One activity per row, named by its purpose (not by the software).',
    { required: true },
  ),
  f('purpose', 'Finalité', 'Purpose', 'text', 'Pourquoi les données sont traitées.', 'Why the data are processed.', { required: true }),
  f('subPurposes', 'Sous-finalités', 'Sub-purposes', 'list', 'Une par ligne ou séparées par « ; ».', 'One per line or separated by ";".'),
  f('role', 'Rôle', 'Role', 'code', 'Responsable de traitement, responsable conjoint ou sous-traitant.', 'Controller, joint controller or processor.'),
  f('status', 'Statut', 'Status', 'code', 'Brouillon, actif ou retiré.', 'Draft, active or retired.'),
  f('department', 'Service', 'Department', 'text', '', ''),
  f('owner', 'Responsable opérationnel', 'Owner', 'text', 'La personne qui répond du traitement dans le service.', 'The person accountable for the activity in the department.'),
  f('description', 'Description', 'Description', 'text', '', ''),
  f(
    'legalBases',
    'Base légale',
    'Legal basis',
    'list',
    'Consentement, contrat, obligation légale, intérêts vitaux, mission d’intérêt public, intérêt légitime.',
    'Consent, contract, legal obligation, vital interests, public task, legitimate interests.',
  ),
  f(
    'legalBasisJustification',
    'Justification de la base légale',
    'Legal basis justification',
    'text',
    'Texte de loi, ou intérêt légitime poursuivi.',
    'The law, or the legitimate interest pursued.',
  ),
  f('art9Conditions', 'Condition article 9', 'Article 9 condition', 'list', '', ''),
  f('criminalDataBasis', 'Base article 10', 'Article 10 basis', 'text', '', ''),
  f('dataSubjects', 'Personnes concernées', 'Data subjects', 'list', 'Salariés, clients, candidats… une par ligne.', 'Employees, customers, applicants… one per line.'),
  f('dataCategories', 'Catégories de données', 'Data categories', 'list', 'Une par ligne.', 'One per line.'),
  f(
    'specialCategories',
    'Données sensibles',
    'Special categories',
    'list',
    'Santé, opinions politiques… (article 9), condamnations (article 10).',
    'Health, political opinions… (Article 9), convictions (Article 10).',
  ),
  f('hasSpecialData', 'Données sensibles ? (oui/non)', 'Special category data? (yes/no)', 'yesno', '', ''),
  f('dataSources', 'Source des données', 'Data sources', 'list', '', ''),
  f(
    'recipients',
    'Destinataires',
    'Recipients',
    'list',
    'Un par ligne : nom du service, du prestataire ou de l’organisme.',
    'One per line: name of the department, provider or body.',
  ),
  f('recipientType', 'Type de destinataire', 'Recipient type', 'code', '', ''),
  f(
    'transferCountries',
    'Transferts hors UE (pays)',
    'Transfers outside the EU (countries)',
    'list',
    'Pays hors Union européenne, un par ligne.',
    'Countries outside the EU, one per line.',
  ),
  f('transferRecipients', 'Destinataire du transfert', 'Transfer recipient', 'list', '', ''),
  f(
    'transferSafeguard',
    'Garanties du transfert',
    'Transfer safeguard',
    'code',
    'Pays adéquat, clauses contractuelles types, BCR…',
    'Adequacy, standard contractual clauses, BCR…',
  ),
  f('transferDocumentation', 'Documentation du transfert', 'Transfer documentation', 'text', '', ''),
  f(
    'transferTia',
    'Analyse d’impact du transfert (TIA)',
    'Transfer impact assessment (TIA)',
    'text',
    'Référence de l’analyse d’impact du transfert (clauses types…).',
    'Reference of the transfer impact assessment (SCCs…).',
  ),
  f('retention', 'Durée de conservation', 'Retention period', 'list', 'Ex. : « 3 ans à compter de la fin du contrat ».', 'E.g. "3 years after contract end".'),
  f(
    'securityMeasures',
    'Mesures de sécurité',
    'Security measures',
    'list',
    'Contrôle d’accès, chiffrement, sauvegarde… une par ligne.',
    'Access control, encryption, backups… one per line.',
  ),
  f('securityNotes', 'Précisions sécurité', 'Security notes', 'text', '', ''),
  f('jointControllers', 'Responsables conjoints', 'Joint controllers', 'list', '', ''),
  f('systems', 'Logiciels et systèmes', 'Systems', 'list', '', ''),
  f('dpiaStatus', 'AIPD', 'DPIA', 'code', 'Non requise, prévue, en cours, réalisée.', 'Not required, planned, in progress, completed.'),
  f('dpiaLink', 'Lien vers l’AIPD', 'DPIA link', 'text', '', ''),
  f('automatedDecision', 'Décision automatisée (oui/non)', 'Automated decision (yes/no)', 'yesno', '', ''),
  f('automatedDecisionDescription', 'Précisions décision automatisée', 'Automated decision details', 'text', '', ''),
  f('rights', 'Droits des personnes', 'Rights', 'text', '', ''),
  f('consentRecords', 'Preuve du consentement', 'Consent records', 'text', '', ''),
  f('breaches', 'Violations de données', 'Personal data breaches', 'text', '', ''),
  f('lastReviewedAt', 'Date de dernière revue', 'Last reviewed', 'date', 'JJ/MM/AAAA', 'DD/MM/YYYY'),
  f('nextReviewAt', 'Date de prochaine revue', 'Next review', 'date', 'JJ/MM/AAAA', 'DD/MM/YYYY'),
  f('createdAt', 'Date de création', 'Created on', 'date', 'JJ/MM/AAAA', 'DD/MM/YYYY'),
  f('updatedAt', 'Date de mise à jour', 'Updated on', 'date', 'JJ/MM/AAAA', 'DD/MM/YYYY'),
  f('clients', 'Client (responsable de traitement)', 'Client controller', 'list', '', ''),
  f('clientProcessing', 'Traitements effectués pour le client', 'Processing carried out on behalf', 'list', '', ''),
  f('processors', 'Sous-traitants', 'Processors', 'list', '', ''),
];

/**
 * The words that say a header is about a field, beyond its labels and synonyms: stems in every language
 * (a word of a header matches a stem it starts with: "conserv" ← "conservation", "conservées"), and short
 * phrases ("how long", "hors ue"). A leading "~" marks a weak word that only helps ("données" says little
 * on its own). Kept as data with the synonyms, per language, in vocabulary/*.json ("keywords").
 */
export const KEYWORDS: Record<string, string[]> = fieldKeywords();

export const FIELD_BY_KEY = new Map(FIELDS.map((d) => [d.key, d]));
export type FieldKey = (typeof FIELDS)[number]['key'];
